/**
 * Rewards drawn ahead for the agent-based market's kernel (agent-market.ts): `count` rewards from the
 * stream in STATE, written from `at` on, exactly the numbers the model's own `sample` would return one
 * by one, and the stream handed back after them.
 */
import { sharedWord, shareState, spill, word } from "./sfc32";
import { layerOf, positionOf, quickExponential, exponentialEdge } from "./exponential";
import { REWARD_CONSTANT, REWARD_EXPONENTIAL } from "./reward";

/** `count` rewards, 8 bytes each from `at`: μ (REWARD_CONSTANT, no draw) or μ·E, E ~ Exp(1) by the ziggurat. */
export function rewardsInto(at: usize, count: i32, rewardKind: i32, mu: f64): void {
  if (rewardKind == REWARD_CONSTANT) {
    for (let i = 0; i < count; i++) store<f64>(at + (<usize>i << 3), mu);
    return;
  }
  if (rewardKind != REWARD_EXPONENTIAL) unreachable();
  let a = sharedWord(0);
  let b = sharedWord(1);
  let c = sharedWord(2);
  let d = sharedWord(3);
  for (let i = 0; i < count; i++) {
    const first = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl<u32>(c, 21) + first;
    const second = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl<u32>(c, 21) + second;
    const layer = layerOf(first);
    const position = positionOf(first, second);
    let e = quickExponential(layer, position);
    if (e < 0) {
      spill(a, b, c, d);
      e = exponentialEdge(layer, position);
      a = word(0); b = word(1); c = word(2); d = word(3);
    }
    store<f64>(at + (<usize>i << 3), mu * e); // ExponentialReward.sample: this.mean * E
  }
  shareState(a, b, c, d);
}
