/**
 * Layer tables of the 256-layer ziggurats (Marsaglia & Tsang 2000, "The Ziggurat Method for
 * Generating Random Variables", J. Stat. Softw. 5(8)), for a decreasing density f on [0, ∞).
 *
 * Layer 0 is the base strip [0, r] × [0, f(r)] plus the tail beyond r; layers i = 1..255 are the
 * rectangles [0, x[i]] × [f(x[i]), f(x[i+1])]. All 256 have the same area v, so a uniformly chosen
 * layer and a uniform point inside it give a point uniform under the curve, and its x is a draw
 * from f. x[0] = v / f(r) is the width that makes the base strip's area v; x[256] = 0.
 */

import { normalCdf } from "../stats/normal-distribution";

/** A ziggurat's tables; `ratio[i] = x[i+1] / x[i]` is the quick-acceptance bound of layer i. */
export interface ZigguratTables {
  /** Right edge of the base rectangle, where the tail starts. */
  readonly r: number;
  /** Layer edges x[0..256]. */
  readonly x: Float64Array;
  /** Density at the edges, f(x[i]); f[0] is unused. */
  readonly f: Float64Array;
  /** x[i+1] / x[i]: a point with relative position below this is under the curve for sure. */
  readonly ratio: Float64Array;
}

/** Number of layers; the sampler picks one with 8 random bits. */
export const LAYERS = 256;

/**
 * Builds the tables from r by the recursion x[i+1] = f⁻¹(f(x[i]) + v / x[i]), with the layer area
 * v = r·f(r) + ∫_r^∞ f computed from r. With the published r the recursion ends within 1e-14 of
 * x[256] = 0, which is then set exactly.
 */
function build(
  r: number,
  tailArea: number,
  density: (x: number) => number,
  inverse: (y: number) => number,
): ZigguratTables {
  const x = new Float64Array(LAYERS + 1);
  const f = new Float64Array(LAYERS + 1);
  const v = r * density(r) + tailArea;
  x[0] = v / density(r);
  x[1] = r;
  for (let i = 1; i < LAYERS - 1; i++) x[i + 1] = inverse(density(x[i]) + v / x[i]);
  x[LAYERS] = 0;
  for (let i = 1; i <= LAYERS; i++) f[i] = density(x[i]);
  const ratio = new Float64Array(LAYERS);
  for (let i = 0; i < LAYERS; i++) ratio[i] = x[i + 1] / x[i];
  return { r, x, f, ratio };
}

/** Standard exponential e^(−x): r from Marsaglia & Tsang's 256-layer table; tail area e^(−r). */
export const EXPONENTIAL_TABLES = build(
  7.69711747013105,
  Math.exp(-7.69711747013105),
  (x) => Math.exp(-x),
  (y) => -Math.log(y),
);

/** Half of the standard normal, unnormalised e^(−x²/2): r for 256 layers (same paper); tail area √(2π)·Q(r). */
export const NORMAL_TABLES = build(
  3.6541528853610088,
  Math.sqrt(2 * Math.PI) * normalCdf({ x: -3.6541528853610088 }),
  (x) => Math.exp(-0.5 * x * x),
  (y) => Math.sqrt(-2 * Math.log(y)),
);
