/**
 * Standard normal draws by the ziggurat (Marsaglia & Tsang 2000), with Marsaglia's exact tail
 * method beyond r ≈ 3.654. One 52-bit uniform gives the layer (top 8 bits of 256·u) and a signed
 * position in (−1, 1) (the remaining 44 bits), so the sign costs nothing extra.
 */
import type { Rng } from "./rng";
import { LAYERS, NORMAL_TABLES } from "./ziggurat-tables";

const { r: R, x: X, f: F, ratio: RATIO } = NORMAL_TABLES;

/**
 * One draw from N(0, 1).
 *
 * @example
 * normal(rng(1, "example")); // → -0.0772862
 */
export function normal(rng: Rng): number {
  const scaled = rng.next() * LAYERS;
  const layer = scaled | 0;
  const position = 2 * (scaled - layer) - 1;
  if (Math.abs(position) < RATIO[layer]) return position * X[layer];
  // Unary + keeps the result an unboxed double: without it V8 allocates a heap number per draw.
  return +normalEdge(rng, layer, position);
}

/** The rare cases: the tail |z| > r, or a layer's wedge. */
function normalEdge(rng: Rng, layer: number, position: number): number {
  if (layer === 0) return position < 0 ? -normalTail(rng, R) : normalTail(rng, R);
  const x = position * X[layer];
  if (F[layer] + rng.next() * (F[layer + 1] - F[layer]) < Math.exp(-0.5 * x * x)) return x;
  return normal(rng);
}

/**
 * One draw of Z conditioned on Z > r (r > 0, not validated: hot path), by Marsaglia's (1964)
 * exact method: x = −ln(u1)/r, y = −ln(u2), accept when 2y ≥ x², return r + x.
 *
 * @example
 * normalTail(rng(1, "example"), 3); // → 3.33582
 */
export function normalTail(rng: Rng, r: number): number {
  let x: number;
  let y: number;
  do {
    x = -Math.log(rng.next()) / r;
    y = -Math.log(rng.next());
  } while (y + y < x * x);
  return r + x;
}

/**
 * One draw from N(0, 1) by Marsaglia's polar method: the reference the ziggurat is tested against.
 *
 * @example
 * normalByPolar(rng(1, "example")); // → -2.26791
 */
export function normalByPolar(rng: Rng): number {
  let u: number;
  let v: number;
  let s: number;
  do {
    u = 2 * rng.next() - 1;
    v = 2 * rng.next() - 1;
    s = u * u + v * v;
  } while (s >= 1);
  return u * Math.sqrt((-2 * Math.log(s)) / s);
}
