/** A reward model multiplied by a constant factor (e.g. a buyer who extracts a share of R). */
import type { Rng } from "../random/rng";
import * as validate from "../validate";
import type { RewardModel } from "./reward-model";
import { short } from "./format";

/**
 * c·R for a model R and a factor c ≥ 0: mean c·μ, variance c²·σ².
 *
 * @example
 * new ScaledReward(rewards.exponential(1), 0.9).mean; // → 0.9
 */
export class ScaledReward implements RewardModel {
  readonly name: string;
  readonly mean: number;
  readonly variance: number;
  readonly secondMoment: number;
  readonly params: Readonly<Record<string, number | string>>;

  constructor(
    readonly base: RewardModel,
    readonly factor: number,
  ) {
    if (base == null || typeof base.sample !== "function") {
      throw new RangeError(`model must be a RewardModel; received ${String(base)}`);
    }
    validate.nonNegative("factor", factor);
    // 0·∞ is 0 here: the scaled reward is identically 0.
    const times = (x: number, c: number) => (c === 0 ? 0 : x * c);
    this.mean = times(base.mean, factor);
    this.variance = times(base.variance, factor * factor);
    this.secondMoment = times(base.secondMoment, factor * factor);
    this.name = `${short(factor)}×${base.name}`;
    const inner: Record<string, number | string> = {};
    for (const [key, value] of Object.entries(base.params)) inner[`base.${key}`] = value;
    this.params = Object.freeze({ family: "scaled", factor, ...inner });
  }

  sample(rng: Rng): number {
    return this.factor * this.base.sample(rng);
  }
}
