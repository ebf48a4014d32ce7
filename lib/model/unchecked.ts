/**
 * The model's closed forms on inputs already checked, positional and without validation: for hot
 * loops that validate their parameters once and then evaluate a closed form thousands of times (the
 * agent-based market's valuation cache). The public functions call these after their checks, so the
 * arithmetic, and every bit of the result, is the same. Not part of the public API.
 */
import { discountFactor, ticketDenominators } from "./internal";

/**
 * `ticketVariance` on checked inputs (positional, no validation): for hot loops that validated them
 * once. Same arithmetic, same bits.
 *
 * @example
 * ticketVarianceOf(1, 1, 100, 0.01); // → 0.414452
 */
export function ticketVarianceOf(mu: number, sigma2: number, n: number, d: number): number {
  const { nd, d1, d2 } = ticketDenominators(n, d);
  return sigma2 / d2 + (mu * mu * (nd / d1) * (((n - 1) * d) / d1)) / d2;
}

/**
 * `lookaheadTicketValue` on checked inputs (positional, no validation): for hot loops that validated them
 * once. Same arithmetic, same bits.
 *
 * @example
 * lookaheadTicketValueOf(1, 100, 0.01, 32); // → 0.363652
 */
export function lookaheadTicketValueOf(mu: number, n: number, d: number, m: number): number {
  return (mu * discountFactor(d, m)) / (n * d + 1);
}

/**
 * `lookaheadTicketVariance` on checked inputs (positional, no validation): for hot loops that validated them
 * once. Same arithmetic, same bits.
 *
 * @example
 * lookaheadTicketVarianceOf(1, 1, 100, 0.01, 32); // → 0.219233
 */
export function lookaheadTicketVarianceOf(mu: number, sigma2: number, n: number, d: number, m: number): number {
  return discountFactor(d, 2 * m) * ticketVarianceOf(mu, sigma2, n, d);
}
