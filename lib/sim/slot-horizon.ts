/** Resolves the horizon option shared by the slot-level engines (explicit, or from a tolerance). */
import * as validate from "../validate";
import { horizonForTolerance } from "./horizon";

/** Default relative truncation tolerance: the ignored tail is ≤ 1e-12 of μ/d. */
export const DEFAULT_TRUNCATION_TOLERANCE = 1e-12;

/** Horizon options of the slot-level engines. */
export interface HorizonOptions {
  /** Simulate slots 1..horizon (integer ≥ 1). Overrides `tolerance`. */
  horizon?: number;
  /** Choose the horizon so that (1+d)^(−H) ≤ tolerance (default 1e-12). */
  tolerance?: number;
}

/** The horizon H to simulate. */
export function resolveHorizon(d: number, { horizon, tolerance }: HorizonOptions): number {
  if (horizon !== undefined) return validate.integer("horizon", horizon, 1);
  return horizonForTolerance({ d, tolerance: tolerance ?? DEFAULT_TRUNCATION_TOLERANCE });
}
