/**
 * Ticket pooling (issue 5, ../../docs/derivations/extensions.md): the post leaves pooling "to formalize".
 * Two effects: a pool of k tickets diversifies timing and reward risk (with the slightly negative
 * covariance of distinct tickets), and m risk-averse members sharing a risk divide its risk premium.
 */
import * as validate from "../validate";
import { holdingVarianceUnchecked } from "./internal";

/** Input of {@link pooledTicketVariance}. */
export interface PooledTicketVarianceOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Reward variance σ² = Var(R) ≥ 0 (finite). */
  sigma2: number;
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Tickets in the pool k (integer, 1 ≤ k ≤ n). */
  k: number;
}

/**
 * Variance per ticket of a k-ticket pool, i.e. of the pool's average payoff (Σ_{i≤k} V_i)/k:
 *   (k Var(V) + k(k−1) Cov)/k² = Var(V)/k + (1 − 1/k) Cov,
 * evaluated via the cancellation-free holding variance (see {@link holdingVariance}) divided by k².
 * It falls like 1/k, and slightly faster because Cov < 0; k = 1 gives Var(V).
 *
 * @example
 * pooledTicketVariance({ mu: 1, sigma2: 1, n: 100, d: 0.01, k: 10 }); // → 0.0408841
 */
export function pooledTicketVariance(options: PooledTicketVarianceOptions): number {
  validate.knownKeys("pooledTicketVariance options", options ?? {}, ["mu", "sigma2", "n", "d", "k"]);
  const { mu, sigma2, n, d, k } = options;
  validate.nonNegative("mu", mu);
  validate.nonNegative("sigma2", sigma2);
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.integer("k", k, 1, n);
  return holdingVarianceUnchecked(mu, sigma2, n, d, k, n - k) / (k * k);
}

/** Input of {@link poolRiskPremium}. */
export interface PoolRiskPremiumOptions {
  /** Variance of the pooled payoff (≥ 0, finite), e.g. a ticket's or a holding's variance. */
  variance: number;
  /** Each member's absolute risk aversion γ ≥ 0 (per unit of payoff). */
  gamma: number;
  /** Number of members m (integer ≥ 1). */
  members: number;
}

/**
 * Total mean–variance risk premium of a payoff shared by m identical CARA members:
 * γ Var/(2m). Equal shares 1/m are the efficient split (Wilson's syndicate theorem), each member bears
 * Var/m² and a premium γVar/(2m²); together the syndicate acts like one agent with risk tolerance m/γ.
 * Exact for normal payoffs, the second-order approximation otherwise.
 *
 * @example
 * poolRiskPremium({ variance: 2, gamma: 1, members: 10 }); // → 0.1
 */
export function poolRiskPremium(options: PoolRiskPremiumOptions): number {
  validate.knownKeys("poolRiskPremium options", options ?? {}, ["variance", "gamma", "members"]);
  const { variance, gamma, members } = options;
  validate.nonNegative("variance", variance);
  validate.nonNegative("gamma", gamma);
  validate.integer("members", members, 1);
  return (gamma * variance) / (2 * members);
}

/** Input of {@link poolSizeForPremium}. */
export interface PoolSizeForPremiumOptions {
  /** Variance of the pooled payoff (≥ 0, finite). */
  variance: number;
  /** Each member's absolute risk aversion γ ≥ 0. */
  gamma: number;
  /** The largest acceptable total risk premium (> 0). */
  targetPremium: number;
}

/**
 * The smallest number of members m ≥ 1 with γVar/(2m) ≤ targetPremium: m = max(1, ceil(γVar/(2·target))),
 * corrected by one step if rounding put the ceiling on the wrong side of {@link poolRiskPremium}.
 * The centralisation it implies: a pool needs at least this many members to price tickets within the
 * target of the risk-neutral value.
 *
 * @example
 * poolSizeForPremium({ variance: 2, gamma: 1, targetPremium: 0.01 }); // → 100
 */
export function poolSizeForPremium(options: PoolSizeForPremiumOptions): number {
  validate.knownKeys("poolSizeForPremium options", options ?? {}, ["variance", "gamma", "targetPremium"]);
  const { variance, gamma, targetPremium } = options;
  validate.nonNegative("variance", variance);
  validate.nonNegative("gamma", gamma);
  validate.positive("targetPremium", targetPremium);
  const premium = (members: number) => poolRiskPremium({ variance, gamma, members });
  let m = Math.max(1, Math.ceil((gamma * variance) / (2 * targetPremium)));
  if (m > 1 && premium(m - 1) <= targetPremium) m -= 1;
  else if (premium(m) > targetPremium) m += 1;
  return m;
}
