/**
 * Observation 5: the second moment and variance of one ticket's present value V = R_T (1+d)^(−T),
 * T ~ Geometric(1/n) on {1, 2, …} independent of the reward R (mean μ, variance σ²).
 */
import * as validate from "../validate";
import { ticketVarianceOf } from "./unchecked";
import { ticketDenominators } from "./internal";

/** Input of {@link ticketSecondMoment} and {@link ticketVariance}. */
export interface TicketMomentOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Reward variance σ² = Var(R) ≥ 0 (finite). */
  sigma2: number;
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
}

function validateMoments({ mu, sigma2, n, d }: TicketMomentOptions): void {
  validate.nonNegative("mu", mu);
  validate.nonNegative("sigma2", sigma2);
  validate.ticketCount(n);
  validate.discountRate(d);
}

/**
 * E[V²] = E[R²] E[x^{2T}] = (σ² + μ²) p x²/(1 − q x²) = (σ² + μ²)/(nd² + 2nd + 1)
 * (../../docs/derivations/observations.md#observation-5-the-variance-of-one-ticket; the denominator is formed as 1 + nd(2+d)).
 *
 * @example
 * ticketSecondMoment({ mu: 1, sigma2: 1, n: 100, d: 0.01 }); // → 0.664452
 */
export function ticketSecondMoment(params: TicketMomentOptions): number {
  validate.knownKeys("ticketSecondMoment options", params ?? {}, ["mu", "sigma2", "n", "d"]);
  validateMoments(params);
  const { mu, sigma2, n, d } = params;
  return (sigma2 + mu * mu) / ticketDenominators(n, d).d2;
}

/**
 * Observation 5: Var(V) = (σ² + μ²)/(nd² + 2nd + 1) − μ²/(nd + 1)², evaluated WITHOUT that
 * subtraction. Over the common denominator (nd²+2nd+1)(nd+1)² the μ² terms leave
 * (nd+1)² − (nd²+2nd+1) = n(n−1)d², so
 *
 *   Var(V) = [σ²(nd+1)² + μ² n(n−1)d²] / [(nd²+2nd+1)(nd+1)²]
 *          = σ²/D2 + μ² · (nd/D1) · ((n−1)d/D1) / D2,     D1 = nd+1, D2 = nd²+2nd+1.
 *
 * Both terms are non-negative: the first is reward risk, the second timing risk μ² Var(x^T)·(…).
 * The result is accurate to a few ulps for every n and d (e.g. d = 1e-9, where the naive difference
 * of two numbers ≈ σ² + μ² and μ² would lose about 9 digits of the timing term).
 * n = 1 gives σ²/(1+d)²; as n → ∞ it behaves like (σ²+μ²)/(nd(2+d)) → 0.
 *
 * @example
 * ticketVariance({ mu: 1, sigma2: 1, n: 100, d: 0.01 }); // → 0.414452
 */
export function ticketVariance(params: TicketMomentOptions): number {
  validate.knownKeys("ticketVariance options", params ?? {}, ["mu", "sigma2", "n", "d"]);
  validateMoments(params);
  const { mu, sigma2, n, d } = params;
  return ticketVarianceOf(mu, sigma2, n, d);
}
