/**
 * Exp(1) by the 256-layer ziggurat of lib/random/exponential.ts, operation for operation. The
 * tables are written by JavaScript from EXPONENTIAL_TABLES (so both sides use the same numbers),
 * and the rare wedge test calls JavaScript's own Math.exp, so every draw is bit-identical.
 *
 * Split for the hot loops: `quickExponential(u)` is the common case (one uniform, a look-up, a
 * multiply) and returns −1 when u lands on an edge; `exponentialEdge(u)` then finishes the draw
 * with further uniforms from the generator's global copy.
 */
import { next } from "./sfc32";
import { jsExp } from "./host";

const LAYERS: f64 = 256;

/** x[0..256], f[0..256], ratio[0..255] and r, written by JavaScript. */
export const ZIGGURAT_X: usize = memory.data(257 * 8, 8);
export const ZIGGURAT_F: usize = memory.data(257 * 8, 8);
export const ZIGGURAT_RATIO: usize = memory.data(256 * 8, 8);
export const ZIGGURAT_R: usize = memory.data(8, 8);

/** The draw from uniform u when u is under the curve for sure (≈ 98.9 %), else −1. */
// @ts-ignore: decorator
@inline export function quickExponential(u: f64): f64 {
  const scaled = u * LAYERS;
  const layer = <i32>scaled;
  const position = scaled - <f64>layer;
  const offset = <usize>layer << 3;
  return position < load<f64>(ZIGGURAT_RATIO + offset) ? position * load<f64>(ZIGGURAT_X + offset) : -1;
}

/** A whole draw from the generator's global copy (exponential() of lib/random). */
function exponential(): f64 {
  const u = next();
  const quick = quickExponential(u);
  return quick >= 0 ? quick : exponentialEdge(u);
}

/** The rest of a draw whose uniform u fell on an edge: the tail beyond r or a layer's wedge. */
export function exponentialEdge(u: f64): f64 {
  const scaled = u * LAYERS;
  const layer = <i32>scaled;
  const position = scaled - <f64>layer;
  if (layer == 0) return load<f64>(ZIGGURAT_R) + exponential(); // memoryless: r + a fresh draw
  const offset = <usize>layer << 3;
  const x = position * load<f64>(ZIGGURAT_X + offset);
  const f = load<f64>(ZIGGURAT_F + offset);
  if (f + next() * (load<f64>(ZIGGURAT_F + offset + 8) - f) < jsExp(-x)) return x;
  return exponential();
}
