/** Block sampling of any reward model: the engines' one entry point for drawing rewards. */
import type { Rng } from "../random/rng";
import type { RewardModel } from "./reward-model";
import { validateBlock } from "../random/exponential";

/**
 * out[0..count) = count independent draws of R: the model's own `fill` when it has one, else
 * `sample` in a loop (so a user's model needs only `sample`).
 */
export function fillRewards(reward: RewardModel, rng: Rng, out: Float64Array, count: number): void {
  validateBlock(out, count);
  if (reward.fill !== undefined) {
    reward.fill(rng, out, count);
    return;
  }
  for (let i = 0; i < count; i++) out[i] = reward.sample(rng);
}
