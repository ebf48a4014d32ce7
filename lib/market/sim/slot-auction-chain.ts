/**
 * Monte Carlo of slot after slot of a second-price auction or a threshold lottery with a multi-block
 * bonus (the check of ../theory/randomised-auction.ts). One long path; per-slot series are
 * autocorrelated through the bonus, so estimates use batch means (lib/stats `batchMeans`, 40 batches).
 */
import { exponential, rng } from "../../random";
import { batchMeans, type BatchMeansEstimate } from "../../stats";
import * as validate from "../../validate";
import type { SlotAuctionMechanism } from "../theory/randomised-auction";

/** Input of {@link simulateSlotAuctionChain}. */
export interface SimulateSlotAuctionChainOptions {
  /** Each builder's mean value m_l > 0 (exponential values); two or more. */
  means: readonly number[];
  /** Bonus b ≥ 0 of the last slot's winner; default 0. */
  bonus?: number;
  /** The mechanism. */
  mechanism: SlotAuctionMechanism;
  /** Slots simulated (integer ≥ 400). */
  slots: number;
  /** Seed. */
  seed: number | string;
}

/** Output of {@link simulateSlotAuctionChain}. */
export interface SimulateSlotAuctionChainResult {
  /** Share of slots each builder won. */
  shares: BatchMeansEstimate[];
  /** Revenue per slot. */
  revenue: BatchMeansEstimate;
  /** Share of slots won by the builder that won the slot before. */
  continuations: BatchMeansEstimate;
  /** The longest run of one builder. */
  longestRun: number;
}

/**
 * Simulate one path of `slots` slots.
 *
 * @example
 * simulateSlotAuctionChain({ means: [1, 1], mechanism: { kind: "second-price" }, slots: 4000, seed: 1 }).shares[0].mean; // → 0.49975
 */
export function simulateSlotAuctionChain(options: SimulateSlotAuctionChainOptions): SimulateSlotAuctionChainResult {
  validate.knownKeys("simulateSlotAuctionChain options", options ?? {}, [
    "means",
    "bonus",
    "mechanism",
    "slots",
    "seed",
  ]);
  const { means, bonus = 0, mechanism, slots, seed } = options;
  if (!Array.isArray(means) || means.length < 2) {
    throw new RangeError(`means must be an array of at least two numbers > 0; received ${JSON.stringify(means)}`);
  }
  means.forEach((m, i) => validate.positive(`means[${i}]`, m));
  validate.nonNegative("bonus", bonus);
  const kind = validate.oneOf("mechanism.kind", mechanism?.kind, ["second-price", "threshold-lottery"] as const);
  const price =
    kind === "threshold-lottery" ? validate.positive("mechanism.price", (mechanism as { price: number }).price) : 0;
  validate.integer("slots", slots, 400);
  validate.seed(seed);
  const stream = rng(seed, "slot-auction-chain");
  const k = means.length;
  const won = means.map(() => new Float64Array(slots));
  const revenue = new Float64Array(slots);
  const continued = new Float64Array(slots);
  const values = new Float64Array(k);
  const entrants: number[] = [];
  let holder = -1;
  let run = 0;
  let longestRun = 0;
  for (let s = 0; s < slots; s++) {
    for (let l = 0; l < k; l++) values[l] = means[l] * exponential(stream) + (l === holder ? bonus : 0);
    let winner = -1;
    if (kind === "second-price") {
      let best = -1;
      let second = -1;
      for (let l = 0; l < k; l++) {
        if (values[l] > best) {
          second = best;
          best = values[l];
          winner = l;
        } else if (values[l] > second) second = values[l];
      }
      revenue[s] = second;
    } else {
      entrants.length = 0;
      for (let l = 0; l < k; l++) if (values[l] >= price) entrants.push(l);
      if (entrants.length > 0) {
        winner = entrants[Math.min(entrants.length - 1, Math.floor(stream.next() * entrants.length))];
        revenue[s] = price;
      }
    }
    if (winner >= 0) won[winner][s] = 1;
    continued[s] = winner >= 0 && winner === holder ? 1 : 0;
    run = winner >= 0 && winner === holder ? run + 1 : winner >= 0 ? 1 : 0;
    longestRun = Math.max(longestRun, run);
    holder = winner;
  }
  const batches = 40;
  return {
    shares: won.map((series) => batchMeans({ series, batches })),
    revenue: batchMeans({ series: revenue, batches }),
    continuations: batchMeans({ series: continued, batches }),
    longestRun,
  };
}
