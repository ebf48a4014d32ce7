/**
 * Risk-averse buyers (issue 5, ../../docs/derivations/extensions.md): what a ticket is worth to a buyer who
 * dislikes risk, as a certainty equivalent (the sure amount at time 0 the buyer values equally).
 * Timing as everywhere: V = R_T (1+d)^(−T), T ~ Geometric(1/n) on {1, 2, …}.
 */
import * as validate from "../validate";
import { caraCosts, caraDirect, caraSeries, type CaraSum } from "./cara-series";

/** Input of {@link meanVarianceCertaintyEquivalent}. */
export interface MeanVarianceCertaintyEquivalentOptions {
  /** Expected payoff (finite, any sign). */
  mean: number;
  /** Variance of the payoff (≥ 0, finite). */
  variance: number;
  /** Absolute risk aversion γ ≥ 0 (per unit of payoff). */
  gamma: number;
}

/**
 * Mean–variance certainty equivalent: mean − (γ/2)·variance. Exact for CARA utility and a normal
 * payoff; otherwise the second-order expansion of {@link certaintyEquivalent} in γ. With the
 * ticket's moments: E[V] − (γ/2)Var(V) (Observations 2 and 5).
 *
 * @example
 * meanVarianceCertaintyEquivalent({ mean: 0.5, variance: 0.4, gamma: 1 }); // → 0.3
 */
export function meanVarianceCertaintyEquivalent(options: MeanVarianceCertaintyEquivalentOptions): number {
  validate.knownKeys("meanVarianceCertaintyEquivalent options", options ?? {}, ["mean", "variance", "gamma"]);
  const { mean, variance, gamma } = options;
  validate.finite("mean", mean);
  validate.nonNegative("variance", variance);
  validate.nonNegative("gamma", gamma);
  return mean - (gamma / 2) * variance;
}

/** Reward distributions for which {@link certaintyEquivalent} is implemented. */
export type CaraRewardDistribution = "exponential";

/** Summation methods of {@link certaintyEquivalent}; "auto" picks the cheaper one. */
export type CaraMethod = "auto" | "direct" | "series";

/** Input of {@link certaintyEquivalent}. */
export interface CertaintyEquivalentOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Absolute risk aversion γ ≥ 0 (per unit of reward; γ = 0 is risk neutral). */
  gamma: number;
  /** Distribution of R: "exponential" (mean μ, variance μ²). */
  rewards: CaraRewardDistribution;
  /** Summation method (default "auto"; the others are for cross-checks). */
  method?: CaraMethod;
  /** Relative truncation tolerance of the series, in [1e-16, 1e-3] (default 1e-15). */
  tolerance?: number;
}

/** {@link certaintyEquivalentDetails}' result. */
export interface CertaintyEquivalentDetails {
  /** The certainty equivalent −(1/γ) ln E[e^{−γV}]. */
  value: number;
  /** How it was computed: "closed" (n = 1, γμ < 1e-100, γ = 0 or μ = 0), "direct" or "series". */
  method: "closed" | "direct" | "series";
  /** Terms summed (0 for "closed"). */
  terms: number;
  /** Proven bound on the truncation error of `value` (absolute; rounding errors not included). */
  truncationBound: number;
}

/** Largest amount of work (≈ floating-point operations) one evaluation may take. */
const WORK_BUDGET = 5e7;
const CARA_METHODS: readonly CaraMethod[] = ["auto", "direct", "series"];

/**
 * {@link certaintyEquivalent} with diagnostics: which summation ran, how many terms, and the bound
 * on the truncation error. Throws a RangeError naming `gamma` when γμ is so large that neither
 * summation fits the work budget (γμ of order 10⁴ at realistic n and d), and naming `method` when a
 * forced method is inapplicable.
 *
 * @example
 * certaintyEquivalentDetails({ mu: 1, n: 10, d: 0.01, gamma: 0.5, rewards: "exponential" }).value; // → 0.747856
 */
