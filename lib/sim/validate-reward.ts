/** Checks that a value looks like a RewardModel (engines call `sample` in their hot loops). */
import type { RewardModel } from "../rewards/reward-model";

/** How a value shows in an error: a reward model by its name, anything else as itself. */
function shown(reward: unknown): string {
  const named = (reward as { name?: unknown } | null)?.name;
  if (typeof named === "string") return named;
  try {
    return JSON.stringify(reward) ?? String(reward);
  } catch {
    return String(reward);
  }
}

/**
 * Throws a RangeError naming `name` and saying what is wrong unless `reward` has a finite mean ≥ 0
 * and a sample function.
 */
export function validateReward(reward: unknown, name = "reward"): RewardModel {
  const r = reward as Partial<RewardModel> | null | undefined;
  const allowed = "a RewardModel with a finite mean ≥ 0 and a sample(rng) function";
  if (r === null || typeof r !== "object" || typeof r.sample !== "function" || typeof r.mean !== "number") {
    throw new RangeError(`${name} must be ${allowed}; received ${shown(reward)}`);
  }
  if (r.mean === Infinity) {
    throw new RangeError(
      `${name} must be ${allowed}; received ${shown(reward)}, whose mean is infinite (a Pareto tail with α ≤ 1 and no cap?), so every expectation of it is infinite: cap the tail or raise α`,
    );
  }
  if (!Number.isFinite(r.mean) || r.mean < 0) {
    throw new RangeError(`${name} must be ${allowed}; received ${shown(reward)}, whose mean is ${r.mean}`);
  }
  return r as RewardModel;
}
