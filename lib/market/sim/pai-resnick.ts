/**
 * Simulation of the two-bidder ahead-of-time sale with just-in-time resale (theory/pai-resnick.ts),
 * to check its closed forms. Per sample, from rng(seed, "pai-resnick"): v1 = E1/λ1 then v2 = E2/λ2
 * with E1, E2 ~ Exp(1).
 * - per-slot auction: bidder 1 proposes iff v1 > v2; second-price revenue min(v1, v2);
 * - ahead of time: bidder 1 owns the slot and offers it at p = v1 + 1/λ2; bidder 2 buys iff v2 ≥ p,
 *   else bidder 1 proposes; bidder 1's payoff is p if sold, v1 if not;
 * - were bidder 2 the owner, it would offer at v2 + 1/λ1 and bidder 1 would gain
 *   (v1 − v2 − 1/λ1)^+; bidder 1's ahead-of-time willingness to pay is its payoff as owner minus
 *   that surplus, estimated per sample on the same draws.
 */
import { exponential, rng } from "../../random";
import { RunningStats, type Estimate } from "../../stats";
import * as validate from "../../validate";

/** Input of {@link simulatePaiResnick}. */
export interface SimulatePaiResnickOptions {
  /** Rate of bidder 1's value λ1 > 0 (bidder 1 holds the ahead-of-time right). */
  lambda1: number;
  /** Rate of bidder 2's value λ2 > 0. */
  lambda2: number;
  /** Number of simulated slots (integer ≥ 2). */
  samples: number;
  /** Seed. */
  seed: number | string;
}

/** Output of {@link simulatePaiResnick}: estimates with standard errors. */
export interface SimulatePaiResnickResult {
  /** Bidder 1's block share under a per-slot auction. */
  perSlotShare: Estimate;
  /** Bidder 1's block share with the ahead-of-time right and resale. */
  aheadOfTimeShare: Estimate;
  /** Fraction of slots resold to bidder 2. */
  resaleProbability: Estimate;
  /** Bidder 1's payoff from owning the right (value kept or resale price). */
  holderValue: Estimate;
  /** Per-slot second-price revenue min(v1, v2). */
  perSlotRevenue: Estimate;
  /** Bidder 1's ahead-of-time willingness to pay: owner payoff − resale surplus if bidder 2 owned. */
  willingnessToPay: Estimate;
}

/**
 * Monte Carlo of the two-bidder game (see the module comment).
 *
 * @example
 * simulatePaiResnick({ lambda1: 1, lambda2: 1, samples: 10000, seed: 1 }).aheadOfTimeShare.mean; // → 0.8115
 */
export function simulatePaiResnick(options: SimulatePaiResnickOptions): SimulatePaiResnickResult {
  validate.knownKeys("simulatePaiResnick options", options ?? {}, ["lambda1", "lambda2", "samples", "seed"]);
  const { lambda1, lambda2, samples, seed } = options;
  validate.positive("lambda1", lambda1);
  validate.positive("lambda2", lambda2);
  validate.integer("samples", samples, 2);
  validate.seed(seed);
  const stream = rng(seed, "pai-resnick");
  const perSlot = new RunningStats();
  const ahead = new RunningStats();
  const resale = new RunningStats();
  const holder = new RunningStats();
  const revenue = new RunningStats();
  const willingness = new RunningStats();
  const markup = 1 / lambda2;
  const rivalMarkup = 1 / lambda1;
  for (let i = 0; i < samples; i++) {
    const v1 = exponential(stream) / lambda1;
    const v2 = exponential(stream) / lambda2;
    perSlot.push(v1 > v2 ? 1 : 0);
    revenue.push(Math.min(v1, v2));
    const price = v1 + markup;
    const sold = v2 >= price;
    ahead.push(sold ? 0 : 1);
    resale.push(sold ? 1 : 0);
    const payoff = sold ? price : v1;
    holder.push(payoff);
    const surplus = v1 - v2 - rivalMarkup;
    willingness.push(payoff - Math.max(surplus, 0));
  }
  return {
    perSlotShare: perSlot.estimate(),
    aheadOfTimeShare: ahead.estimate(),
    resaleProbability: resale.estimate(),
    holderValue: holder.estimate(),
    perSlotRevenue: revenue.estimate(),
    willingnessToPay: willingness.estimate(),
  };
}
