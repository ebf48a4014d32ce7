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
  pass: boolean;
}

/** Relative rounding allowance, in units of machine epsilon, below which no stderr is taken. */
export const ROUNDING_ULPS = 64;

/**
 * Compares an estimate with its expected value; passes when |z| ≤ maxZ. z = (estimate − expected)/s
 * with s = max(stderr, 64ε·max(|estimate|, |expected|)), so an exact estimate off by rounding passes.
 *
 * @example
 * check({ label: "E[V]", estimate: 0.502, stderr: 0.001, expected: 0.5 }).z; // → 2
 */
export function check({ label, estimate, stderr, expected, maxZ = 5 }: CheckOptions): CheckResult {
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
  const z =
    scale > 0
      ? difference / scale
      : difference === 0
        ? 0
        : difference > 0
          ? Infinity
          : difference < 0
            ? -Infinity
            : NaN;
  return { label, estimate, stderr, expected, z, maxZ, pass: Math.abs(z) <= maxZ };
}

function describe(r: CheckResult): string {
  return `${r.label}: estimate ${r.estimate} ± ${r.stderr} (stderr), expected ${r.expected}, z = ${r.z} (|z| must be ≤ ${r.maxZ})`;
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
