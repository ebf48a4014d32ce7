/**
 * Competitive capture with heterogeneous buyers (../../../docs/derivations/extensions.md, [derived there]).
 *
 * Under a second-price (or competitive first-price) sale of every ticket, with valuations that do
 * not depend on holdings, the buyer with the highest valuation v(1) wins every ticket — the n at
 * t = 0 and the one per slot after — and pays the runner-up's valuation v(2) each time. Over slots
 * 1..H (H = ∞ by default), with x = 1/(1+d) and S = Σ_{t=1}^{H} x^t = (1 − x^H)/d:
 *
 *   PV(proceeds) = v(2)·(n + S),   PV(R) = μ·x^m·S,   PV(extracted) = α_(1)·μ·x^m·S,
 *   capture = v(2)(n + S)/(μ x^m S),   captureOfExtracted = capture/α_(1).
 *
 * For risk-neutral buyers with r_b = d: v_b = α_b μ x^m/(1+nd), and with S = 1/d (n + S = (1+nd)/d),
 * capture = α_(2) and captureOfExtracted = v(2)/v(1) = α_(2)/α_(1). With a common α and costs of
 * capital r_b > d, capture = (1+nd)/(1+n·r_(2)) → d/r_(2) as n → ∞ (Burian–Crapis–Saleh's χ).
 */
import * as validate from "../../validate";
import { validateBuyers, type Buyer } from "../buyers";
import { valuationParts } from "../valuation";

/** Input of {@link competitiveCapture}. */
export interface CompetitiveCaptureOptions {
  /** The buyers (at least one). */
  buyers: readonly Buyer[];
  /** Mean reward μ ≥ 0 (finite). */
  mu: number;
  /** Reward variance σ² ≥ 0 (Infinity allowed; matters only for γ > 0). */
  sigma2: number;
  /** Tickets outstanding n (integer ≥ 1). */
  n: number;
  /** Social discount rate d > 0. */
  d: number;
  /** Lookahead m (integer ≥ 0); default 0. */
  lookahead?: number;
  /** Horizon H in slots (integer ≥ 1); default Infinity (the untruncated stream). */
  horizon?: number;
}

/** Output of {@link competitiveCapture}. */
export interface CompetitiveCaptureResult {
  /** Index of the buyer with the highest valuation (lowest index on a tie). */
  top: number;
  /** Index of the runner-up (−1 with a single buyer). */
  runnerUp: number;
  /** v(1) and v(2) (v(2) = 0 with a single buyer). */
  topValue: number;
  runnerUpValue: number;
  /** v(2)/v(1). */
  valuationRatio: number;
  /** The price paid for every ticket, max(v(2), 0) (0 also when nobody values a ticket). */
  price: number;
  /** PV(proceeds)/PV(R). */
  capture: number;
  /** PV(proceeds)/PV(extracted by the top buyer). */
  captureOfExtracted: number;
}

/**
 * Capture of a competitive (second-price) ticket market with heterogeneous buyers; see the module comment.
 *
 * @example
 * competitiveCapture({ buyers: homogeneousBuyers({ count: 3, r: 0.02 }), mu: 1, sigma2: 1, n: 100, d: 0.01 }).capture; // → 0.666667
 */
export function competitiveCapture(options: CompetitiveCaptureOptions): CompetitiveCaptureResult {
  validate.knownKeys("competitiveCapture options", options ?? {}, [
    "buyers",
    "mu",
    "sigma2",
    "n",
    "d",
    "lookahead",
    "horizon",
  ]);
  const { buyers, mu, sigma2, n, d, lookahead = 0, horizon = Infinity } = options;
  validateBuyers(buyers);
  validate.nonNegative("mu", mu);
  if (sigma2 !== Infinity) validate.nonNegative("sigma2", sigma2);
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.integer("lookahead", lookahead, 0);
  if (horizon !== Infinity) validate.integer("horizon", horizon, 1);
  const values = buyers.map((b) => {
    const { expected, riskPremium } = valuationParts(b, mu, sigma2, n, lookahead);
    return expected - riskPremium;
  });
  let top = 0;
  for (let b = 1; b < values.length; b++) if (values[b] > values[top]) top = b;
  let runnerUp = -1;
  for (let b = 0; b < values.length; b++) {
    if (b !== top && (runnerUp < 0 || values[b] > values[runnerUp])) runnerUp = b;
  }
  const topValue = values[top];
  const runnerUpValue = runnerUp < 0 ? 0 : values[runnerUp];
  const price = topValue > 0 ? Math.max(runnerUpValue, 0) : 0;
  const logX = -Math.log1p(d);
  // S = (1 − x^H)/d, formed with expm1 so that small d·H loses no digits.
  const slotsPV = horizon === Infinity ? 1 / d : -Math.expm1(horizon * logX) / d;
  const rewardPV = mu * Math.exp(lookahead * logX) * slotsPV;
  const capture = (price * (n + slotsPV)) / rewardPV;
  return {
    top,
    runnerUp,
    topValue,
    runnerUpValue,
    valuationRatio: runnerUpValue / topValue,
    price,
    capture,
    captureOfExtracted: capture / buyers[top].alpha,
  };
}
