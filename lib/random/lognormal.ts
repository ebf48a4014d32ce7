/** Lognormal draws exp(meanLog + sdLog·Z) with Z from the normal ziggurat. */
import type { Rng } from "./rng";
import { normal } from "./normal";

/**
 * One draw of exp(meanLog + sdLog·Z), Z ~ N(0, 1). Parameters are not validated here (hot path).
 *
 * @example
 * lognormal(rng(1, "example"), -2.975, 0.85); // → 0.0478017
 */
export function lognormal(rng: Rng, meanLog: number, sdLog: number): number {
  return Math.exp(meanLog + sdLog * normal(rng));
}
