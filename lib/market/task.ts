/**
 * The market as a sweep task (lib/sweep): plain JSON parameters in, a flat row of metrics out.
 *
 *   runSweep({ task: marketTaskRef(), grid: { mechanism: [...MECHANISM_KINDS], n: [10, 100] , d: [0.01] },
 *              replications: 20, seed: 1 })
 *
 * Parameters (all scalars; only mechanism, n and d are required):
 * - mechanism: a MechanismKind; n; d;
 * - buyers: "tiered" (default; ephema tiers) or "homogeneous"; buyerCount (default 10);
 *   alpha (homogeneous α, default 1); r (cost of capital, default d); rMax (tiered: r ~ U(r, rMax)) or
 *   rMaxFactor (tiered: r ~ U(r, rMaxFactor·d), one grid value for every d);
 *   gamma (default 0); budget (homogeneous) or budgetUnit (tiered), default (or "none") unconstrained;
 * - reward: "exponential" (default), "constant" or "gamma"; mu (default 1); rewardShape (gamma: shape,
 *   scale = mu/shape);
 * - horizon, tolerance, lookahead, secondary (boolean), bonusBeta, bonusAware, bonusValuation
 *   ("average", default, or "marginal");
 * - mechanism knobs: price, priceFactor, reserve, shading, initialPrice, adjustFactor, maxPerSlot,
 *   minPrice, basePrice, steepness, maxOutstanding;
 * - commonSeed: if set, every random draw (population, rewards, draws, ties) comes from
 *   (commonSeed, replication) instead of the item's own seed, so all cells of a replication share the
 *   population and the reward path (common random numbers: mechanism comparisons without the noise
 *   of different draws).
 */
import { rewards, type RewardModel } from "../rewards";
import { taskSourceHash } from "../io/source-hash";
import * as validate from "../validate";
import { homogeneousBuyers, tieredBuyers, type Buyer } from "./buyers";
import { MECHANISM_KINDS, MECHANISM_OPTIONS, type MechanismKind, type MechanismSpec } from "./mechanisms";
import { simulateAgentMarket, type AgentMarketOptions } from "./simulate";

/** Scalar parameters of {@link marketTask} (see the module comment). */
export type MarketTaskOptions = Record<string, number | string | boolean>;

/** What {@link marketTask} receives (a lib/sweep TaskContext, or just these fields). */
export interface MarketTaskContext {
  params: MarketTaskOptions;
  /** Replication number (integer ≥ 0). */
  replication: number;
  /** The item's seed. */
  seed: number | string;
}

/** A number parameter; undefined or null keeps the default (null: e.g. an unconstrained budget in a grid). */
function num(params: MarketTaskOptions, name: string): number | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  return validate.finite(name, v);
}

function str<T extends string>(params: MarketTaskOptions, name: string, options: readonly T[], fallback: T): T {
  const v = params[name];
  return v === undefined ? fallback : validate.oneOf(name, v, options);
}

function bool(params: MarketTaskOptions, name: string, fallback: boolean): boolean {
  const v = params[name];
  if (v === undefined) return fallback;
  if (typeof v !== "boolean") throw new RangeError(`${name} must be a boolean; received ${JSON.stringify(v)}`);
  return v;
}

function rewardModel(params: MarketTaskOptions): RewardModel {
  const kind = str(params, "reward", ["exponential", "constant", "gamma"] as const, "exponential");
  const mu = validate.positive("mu", num(params, "mu") ?? 1);
  if (kind === "constant") return rewards.constant(mu);
  if (kind === "gamma") {
    const shape = validate.positive("rewardShape", num(params, "rewardShape") ?? 1);
    return rewards.gamma(shape, mu / shape);
  }
  return rewards.exponential(mu);
}

function mechanismSpec(params: MarketTaskOptions): MechanismSpec {
  const kind: MechanismKind = validate.oneOf("mechanism", params.mechanism, MECHANISM_KINDS);
  const spec: Record<string, unknown> = { kind };
  // A grid may set an option for some of its mechanisms (priceFactor for the fixed price): each
  // mechanism takes the options it has, and the grid key check below refuses the ones none has.
  for (const name of MECHANISM_OPTIONS[kind]) {
    if (params[name] === undefined) continue;
    spec[name] = name === "shading" || name === "antiWindup" ? params[name] : num(params, name);
  }
  return spec as unknown as MechanismSpec;
}

/** A budget parameter: a number, or "none" (or absent) for a budget that never binds. */
function budgetOf(params: MarketTaskOptions, name: string): number {
  return params[name] === "none" ? Infinity : (num(params, name) ?? Infinity);
}

