/**
 * A static holding of k of the n tickets outstanding at time 0 (beyond the post; derivation:
 * ../../docs/derivations/observations.md#k-tickets-held-from-time-0, and reading A of ../../docs/derivations/stakes.md). The holder keeps the tickets until each wins; winners are not replaced.
 */
import * as validate from "../validate";
import { holdingVarianceUnchecked } from "./internal";

/** Input of {@link holdingValue}. */
export interface HoldingValueOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Tickets held k (integer, 0 ≤ k ≤ n). */
  k: number;
}

/**
 * E[Σ_{i≤k} V_i] = k μ/(nd+1) (linearity; Observation 2 per ticket). k = n gives issuedValue.
 *
 * @example
 * holdingValue({ mu: 1, n: 100, d: 0.01, k: 10 }); // → 5
 */
export function holdingValue(options: HoldingValueOptions): number {
  validate.knownKeys("holdingValue options", options ?? {}, ["mu", "n", "d", "k"]);
  const { mu, n, d, k } = options;
  validate.nonNegative("mu", mu);
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.integer("k", k, 0, n);
  return (k * mu) / (n * d + 1);
}

/** Input of {@link holdingVariance}. */
export interface HoldingVarianceOptions extends HoldingValueOptions {
  /** Reward variance σ² = Var(R) ≥ 0 (finite). */
  sigma2: number;
}

/**
 * Var(Σ_{i≤k} V_i) = k Var(V) + k(k−1) Cov(V_i, V_j), in the cancellation-free form
 *
 *   kσ²/D2 + kμ² · (nd/D1) · (d/D1) · [(n − k) + (n − 1)/D2] / D3,
 *   D1 = nd+1, D2 = nd²+2nd+1, D3 = nd²+2nd+2
 *
 * (derivation in `internal.ts`; every term is ≥ 0). k = 1 is {@link ticketVariance}; k = n is the
 * variance of all issued tickets, which tends to Var(NPV) = σ²/(d(2+d)) as n → ∞.
 *
 * @example
 * holdingVariance({ mu: 1, sigma2: 1, n: 100, d: 0.01, k: 10 }); // → 4.08841
 */
export function holdingVariance(options: HoldingVarianceOptions): number {
  validate.knownKeys("holdingVariance options", options ?? {}, ["mu", "sigma2", "n", "d", "k"]);
  const { mu, sigma2, n, d, k } = options;
  validate.nonNegative("mu", mu);
  validate.nonNegative("sigma2", sigma2);
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.integer("k", k, 0, n);
  return holdingVarianceUnchecked(mu, sigma2, n, d, k, n - k);
}
