/**
 * Observation 1: the present value of all future execution-layer rewards.
 * Timing (../../docs/derivations/model.md): valuation at time 0, rewards R_t at slots t = 1, 2, …, i.i.d. with
 * mean μ and variance σ², discounted by x^t = (1+d)^(−t).
 */
import * as validate from "../validate";

/** Input of {@link npvOfRewards}. */
export interface NpvOfRewardsOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Per-slot discount rate d > 0. */
  d: number;
}

/**
 * Observation 1: E[Σ_{t≥1} R_t (1+d)^(−t)] = μ x/(1−x) = μ/d.
 * (With a first reward at t = 0 it would be μ(1+d)/d; the post's μ/d fixes t ≥ 1.)
 *
 * @example
 * npvOfRewards({ mu: 1, d: 0.01 }); // → 100
 * npvOfRewards({ mu: 0.1246, d: perSlotRate(0.04) }); // → 8348870
 */
export function npvOfRewards(options: NpvOfRewardsOptions): number {
  validate.knownKeys("npvOfRewards options", options ?? {}, ["mu", "d"]);
  const { mu, d } = options;
  validate.nonNegative("mu", mu);
  validate.discountRate(d);
  return mu / d;
}

/** Input of {@link npvVariance}. */
export interface NpvVarianceOptions {
  /** Reward variance σ² = Var(R) ≥ 0 (finite). */
  sigma2: number;
  /** Per-slot discount rate d > 0. */
  d: number;
}

/**
 * Variance of the NPV of all future rewards (../../docs/derivations/observations.md#observation-1-the-npv-of-all-future-rewards):
 * Var(Σ_{t≥1} R_t x^t) = σ² Σ_{t≥1} x^{2t} = σ²/((1+d)² − 1) = σ²/(d(2+d)).
 * d(2+d) is formed directly, never as (1+d)² − 1, so there is no cancellation for tiny d.
 *
 * @example
 * npvVariance({ sigma2: 1, d: 0.01 }); // → 49.7512
 */
export function npvVariance(options: NpvVarianceOptions): number {
  validate.knownKeys("npvVariance options", options ?? {}, ["sigma2", "d"]);
  const { sigma2, d } = options;
  validate.nonNegative("sigma2", sigma2);
  validate.discountRate(d);
  return sigma2 / (d * (2 + d));
}