function population(params: MarketTaskOptions, d: number, seed: number | string): Buyer[] {
  const kind = str(params, "buyers", ["tiered", "homogeneous"] as const, "tiered");
  const count = validate.integer("buyerCount", num(params, "buyerCount") ?? 10, 1, 1e6);
  const r = num(params, "r") ?? d;
  const gamma = num(params, "gamma") ?? 0;
  if (kind === "homogeneous") {
    return homogeneousBuyers({
      count,
      alpha: num(params, "alpha") ?? 1,
      r,
      gamma,
      budget: budgetOf(params, "budget"),
    });
  }
  const rMaxGiven = num(params, "rMax");
  const rMaxFactor = num(params, "rMaxFactor");
  if (rMaxGiven !== undefined && rMaxFactor !== undefined) {
    throw new RangeError(`give rMax (${rMaxGiven}) or rMaxFactor (${rMaxFactor}), not both`);
  }
  // rMaxFactor scales with the cell's d, so one grid value serves every d of a sweep.
  const rMax = rMaxFactor === undefined ? rMaxGiven : rMaxFactor * d;
  return tieredBuyers({
    count,
    seed,
    r: rMax === undefined ? r : [r, rMax],
    gamma,
    budgetUnit: budgetOf(params, "budgetUnit"),
  });
}

/** Every grid key the market task reads. */
export const MARKET_TASK_PARAMETERS: readonly string[] = [
  ...new Set([
    "mechanism",
    "n",
    "d",
    "mu",
    "reward",
    "rewardShape",
    "buyers",
    "buyerCount",
    "r",
    "rMax",
    "rMaxFactor",
    "gamma",
    "alpha",
    "budget",
    "budgetUnit",
    "commonSeed",
    "horizon",
    "tolerance",
    "lookahead",
    "secondary",
    "bonusBeta",
    "bonusAware",
    "bonusValuation",
    ...Object.values(MECHANISM_OPTIONS).flat(),
  ]),
];

/**
 * The market-run parameters a task item describes (exported so notebooks can rerun one cell with a trace).
 *
 * @example
 * marketParamsFromTask({ params: { mechanism: "second-price", n: 10, d: 0.01 }, replication: 0, seed: 1 }).buyers.length; // → 10
 */
export function marketParamsFromTask({ params, replication, seed }: MarketTaskContext): AgentMarketOptions {
  if (params === null || typeof params !== "object") {
    throw new RangeError(`params must be an object of scalar parameters; received ${String(params)}`);
  }
  validate.integer("replication", replication, 0);
  validate.seed(seed);
  // A misspelt grid key would run with the default and, worse, change every cell's random stream.
  validate.knownKeys("grid", params, MARKET_TASK_PARAMETERS);
  const n = validate.integer("n", num(params, "n"), 1, 1e7);
  const d = validate.discountRate(num(params, "d"));
  const common = params.commonSeed;
  const runSeed =
    common === undefined ? seed : JSON.stringify(["market-common", validate.seed(common, "commonSeed"), replication]);
  const beta = num(params, "bonusBeta") ?? 0;
  return {
    buyers: population(params, d, runSeed),
    mechanism: mechanismSpec(params),
    n,
    d,
    reward: rewardModel(params),
    seed: runSeed,
    horizon: num(params, "horizon"),
    tolerance: num(params, "tolerance"),
    lookahead: num(params, "lookahead"),
    secondary: bool(params, "secondary", false),
    bonus:
      beta > 0
        ? {
            beta,
            aware: bool(params, "bonusAware", true),
            valuation: str(params, "bonusValuation", ["average", "marginal"] as const, "average"),
          }
        : undefined,
  };
}

/**
 * Sweep task: one market run for a grid cell and replication; returns the run's MarketMetrics as a
 * flat row (NaN as null; a metric whose name is also a parameter is left out so it cannot clash).
 *
 * @example
 * marketTask({ params: { mechanism: "second-price", n: 10, d: 0.01, tolerance: 0.01 }, replication: 0, seed: 1 }).capture; // → 0.951284
 */
export function marketTask(context: MarketTaskContext): Record<string, number | null> {
  const { metrics } = simulateAgentMarket(marketParamsFromTask(context));
  const row: Record<string, number | null> = {};
  for (const [name, value] of Object.entries(metrics)) {
    if (name in context.params || name === "replication") continue;
    row[name] = Number.isNaN(value) ? null : value;
  }
  return row;
}

/**
 * The task reference for `runSweep({ task: marketTaskRef(), ... })`: this module's file and export,
 * with the version runSweep would give it (a hash of its whole import graph), so a sweep cache is
 * invalidated whenever any code the market uses changes.
 *
 * @example
 * marketTaskRef().export; // → "marketTask"
 */
export function marketTaskRef(): { module: string; export: string; version: string; id: string } {
  return {
    module: __filename,
    export: "marketTask",
    version: taskSourceHash({ file: __filename }).hash,
    id: "execution-tickets/market/task.ts#marketTask",
  };
}
