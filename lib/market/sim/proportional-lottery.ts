/**
 * Monte Carlo of a lottery that awards each slot to buyer i with probability w_i/Σw (proportional
 * allocation; the check that the contest's shares are the frequencies with which buyers win blocks).
 */
import { rng } from "../../random";
import { makeEstimate, type Estimate } from "../../stats";
import * as validate from "../../validate";

/** Input of {@link simulateProportionalLottery}. */
export interface SimulateProportionalLotteryOptions {
  /** Each buyer's weight w_i ≥ 0 (tickets held, or spending^α); positive total. */
  weights: readonly number[];
  /** Slots drawn (integer ≥ 2). */
  slots: number;
  /** Seed. */
  seed: number | string;
}

/**
 * The fraction of `slots` independent draws each buyer wins, with binomial standard errors.
 *
 * @example
 * simulateProportionalLottery({ weights: [3, 1], slots: 10000, seed: 1 })[0].mean; // → 0.7427
 */
export function simulateProportionalLottery(options: SimulateProportionalLotteryOptions): Estimate[] {
  validate.knownKeys("simulateProportionalLottery options", options ?? {}, ["weights", "slots", "seed"]);
  const { weights, slots, seed } = options;
  validate.finiteArray("weights", weights);
  weights.forEach((w, i) => validate.nonNegative(`weights[${i}]`, w));
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new RangeError(`weights must have a positive total; received ${JSON.stringify(weights)}`);
  validate.integer("slots", slots, 2);
  validate.seed(seed);
  const stream = rng(seed, "proportional-lottery");
  const cumulative: number[] = [];
  let running = 0;
  for (const w of weights) {
    running += w / total;
    cumulative.push(running);
  }
  const wins = new Float64Array(weights.length);
  for (let s = 0; s < slots; s++) {
    const u = stream.next();
    let i = 0;
    while (i < cumulative.length - 1 && u >= cumulative[i]) i++;
    wins[i] += 1;
  }
  return Array.from(wins, (w) => {
    const p = w / slots;
    return makeEstimate({ mean: p, stderr: Math.sqrt((p * (1 - p)) / (slots - 1)), count: slots });
  });
}
