/**
 * exponential() of lib/random drawing from an sfc64 stream (engine version 2): the same ziggurat
 * as exponential.ts on the uniform Sfc64Stream.next() gives, (k + 1/2)·2^−52 with k the output's
 * top 52 bits. Its layer is the output's top 8 bits; its position (j + 1/2)·2^−44, j the next 44
 * bits. The hot loops keep h = j + 1/2 (exact) and use the tables scaled by powers of two,
 * ratio·2^44 and x·2^−44, which is exact: h < ratio·2^44 ⇔ position < ratio and h·(x·2^−44) is the
 * double position·x. That saves the bit construction positionOf needs (measured ~15 % of a
 * ticket sample).
 */
import { nextU64, next64 } from "./sfc64";
import { ZIGGURAT_X, ZIGGURAT_F, ZIGGURAT_R } from "./exponential";
import { wedgeBelowExp } from "./exp-decision";

const TWO_POW_MINUS_44: f64 = 5.684341886080802e-14;
const LOW_44: u64 = (<u64>1 << 44) - 1;

/** x[0..256]·2^−44 and ratio[0..255]·2^44, written by JavaScript. */
export const ZIGGURAT44_X: usize = memory.data(257 * 8, 8);
export const ZIGGURAT44_RATIO: usize = memory.data(256 * 8, 8);

/** The layer of an output: its top 8 bits. */
// @ts-ignore: decorator
@inline export function layerOf64(u: u64): i32 {
  return <i32>(u >>> 56);
}

/** j + 1/2 for the 44 bits below the layer's: the position in units of 2^−44, exactly. */
// @ts-ignore: decorator
@inline export function halfStepOf64(u: u64): f64 {
  return <f64>(<i64>((u >>> 12) & LOW_44)) + 0.5;
}

/** The draw when the point is under the curve for sure (≈ 98.9 %), else −1. */
// @ts-ignore: decorator
@inline export function quickExponential64(layer: i32, h: f64): f64 {
  const offset = <usize>layer << 3;
  return h < load<f64>(ZIGGURAT44_RATIO + offset) ? h * load<f64>(ZIGGURAT44_X + offset) : -1;
}

/** A whole draw from the global copy (an edge path's fresh draw, a block driver's draw). */
export function exponential64(): f64 {
  const u = nextU64();
  const h = halfStepOf64(u);
  const quick = quickExponential64(layerOf64(u), h);
  return quick >= 0 ? quick : exponentialEdge64(layerOf64(u), h);
}

/** The rest of a draw that fell on an edge of its layer: exponentialEdge of exponential.ts. */
export function exponentialEdge64(layer: i32, h: f64): f64 {
  if (layer == 0) return load<f64>(ZIGGURAT_R) + exponential64();
  const offset = <usize>layer << 3;
  const x = h * TWO_POW_MINUS_44 * load<f64>(ZIGGURAT_X + offset); // position·x, position exact
  const f = load<f64>(ZIGGURAT_F + offset);
  if (wedgeBelowExp(f + next64() * (load<f64>(ZIGGURAT_F + offset + 8) - f), x, layer, ZIGGURAT_X, ZIGGURAT_F)) return x;
  return exponential64();
}
