/**
 * Goodness-of-fit statistics for testing samplers: Pearson's chi-square on bins (with exact χ²
 * tail probabilities and quantiles) and the one-sample Kolmogorov–Smirnov statistic.
 *
 * The χ² distribution with k degrees of freedom is Gamma(k/2, scale 2), so its upper tail is the
 * regularized upper incomplete gamma function Q(k/2, x/2) and its upper-α point is 2·Q⁻¹(k/2, α).
 * stdlib computes both to near machine precision, straight from α: no 1 − α that would lose the
 * digits of a small α.
 */
import gammainc from "@stdlib/math-base-special-gammainc";
import gammaincinv from "@stdlib/math-base-special-gammaincinv";
import * as validate from "../validate";

/** Input of {@link chiSquare}. */
export interface ChiSquareOptions {
  /** Observed counts per bin. */
  observed: ArrayLike<number>;
  /** Expected counts per bin (all > 0), same length. */
  expected: ArrayLike<number>;
}

/** Pearson's statistic and its approximate upper-tail p-value. */
export interface ChiSquareResult {
  statistic: number;
  /** Bins − 1 (the expected counts are fully specified). */
  degreesOfFreedom: number;
  /** P(χ²_df ≥ statistic), exact. */
  pValue: number;
}

/** P(χ²_k ≥ x): the regularized upper incomplete gamma Q(k/2, x/2). */
function chiSquareSurvival(x: number, k: number): number {
  return gammainc(x / 2, k / 2, true, true);
}

/**
 * Pearson's chi-square Σ (O − E)²/E over bins, with its exact upper-tail p-value.
 *
 * @example
 * chiSquare({ observed: [10, 20, 30], expected: [20, 20, 20] }).pValue; // → 0.00673795
 */
export function chiSquare(options: ChiSquareOptions): ChiSquareResult {
  validate.knownKeys("chiSquare options", options ?? {}, ["observed", "expected"]);
  const { observed, expected } = options;
  if (observed?.length !== expected?.length || observed.length < 2) {
    throw new RangeError(
      `observed and expected must have the same length ≥ 2; received ${observed?.length} and ${expected?.length}`,
    );
  }
  let statistic = 0;
  for (let i = 0; i < observed.length; i++) {
    const e = validate.positive(`expected[${i}]`, expected[i]);
    const d = validate.nonNegative(`observed[${i}]`, observed[i]) - e;
    statistic += (d * d) / e;
  }
  const k = observed.length - 1;
  return { statistic, degreesOfFreedom: k, pValue: chiSquareSurvival(statistic, k) };
}

/** Input of {@link chiSquareCritical}. */
export interface ChiSquareCriticalOptions {
  /** Degrees of freedom (integer ≥ 1). */
  degreesOfFreedom: number;
  /** Upper-tail probability in (0, 1), e.g. 1e-6. */
  alpha: number;
}

/**
 * The upper-α point of χ²_k: the x with P(χ²_k ≥ x) = α, exact (relative error near 1e-15).
 *
 * @example
 * chiSquareCritical({ degreesOfFreedom: 2, alpha: 1e-6 }); // → 27.631
 */
export function chiSquareCritical(options: ChiSquareCriticalOptions): number {
  validate.knownKeys("chiSquareCritical options", options ?? {}, ["degreesOfFreedom", "alpha"]);
  const { degreesOfFreedom: k, alpha } = options;
  validate.integer("degreesOfFreedom", k, 1);
  validate.inOpenRange("alpha", alpha, 0, 1);
  return 2 * gammaincinv(alpha, k / 2, true);
}

/** Input of {@link kolmogorovSmirnov}. */
export interface KolmogorovSmirnovOptions {
  /** The sample (not modified). */
  values: ArrayLike<number>;
  /** The hypothesised continuous distribution function. */
  cdf: (x: number) => number;
}

/** The KS statistic and its asymptotic p-value. */
export interface KolmogorovSmirnovResult {
  /** D = sup |F_N(x) − F(x)|. */
  statistic: number;
  /** √N·D, asymptotically Kolmogorov-distributed. */
  scaled: number;
  /** P(K ≥ √N·D) = 2 Σ (−1)^(j−1) e^(−2j²x²). */
  pValue: number;
}

/**
 * One-sample Kolmogorov–Smirnov test against a continuous cdf.
 *
 * @example
 * kolmogorovSmirnov({ values: [0.1, 0.4, 0.7], cdf: (x) => x }).statistic; // → 0.3
 */
export function kolmogorovSmirnov(options: KolmogorovSmirnovOptions): KolmogorovSmirnovResult {
  validate.knownKeys("kolmogorovSmirnov options", options ?? {}, ["values", "cdf"]);
  const { values, cdf } = options;
  if (values == null || values.length < 1) throw new RangeError("values must be a non-empty array");
  if (typeof cdf !== "function") throw new RangeError(`cdf must be a function; received ${String(cdf)}`);
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  const x = Math.sqrt(n) * d;
  let p = 0;
  for (let j = 1; j <= 100; j++) {
    const term = 2 * (j % 2 === 1 ? 1 : -1) * Math.exp(-2 * j * j * x * x);
    p += term;
    if (Math.abs(term) < 1e-17) break;
  }
  return { statistic: d, scaled: x, pValue: Math.min(1, Math.max(0, x < 0.2 ? 1 : p)) };
}
