/**
 * The sfc32 generator of lib/random/random-stream.ts, step for step, so a kernel continues a
 * JavaScript RandomStream and hands it back with exactly the state the JavaScript loop would have
 * left. The state words are shared with JavaScript in STATE (an Int32Array over this memory):
 * a kernel starts from `sharedWord(0..3)` and ends with `shareState`.
 *
 * The hot loops keep the four words in locals of their own (about 15 % faster than globals, which
 * V8 reads and writes through memory on every step) and spell the step out in one line:
 *
 *   t = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl<u32>(c, 21) + t;
 *
 * (sequential assignments that each read only words not yet overwritten). The rare edge paths use
 * the global copy below through `next`, with the loops syncing their locals around the call.
 */

let a: u32 = 0;
let b: u32 = 0;
let c: u32 = 0;
let d: u32 = 0;

const TWO_POW_MINUS_53: f64 = 1.1102230246251565e-16;

/** The four state words, shared with JavaScript. */
export const STATE: usize = memory.data(16, 8);

/** Word i (0..3) of the stream's state as JavaScript handed it over (a kernel's starting locals). */
// @ts-ignore: decorator
@inline export function sharedWord(i: i32): u32 {
  return load<u32>(STATE + (<usize>i << 2));
}

/** A kernel's final locals → STATE, where JavaScript reads the stream's state back. */
// @ts-ignore: decorator
@inline export function shareState(wordA: u32, wordB: u32, wordC: u32, wordD: u32): void {
  store<u32>(STATE, wordA);
  store<u32>(STATE, wordB, 4);
  store<u32>(STATE, wordC, 8);
  store<u32>(STATE, wordD, 12);
}

/** A hot loop's locals → the global copy (before an edge path draws from it). */
// @ts-ignore: decorator
@inline export function spill(wordA: u32, wordB: u32, wordC: u32, wordD: u32): void {
  a = wordA;
  b = wordB;
  c = wordC;
  d = wordD;
}

/** Word i (0..3) of the global copy (a hot loop reloads its locals after an edge path). */
// @ts-ignore: decorator
@inline export function word(i: i32): u32 {
  return i == 0 ? a : i == 1 ? b : i == 2 ? c : d;
}

/**
 * RandomStream.next's double from its two 32-bit outputs: (k + 1/2)·2^−52 with k the 52-bit
 * integer (first >>> 6)·2^26 + (second >>> 6). Built from the bits, not by int-to-float
 * conversions: 1 + k·2^−52 has k as its mantissa, subtracting 1 is exact, and adding 2^−53 gives
 * (2k + 1)·2^−53, which fits in 53 bits, so the result is exactly JavaScript's.
 */
// @ts-ignore: decorator
@inline export function uniform52(first: u32, second: u32): f64 {
  const k = (<u64>(first >>> 6) << 26) | <u64>(second >>> 6);
  return reinterpret<f64>(0x3ff0000000000000 | k) - 1 + TWO_POW_MINUS_53;
}

/** One step of the global copy: RandomStream.nextU32. */
// @ts-ignore: decorator
@inline export function nextU32(): u32 {
  const t = a + b + d;
  d += 1;
  a = b ^ (b >>> 9);
  b = c + (c << 3);
  c = rotl<u32>(c, 21) + t;
  return t;
}

/** RandomStream.next from the global copy (the first step gives the high 26 bits). */
// @ts-ignore: decorator
@inline export function next(): f64 {
  const first = nextU32();
  return uniform52(first, nextU32());
}
