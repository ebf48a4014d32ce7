/**
 * A just-in-time second-price auction among builders with independent exponential values of
 * different means (skill × private MEV: X_i ~ Exp(mean m_i)), by quadrature
 * (../../../docs/derivations/new-results.md#builders-of-different-skill).
 *
 * With F_i(x) = 1 − e^{−x/m_i}:
 *   E[X_(1)] = ∫₀^∞ (1 − Π F_i) dx,
 *   E[X_(2)] = ∫₀^∞ (1 − Π F_i − Σ_i (1 − F_i) Π_{j≠i} F_j) dx   (P(X_(2) ≤ x) = none or one above x),
 *   P(i wins) = ∫₀^∞ f_i(x) Π_{j≠i} F_j(x) dx.
 * Integrated in y = ln x with composite Simpson, which resolves a narrow law next to a wide one.
 * The ahead-of-time sale of the same slot (risk neutral) goes to the largest mean at the second
 * largest mean: one winner, every slot.
 */
import * as validate from "../../validate";

/** Input of {@link independentValuesAuction}. */
export interface IndependentValuesAuctionOptions {
  /** Each builder's mean value m_i > 0 (its value is Exp(mean m_i), independent); at least two. */
  means: readonly number[];
}

/** Output of {@link independentValuesAuction}. */
export interface IndependentValuesAuctionResult {
  /** E[X_(2)]: just-in-time second-price revenue. */
  jitRevenue: number;
  /** E[X_(1)]: the winner's value on average. */
  jitWinnerValue: number;
  /** P(builder i has the highest value): its share of blocks under the just-in-time auction. */
  jitShares: number[];
  /** Herfindahl–Hirschman index of those shares, 0–10,000. */
  jitHerfindahl: number;
  /** Index of the largest mean: the ahead-of-time winner of every slot (lowest index on a tie). */
  aheadOfTimeWinner: number;
  /** The second largest mean: the risk-neutral ahead-of-time revenue. */
  aheadOfTimeRevenue: number;
}

const PANELS = 1 << 14;

/** ∫₀^∞ g(x) dx for g that vanishes fast beyond `hi`, in y = ln x from x = lo. */
function integrateLog(g: (x: number) => number, lo: number, hi: number): number {
  const a = Math.log(lo);
  const b = Math.log(hi);
  const h = (b - a) / PANELS;
  const f = (y: number) => {
    const x = Math.exp(y);
    return x * g(x);
  };
  let sum = f(a) + f(b);
  for (let i = 1; i < PANELS; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  // The piece [0, lo] is below lo·max g, negligible at lo = 1e-14 of the smallest mean.
  return (sum * h) / 3;
}

/**
 * JIT revenue, winner value and block shares of k builders with independent exponential values.
 *
 * @example
 * independentValuesAuction({ means: [1, 1] }).jitRevenue; // → 0.5
 * independentValuesAuction({ means: [2, 1] }).jitShares[0]; // → 0.666667
 */
export function independentValuesAuction(options: IndependentValuesAuctionOptions): IndependentValuesAuctionResult {
  validate.knownKeys("independentValuesAuction options", options ?? {}, ["means"]);
  const { means } = options;
  if (!Array.isArray(means) || means.length < 2) {
    throw new RangeError(`means must be an array of at least two numbers > 0; received ${JSON.stringify(means)}`);
  }
  means.forEach((m, i) => validate.positive(`means[${i}]`, m));
  const k = means.length;
  const lo = 1e-14 * Math.min(...means);
  const hi = 50 * Math.max(...means);
  // For each x: F_i and the products, with survival 1 − F_i from exp (no cancellation in the tails).
  const cdf = (x: number, i: number) => -Math.expm1(-x / means[i]);
  const productExcept = (x: number, skip: number) => {
    let p = 1;
    for (let j = 0; j < k; j++) if (j !== skip) p *= cdf(x, j);
    return p;
  };
  const aboveMax = (x: number) => {
    // 1 − Π F_i, formed as −expm1(Σ ln F_i) so that it stays accurate when every F_i ≈ 1.
    let logProduct = 0;
    for (let i = 0; i < k; i++) logProduct += Math.log(cdf(x, i));
    return -Math.expm1(logProduct);
  };
  const jitWinnerValue = integrateLog(aboveMax, lo, hi);
  const aboveSecond = (x: number) => {
    let exactlyOne = 0;
    for (let i = 0; i < k; i++) exactlyOne += Math.exp(-x / means[i]) * productExcept(x, i);
    return Math.max(0, aboveMax(x) - exactlyOne);
  };
  const jitRevenue = integrateLog(aboveSecond, lo, hi);
  const jitShares = means.map((m, i) => integrateLog((x) => (Math.exp(-x / m) / m) * productExcept(x, i), lo, hi));
  const total = jitShares.reduce((s, p) => s + p, 0);
  const jitHerfindahl = 10_000 * jitShares.reduce((s, p) => s + (p / total) ** 2, 0);
  let aheadOfTimeWinner = 0;
  for (let i = 1; i < k; i++) if (means[i] > means[aheadOfTimeWinner]) aheadOfTimeWinner = i;
  const aheadOfTimeRevenue = Math.max(...means.filter((_, i) => i !== aheadOfTimeWinner));
  return { jitRevenue, jitWinnerValue, jitShares, jitHerfindahl, aheadOfTimeWinner, aheadOfTimeRevenue };
}
