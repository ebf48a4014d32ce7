/**
 * One path of the slot-level market (simulatePath of lib/sim/ticket-pool.ts), slot for slot: a uniform
 * position (PositionSampler), a reward, the running discount factor recomputed exactly every 1024
 * slots, the original-ticket stamp test, the holder's streams and runs. The six present values go
 * to PATH_SUMS in the engine's order; run counts are added to RUN_COUNTS.
 *
 * The slots run in a function of their own that calls nothing (`slotLoop`, one specialised copy per
 * reward kind, position method and run tracking). It returns to its driver (`marketPath`) at the end
 * of a 1024-slot block, where the driver recomputes the discount exactly (Math.exp), or when a reward
 * draw lands on a ziggurat edge (~1.1 % of draws), where the driver finishes the draw
 * (exponentialEdge) and accounts that slot (`accountSlot`). The state between them (generator words,
 * sums, run, slot, discount) passes through module globals, read on entry and written on exit only,
 * and the loop branches on the ziggurat's comparison itself rather than on a −1 sentinel. Measured on
 * the bench's model, called directly: 113 → 130 M slot-events/s, the same numbers bit for bit.
 *
 * Both engine versions share the code, generic in the generator's word W (generator-word.ts): u32 is
 * sfc32 (version 1), u64 sfc64 (version 2, `wide`: one step for a position — its high 32 bits for
 * Lemire, its top 52 for large n — and one for an exponential, see exponential-sfc64.ts).
 */
import { uniform52 } from "./sfc32";
import { uniform64 } from "./sfc64";
import { sharedWordOf, shareStateOf, loadWord, storeWords, stepShift, stepRotation, exponentialEdgeOf } from "./generator-word";
import { layerOf, positionOf, ZIGGURAT_X, ZIGGURAT_RATIO } from "./exponential";
import { layerOf64, halfStepOf64, ZIGGURAT44_X, ZIGGURAT44_RATIO } from "./exponential-sfc64";
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

// @ts-ignore: decorator
@inline function recordRun(length: i32, maxRun: i32): void {
  const top = length < maxRun ? length : maxRun;
  for (let m = 0; m < top; m++) {
    const at = RUN_COUNTS + (<usize>m << 3);
    store<f64>(at, load<f64>(at) + 1);
  }
}

// A path's state while the driver has it (see the module comment).
let total: f64 = 0;
let issued: f64 = 0;
let unissued: f64 = 0;
let staticStake: f64 = 0;
let gross: f64 = 0;
let net: f64 = 0;
let run: i32 = 0;
/** The next slot to account. */
let slot: i32 = 0;
/** The factor of the slot before `slot` (x^slot), or of the slot the loop stopped at (x^(slot+1)). */
let discount: f64 = 0;
/** A slot whose reward draw hit an ziggurat edge: its position and the draw's layer and position. */
let pendingJ: i32 = 0;
let edgeLayer: i32 = 0;
let edgePosition: f64 = 0;

