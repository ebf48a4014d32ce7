/**
 * Covariance of two distinct tickets' present values (../../docs/derivations/observations.md#two-tickets-covariance, beyond the post).
 * At most one ticket wins per slot, so two tickets' win slots are negatively dependent:
 * P(T_i = s, T_j = s + u) = ((n−2)/n)^{s−1}(1/n) · ((n−1)/n)^{u−1}(1/n) (and symmetrically).
 */
import * as validate from "../validate";
import { ticketDenominators } from "./internal";

/** Input of {@link ticketCovariance}. */
export interface TicketCovarianceOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Number of outstanding tickets n (integer, 2 ≤ n ≤ 2^53: a pair needs two tickets). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
}

/**
 * Cov(V_i, V_j) for two distinct tickets i ≠ j:
 * E[x^{T_i+T_j}] = 2/((nd+1)(nd²+2nd+2)), and the rewards of the two (different) win slots are
 * independent, so Cov = μ²[2/((nd+1)(nd²+2nd+2)) − 1/(nd+1)²] = −μ² n d² / ((nd+1)²(nd²+2nd+2)).
 * The final form has no cancellation. σ² drops out (distinct slots have independent rewards).
 *
 * n = 1 is rejected with a RangeError: with a single ticket there is no pair. (Holdings handle
 * k ≤ 1 themselves, where the k(k−1)·Cov term vanishes.)
 *
 * @example
 * ticketCovariance({ mu: 1, n: 100, d: 0.01 }); // → -0.000623441
 */
export function ticketCovariance(options: TicketCovarianceOptions): number {
  validate.knownKeys("ticketCovariance options", options ?? {}, ["mu", "n", "d"]);
  const { mu, n, d } = options;
  validate.nonNegative("mu", mu);
  validate.integer("n", n, 2);
  validate.discountRate(d);
  const { nd, d1, d3 } = ticketDenominators(n, d);
  return -(mu * mu * (nd / d1) * (d / d1)) / d3;
}
