/**
 * Agreement checks: a Monte Carlo estimate against a closed form, judged by its z-score
 * z = (estimate − expected)/stderr. Notebooks show the results as a table (`showCheck`) and
 * call `assertAgreement` so that a failing check fails the run.
 */
import * as validate from "../validate";

/** Input of {@link check}. */
export interface CheckOptions {
  /** What is being checked, e.g. "E[V], n = 100". */
  label: string;
  /** The Monte Carlo estimate (NaN makes the check fail). */
  estimate: number;
  /** Its standard error (finite, ≥ 0). */
  stderr: number;
  /** The closed-form value (finite). */
  expected: number;
  /** Largest |z| that passes (> 0); default 5. */
  maxZ?: number;
  /**
   * The plausible wrong value the check must exclude (the other timing convention, the formula
   * without the covariance, the naive formula…). The check passes only if the estimate is also at
   * least `minZ` standard errors from it: a check that cannot tell the two apart proves nothing.
   */
  alternative?: { label: string; value: number; minZ?: number };
}

/** What a check says about its plausible alternative. */
export interface CheckAlternative {
  label: string;
  value: number;
  /** (estimate − value)/scale, with the scale of the check's own z. */
  z: number;
  /** Smallest |z| that excludes the alternative (default 5). */
  minZ: number;
  /** Whether |z| ≥ minZ. */
  excluded: boolean;
}

/** The outcome of one check. */
export interface CheckResult {
  label: string;
  estimate: number;
  stderr: number;
  expected: number;
  /** (estimate − expected)/max(stderr, rounding scale); 0 when equal; ±∞ when both scales are 0 but they differ. */
  z: number;
  maxZ: number;
  /** |z| ≤ maxZ, and the alternative (if any) excluded. */
  pass: boolean;
  /** The alternative, when one was declared. */
  alternative?: CheckAlternative;
}

/** Relative rounding allowance, in units of machine epsilon, below which no stderr is taken. */
export const ROUNDING_ULPS = 64;

/** (estimate − target)/scale, with ±∞ for a nonzero difference at zero scale. */
function zScore(difference: number, scale: number): number {
  if (scale > 0) return difference / scale;
  if (difference === 0) return 0;
  return difference > 0 ? Infinity : difference < 0 ? -Infinity : NaN;
}

/**
 * Compares an estimate with its expected value; passes when |z| ≤ maxZ. z = (estimate − expected)/s
 * with s = max(stderr, 64ε·max(|estimate|, |expected|)), so an exact estimate off by rounding passes.
 * With an `alternative`, it passes only if the estimate is also ≥ minZ (default 5) scales from it.
 *
 * @example
 * check({ label: "E[V]", estimate: 0.502, stderr: 0.001, expected: 0.5 }).z; // → 2
 * check({ label: "E[V]", estimate: 0.502, stderr: 0.001, expected: 0.5, alternative: { label: "t ≥ 0", value: 0.51 } }).alternative?.z; // → -8
 */
export function check(options: CheckOptions): CheckResult {
  validate.knownKeys("check options", options ?? {}, [
    "label",
    "estimate",
    "stderr",
    "expected",
    "maxZ",
    "alternative",
  ]);
  const { label, estimate, stderr, expected, maxZ = 5, alternative } = options;
  if (typeof label !== "string" || label.length === 0) {
    throw new RangeError(`label must be a non-empty string; received ${JSON.stringify(label) ?? String(label)}`);
  }
  if (typeof estimate !== "number") throw new RangeError(`estimate must be a number; received ${String(estimate)}`);
  validate.nonNegative("stderr", stderr);
  validate.finite("expected", expected);
  validate.positive("maxZ", maxZ);
  const difference = estimate - expected;
  // An exact estimate (stderr 0, e.g. the conditional estimator at n = 1) still carries the
  // rounding of double arithmetic: the scale of z never drops below a few dozen ulps.
  const rounding = ROUNDING_ULPS * Number.EPSILON * Math.max(Math.abs(estimate), Math.abs(expected));
  const scale = Math.max(stderr, rounding);
  const z = zScore(difference, scale);
  const agrees = Math.abs(z) <= maxZ;
  if (alternative === undefined) return { label, estimate, stderr, expected, z, maxZ, pass: agrees };
  validate.knownKeys("alternative", alternative ?? {}, ["label", "value", "minZ"]);
  if (typeof alternative.label !== "string" || alternative.label.length === 0) {
    throw new RangeError(`alternative.label must be a non-empty string; received ${String(alternative.label)}`);
  }
  validate.finite("alternative.value", alternative.value);
  const minZ = alternative.minZ === undefined ? 5 : validate.positive("alternative.minZ", alternative.minZ);
  const altZ = zScore(estimate - alternative.value, scale);
  const excluded = Math.abs(altZ) >= minZ;
  return {
    label,
    estimate,
    stderr,
    expected,
    z,
    maxZ,
    pass: agrees && excluded,
    alternative: { label: alternative.label, value: alternative.value, z: altZ, minZ, excluded },
  };
}

function describe(r: CheckResult): string {
  const base = `${r.label}: estimate ${r.estimate} ± ${r.stderr} (stderr), expected ${r.expected}, z = ${r.z} (|z| must be ≤ ${r.maxZ})`;
  const alt = r.alternative;
  if (!alt || alt.excluded) return base;
  return `${base}; cannot exclude the alternative "${alt.label}" = ${alt.value}: z = ${alt.z} (|z| must be ≥ ${alt.minZ})`;
}

/**
 * Throws an Error listing every failing check (label, estimate, stderr, expected, z); returns the
 * results unchanged when all pass.
 *
 * @example
 * assertAgreement(check({ label: "E[V]", estimate: 0.502, stderr: 0.001, expected: 0.5 })); // passes: |z| = 2 ≤ 5
 */
export function assertAgreement<T extends CheckResult | CheckResult[]>(results: T): T {
  const list: CheckResult[] = Array.isArray(results) ? results : [results];
  if (list.length === 0) throw new RangeError("results must contain at least one check result; received []");
  const failures = list.filter((r) => !r.pass);
  if (failures.length > 0) {
    throw new Error(
      `${failures.length} of ${list.length} agreement check${list.length === 1 ? "" : "s"} failed:\n` +
        failures.map((r) => `  - ${describe(r)}`).join("\n"),
    );
  }
  return results;
}
