/** Pareto (type I) draws by inversion of the survival function P(X > x) = (scale/x)^alpha. */
import type { Rng } from "./rng";

/**
 * One Pareto draw: scale·U^(−1/alpha) with U uniform on (0, 1), so X ≥ scale. Parameters are not
 * validated here (hot path); see `rewards.pareto` for a validated model.
 *
 * @example
 * pareto(rng(1, "example"), 0.2066, 1.18); // → 154.754
 */
export function pareto(rng: Rng, alpha: number, scale: number): number {
  return scale * Math.exp(-Math.log(rng.next()) / alpha);
}
