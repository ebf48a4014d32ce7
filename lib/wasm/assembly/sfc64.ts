/**
 * The sfc64 generator of lib/random/sfc64-stream.ts (engine version 2) on native 64-bit words. A
 * kernel starts from `sharedWord64(0..3)` (a, b, c, w from STATE64, where JavaScript's saveState
 * wrote them as high/low int32 pairs) and ends with `shareState64`. Hot loops keep the words in
 * locals and spell the step out in one line:
 *
 *   u = a + b + w; w += 1; a = b ^ (b >>> 11); b = c + (c << 3); c = rotl<u64>(c, 24) + u;
 *
 * The rare edge paths use the global copy below, with the loops syncing their locals around them.
 */

let a: u64 = 0;
let b: u64 = 0;
let c: u64 = 0;
let w: u64 = 0;

const TWO_POW_MINUS_52: f64 = 2.220446049250313e-16;

/** [aHigh, aLow, bHigh, bLow, cHigh, cLow, wHigh, wLow] as JavaScript's Sfc64Stream saves them. */
export const STATE64: usize = memory.data(32, 8);

/** Word i (0: a, 1: b, 2: c, 3: w) of the state JavaScript handed over. */
// @ts-ignore: decorator
@inline export function sharedWord64(i: i32): u64 {
  const at = STATE64 + (<usize>i << 3);
  return (<u64>load<u32>(at) << 32) | <u64>load<u32>(at, 4);
}

/** A kernel's final locals → STATE64, where JavaScript reads the stream's state back. */
export function shareState64(wordA: u64, wordB: u64, wordC: u64, wordW: u64): void {
  storeWord(0, wordA);
  storeWord(1, wordB);
  storeWord(2, wordC);
  storeWord(3, wordW);
}

// @ts-ignore: decorator
@inline function storeWord(i: i32, word: u64): void {
  const at = STATE64 + (<usize>i << 3);
  store<u32>(at, <u32>(word >>> 32));
  store<u32>(at, <u32>word, 4);
}

/** A hot loop's locals → the global copy (before an edge path draws from it). */
// @ts-ignore: decorator
@inline export function spill64(wordA: u64, wordB: u64, wordC: u64, wordW: u64): void {
  a = wordA;
  b = wordB;
  c = wordC;
  w = wordW;
}

/** Word i (0..3) of the global copy (a hot loop reloads its locals after an edge path). */
// @ts-ignore: decorator
@inline export function word64(i: i32): u64 {
  return i == 0 ? a : i == 1 ? b : i == 2 ? c : w;
}

/** One step of the global copy: Sfc64Stream.step's output. */
// @ts-ignore: decorator
@inline export function nextU64(): u64 {
  const u = a + b + w;
  w += 1;
  a = b ^ (b >>> 11);
  b = c + (c << 3);
  c = rotl<u64>(c, 24) + u;
  return u;
}

/** Sfc64Stream.next from an output: (k + 1/2)·2^−52, k its top 52 bits. */
// @ts-ignore: decorator
@inline export function uniform64(u: u64): f64 {
  return (<f64>(<i64>(u >>> 12)) + 0.5) * TWO_POW_MINUS_52;
}

/** Sfc64Stream.next from the global copy: (k + 1/2)·2^−52, k the top 52 bits. */
// @ts-ignore: decorator
@inline export function next64(): f64 {
  return uniform64(nextU64());
}

