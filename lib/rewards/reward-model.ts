import type { Rng } from "../random/rng";

/**
 * The distribution of the execution-layer reward R of one block, i.i.d. across slots.
 * Moments are analytic (Infinity where the moment does not exist), so closed forms can be
 * evaluated for the same model that the simulation samples from.
 */
export interface RewardModel {
  /** Short label used in tables and plot legends, e.g. "exponential(μ=1)". */
  readonly name: string;
  /** E[R]. */
  readonly mean: number;
  /** Var(R); Infinity when the second moment is infinite (e.g. an uncapped Pareto tail, α ≤ 2). */
  readonly variance: number;
  /** E[R²] = Var(R) + E[R]². */
  readonly secondMoment: number;
  /** The model's parameters, for provenance in tables and exported results. */
  readonly params: Readonly<Record<string, number | string>>;
  /** One draw of R from the given stream. */
  sample(rng: Rng): number;
}

/**
 * A reward model whose distribution function and quantile function are known in closed form
 * (constant, exponential, lognormal, Pareto, mainnet composite, empirical).
 */
export interface RewardDistribution extends RewardModel {
  /** P(R ≤ x). */
  cdf(x: number): number;
  /** The smallest x with P(R ≤ x) ≥ p, for p in [0, 1]. */
  quantile(p: number): number;
}
