/**
 * Simulation of the present value of a maintained share with a multi-block bonus
 * (theory/multi-block.ts). Per path (stream rng(seed, "share-bonus", path)), per slot t = 1..H: the
 * holder wins with probability P = held/n (a uniform ticket position below `held`); on a win it
 * draws R and earns R + β·μ if it also won slot t−1 (linear bonus) or R·(1+β)^(k−1) as the k-th slot
 * of a run (geometric bonus), discounted by (1+d)^(−t). No run before slot 1.
 *
 * Horizon: by default the smallest H with max(x, (1+β)P·x)^H ≤ 1e-12 (x = 1/(1+d)); the expected
 * per-slot value grows at most like ((1+β)P)^t for the geometric bonus, so the omitted tail is of
 * that relative order. The value is infinite when (1+β)P ≥ 1+d (geometric), which is refused.
 */
import { rng } from "../../random";
import type { RewardModel } from "../../rewards/reward-model";
import { DiscountTable } from "../../model/discount-table";
import { RunningStats, type Estimate } from "../../stats";
import * as validate from "../../validate";
import { validateBonus, type MultiBlockBonus } from "../bonus";

/** Input of {@link simulateShareWithBonus}. */
export interface SimulateShareWithBonusOptions {
  /** Reward model of R. */
  reward: RewardModel;
  /** Tickets outstanding n (integer ≥ 1). */
  n: number;
  /** Tickets kept by the holder (integer, 0 ≤ held ≤ n). */
  held: number;
  /** Discount rate d > 0 per slot. */
  d: number;
  /** The bonus. */
  bonus: MultiBlockBonus;
  /** Paths (integer ≥ 2). */
  paths: number;
  /** Seed. */
  seed: number | string;
  /** Slots per path; default from the tail bound in the module comment (at most 1e7). */
  horizon?: number;
}

/**
 * Monte Carlo estimate of the gross PV (α = 1) of a maintained share with a bonus.
 *
 * @example
 * simulateShareWithBonus({ reward: rewards.exponential(1), n: 10, held: 5, d: 0.05, bonus: { kind: "linear", beta: 0.1 }, paths: 200, seed: 1 }).mean; // → 10.7242
 */
export function simulateShareWithBonus(options: SimulateShareWithBonusOptions): Estimate {
  validate.knownKeys("simulateShareWithBonus options", options ?? {}, [
    "reward",
    "n",
    "held",
    "d",
    "bonus",
    "paths",
    "seed",
    "horizon",
  ]);
  const { reward, n, held, d, bonus, paths, seed, horizon } = options;
  if (reward === null || typeof reward !== "object" || typeof reward.sample !== "function") {
    throw new RangeError(`reward must be a RewardModel; received ${String(reward)}`);
  }
  validate.nonNegative("reward.mean", reward.mean);
  validate.ticketCount(n);
  validate.integer("held", held, 0, n);
  validate.discountRate(d);
  validateBonus(bonus);
  validate.integer("paths", paths, 2);
  validate.seed(seed);
  const share = held / n;
  const growth = (1 + bonus.beta) * share;
  if (bonus.kind === "geometric" && !(growth < 1 + d)) {
    throw new RangeError(
      `bonus.beta must satisfy (1+beta)·held/n < 1+d (else the value is infinite); received ${bonus.beta}`,
    );
  }
  const logRate = Math.max(-Math.log1p(d), bonus.kind === "geometric" ? Math.log(growth) - Math.log1p(d) : -Infinity);
  const H =
    horizon === undefined
      ? validate.integer("horizon (from the tail bound)", Math.ceil(Math.log(1e-12) / logRate), 1, 1e7)
      : validate.integer("horizon", horizon, 1);
  const table = new DiscountTable({ d });
  const mu = reward.mean;
  const linearBonus = bonus.kind === "linear" ? bonus.beta * mu : 0;
  const multiplier = bonus.kind === "geometric" ? 1 + bonus.beta : 1;
  const stats = new RunningStats();
  for (let path = 0; path < paths; path++) {
    const stream = rng(seed, "share-bonus", path);
    let pv = 0;
    let run = 0;
    let factor = 1;
    for (let t = 1; t <= H; t++) {
      if (Math.floor(stream.next() * n) < held) {
        const r = reward.sample(stream);
        run++;
        let value: number;
        if (run === 1) {
          factor = 1;
          value = r;
        } else {
          factor *= multiplier;
          value = r * factor + linearBonus;
        }
        pv += value * table.factor(t);
      } else {
        run = 0;
      }
    }
    stats.push(pv);
  }
  return stats.estimate();
}
