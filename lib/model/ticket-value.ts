/**
 * Observation 2: the expected present value of one ticket.
 * Timing (../../docs/derivations/model.md): draws at slots t = 1, 2, …; a ticket in the pool at time 0 wins at
 * T ~ Geometric(1/n) on {1, 2, …} and is then paid R_T, worth V = R_T (1+d)^(−T) at time 0.
 */
import * as validate from "../validate";

/** Input of {@link ticketValue}. */
export interface TicketValueOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
}

/**
 * Observation 2: E[V] = μ E[x^T] = μ p x/(1 − q x) = μ/(nd + 1), with x = 1/(1+d), p = 1/n, q = 1 − p.
 * Also the fair price of a ticket; conversely a market price implies μ̂ = price·(nd+1).
 *
 * @example
 * ticketValue({ mu: 1, n: 100, d: 0.01 }); // → 0.5
 * ticketValue({ mu: 0.1246, n: 1e6, d: perSlotRate(0.04) }); // → 0.122768
 */
export function ticketValue(options: TicketValueOptions): number {
  validate.knownKeys("ticketValue options", options ?? {}, ["mu", "n", "d"]);
  const { mu, n, d } = options;
  validate.nonNegative("mu", mu);
  validate.ticketCount(n);
  validate.discountRate(d);
  return mu / (n * d + 1);
}