export function certaintyEquivalentDetails(params: CertaintyEquivalentOptions): CertaintyEquivalentDetails {
  validate.knownKeys("certaintyEquivalent options", params ?? {}, [
    "mu",
    "n",
    "d",
    "gamma",
    "rewards",
    "method",
    "tolerance",
  ]);
  const { mu, n, d, gamma } = params;
  validate.nonNegative("mu", mu);
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.nonNegative("gamma", gamma);
  validate.oneOf("rewards", params.rewards, ["exponential"] as const);
  const method = validate.oneOf("method", params.method === undefined ? "auto" : params.method, CARA_METHODS);
  const tolerance = validate.inRange(
    "tolerance",
    params.tolerance === undefined ? 1e-15 : params.tolerance,
    1e-16,
    1e-3,
  );

  const a = gamma * mu;
  if (gamma === 0 || mu === 0) return { value: mu / (n * d + 1), method: "closed", terms: 0, truncationBound: 0 };
  if (n === 1) {
    // T = 1: CE = ln(1 + γμx)/γ, x = 1/(1+d).
    return { value: Math.log1p(a / (1 + d)) / gamma, method: "closed", terms: 0, truncationBound: 0 };
  }
  if (!Number.isFinite(a)) validate.inRange("gamma", gamma, 0, Number.MAX_VALUE / mu);
  // CE = E[V](1 − O(γμ)) (Var(V) ≤ 2μE[V] for exponential rewards): below γμ = 1e-100 the risk
  // correction is far below one ulp, and skipping the sum avoids subnormal intermediate values.
  if (a < 1e-100)
    return { value: mu / (n * d + 1), method: "closed", terms: 0, truncationBound: (a * mu) / (n * d + 1) };

  const inputs = { a, n, d, tolerance };
  const costs = caraCosts(inputs);
  const chosen: "direct" | "series" = method === "auto" ? (costs.direct <= costs.series ? "direct" : "series") : method;
  const cost = chosen === "direct" ? costs.direct : costs.series;
  if (cost > WORK_BUDGET) {
    const where = `mu = ${mu}, n = ${n}, d = ${d}: estimated ${cost.toPrecision(3)} operations, budget ${WORK_BUDGET}`;
    if (method === "auto") {
      throw new RangeError(
        `gamma must be small enough for the CARA sum to fit its work budget (${where}); received ${gamma}`,
      );
    }
    throw new RangeError(
      `method must be "auto" or a method that fits the work budget (${where}); received "${method}"`,
    );
  }
  const maxTerms = Math.ceil(4 * cost) + 1000;
  const sum: CaraSum = chosen === "direct" ? caraDirect(inputs, maxTerms) : caraSeries(inputs, maxTerms);
  const value = -Math.log1p(-sum.s) / gamma;
  // d/dS[−ln(1−S)/γ] = 1/(γ(1−S)), and the omitted tail lies in [0, tailBound].
  const truncationBound = sum.tailBound / (gamma * (1 - sum.s - sum.tailBound));
  return { value, method: chosen, terms: sum.terms, truncationBound };
}

/**
 * CARA certainty equivalent of one ticket, CE = −(1/γ) ln E[e^{−γV}], for exponential rewards.
 * With R ~ Exp(mean μ) independent of T, E[e^{−γ R x^t}] = 1/(1 + γμx^t), so
 *
 *   E[e^{−γV}] = Σ_{t≥1} p q^{t−1} / (1 + γμ x^t),   x = 1/(1+d), p = 1/n, q = 1 − p.
 *
 * No closed form; the series is summed as 1 − E[e^{−γV}] with positive terms only (directly over t,
 * or through a binomial recurrence when n and 1/d are both large, see `cara-series.ts`) until a
 * proven tail bound is below `tolerance` (default 1e-15) of the sum, then CE = −log1p(−S)/γ.
 * γ = 0 gives E[V] = μ/(nd+1); n = 1 gives ln(1 + γμ/(1+d))/γ. For small γ,
 * CE = E[V] − (γ/2)Var(V) + (γ²/6)κ₃(V) − …, i.e. {@link meanVarianceCertaintyEquivalent} to second order.
 *
 * @example
 * certaintyEquivalent({ mu: 1, n: 10, d: 0.01, gamma: 0.5, rewards: "exponential" }); // → 0.747856
 */
export function certaintyEquivalent(params: CertaintyEquivalentOptions): number {
  return certaintyEquivalentDetails(params).value;
}
