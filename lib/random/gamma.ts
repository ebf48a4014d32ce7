/**
 * Gamma draws by Marsaglia & Tsang (2000), "A Simple Method for Generating Gamma Variables",
 * ACM TOMS 26(3): a squeezed rejection from a transformed normal, accepting about 96–99 % of
 * candidates for every shape ≥ 1. Shapes below 1 use Gamma(a) = Gamma(a + 1)·U^(1/a).
 */
import type { Rng } from "./rng";
import { normal } from "./normal";
import * as validate from "../validate";

/** Precomputed constants of Marsaglia–Tsang for one shape (reuse them in loops). */
export interface GammaConstants {
  /** The shape a. */
  readonly shape: number;
  /** d = a' − 1/3 with a' = max(a, a + 1 if a < 1). */
  readonly d: number;
  /** c = 1/√(9d). */
  readonly c: number;
  /** 1/a when a < 1 (the boost exponent), else 0. */
  readonly boost: number;
}

/**
 * The constants for `shape` (> 0, finite).
 *
 * @example
 * gammaWith(rng(1, "example"), gammaConstants(2)); // → 1.56887
 */
export function gammaConstants(shape: number): GammaConstants {
  validate.positive("shape", shape);
  const base = shape < 1 ? shape + 1 : shape;
  const d = base - 1 / 3;
  return { shape, d, c: 1 / Math.sqrt(9 * d), boost: shape < 1 ? 1 / shape : 0 };
}

/**
 * One Gamma(shape, 1) draw from precomputed constants.
 *
 * @example
 * const shape2 = gammaConstants(2); // computed once, reused for every draw
 * gammaWith(rng(1, "example"), shape2); // → 1.56887
 */
export function gammaWith(rng: Rng, k: GammaConstants): number {
  const { d, c } = k;
  let draw: number;
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
      draw = d * v;
      break;
    }
  }
  // Shape < 1: multiply by U^(1/a), computed as exp(ln U / a) (underflows to 0 only for tiny a).
  return k.boost === 0 ? draw : draw * Math.exp(Math.log(rng.next()) * k.boost);
}

/**
 * One draw from Gamma(shape, scale 1) (mean = variance = shape); multiply by θ for scale θ.
 *
 * @example
 * gamma(rng(1, "example"), 2, 0.5); // → 1.56887
 */
export function gamma(rng: Rng, shape: number): number {
  return gammaWith(rng, gammaConstants(shape));
}
