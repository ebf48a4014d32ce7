/**
 * One block of the ticket sampler (directBlock / conditionalBlock of lib/sim/ticket-values.ts):
 * T − 1 = ⌊E·scale⌋, V = R·x^(T+L) (direct) or x^(T+L) (conditional, reward kind 0), and the
 * power sums of V − shift with min and max, written to SUMS in the order storeSums uses. The
 * stream continues from STATE and is written back there.
 */
import { sharedWord, shareState, spill, word } from "./sfc32";
import { layerOf, positionOf, quickExponential, exponentialEdge } from "./exponential";
import { factorFloor } from "./discount";
import { storeSix } from "./six";
import { REWARD_NONE, REWARD_CONSTANT, REWARD_EXPONENTIAL } from "./reward";

/** [s1, s2, s3, s4, min, max] of the last block. */
export const SUMS: usize = memory.data(6 * 8, 8);

/** `count` samples; rewardKind from reward.ts (REWARD_NONE: the conditional estimator). */
export function ticketBlock(count: i32, rewardKind: i32, mu: f64, scale: f64, shift: f64): void {
  // One specialised copy of the loop per reward kind (the constant argument folds its branches).
  if (rewardKind == REWARD_EXPONENTIAL) block(count, REWARD_EXPONENTIAL, mu, scale, shift);
  else if (rewardKind == REWARD_CONSTANT) block(count, REWARD_CONSTANT, mu, scale, shift);
  else block(count, REWARD_NONE, mu, scale, shift);
}

// @ts-ignore: decorator
@inline function block(count: i32, kind: i32, mu: f64, scale: f64, shift: f64): void {
  let a = sharedWord(0);
  let b = sharedWord(1);
  let c = sharedWord(2);
  let d = sharedWord(3);
  let s1: f64 = 0;
  let s2: f64 = 0;
  let s3: f64 = 0;
  let s4: f64 = 0;
  let min: f64 = Infinity;
  let max: f64 = -Infinity;
  for (let i = 0; i < count; i++) {
    // E ~ Exp(1) for the win slot (two sfc32 steps: see sfc32.ts).
    let first = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl<u32>(c, 21) + first;
    let second = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl<u32>(c, 21) + second;
    let layer = layerOf(first);
    let position = positionOf(first, second);
    let e = quickExponential(layer, position);
    if (e < 0) {
      spill(a, b, c, d);
      e = exponentialEdge(layer, position);
      a = word(0); b = word(1); c = word(2); d = word(3);
    }
    let v = factorFloor(e * scale); // x^(T+L), T − 1 = ⌊E·scale⌋
    if (kind == REWARD_CONSTANT) v = mu * v;
    if (kind == REWARD_EXPONENTIAL) {
      first = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl<u32>(c, 21) + first;
      second = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl<u32>(c, 21) + second;
      layer = layerOf(first);
      position = positionOf(first, second);
      let r = quickExponential(layer, position);
      if (r < 0) {
        spill(a, b, c, d);
        r = exponentialEdge(layer, position);
        a = word(0); b = word(1); c = word(2); d = word(3);
      }
      v = mu * r * v; // (μ·E)·x^(T+L), as ExponentialReward.sample(…) * factor
    }
    if (v < min) min = v;
    if (v > max) max = v;
    const y = v - shift;
    const y2 = y * y;
    s1 += y;
    s2 += y2;
    s3 += y2 * y;
    s4 += y2 * y2;
  }
  shareState(a, b, c, d);
  storeSix(SUMS, s1, s2, s3, s4, min, max);
}
