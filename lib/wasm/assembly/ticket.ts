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
 *
 * The samples run in a function that calls nothing (`sampleLoop`, one specialised copy per generator
 * and reward kind), as market.ts's slots do: it returns to its driver (`block`) when a draw lands on a
 * ziggurat edge (~2.2 % of draws, two draws a sample) or a discount exponent leaves the table (2^24),
 * and the driver finishes that sample (`finishSample`, calls allowed) and re-enters. With the edge's
 * call inside the loop, V8 kept the loop's state around it: measured 101 → 109 M samples/s (version
 * 2, called directly; version 1 83 → 88), the same numbers bit for bit. Where exponents often leave
 * the table (OFTEN_BEYOND_TABLE), the loop calls Math.exp for them in place. The state between them passes through module
 * globals, read on entry and written on exit only.
 */
import { sharedWordOf, shareStateOf, loadWord, storeWords, stepShift, stepRotation, exponentialEdgeOf, exponentialOf } from "./generator-word";
import { layerOf, positionOf, quickExponential } from "./exponential";
import { layerOf64, halfStepOf64, quickExponential64 } from "./exponential-sfc64";
import { factorFloor, tableFactorFloor, inTable } from "./discount";
import { storeSix } from "./six";
import { REWARD_NONE, REWARD_CONSTANT, REWARD_EXPONENTIAL } from "./reward";

/** [s1, s2, s3, s4, min, max] of the last block. */
export const SUMS: usize = memory.data(6 * 8, 8);

// A block's state while the driver has it (see the module comment).
let s1: f64 = 0;
let s2: f64 = 0;
let s3: f64 = 0;
let s4: f64 = 0;
let least: f64 = 0;
let most: f64 = 0;
/** Samples accounted so far. */
let done: i32 = 0;
/** Where the loop stopped sample `done`: its win slot's draw on an edge, its reward's, or E·scale ≥ 2^24. */
let stop: i32 = 0;
const STOP_WIN_EDGE = 0;
const STOP_REWARD_EDGE = 1;
const STOP_BEYOND_TABLE = 2;
/** The stopped draw's layer and position (edges), the win slot's E (beyond the table), x^(T+L) (reward edge). */
let edgeLayer: i32 = 0;
let edgePosition: f64 = 0;
let pendingE: f64 = 0;
let pendingFactor: f64 = 0;

/**
 * `count` samples; rewardKind from reward.ts (REWARD_NONE: the conditional estimator); `wide`: the
 * stream is an sfc64 one (engine version 2), else sfc32.
 */
export function ticketBlock(count: i32, rewardKind: i32, mu: f64, scale: f64, shift: f64, wide: bool): void {
  if (wide) block<u64>(count, rewardKind, mu, scale, shift);
  else block<u32>(count, rewardKind, mu, scale, shift);
}

/** The block on the generator of word W (u32: sfc32, u64: sfc64). */
// @ts-ignore: decorator
@inline function block<W>(count: i32, kind: i32, mu: f64, scale: f64, shift: f64): void {
  storeWords<W>(sharedWordOf<W>(0), sharedWordOf<W>(1), sharedWordOf<W>(2), sharedWordOf<W>(3));
  s1 = 0;
  s2 = 0;
  s3 = 0;
  s4 = 0;
  least = Infinity;
  most = -Infinity;
  done = 0;
  for (;;) {
    let stopped = false;
    // One specialised loop per reward kind and table use: constants fold.
    if (scale < OFTEN_BEYOND_TABLE) {
      if (kind == REWARD_EXPONENTIAL) stopped = samplesExponential<W>(count, mu, scale, shift);
      else if (kind == REWARD_CONSTANT) stopped = samplesConstant<W>(count, mu, scale, shift);
      else stopped = samplesConditional<W>(count, mu, scale, shift);
    } else if (kind == REWARD_EXPONENTIAL) stopped = samplesExponentialFar<W>(count, mu, scale, shift);
    else if (kind == REWARD_CONSTANT) stopped = samplesConstantFar<W>(count, mu, scale, shift);
    else stopped = samplesConditionalFar<W>(count, mu, scale, shift);
    if (!stopped) break;
    finishSample<W>(kind, mu, scale, shift);
    done++;
  }
  shareStateOf<W>(loadWord<W>(0), loadWord<W>(1), loadWord<W>(2), loadWord<W>(3));
  storeSix(SUMS, s1, s2, s3, s4, least, most);
}