/**
 * One path; the stream continues from STATE (sfc32, engine version 1) or, when `wide`, STATE64
 * (sfc64, version 2), and is written back there. Positions: for small n (≤ 2^21) Lemire's exact
 * method on 32 bits with rejection below `threshold` = 2^32 mod n, else ⌊u·n⌋ from a 52-bit uniform
 * (PositionSampler). rewardKind: REWARD_CONSTANT or REWARD_EXPONENTIAL.
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
  wide: bool,
): void {
  if (wide) path<u64>(n, small, threshold, k, rewardKind, mu, price, horizon, logFactor, epoch, maxRun);
  else path<u32>(n, small, threshold, k, rewardKind, mu, price, horizon, logFactor, epoch, maxRun);
}

// @ts-ignore: decorator
@inline function path<W>(
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
  storeWords<W>(sharedWordOf<W>(0), sharedWordOf<W>(1), sharedWordOf<W>(2), sharedWordOf<W>(3));
  total = 0;
  issued = 0;
  unissued = 0;
  staticStake = 0;
  gross = 0;
  net = 0;
  run = 0;
  const x = jsExp(logFactor);
  // One specialised slot loop per (reward kind, position method, run tracking): constants fold.
  const variant = (rewardKind == REWARD_EXPONENTIAL ? 4 : 0) | (small ? 2 : 0) | (maxRun > 0 ? 1 : 0);
  for (let t = 0; t < horizon; ) {
    const end = min(horizon, t + RENORMALISE);
    slot = t;
    discount = jsExp(<f64>t * logFactor); // x^t, exact
    for (;;) {
      let stopped = false;
      if (variant == 7) stopped = slotsExpSmallRuns<W>(end, n, threshold, k, mu, price, x, epoch, maxRun);
      else if (variant == 6) stopped = slotsExpSmall<W>(end, n, threshold, k, mu, price, x, epoch, maxRun);
      else if (variant == 5) stopped = slotsExpRuns<W>(end, n, threshold, k, mu, price, x, epoch, maxRun);
      else if (variant == 4) stopped = slotsExp<W>(end, n, threshold, k, mu, price, x, epoch, maxRun);
      else if (variant == 3) stopped = slotsSmallRuns<W>(end, n, threshold, k, mu, price, x, epoch, maxRun);
      else if (variant == 2) stopped = slotsSmall<W>(end, n, threshold, k, mu, price, x, epoch, maxRun);
      else if (variant == 1) stopped = slotsRuns<W>(end, n, threshold, k, mu, price, x, epoch, maxRun);
      else stopped = slots<W>(end, n, threshold, k, mu, price, x, epoch, maxRun);
      if (!stopped) break;
      // The loop stopped at slot `slot`, whose reward draw is on a ziggurat edge: finish and account it.
      accountSlot(pendingJ, mu * exponentialEdgeOf<W>(edgeLayer, edgePosition), k, price, epoch, maxRun);
      slot++;
    }
    t = end;
  }
  if (maxRun > 0 && run > 0) recordRun(run, maxRun);
  shareStateOf<W>(loadWord<W>(0), loadWord<W>(1), loadWord<W>(2), loadWord<W>(3));
  storeSix(PATH_SUMS, total, issued, unissued, staticStake, net, gross);
}

/** One slot's accounting on the path's globals, as slotLoop does it on its locals (`discount` is the slot's factor). */
function accountSlot(j: i32, reward: f64, k: i32, price: f64, epoch: u8, maxRun: i32): void {
  const pv = reward * discount;
  total += pv;
  const at = stampsPointer() + <usize>j;
  if (load<u8>(at) != epoch) {
    store<u8>(at, epoch);
    issued += pv;
    if (j < k) staticStake += pv;
  } else {
    unissued += pv;
  }
  if (j < k) {
    gross += pv;
    net += pv - price * discount;
    if (maxRun > 0) run++;
  } else if (maxRun > 0 && run > 0) {
    recordRun(run, maxRun);
    run = 0;
  }
}

// The specialised slot loops (exponential?, small n?, runs tracked?), each a function of its own.
function slotsExpSmallRuns<W>(end: i32, n: i32, threshold: u32, k: i32, mu: f64, price: f64, x: f64, epoch: u8, maxRun: i32): bool {
  return slotLoop<W>(end, n, true, threshold, k, true, mu, price, x, epoch, true, maxRun);
}
function slotsExpSmall<W>(end: i32, n: i32, threshold: u32, k: i32, mu: f64, price: f64, x: f64, epoch: u8, maxRun: i32): bool {
  return slotLoop<W>(end, n, true, threshold, k, true, mu, price, x, epoch, false, maxRun);
}
function slotsExpRuns<W>(end: i32, n: i32, threshold: u32, k: i32, mu: f64, price: f64, x: f64, epoch: u8, maxRun: i32): bool {
  return slotLoop<W>(end, n, false, threshold, k, true, mu, price, x, epoch, true, maxRun);
}
function slotsExp<W>(end: i32, n: i32, threshold: u32, k: i32, mu: f64, price: f64, x: f64, epoch: u8, maxRun: i32): bool {
  return slotLoop<W>(end, n, false, threshold, k, true, mu, price, x, epoch, false, maxRun);
}
function slotsSmallRuns<W>(end: i32, n: i32, threshold: u32, k: i32, mu: f64, price: f64, x: f64, epoch: u8, maxRun: i32): bool {
  return slotLoop<W>(end, n, true, threshold, k, false, mu, price, x, epoch, true, maxRun);
}
function slotsSmall<W>(end: i32, n: i32, threshold: u32, k: i32, mu: f64, price: f64, x: f64, epoch: u8, maxRun: i32): bool {
  return slotLoop<W>(end, n, true, threshold, k, false, mu, price, x, epoch, false, maxRun);
}
function slotsRuns<W>(end: i32, n: i32, threshold: u32, k: i32, mu: f64, price: f64, x: f64, epoch: u8, maxRun: i32): bool {
  return slotLoop<W>(end, n, false, threshold, k, false, mu, price, x, epoch, true, maxRun);
}
function slots<W>(end: i32, n: i32, threshold: u32, k: i32, mu: f64, price: f64, x: f64, epoch: u8, maxRun: i32): bool {
  return slotLoop<W>(end, n, false, threshold, k, false, mu, price, x, epoch, false, maxRun);
}

