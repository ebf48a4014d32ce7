/**
 * The win slot of a ticket: T ~ Geometric(p = 1/n) on {1, 2, …}, P(T = t) = p(1 − p)^(t−1).
 *
 * Inversion: T = 1 + ⌊ln U / ln(1 − p)⌋, with ln(1 − p) = log1p(−1/n) so that n = 1e9 keeps its
 * precision (1 − 1e-9 would lose 7 digits). Since −ln U ~ Exp(1), the same T is
 * 1 + ⌊E / (−log1p(−1/n))⌋ with E from the exponential ziggurat: `GeometricSampler` does that
 * and so needs no logarithm per draw.
 */
import type { Rng } from "./rng";
import { exponential } from "./exponential";
import * as validate from "../validate";

/**
 * One draw of T ~ Geometric(1/n) on {1, 2, …} by inversion (n an integer ≥ 1; n = 1 gives 1).
 *
 * @example
 * geometric(rng(1, "example"), 100); // → 101
 */
export function geometric(rng: Rng, n: number): number {
  if (!(Number.isInteger(n) && n >= 1)) validate.ticketCount(n);
  if (n === 1) return 1;
  return 1 + Math.floor(Math.log(rng.next()) / Math.log1p(-1 / n));
}

/** Input of {@link GeometricSampler}. */
export interface GeometricSamplerOptions {
  /** Tickets outstanding: T ~ Geometric(1/n); an integer 1 ≤ n ≤ 2^53. */
  n: number;
}

/**
 * Draws T ~ Geometric(1/n) on {1, 2, …} with the constant 1/(−log1p(−1/n)) computed once.
 *
 * @example
 * new GeometricSampler({ n: 100 }).sample(rng(1, "example")); // → 103
 */
export class GeometricSampler {
  readonly n: number;
  /** 1/(−ln(1 − 1/n)): T − 1 = ⌊E·scale⌋ for E ~ Exp(1); 0 when n = 1. */
  readonly scale: number;

  constructor({ n }: GeometricSamplerOptions) {
    validate.ticketCount(n);
    this.n = n;
    this.scale = n === 1 ? 0 : -1 / Math.log1p(-1 / n);
  }

  /** One draw of T (≥ 1). */
  sample(rng: Rng): number {
    return 1 + Math.floor(exponential(rng) * this.scale);
  }
}
