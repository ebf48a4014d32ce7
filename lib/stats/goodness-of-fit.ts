/**
 * Goodness-of-fit statistics for testing samplers: Pearson's chi-square on bins and the
 * one-sample Kolmogorov–Smirnov statistic, with large-sample p-values.
 */
import { normalQuantile, normalSurvival } from "./normal-distribution";
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
  /** P(χ²_df ≥ statistic) by the Wilson–Hilferty normal approximation. */
  pValue: number;
}

/** Wilson–Hilferty: (χ²/k)^(1/3) is close to N(1 − 2/(9k), 2/(9k)). */
function wilsonHilfertyZ(statistic: number, k: number): number {
  const v = 2 / (9 * k);
  return (Math.cbrt(statistic / k) - (1 - v)) / Math.sqrt(v);
}

/** Pearson's chi-square Σ (O − E)²/E over bins. */
export function chiSquare({ observed, expected }: ChiSquareOptions): ChiSquareResult {
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
  return { statistic, degreesOfFreedom: k, pValue: normalSurvival({ x: wilsonHilfertyZ(statistic, k) }) };
}

/** Input of {@link chiSquareCritical}. */
export interface ChiSquareCriticalOptions {
  /** Degrees of freedom (integer ≥ 1). */
  degreesOfFreedom: number;
  /** Upper-tail probability in (0, 1), e.g. 1e-6. */
  alpha: number;
}

/** The upper-α point of χ²_k by Wilson–Hilferty (relative error below 1 % for k ≥ 10). */
export function chiSquareCritical({ degreesOfFreedom: k, alpha }: ChiSquareCriticalOptions): number {
  validate.integer("degreesOfFreedom", k, 1);
  validate.inOpenRange("alpha", alpha, 0, 1);
  const v = 2 / (9 * k);
  const z = -normalQuantile({ p: alpha });
  return k * (1 - v + z * Math.sqrt(v)) ** 3;
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

/** One-sample Kolmogorov–Smirnov test against a continuous cdf. */
export function kolmogorovSmirnov({ values, cdf }: KolmogorovSmirnovOptions): KolmogorovSmirnovResult {
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
