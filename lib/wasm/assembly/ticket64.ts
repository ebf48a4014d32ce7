/**
 * The ticket sampler's block for engine version 2: ticket.ts with the stream an sfc64 one (see
 * lib/random/sfc64-stream.ts), so each exponential costs one 64-bit step instead of two sfc32 steps. The stream continues from STATE64 and is written
 * back there; the power sums go to SUMS.
 */
import { sharedWord64, shareState64, spill64, word64 } from "./sfc64";
import { layerOf64, halfStepOf64, quickExponential64, exponentialEdge64 } from "./exponential-sfc64";
import { factorFloor } from "./discount";
import { storeSix } from "./six";
import { SUMS } from "./ticket";
import { REWARD_NONE, REWARD_CONSTANT, REWARD_EXPONENTIAL } from "./reward";

/** `count` samples; rewardKind from reward.ts (REWARD_NONE: the conditional estimator). */
export function ticketBlock64(count: i32, rewardKind: i32, mu: f64, scale: f64, shift: f64): void {
  // One specialised copy of the loop per reward kind (the constant argument folds its branches).
  if (rewardKind == REWARD_EXPONENTIAL) block(count, REWARD_EXPONENTIAL, mu, scale, shift);
  else if (rewardKind == REWARD_CONSTANT) block(count, REWARD_CONSTANT, mu, scale, shift);
  else block(count, REWARD_NONE, mu, scale, shift);
}

// @ts-ignore: decorator
@inline function block(count: i32, kind: i32, mu: f64, scale: f64, shift: f64): void {
  let a = sharedWord64(0);
  let b = sharedWord64(1);
  let c = sharedWord64(2);
  let w = sharedWord64(3);
  let s1: f64 = 0;
  let s2: f64 = 0;
  let s3: f64 = 0;
  let s4: f64 = 0;
  let min: f64 = Infinity;
  let max: f64 = -Infinity;
  for (let i = 0; i < count; i++) {
    // E ~ Exp(1) for the win slot: one sfc64 step (see sfc64.ts).
    let u = a + b + w; w += 1; a = b ^ (b >>> 11); b = c + (c << 3); c = rotl<u64>(c, 24) + u;
    let layer = layerOf64(u);
    let h = halfStepOf64(u);
    let e = quickExponential64(layer, h);
    if (e < 0) {
      spill64(a, b, c, w);
      e = exponentialEdge64(layer, h);
      a = word64(0); b = word64(1); c = word64(2); w = word64(3);
    }
    let v = factorFloor(e * scale); // x^(T+L), T − 1 = ⌊E·scale⌋
    if (kind == REWARD_CONSTANT) v = mu * v;
    if (kind == REWARD_EXPONENTIAL) {
      u = a + b + w; w += 1; a = b ^ (b >>> 11); b = c + (c << 3); c = rotl<u64>(c, 24) + u;
      layer = layerOf64(u);
      h = halfStepOf64(u);
      let r = quickExponential64(layer, h);
      if (r < 0) {
        spill64(a, b, c, w);
        r = exponentialEdge64(layer, h);
        a = word64(0); b = word64(1); c = word64(2); w = word64(3);
      }
      v = mu * r * v; // (μ·E)·x^(T+L), as ExponentialReward does with its draw
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
  shareState64(a, b, c, w);
  storeSix(SUMS, s1, s2, s3, s4, min, max);
}
