/**
 * Lookahead tickets and execution auctions (issue 5, ../../docs/derivations/extensions.md#lookahead-and-execution-auctions [derived there]).
 * An execution ticket with lookahead m: the ticket drawn at slot T proposes (and is paid R) at slot
 * T + m, so V_m = R·x^{T+m} = x^m·V. An execution auction sells the right to the block of a slot m
 * slots ahead: value R·x^m, with no timing risk.
 */
import * as validate from "../validate";
import { discountFactor } from "./internal";
import { ticketVariance } from "./variance";
import { lookaheadTicketValueOf } from "./unchecked";

/** Input of {@link lookaheadTicketValue}. */
export interface LookaheadTicketValueOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Lookahead m in slots (integer ≥ 0; 0 is the post's ticket). */
  m: number;
}

/** Input of {@link lookaheadTicketVariance}. */
export interface LookaheadTicketVarianceOptions extends LookaheadTicketValueOptions {
  /** Reward variance σ² = Var(R) ≥ 0 (finite). */
  sigma2: number;
}

/**
 * E[V_m] = μ (1+d)^(−m)/(nd+1): Observation 2 delayed by m slots.
 *
 * @example
 * lookaheadTicketValue({ mu: 1, n: 100, d: 0.01, m: 32 }); // → 0.363652
 */
export function lookaheadTicketValue(options: LookaheadTicketValueOptions): number {
  validate.knownKeys("lookaheadTicketValue options", options ?? {}, ["mu", "n", "d", "m"]);
  const { mu, n, d, m } = options;
  validate.nonNegative("mu", mu);
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.integer("m", m, 0);
  return lookaheadTicketValueOf(mu, n, d, m);
}

/**
 * Var(V_m) = x^{2m}·Var(V), Var(V) from Observation 5 (cancellation-free form).
 *
 * @example
 * lookaheadTicketVariance({ mu: 1, sigma2: 1, n: 100, d: 0.01, m: 32 }); // → 0.219233
 */
export function lookaheadTicketVariance(options: LookaheadTicketVarianceOptions): number {
  validate.knownKeys("lookaheadTicketVariance options", options ?? {}, ["mu", "sigma2", "n", "d", "m"]);
  const { mu, sigma2, n, d, m } = options;
  const variance = ticketVariance({ mu, sigma2, n, d });
  validate.integer("m", m, 0);
  return discountFactor(d, 2 * m) * variance;
}

/** Input of {@link executionAuctionValue}. */
export interface ExecutionAuctionValueOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Slots between the sale (time 0) and the sold slot (integer ≥ 0). */
  m: number;
}

/** Input of {@link executionAuctionVariance}. */
export interface ExecutionAuctionVarianceOptions {
  /** Reward variance σ² = Var(R) ≥ 0 (finite). */
  sigma2: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Slots between the sale (time 0) and the sold slot (integer ≥ 0). */
  m: number;
}

/**
 * Expected value of the right to slot m (sold at time 0, paid at m): μ (1+d)^(−m).
 *
 * @example
 * executionAuctionValue({ mu: 1, d: 0.01, m: 32 }); // → 0.727304
 */
export function executionAuctionValue(options: ExecutionAuctionValueOptions): number {
  validate.knownKeys("executionAuctionValue options", options ?? {}, ["mu", "d", "m"]);
  const { mu, d, m } = options;
  validate.nonNegative("mu", mu);
  validate.discountRate(d);
  validate.integer("m", m, 0);
  return mu * discountFactor(d, m);
}

/**
 * Variance of the slot-m right: σ² (1+d)^(−2m); reward risk only, no timing risk.
 *
 * @example
 * executionAuctionVariance({ sigma2: 1, d: 0.01, m: 32 }); // → 0.528971
 */
export function executionAuctionVariance(options: ExecutionAuctionVarianceOptions): number {
  validate.knownKeys("executionAuctionVariance options", options ?? {}, ["sigma2", "d", "m"]);
  const { sigma2, d, m } = options;
  validate.nonNegative("sigma2", sigma2);
  validate.discountRate(d);
  validate.integer("m", m, 0);
  return sigma2 * discountFactor(d, 2 * m);
}
