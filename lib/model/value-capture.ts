/**
 * Observation 3: the split of all future rewards μ/d between the n tickets issued at time 0 and the
 * tickets the protocol will sell later, one per slot (../../docs/derivations/observations.md#observation-3-issued-plus-unissued-value).
 * Timing: the ticket minted at the end of slot s can first win at slot s + 1, so at time s it is an
 * ordinary pool member worth μ/(nd+1).
 */
import * as validate from "../validate";

/** Input of {@link issuedValue} and {@link unissuedValue}. */
export interface ValueCaptureOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
}

/**
 * Observation 3: value of the n tickets outstanding at time 0,
 * E[V_issued] = n μ/(nd+1) = Σ_{t≥1} μ q^{t−1} x^t (the slot-t winner is an original with
 * probability q^{t−1}). Computed as μ/(d + 1/n), which cannot overflow for huge n·d.
 *
 * @example
 * issuedValue({ mu: 1, n: 100, d: 0.01 }); // → 50
 */
export function issuedValue(options: ValueCaptureOptions): number {
  validate.knownKeys("issuedValue options", options ?? {}, ["mu", "n", "d"]);
  const { mu, n, d } = options;
  validate.nonNegative("mu", mu);
  validate.ticketCount(n);
  validate.discountRate(d);
  return mu / (d + 1 / n);
}

/**
 * Observation 3: value of all tickets minted after time 0,
 * E[V_unissued] = Σ_{s≥1} x^s μ/(nd+1) = μ/(d(nd+1)).
 * issuedValue + unissuedValue = μ/d exactly, for every n.
 *
 * @example
 * unissuedValue({ mu: 1, n: 100, d: 0.01 }); // → 50
 */
export function unissuedValue(options: ValueCaptureOptions): number {
  validate.knownKeys("unissuedValue options", options ?? {}, ["mu", "n", "d"]);
  const { mu, n, d } = options;
  validate.nonNegative("mu", mu);
  validate.ticketCount(n);
  validate.discountRate(d);
  return mu / (d * (n * d + 1));
}

/** Input of {@link issuedShare}. */
export interface IssuedShareOptions {
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
}

/**
 * Observation 3/4(a): the share of μ/d captured by the initial sale, nd/(nd+1) = 1/(1 + 1/(nd)).
 * It is ½ at n = 1/d and tends to 1 only as n → ∞.
 *
 * @example
 * issuedShare({ n: 100, d: 0.01 }); // → 0.5
 */
export function issuedShare(options: IssuedShareOptions): number {
  validate.knownKeys("issuedShare options", options ?? {}, ["n", "d"]);
  const { n, d } = options;
  validate.ticketCount(n);
  validate.discountRate(d);
  return 1 / (1 + 1 / (n * d));
}
