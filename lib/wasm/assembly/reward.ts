/**
 * The reward models the kernels draw themselves, as codes shared with lib/wasm/reward-kind.ts:
 * ConstantReward (μ, no draw) and ExponentialReward (μ·E, E from the ziggurat). Any other model
 * keeps the JavaScript loop. REWARD_NONE is the conditional estimator, which draws no reward.
 */
export const REWARD_NONE: i32 = 0;
export const REWARD_CONSTANT: i32 = 1;
export const REWARD_EXPONENTIAL: i32 = 2;
