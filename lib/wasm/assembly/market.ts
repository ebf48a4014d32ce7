/**
 * One path of the slot-level market (simulatePath of lib/sim/ticket-pool.ts), slot for slot: a uniform
 * position (PositionSampler), a reward, the running discount factor recomputed exactly every 1024
 * slots, the original-ticket stamp test, the holder's streams and runs. The six present values go
 * to PATH_SUMS in the engine's order; run counts are added to RUN_COUNTS.
 */
import { sharedWord, shareState, uniform52, spill, word } from "./sfc32";
import { layerOf, positionOf, quickExponential, exponentialEdge } from "./exponential";
import { storeSix } from "./six";
import { jsExp } from "./host";
import { REWARD_EXPONENTIAL } from "./reward";

const RENORMALISE = 1024;

/** [total, issued, unissued, static, net, gross] of the last path. */
export const PATH_SUMS: usize = memory.data(6 * 8, 8);
/** runCounts[m − 1], m ≤ 1000: runs of length ≥ m in the path (cleared by JavaScript). */
export const RUN_COUNTS: usize = memory.data(1000 * 8, 8);

/** Where the stamp bytes (one per position) start: the free memory after the static data. */
export function stampsPointer(): usize {
  return (__heap_base + 15) & ~15;
}

/** Grows the memory so that n stamp bytes fit; returns false if it cannot. */
export function reserveStamps(n: i32): bool {
  const end = stampsPointer() + <usize>n;
  const pages = <i32>((end + 0xffff) >>> 16);
  const have = memory.size();
  return pages <= have || memory.grow(pages - have) >= 0;
}

function recordRun(length: i32, maxRun: i32): void {
  const top = length < maxRun ? length : maxRun;
  for (let m = 0; m < top; m++) {
    const at = RUN_COUNTS + (<usize>m << 3);
    store<f64>(at, load<f64>(at) + 1);
  }
}

/**
 * One path; the stream continues from STATE and is written back there. Positions: for small n
 * (≤ 2^21) Lemire's exact method on 32 bits with rejection below `threshold` = 2^32 mod n, else
 * ⌊u·n⌋ from a 52-bit uniform (PositionSampler). rewardKind: REWARD_CONSTANT or REWARD_EXPONENTIAL.
 */
export function marketPath(
  n: i32,
  small: bool,
  threshold: u32,
  k: i32,
  rewardKind: i32,
  mu: f64,
  price: f64,
  horizon: i32,
  logFactor: f64,
  epoch: u8,
  maxRun: i32,
): void {
  // One specialised copy of the loop per (reward kind, position method): constant arguments fold.
  const exponential = rewardKind == REWARD_EXPONENTIAL;
  if (exponential && small) path(n, true, threshold, k, true, mu, price, horizon, logFactor, epoch, maxRun);
  else if (exponential) path(n, false, threshold, k, true, mu, price, horizon, logFactor, epoch, maxRun);
  else if (small) path(n, true, threshold, k, false, mu, price, horizon, logFactor, epoch, maxRun);
  else path(n, false, threshold, k, false, mu, price, horizon, logFactor, epoch, maxRun);
}

// @ts-ignore: decorator
@inline function path(
  n: i32,
  small: bool,
  threshold: u32,
  k: i32,
  exponential: bool,
  mu: f64,
  price: f64,
  horizon: i32,
  logFactor: f64,
  epoch: u8,
  maxRun: i32,
): void {
  let a = sharedWord(0);
  let b = sharedWord(1);
  let c = sharedWord(2);
  let d = sharedWord(3);
  const stamps = stampsPointer();
  const track = maxRun > 0;
  const x = jsExp(logFactor);
  let total: f64 = 0;
  let issued: f64 = 0;
  let unissued: f64 = 0;
  let staticStake: f64 = 0;
  let gross: f64 = 0;
  let net: f64 = 0;
  let run = 0;
  for (let t = 0; t < horizon; ) {
    const end = min(horizon, t + RENORMALISE);
    let discount = jsExp(<f64>t * logFactor); // x^t, exact
    for (; t < end; t++) {
      discount *= x; // x^(t+1): this slot's factor
      // The position (sfc32 steps spelled out: see sfc32.ts).
      let j = 0;
      if (small) {
        for (;;) {
          const bits = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl<u32>(c, 21) + bits;
          const m = <u64>bits * <u64>n;
          if (<u32>m >= threshold) {
            j = <i32>(m >>> 32);
            break;
          }
        }
      } else {
        const first = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl<u32>(c, 21) + first;
        const second = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl<u32>(c, 21) + second;
        j = <i32>Math.min(Math.floor(uniform52(first, second) * <f64>n), <f64>(n - 1));
      }
      // The reward: μ, or μ·E with E from the ziggurat.
      let reward = mu;
      if (exponential) {
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
        reward = mu * e;
      }
      const pv = reward * discount;
      total += pv;
      const at = stamps + <usize>j;
      if (load<u8>(at) != epoch) {
        store<u8>(at, epoch); // the original ticket at j wins and is replaced
        issued += pv;
        if (j < k) staticStake += pv;
      } else {
        unissued += pv;
      }
      if (j < k) {
        gross += pv;
        net += pv - price * discount;
        if (track) run++;
      } else if (track && run > 0) {
        recordRun(run, maxRun);
        run = 0;
      }
    }
  }
  if (track && run > 0) recordRun(run, maxRun);
  shareState(a, b, c, d);
  storeSix(PATH_SUMS, total, issued, unissued, staticStake, net, gross);
}
