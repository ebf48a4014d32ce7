/**
 * Observation 4(d), "the value of commanding a share P of the tickets", in the three readings of
 * ../../docs/derivations/stakes.md (P = share, k = P·n tickets out of n):
 *   A. static: hold k tickets bought at time 0, winners not replaced ({@link stakeValue});
 *   B. maintained, net: whenever one of your tickets wins, buy its replacement at the fair price
 *      c = μ/(nd+1) ({@link maintainedStakeValue}); fair purchases have zero NPV, so B = A;
 *   C. maintained, gross: the reward stream of a constant share P, ignoring what the replacements
 *      cost ({@link grossStakeStream}).
 * Timing: draws at t = 1, 2, …; a replacement bought at the end of slot t is paid at t and can first
 * win at t + 1. Under B and C the holder owns a fixed set of P·n pool positions, so it wins each slot
 * independently with probability P: the per-slot cash flow is Y_t = I_t·(R_t − c) (B) or I_t·R_t (C),
 * I_t ~ Bernoulli(P), and Var(Σ x^t Y_t) = Var(Y) Σ x^{2t} = Var(Y)/(d(2+d)).
 *
 * Non-integer k = P·n: all A-formulas are evaluated at the real k = share·n. The mean is linear in k
 * and the variance kVar + k(k−1)Cov is a quadratic in k, so for non-integer k the results interpolate
 * between the neighbouring integer holdings (exact at integer k, which is what
 * {@link holdingValue}/{@link holdingVariance} require). n − k is computed as n·(1 − share).
 */
import * as validate from "../validate";
import { holdingVarianceUnchecked } from "./internal";

/** Input of {@link stakeValue} and {@link maintainedStakeValue}. */
export interface StakeValueOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Share P ∈ [0, 1] of the n tickets held (k = P·n, real; see the module comment). */
  share: number;
}

/** Input of {@link stakeVariance} and {@link maintainedStakeVariance}. */
export interface StakeVarianceOptions extends StakeValueOptions {
  /** Reward variance σ² = Var(R) ≥ 0 (finite). */
  sigma2: number;
}

/** Input of {@link grossStakeStream}. */
export interface GrossStakeStreamOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Share P ∈ [0, 1] of the pool positions held. */
  share: number;
}

/** Input of {@link grossStakeVariance}. */
export interface GrossStakeVarianceOptions extends GrossStakeStreamOptions {
  /** Reward variance σ² = Var(R) ≥ 0 (finite). */
  sigma2: number;
}

function validateStake(mu: number, n: number, d: number, share: number): void {
  validate.nonNegative("mu", mu);
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.inRange("share", share, 0, 1);
}

/**
 * Observation 4(d), reading A: a static holding of k = P·n tickets is worth P n μ/(nd+1), which
 * increases in n towards Pμ/d (∂/∂n = Pμ/(nd+1)² > 0). Real k allowed (linear in k).
 *
 * @example
 * stakeValue({ mu: 1, n: 100, d: 0.01, share: 0.1 }); // → 5
 */
export function stakeValue(options: StakeValueOptions): number {
  validate.knownKeys("stakeValue options", options ?? {}, ["mu", "n", "d", "share"]);
  const { mu, n, d, share } = options;
  validateStake(mu, n, d, share);
  return (share * n * mu) / (n * d + 1);
}

/**
 * Variance of reading A: k Var(V) + k(k−1) Cov(V_i, V_j) with k = P·n (../../docs/derivations/observations.md#two-tickets-covariance),
 * evaluated in the cancellation-free form of {@link holdingVariance} at real k. As n → ∞ it tends to
 * P(σ² + (1−P)μ²)/(d(2+d)), the variance of reading C.
 *
 * @example
 * stakeVariance({ mu: 1, sigma2: 1, n: 100, d: 0.01, share: 0.1 }); // → 4.08841
 */
export function stakeVariance(options: StakeVarianceOptions): number {
  validate.knownKeys("stakeVariance options", options ?? {}, ["mu", "sigma2", "n", "d", "share"]);
  const { mu, sigma2, n, d, share } = options;
  validateStake(mu, n, d, share);
  validate.nonNegative("sigma2", sigma2);
  return holdingVarianceUnchecked(mu, sigma2, n, d, share * n, n * (1 - share));
}

/**
 * Reading B: keep the share P by buying each replacement at the fair price c = μ/(nd+1).
 * Net value E[Σ x^t I_t (R_t − c)] = P(μ − c)/d = P n μ/(nd+1): the same as {@link stakeValue}.
 *
 * @example
 * maintainedStakeValue({ mu: 1, n: 100, d: 0.01, share: 0.1 }); // → 5
 */
export function maintainedStakeValue(params: StakeValueOptions): number {
  return stakeValue(params);
}

/**
 * Variance of reading B: [P(σ² + (μ−c)²) − P²(μ−c)²]/(d(2+d)) with c = μ/(nd+1), evaluated as
 * [Pσ² + P(1−P)(μ−c)²]/(d(2+d)) with μ − c = μ·nd/(nd+1) (no cancellation).
 *
 * @example
 * maintainedStakeVariance({ mu: 1, sigma2: 1, n: 100, d: 0.01, share: 0.1 }); // → 6.09453
 */
export function maintainedStakeVariance(options: StakeVarianceOptions): number {
  validate.knownKeys("maintainedStakeVariance options", options ?? {}, ["mu", "sigma2", "n", "d", "share"]);
  const { mu, sigma2, n, d, share } = options;
  validateStake(mu, n, d, share);
  validate.nonNegative("sigma2", sigma2);
  const nd = n * d;
  const margin = (mu * nd) / (nd + 1); // μ − c
  return (share * sigma2 + share * (1 - share) * margin * margin) / (d * (2 + d));
}

/**
 * Reading C: the gross reward stream of a constant share P, E[Σ_{t≥1} x^t I_t R_t] = Pμ/d,
 * constant in n (so Observation 4(d) fails under this reading).
 *
 * @example
 * grossStakeStream({ mu: 1, d: 0.01, share: 0.1 }); // → 10
 */
export function grossStakeStream(options: GrossStakeStreamOptions): number {
  validate.knownKeys("grossStakeStream options", options ?? {}, ["mu", "d", "share"]);
  const { mu, d, share } = options;
  validate.nonNegative("mu", mu);
  validate.discountRate(d);
  validate.inRange("share", share, 0, 1);
  return (share * mu) / d;
}

/**
 * Variance of reading C: [P(σ² + μ²) − P²μ²]/(d(2+d)), evaluated as [Pσ² + P(1−P)μ²]/(d(2+d)).
 *
 * @example
 * grossStakeVariance({ mu: 1, sigma2: 1, d: 0.01, share: 0.1 }); // → 9.45274
 */
export function grossStakeVariance(options: GrossStakeVarianceOptions): number {
  validate.knownKeys("grossStakeVariance options", options ?? {}, ["mu", "sigma2", "d", "share"]);
  const { mu, sigma2, d, share } = options;
  validate.nonNegative("mu", mu);
  validate.nonNegative("sigma2", sigma2);
  validate.discountRate(d);
  validate.inRange("share", share, 0, 1);
  return (share * sigma2 + share * (1 - share) * mu * mu) / (d * (2 + d));
}
