/**
 * One block of the ticket sampler (directBlock / conditionalBlock of lib/sim/ticket-values.ts):
 * T − 1 = ⌊E·scale⌋, V = R·x^(T+L) (direct) or x^(T+L) (conditional, reward kind 0), and the
 * power sums of V − shift with min and max, written to SUMS in the order storeSums uses. The
 * stream continues from STATE (sfc32, engine version 1) or STATE64 (sfc64, engine version 2) and is
 * written back there.
 *
 * One loop for both versions, generic in the generator's word W (see generator-word.ts). Version 2
 * makes an exponential from one 64-bit step (exponential-sfc64.ts) where version 1 needs two 32-bit
 * steps.
 */
import { sharedWordOf, shareStateOf, loadWord, storeWords, stepShift, stepRotation, exponentialEdgeOf } from "./generator-word";
import { layerOf, positionOf, quickExponential } from "./exponential";
import { layerOf64, halfStepOf64, quickExponential64 } from "./exponential-sfc64";
import { factorFloor } from "./discount";
import { storeSix } from "./six";
import { REWARD_NONE, REWARD_CONSTANT, REWARD_EXPONENTIAL } from "./reward";

/** [s1, s2, s3, s4, min, max] of the last block. */
export const SUMS: usize = memory.data(6 * 8, 8);

/**
 * `count` samples; rewardKind from reward.ts (REWARD_NONE: the conditional estimator); `wide`: the
 * stream is an sfc64 one (engine version 2), else sfc32.
 */
export function ticketBlock(count: i32, rewardKind: i32, mu: f64, scale: f64, shift: f64, wide: bool): void {
  // One specialised copy of the loop per generator and reward kind (constant arguments fold).
  if (wide) {
    if (rewardKind == REWARD_EXPONENTIAL) block<u64>(count, REWARD_EXPONENTIAL, mu, scale, shift);
    else if (rewardKind == REWARD_CONSTANT) block<u64>(count, REWARD_CONSTANT, mu, scale, shift);
    else block<u64>(count, REWARD_NONE, mu, scale, shift);
  } else if (rewardKind == REWARD_EXPONENTIAL) block<u32>(count, REWARD_EXPONENTIAL, mu, scale, shift);
  else if (rewardKind == REWARD_CONSTANT) block<u32>(count, REWARD_CONSTANT, mu, scale, shift);
  else block<u32>(count, REWARD_NONE, mu, scale, shift);
}

/** The block loop on the generator of word W (u32: sfc32, u64: sfc64). */
// @ts-ignore: decorator
@inline function block<W>(count: i32, kind: i32, mu: f64, scale: f64, shift: f64): void {
  const wide = sizeof<W>() == 8;
  let a = sharedWordOf<W>(0);
  let b = sharedWordOf<W>(1);
  let c = sharedWordOf<W>(2);
  let d = sharedWordOf<W>(3); // sfc64's counter w
  const S = stepShift<W>();
  const R = stepRotation<W>();
  let s1: f64 = 0;
  let s2: f64 = 0;
  let s3: f64 = 0;
  let s4: f64 = 0;
  let min: f64 = Infinity;
  let max: f64 = -Infinity;
  for (let i = 0; i < count; i++) {
    // E ~ Exp(1) for the win slot: one sfc64 step or two sfc32 steps, the edge finished from the
    // generator's global copy.
    let e: f64 = 0;
    {
      let layer = 0;
      let position: f64 = 0;
      if (wide) {
        const u: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + u;
        layer = layerOf64(<u64>u);
        position = halfStepOf64(<u64>u);
        e = quickExponential64(layer, position);
      } else {
        const first: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + first;
        const second: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + second;
        layer = layerOf(<u32>first);
        position = positionOf(<u32>first, <u32>second);
        e = quickExponential(layer, position);
      }
      if (e < 0) {
        storeWords<W>(a, b, c, d);
        e = exponentialEdgeOf<W>(layer, position);
        a = loadWord<W>(0); b = loadWord<W>(1); c = loadWord<W>(2); d = loadWord<W>(3);
      }
    }
    let v = factorFloor(e * scale); // x^(T+L), T − 1 = ⌊E·scale⌋
    if (kind == REWARD_CONSTANT) v = mu * v;
    if (kind == REWARD_EXPONENTIAL) {
      let r: f64 = 0;
      let layer = 0;
      let position: f64 = 0;
      if (wide) {
        const u: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + u;
        layer = layerOf64(<u64>u);
        position = halfStepOf64(<u64>u);
        r = quickExponential64(layer, position);
      } else {
        const first: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + first;
        const second: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + second;
        layer = layerOf(<u32>first);
        position = positionOf(<u32>first, <u32>second);
        r = quickExponential(layer, position);
      }
      if (r < 0) {
        storeWords<W>(a, b, c, d);
        r = exponentialEdgeOf<W>(layer, position);
        a = loadWord<W>(0); b = loadWord<W>(1); c = loadWord<W>(2); d = loadWord<W>(3);
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
  shareStateOf<W>(a, b, c, d);
  storeSix(SUMS, s1, s2, s3, s4, min, max);
}
