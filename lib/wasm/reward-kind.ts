/**
 * Which reward models the WebAssembly kernels draw themselves. Only the exact classes count: a
 * subclass may override `sample`, and the kernels must draw what the model's own `sample` draws.
 */
import type { RewardModel } from "../rewards/reward-model";
import { ConstantReward, ExponentialReward } from "../rewards/simple-models";

/** Kernel codes of lib/wasm/assembly/reward.ts (0 is "no reward": the conditional estimator). */
export const WASM_REWARD = { none: 0, constant: 1, exponential: 2 } as const;

/** The kernel code of `reward`, or null when the kernels cannot draw it (JavaScript runs instead). */
export function wasmRewardKind(reward: RewardModel): number | null {
  if (reward.constructor === ExponentialReward) return WASM_REWARD.exponential;
  if (reward.constructor === ConstantReward) return WASM_REWARD.constant;
  return null;
}
