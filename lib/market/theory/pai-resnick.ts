/**
 * Pai & Resnick's ahead-of-time sale with just-in-time resale (../../../docs/derivations/extensions.md#ahead-of-time-sale-with-just-in-time-resale, [derived
 * there]), in its two-bidder exponential form.
 *
 * Values for the block: v_i ~ Exp(λ_i) (mean 1/λ_i), independent, learned only just in time.
 * - Per-slot auction (MEV-Boost style, values known): the higher value wins, so bidder 1's block
 *   share is P(v1 > v2) = λ2/(λ1+λ2), and second-price revenue is E[min] = 1/(λ1+λ2).
 * - Ahead-of-time sale + resale: bidder 1 owns the slot right (it won the ahead-of-time auction).
 *   Once v1 is known it makes bidder 2 a take-it-or-leave-it offer at price p, keeping the block
 *   (worth v1) if refused. Its expected payoff v1·(1 − e^{−λ2 p}) + p·e^{−λ2 p} has derivative
 *   e^{−λ2 p}(1 − λ2(p − v1)), so the optimal (Myerson) price is p = v1 + 1/λ2 — above its own
 *   value. Bidder 2 buys iff v2 ≥ v1 + 1/λ2, with probability
 *     E[e^{−λ2 v1 − 1}] = e^{−1}·λ1/(λ1+λ2),
 *   so bidder 1 proposes with probability 1 − e^{−1}·λ1/(λ1+λ2).
 *   Checks: λ1 = λ2: 0.5 → 0.816; λ2 = 2λ1: 0.667 → 0.877; λ2 = λ1/2: 0.333 → 0.755.
 * - Who wins the ahead-of-time auction: owning the right is worth
 *     U1 = E[v1 + e^{−λ2 v1 − 1}/λ2] = 1/λ1 + e^{−1}·λ1/(λ2(λ1+λ2))
 *   to bidder 1; if bidder 2 owns it, bidder 1 still gets the resale surplus
 *     E[(v1 − v2 − 1/λ1)^+] = e^{−1}·λ2/(λ1(λ1+λ2)).
 *   Willingness to pay = U1 minus that surplus, and symmetrically for bidder 2. Their difference is
 *   (1/λ1 − 1/λ2)(1 − 2/e), so the ex-ante stronger bidder (the smaller λ) wins; a second-price
 *   ahead-of-time auction earns the smaller willingness to pay.
 */
import * as validate from "../../validate";

/** Input of {@link paiResnick}. */
export interface PaiResnickOptions {
  /** Rate of bidder 1's value, λ1 > 0 (mean value 1/λ1); bidder 1 holds the ahead-of-time right. */
  lambda1: number;
  /** Rate of bidder 2's value, λ2 > 0. */
  lambda2: number;
}

/** Output of {@link paiResnick}. */
export interface PaiResnickResult {
  /** Bidder 1's block share under a per-slot auction: λ2/(λ1+λ2). */
  perSlotShare: number;
  /** Bidder 1's block share when it owns the slot ahead of time and resells just in time: 1 − e^{−1}λ1/(λ1+λ2). */
  aheadOfTimeShare: number;
  /** Probability that the block is resold to bidder 2: e^{−1}λ1/(λ1+λ2). */
  resaleProbability: number;
  /** Bidder 1's resale markup over its own value, p − v1 = 1/λ2. */
  resaleMarkup: number;
  /** Expected value to bidder 1 of owning the right (resale included), U1. */
  holderValue: number;
  /** Ahead-of-time willingness to pay of bidders 1 and 2 (owning minus the rival owning). */
  willingnessToPay: [number, number];
  /** The winner of the ahead-of-time auction: 1 or 2 (1 on a tie). */
  aheadOfTimeWinner: 1 | 2;
  /** Per-slot second-price revenue E[min(v1, v2)] = 1/(λ1+λ2). */
  perSlotRevenue: number;
  /** Second-price ahead-of-time revenue: the smaller willingness to pay. */
  aheadOfTimeRevenue: number;
}

/**
 * Closed forms of the two-bidder exponential ahead-of-time sale with resale (see the module comment).
 *
 * @example
 * paiResnick({ lambda1: 1, lambda2: 1 }).aheadOfTimeShare; // → 0.81606
 */
export function paiResnick(options: PaiResnickOptions): PaiResnickResult {
  validate.knownKeys("paiResnick options", options ?? {}, ["lambda1", "lambda2"]);
  const { lambda1, lambda2 } = options;
  validate.positive("lambda1", lambda1);
  validate.positive("lambda2", lambda2);
  const sum = lambda1 + lambda2;
  const e1 = Math.exp(-1);
  const resaleProbability = (e1 * lambda1) / sum;
  const holderValue = 1 / lambda1 + (e1 * lambda1) / (lambda2 * sum);
  const surplus1 = (e1 * lambda2) / (lambda1 * sum);
  const holder2 = 1 / lambda2 + (e1 * lambda2) / (lambda1 * sum);
  const surplus2 = (e1 * lambda1) / (lambda2 * sum);
  const w1 = holderValue - surplus1;
  const w2 = holder2 - surplus2;
  return {
    perSlotShare: lambda2 / sum,
    aheadOfTimeShare: 1 - resaleProbability,
    resaleProbability,
    resaleMarkup: 1 / lambda2,
    holderValue,
    willingnessToPay: [w1, w2],
    aheadOfTimeWinner: w1 >= w2 ? 1 : 2,
    perSlotRevenue: 1 / sum,
    aheadOfTimeRevenue: Math.min(w1, w2),
  };
}
