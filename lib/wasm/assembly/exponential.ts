/**
 * Exp(1) by the 256-layer ziggurat of lib/random/exponential.ts, operation for operation. The
 * tables are written by JavaScript from EXPONENTIAL_TABLES (so both sides use the same numbers),
 * and the rare wedge test decides as JavaScript's own Math.exp does (exp-decision.ts: a squeeze and
 * a bounded exp of the kernel's, JavaScript's Math.exp where they cannot tell), so every draw is
 * bit-identical.
 *
 * Split for the hot loops, which hold the generator in locals: a draw's uniform u is made of two
 * generator outputs, and its layer ⌊256·u⌋ and position 256·u − ⌊256·u⌋ are read straight off
 * their bits (`layerOf`, `positionOf`: the same doubles JavaScript computes, without the
 * int-to-float conversions, which cost a third of the ticket loop's time). `quickExponential` is
 * the common case (a look-up and a multiply) and returns −1 when the point lands on an edge;
 * `exponentialEdge` then finishes the draw with uniforms from the generator's global copy.
 */
import { next, nextU32 } from "./sfc32";
import { wedgeBelowExp } from "./exp-decision";

/** x[0..256], f[0..256], ratio[0..255] and r, written by JavaScript. */
export const ZIGGURAT_X: usize = memory.data(257 * 8, 8);
export const ZIGGURAT_F: usize = memory.data(257 * 8, 8);
export const ZIGGURAT_RATIO: usize = memory.data(256 * 8, 8);
export const ZIGGURAT_R: usize = memory.data(8, 8);

const TWO_POW_MINUS_45: f64 = 2.842170943040401e-14;

/** The layer of the uniform made of two generator outputs: its top 8 of 52 bits, floor(256·u). */
// @ts-ignore: decorator
@inline export function layerOf(first: u32): i32 {
  return <i32>(first >>> 24);
}

/**
 * The position inside the layer, 256·u − ⌊256·u⌋ = (j + 1/2)·2^−44 with j the low 44 of u's 52
 * bits. 1 + j·2^−44 has j in its mantissa; subtracting 1 is exact and adding 2^−45 gives
 * (2j + 1)·2^−45 (45 bits), so this is exactly the double JavaScript's subtraction yields.
 */
// @ts-ignore: decorator
@inline export function positionOf(first: u32, second: u32): f64 {
  const low44 = (<u64>((first >>> 6) & 0x3ffff) << 26) | <u64>(second >>> 6);
  return reinterpret<f64>(0x3ff0000000000000 | (low44 << 8)) - 1 + TWO_POW_MINUS_45;
}

/** The draw when the point is under the curve for sure (≈ 98.9 %), else −1. */
// @ts-ignore: decorator
@inline export function quickExponential(layer: i32, position: f64): f64 {
  const offset = <usize>layer << 3;
  return position < load<f64>(ZIGGURAT_RATIO + offset) ? position * load<f64>(ZIGGURAT_X + offset) : -1;
}

/** A whole draw from the generator's global copy (exponential() of lib/random). */
export function exponential(): f64 {
  const first = nextU32();
  const second = nextU32();
  const layer = layerOf(first);
  const position = positionOf(first, second);
  const quick = quickExponential(layer, position);
  return quick >= 0 ? quick : exponentialEdge(layer, position);
}

/** The rest of a draw that fell on an edge of its layer: the tail beyond r or the wedge. */
export function exponentialEdge(layer: i32, position: f64): f64 {
  if (layer == 0) return load<f64>(ZIGGURAT_R) + exponential(); // memoryless: r + a fresh draw
  const offset = <usize>layer << 3;
  const x = position * load<f64>(ZIGGURAT_X + offset);
  const f = load<f64>(ZIGGURAT_F + offset);
  if (wedgeBelowExp(f + next() * (load<f64>(ZIGGURAT_F + offset + 8) - f), x, layer, ZIGGURAT_X, ZIGGURAT_F)) return x;
  return exponential();
}