/** Sample `done`, where the loop stopped: the rest of its draws from the generator's global copy, then its sums. */
// @ts-ignore: decorator
@inline function finishSample<W>(kind: i32, mu: f64, scale: f64, shift: f64): void {
  let v: f64 = 0;
  if (stop == STOP_REWARD_EDGE) {
    v = mu * exponentialEdgeOf<W>(edgeLayer, edgePosition) * pendingFactor;
  } else {
    const e = stop == STOP_WIN_EDGE ? exponentialEdgeOf<W>(edgeLayer, edgePosition) : pendingE;
    v = factorFloor(e * scale);
    if (kind == REWARD_CONSTANT) v = mu * v;
    if (kind == REWARD_EXPONENTIAL) v = mu * exponentialOf<W>() * v;
  }
  if (v < least) least = v;
  if (v > most) most = v;
  const y = v - shift;
  const y2 = y * y;
  s1 += y;
  s2 += y2;
  s3 += y2 * y;
  s4 += y2 * y2;
}

/**
 * From this scale on (n ≳ 4·10^6), E·scale passes 2^24 in more than e^−4 ≈ 1.8 % of samples, and in
 * almost all of them for n ≳ 10^8: there the loops compute those factors with Math.exp in place
 * instead of returning for each (measured at n = 10^9: 31 M samples/s in place, 24 M returning).
 */
const OFTEN_BEYOND_TABLE: f64 = 4194304; // 2^24 / 4

// The specialised sample loops, each a function of its own ("Far": exponents beyond the table in place).
function samplesExponential<W>(count: i32, mu: f64, scale: f64, shift: f64): bool {
  return sampleLoop<W>(count, REWARD_EXPONENTIAL, mu, scale, shift, false);
}
function samplesConstant<W>(count: i32, mu: f64, scale: f64, shift: f64): bool {
  return sampleLoop<W>(count, REWARD_CONSTANT, mu, scale, shift, false);
}
function samplesConditional<W>(count: i32, mu: f64, scale: f64, shift: f64): bool {
  return sampleLoop<W>(count, REWARD_NONE, mu, scale, shift, false);
}
function samplesExponentialFar<W>(count: i32, mu: f64, scale: f64, shift: f64): bool {
  return sampleLoop<W>(count, REWARD_EXPONENTIAL, mu, scale, shift, true);
}
function samplesConstantFar<W>(count: i32, mu: f64, scale: f64, shift: f64): bool {
  return sampleLoop<W>(count, REWARD_CONSTANT, mu, scale, shift, true);
}
function samplesConditionalFar<W>(count: i32, mu: f64, scale: f64, shift: f64): bool {
  return sampleLoop<W>(count, REWARD_NONE, mu, scale, shift, true);
}

/**
 * Samples `done` … count − 1; returns true when one stops (see `stop`), leaving `done` at it and
 * the generator after its stopped draw. Calls nothing unless `far` (then Math.exp beyond the table).
 */
// @ts-ignore: decorator
@inline function sampleLoop<W>(count: i32, kind: i32, mu: f64, scale: f64, shift: f64, far: bool): bool {
  const wide = sizeof<W>() == 8;
  let a = loadWord<W>(0);
  let b = loadWord<W>(1);
  let c = loadWord<W>(2);
  let d = loadWord<W>(3); // sfc64's counter w
  const S = stepShift<W>();
  const R = stepRotation<W>();
  let sum1 = s1;
  let sum2 = s2;
  let sum3 = s3;
  let sum4 = s4;
  let min = least;
  let max = most;
  let stopped = false;
  let i = done;
  for (; i < count; i++) {
    // E ~ Exp(1) for the win slot: one sfc64 step or two sfc32 steps.
    let layer = 0;
    let position: f64 = 0;
    let e: f64 = 0;
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
      stop = STOP_WIN_EDGE;
      edgeLayer = layer;
      edgePosition = position;
      stopped = true;
      break;
    }
    const y = e * scale;
    if (!far && !inTable(y)) {
      stop = STOP_BEYOND_TABLE;
      pendingE = e;
      stopped = true;
      break;
    }
    let v = far ? factorFloor(y) : tableFactorFloor(y); // x^(T+L), T − 1 = ⌊E·scale⌋
    if (kind == REWARD_CONSTANT) v = mu * v;
    if (kind == REWARD_EXPONENTIAL) {
      let r: f64 = 0;
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
        stop = STOP_REWARD_EDGE;
        edgeLayer = layer;
        edgePosition = position;
        pendingFactor = v;
        stopped = true;
        break;
      }
      v = mu * r * v; // (μ·E)·x^(T+L), as ExponentialReward.sample(…) * factor
    }
    if (v < min) min = v;
    if (v > max) max = v;
    const centred = v - shift;
    const centred2 = centred * centred;
    sum1 += centred;
    sum2 += centred2;
    sum3 += centred2 * centred;
    sum4 += centred2 * centred2;
  }
  storeWords<W>(a, b, c, d);
  s1 = sum1;
  s2 = sum2;
  s3 = sum3;
  s4 = sum4;
  least = min;
  most = max;
  done = i;
  return stopped;
}
