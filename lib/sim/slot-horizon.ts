/**
 * The horizon of the slot-level engines (explicit, or from a tolerance) and the limits that keep them
 * from returning a plausible wrong number: slots are counted in 32-bit integers by the WebAssembly
 * kernels, so no horizon may exceed MAX_HORIZON, and a call whose work (paths × horizon) exceeds its
 * budget is refused at once instead of running for days.
 */
import * as validate from "../validate";
import { horizonForTolerance } from "./horizon";

/** Default relative truncation tolerance: the ignored tail is ≤ 1e-12 of μ/d. */
export const DEFAULT_TRUNCATION_TOLERANCE = 1e-12;
/** The longest horizon any engine simulates: 2^31 − 1 slots (the kernels' slot counters are 32-bit). */
export const MAX_HORIZON = 2 ** 31 - 1;
/** Default work budget of one call, in slot-steps (paths × horizon): minutes at tens of millions a second. */
export const DEFAULT_WORK_BUDGET = 1e11;

/** Horizon options of the slot-level engines. */
export interface HorizonOptions {
  /** Simulate slots 1..horizon (integer, 1 ≤ horizon ≤ 2^31 − 1). Overrides `tolerance`. */
  horizon?: number;
  /** Choose the horizon so that (1+d)^(−H) ≤ tolerance (default 1e-12). */
  tolerance?: number;
  /** Largest paths × horizon a call may run (default 1e11 slot-steps); more is refused at once. */
  workBudget?: number;
}

/**
 * The horizon H to simulate; refuses one the engines cannot count, naming d and what to do instead.
 *
 * @example
 * resolveHorizon(0.01, { tolerance: 1e-6 }); // → 1389
 */
export function resolveHorizon(d: number, { horizon, tolerance }: HorizonOptions): number {
  if (horizon !== undefined) return validate.integer("horizon", horizon, 1, MAX_HORIZON);
  const tol = tolerance ?? DEFAULT_TRUNCATION_TOLERANCE;
  const needed = horizonForTolerance({ d, tolerance: tol });
  if (needed > MAX_HORIZON) {
    throw new RangeError(
      `d = ${d} with tolerance ${tol} needs a horizon of ${needed.toExponential(3)} slots, beyond the ` +
        `${MAX_HORIZON} the engines can count; use the closed form (npvOfRewards, issuedValue, …), ` +
        `a larger d or tolerance, or an explicit horizon ≤ ${MAX_HORIZON} (the truncation bound is reported)`,
    );
  }
  return needed;
}

/** Input of {@link checkWorkBudget}. */
export interface CheckWorkBudgetOptions {
  d: number;
  horizon: number;
  /** Independent paths (or replications) of `horizon` slots each. */
  paths: number;
  /** Default {@link DEFAULT_WORK_BUDGET}. */
  workBudget?: number;
}

/**
 * Refuses a call whose paths × horizon exceeds its work budget, before any work is done.
 *
 * @example
 * checkWorkBudget({ d: 0.01, horizon: 2764, paths: 1000 }); // → 2764000
 */
export function checkWorkBudget(options: CheckWorkBudgetOptions): number {
  validate.knownKeys("checkWorkBudget options", options ?? {}, ["d", "horizon", "paths", "workBudget"]);
  const { d, horizon, paths, workBudget } = options;
  const budget = validate.positive("workBudget", workBudget ?? DEFAULT_WORK_BUDGET);
  const work = paths * horizon;
  if (work > budget) {
    throw new RangeError(
      `${paths} paths × ${horizon} slots = ${work.toExponential(3)} slot-steps (the horizon set by d = ${d}) ` +
        `exceed the work budget of ${budget.toExponential(1)}; use the closed form, fewer paths, a larger ` +
        `tolerance or an explicit horizon, or raise workBudget if you mean it`,
    );
  }
  return work;
}