/**
 * Slots `slot` … end − 1; returns true when a reward draw lands on a ziggurat edge, leaving `slot`
 * at that slot, `discount` at its factor and the draw in pendingJ, edgeLayer, edgePosition.
 * Calls nothing but the inlined recordRun when runs are tracked (a finished run, not every slot).
 */
// @ts-ignore: decorator
@inline function slotLoop<W>(
  end: i32,
  n: i32,
  small: bool,
  threshold: u32,
  k: i32,
  exponential: bool,
  mu: f64,
  price: f64,
  x: f64,
  epoch: u8,
  track: bool,
  maxRun: i32,
): bool {
  let a = loadWord<W>(0);
  let b = loadWord<W>(1);
  let c = loadWord<W>(2);
  let d = loadWord<W>(3); // sfc64's counter w
  const S = stepShift<W>(); // the step: see generator-word.ts
  const R = stepRotation<W>();
  const stamps = stampsPointer();
  let sumTotal = total;
  let sumIssued = issued;
  let sumUnissued = unissued;
  let sumStatic = staticStake;
  let sumGross = gross;
  let sumNet = net;
  let length = run;
  let factor = discount;
  let stopped = false;
  let t = slot;
  for (; t < end; t++) {
    let j = 0;
    let reward = mu;
    factor *= x; // x^(t+1): this slot's factor
    // The position (sfc32 steps spelled out: see sfc32.ts).
    if (small) {
      for (;;) {
        const u: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + u;
        const bits: u64 = sizeof<W>() == 8 ? <u64>u >>> 32 : <u64>u; // sfc64: the high 32 bits
        const m = bits * <u64>n;
        if (<u32>m >= threshold) {
          j = <i32>(m >>> 32);
          break;
        }
      }
    } else if (sizeof<W>() == 8) {
      const u: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + u;
      j = <i32>Math.min(Math.floor(uniform64(<u64>u) * <f64>n), <f64>(n - 1));
    } else {
      const first: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + first;
      const second: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + second;
      j = <i32>Math.min(Math.floor(uniform52(<u32>first, <u32>second) * <f64>n), <f64>(n - 1));
    }
    // The reward: μ, or μ·E with E from the ziggurat.
    if (exponential) {
      // Layer and position: version 1 from two 32-bit outputs (exponential.ts), version 2 from one
      // 64-bit output with the position in units of 2^−44 and tables to match (exponential-sfc64.ts).
      let layer = 0;
      let position: f64 = 0;
      if (sizeof<W>() == 8) {
        const u: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + u;
        layer = layerOf64(<u64>u);
        position = halfStepOf64(<u64>u);
      } else {
        const first: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + first;
        const second: W = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + second;
        layer = layerOf(<u32>first);
        position = positionOf(<u32>first, <u32>second);
      }
      const offset = <usize>layer << 3;
      const xTable = sizeof<W>() == 8 ? ZIGGURAT44_X : ZIGGURAT_X;
      const ratioTable = sizeof<W>() == 8 ? ZIGGURAT44_RATIO : ZIGGURAT_RATIO;
      const e = position * load<f64>(xTable + offset);
      if (!(position < load<f64>(ratioTable + offset))) {
        pendingJ = j; // the driver finishes the draw and accounts this slot
        edgeLayer = layer;
        edgePosition = position;
        stopped = true;
        break;
      }
      reward = mu * e;
    }
    const pv = reward * factor;
    sumTotal += pv;
    const at = stamps + <usize>j;
    if (load<u8>(at) != epoch) {
      store<u8>(at, epoch); // the original ticket at j wins and is replaced
      sumIssued += pv;
      if (j < k) sumStatic += pv;
    } else {
      sumUnissued += pv;
    }
    if (j < k) {
      sumGross += pv;
      sumNet += pv - price * factor;
      if (track) length++;
    } else if (track && length > 0) {
      recordRun(length, maxRun);
      length = 0;
    }
  }
  storeWords<W>(a, b, c, d);
  total = sumTotal;
  issued = sumIssued;
  unissued = sumUnissued;
  staticStake = sumStatic;
  gross = sumGross;
  net = sumNet;
  run = length;
  discount = factor;
  slot = t;
  return stopped;
}
