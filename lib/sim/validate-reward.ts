/** Checks that a value looks like a RewardModel (engines call `sample` in their hot loops). */
import type { RewardModel } from "../rewards/reward-model";

/** Throws a RangeError naming `name` unless `reward` has a finite mean ≥ 0 and a sample function. */
export function validateReward(reward: unknown, name = "reward"): RewardModel {
  const r = reward as Partial<RewardModel> | null | undefined;
  if (
    r === null ||
    typeof r !== "object" ||
    typeof r.sample !== "function" ||
    typeof r.mean !== "number" ||
    !Number.isFinite(r.mean) ||
    r.mean < 0
  ) {
    throw new RangeError(
      `${name} must be a RewardModel with a finite mean ≥ 0 and a sample(rng) function; received ${String(reward)}`,
    );
  }
  return r as RewardModel;
}
