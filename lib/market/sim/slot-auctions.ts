/**
 * Monte Carlo of per-slot just-in-time second-price auctions (the check of
 * ../theory/jit-versus-ahead.ts and ../theory/independent-values-auction.ts).
 *
 * Every slot, builder i's value is X_i = scale_i·Y_i with Y_i drawn afresh per builder ("private") or
 * one Y per slot shared by all ("common"); Y is exponential with mean 1 or uniform on [0, 2]. The
 * highest value wins and pays the second highest. The sample also estimates each builder's ahead-of-time
 * certainty equivalent E[e^{−γX_i}] for a given γ, so that the risk-averse closed form is checked too.
 */
import { exponential, rng } from "../../random";
import { makeEstimate, RunningStats, type Estimate } from "../../stats";
import * as validate from "../../validate";
import type { SlotValueLaw } from "../theory/jit-versus-ahead";

/** Input of {@link simulateSlotAuctions}. */
export interface SimulateSlotAuctionsOptions {
  /** Each builder's scale (mean value) > 0; at least two builders. */
  scales: readonly number[];
  /** The law of Y (mean 1): "exponential" or "uniform" on [0, 2]. */
  law: SlotValueLaw;
  /** "private": independent Y_i per builder; "common": one Y per slot for all. */
  values: "private" | "common";
  /** Slots simulated (integer ≥ 2). */
  slots: number;
  /** Seed. */
  seed: number | string;
  /** Risk aversion γ > 0 at which to estimate builder 0's certainty equivalent; default none. */
  gamma?: number;
}

/** Output of {@link simulateSlotAuctions}. */
export interface SimulateSlotAuctionsResult {
  /** Second-highest value per slot: the JIT revenue. */
  jitRevenue: Estimate;
  /** Highest value per slot. */
  jitWinnerValue: Estimate;
  /** Fraction of slots each builder won. */
  shares: Estimate[];
  /** With `gamma`: builder 0's CE −ln(mean e^{−γX_0})/γ, with its delta-method standard error. */
  certaintyEquivalent?: { mean: number; stderr: number };
}

/**
 * Simulate `slots` independent just-in-time auctions.
 *
 * @example
 * simulateSlotAuctions({ scales: [1, 1], law: "exponential", values: "private", slots: 10000, seed: 1 }).jitRevenue.mean; // → 0.502021
 */
export function simulateSlotAuctions(options: SimulateSlotAuctionsOptions): SimulateSlotAuctionsResult {
  validate.knownKeys("simulateSlotAuctions options", options ?? {}, [
    "scales",
    "law",
    "values",
    "slots",
    "seed",
    "gamma",
  ]);
  const { scales, law, values, slots, seed, gamma } = options;
  if (!Array.isArray(scales) || scales.length < 2) {
    throw new RangeError(`scales must be an array of at least two numbers > 0; received ${JSON.stringify(scales)}`);
  }
  scales.forEach((s, i) => validate.positive(`scales[${i}]`, s));
  validate.oneOf("law", law, ["exponential", "uniform"] as const);
  validate.oneOf("values", values, ["private", "common"] as const);
  validate.integer("slots", slots, 2);
  validate.seed(seed);
  if (gamma !== undefined) validate.positive("gamma", gamma);
  const stream = rng(seed, "slot-auctions");
  const draw = law === "exponential" ? () => exponential(stream) : () => 2 * stream.next();
  const k = scales.length;
  const revenue = new RunningStats();
  const top = new RunningStats();
  const wins = new Float64Array(k);
  const laplace = new RunningStats();
  for (let s = 0; s < slots; s++) {
    const shared = values === "common" ? draw() : 0;
    let best = -1;
    let second = -1;
    let winner = 0;
    for (let i = 0; i < k; i++) {
      const x = scales[i] * (values === "common" ? shared : draw());
      if (i === 0 && gamma !== undefined) laplace.push(Math.exp(-gamma * x));
      if (x > best) {
        second = best;
        best = x;
        winner = i;
      } else if (x > second) second = x;
    }
    wins[winner] += 1;
    revenue.push(second);
    top.push(best);
  }
  const shares = Array.from(wins, (w) => {
    const p = w / slots;
    return makeEstimate({ mean: p, stderr: Math.sqrt((p * (1 - p)) / (slots - 1)), count: slots });
  });
  const result: SimulateSlotAuctionsResult = { jitRevenue: revenue.estimate(), jitWinnerValue: top.estimate(), shares };
  if (gamma !== undefined) {
    result.certaintyEquivalent = {
      mean: -Math.log(laplace.mean) / gamma,
      stderr: laplace.stderr / (gamma * laplace.mean),
    };
  }
  return result;
}
