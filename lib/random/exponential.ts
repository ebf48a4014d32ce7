/**
 * Standard exponential draws by the ziggurat (Marsaglia & Tsang 2000): about 98.9 % of draws
 * cost one uniform, a table look-up and a multiply — no logarithm.
 *
 * One 52-bit uniform u supplies both choices: the top 8 bits of 256·u pick the layer and the
 * remaining 44 bits (the fractional part, never 0) are the position inside it.
 */
import type { Rng } from "./rng";
import { EXPONENTIAL_TABLES, LAYERS } from "./ziggurat-tables";

const { r: R, x: X, f: F, ratio: RATIO } = EXPONENTIAL_TABLES;

/**
 * One draw from Exp(1) (mean 1): multiply by μ for mean μ.
 *
 * @example
 * exponential(rng(1, "example")); // → 1.03254
 */
export function exponential(rng: Rng): number {
  const scaled = rng.next() * LAYERS;
  const layer = scaled | 0;
  const position = scaled - layer;
  if (position < RATIO[layer]) return position * X[layer];
  // Unary + keeps the result an unboxed double: without it V8 allocates a heap number per draw.
  return +exponentialEdge(rng, layer, position);
}

/** The rare cases: the tail beyond r (memoryless, so r + a fresh draw) or a layer's wedge. */
function exponentialEdge(rng: Rng, layer: number, position: number): number {
  if (layer === 0) return R + exponential(rng);
  const x = position * X[layer];
  if (F[layer] + rng.next() * (F[layer + 1] - F[layer]) < Math.exp(-x)) return x;
  return exponential(rng);
}

/**
 * One draw from Exp(1) by inversion, −ln u: the slow reference the ziggurat is tested against.
 *
 * @example
 * exponentialByInversion(rng(1, "example")); // → 1.00745
 */
export function exponentialByInversion(rng: Rng): number {
  return -Math.log(rng.next());
}
