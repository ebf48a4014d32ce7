/**
 * Buyers with a cost of capital (issue 5, ../../docs/derivations/extensions.md [derived there, not the paper's
 * equation]). A buyer who discounts at a per-slot rate r prices a ticket at μ/(1+nr) (Observation 2
 * with r in place of d). The protocol sells n tickets at time 0 and one per slot from slot 1 on (the
 * timing of Observation 3), so at the social rate d its revenue is
 *   price·(n + Σ_{s≥1} x^s) = price·(nd + 1)/d,
 * to be compared with the value of all rewards, μ/d.
 */
import * as validate from "../validate";

/** Input of {@link capitalCostTicketPrice}. */
export interface CapitalCostTicketPriceOptions {
  /** Mean reward per slot μ = E[R] ≥ 0. */
  mu: number;
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** The buyer's per-slot cost of capital r > 0. */
  r: number;
}

/**
 * A buyer discounting at r per slot pays μ/(1 + nr) for a ticket (Observation 2 at rate r).
 *
 * @example
 * capitalCostTicketPrice({ mu: 1, n: 100, r: 0.02 }); // → 0.333333
 */
export function capitalCostTicketPrice(options: CapitalCostTicketPriceOptions): number {
  validate.knownKeys("capitalCostTicketPrice options", options ?? {}, ["mu", "n", "r"]);
  const { mu, n, r } = options;
  validate.nonNegative("mu", mu);
  validate.ticketCount(n);
  validate.discountRate(r, "r");
  return mu / (1 + n * r);
}

/** Input of {@link protocolCapture}. */
export interface ProtocolCaptureOptions {
  /** The price every ticket sells at, initial sale and per-slot sales alike (≥ 0). */
  price: number;
  /** Mean reward per slot μ = E[R] > 0. */
  mu: number;
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** The protocol's (social) per-slot discount rate d > 0. */
  d: number;
}

/**
 * The share of all future rewards μ/d that the protocol captures when every ticket sells at `price`:
 * χ = [price·(nd+1)/d] / (μ/d) = price·(nd+1)/μ. Fair pricing (price = μ/(nd+1)) gives 1; any
 * certainty equivalent (risk aversion) or capital-cost price can be plugged in.
 *
 * @example
 * protocolCapture({ price: 1 / 3, mu: 1, n: 100, d: 0.01 }); // → 0.666667
 */
export function protocolCapture(options: ProtocolCaptureOptions): number {
  validate.knownKeys("protocolCapture options", options ?? {}, ["price", "mu", "n", "d"]);
  const { price, mu, n, d } = options;
  validate.nonNegative("price", price);
  validate.positive("mu", mu);
  validate.ticketCount(n);
  validate.discountRate(d);
  return (price * (n * d + 1)) / mu;
}

/** Input of {@link captureRatio} and {@link captureLeakage}. */
export interface CaptureRatioOptions {
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** The protocol's (social) per-slot discount rate d > 0. */
  d: number;
  /** The buyers' per-slot cost of capital r > 0. */
  r: number;
}

/**
 * Capture with capital cost: χ(n) = (1 + nd)/(1 + nr) (protocolCapture at price μ/(1+nr)).
 * χ ∈ (0, 1] when r ≥ d; χ → d/r as n → ∞; 1 − χ ≈ n(r − d) while nr ≪ 1.
 * Example: d = 3 %/yr, r = 10 %/yr, n = 10⁷ gives χ ≈ 0.816.
 *
 * @example
 * captureRatio({ n: 1e7, d: perSlotRate(0.03), r: perSlotRate(0.1) }); // → 0.816393
 */
export function captureRatio(options: CaptureRatioOptions): number {
  validate.knownKeys("captureRatio options", options ?? {}, ["n", "d", "r"]);
  const { n, d, r } = options;
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.discountRate(r, "r");
  return (1 + n * d) / (1 + n * r);
}

/**
 * The leakage 1 − χ(n) = n(r − d)/(1 + nr): the value that goes to buyers (and the secondary
 * market) instead of the protocol. Formed from r − d directly, never as 1 − χ (which would cancel
 * when χ ≈ 1). Negative when r < d (buyers overpay relative to the social rate).
 *
 * @example
 * captureLeakage({ n: 1e4, d: perSlotRate(0.03), r: perSlotRate(0.1) }); // → 0.000250105
 */
export function captureLeakage(options: CaptureRatioOptions): number {
  validate.knownKeys("captureLeakage options", options ?? {}, ["n", "d", "r"]);
  const { n, d, r } = options;
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.discountRate(r, "r");
  return (n * (r - d)) / (1 + n * r);
}

/** Input of {@link leakageThreshold}. */
export interface LeakageThresholdOptions {
  /** The protocol's (social) per-slot discount rate d > 0. */
  d: number;
  /** The buyers' per-slot cost of capital r > 0. */
  r: number;
  /** Target leakage L ∈ (0, 1), e.g. 0.01 or 0.1. */
  leakage: number;
}

/**
 * The ticket count n* at which the leakage 1 − χ reaches L: solving n(r − d) = L(1 + nr) gives
 *   n* = L / (r(1 − L) − d).
 * The leakage increases in n (for r > d), so for every n > n* it exceeds L. Returned as a real
 * number (the smallest integer n with leakage > L is floor(n*) + 1). Infinity when the leakage never
 * reaches L: its limit is 1 − d/r, so this happens when L ≥ 1 − d/r (in particular when r ≤ d).
 * Example: d = 3 %/yr, r = 10 %/yr gives n* ≈ 4.06·10⁵ for L = 1 % (a mean wait of 56 days of
 * 12-second slots) and n* ≈ 4.67·10⁶ for L = 10 %.
 *
 * @example
 * leakageThreshold({ d: perSlotRate(0.03), r: perSlotRate(0.1), leakage: 0.01 }); // → 405566
 */
export function leakageThreshold(options: LeakageThresholdOptions): number {
  validate.knownKeys("leakageThreshold options", options ?? {}, ["d", "r", "leakage"]);
  const { d, r, leakage } = options;
  validate.discountRate(d);
  validate.discountRate(r, "r");
  validate.inOpenRange("leakage", leakage, 0, 1);
  const gap = r * (1 - leakage) - d;
  return gap > 0 ? leakage / gap : Infinity;
}
