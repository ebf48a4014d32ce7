/**
 * `galaxyEra.simulate`: runs a Galaxy Era setup `runs` times and averages the objectives over runs,
 * as Galaxy Era reports them, with their standard errors across runs.
 */
import { RunningStats } from "../../stats/running-stats";
import * as validate from "../../validate";
import { type GalaxyEraParams, type ResolvedGalaxyEraParams, resolveParams } from "./params";
import { type GalaxyEraObjectives, type GalaxyEraRun, simulateRun } from "./run";

/** Input of {@link simulate}. */
export interface GalaxyEraSimulateOptions {
  params: GalaxyEraParams;
  /** Independent runs (Galaxy Era: 10). Integer ≥ 1. */
  runs: number;
  /** Slots per run (Galaxy Era: 1000). Integer ≥ 1. */
  slots: number;
  /** Master seed; run k uses the streams rng(seed, "galaxy-era", k, …). */
  seed: number | string;
}

/** Output of {@link simulate}. */
export interface GalaxyEraResult {
  /** Each objective's mean over the runs (NaN if any run's is NaN). */
  objectives: GalaxyEraObjectives;
  /** Standard error of each mean: the runs' standard deviation / √runs (NaN for one run). */
  standardErrors: GalaxyEraObjectives;
  perRun: GalaxyEraRun[];
  /** The parameters with their defaults filled in. */
  params: ResolvedGalaxyEraParams;
}

const OBJECTIVE_KEYS = [
  "highestShare",
  "nakamoto",
  "hhi",
  "protocolShare",
  "protocolShareOfHolderRevenue",
  "garmanKlassVolatility",
  "varianceOfDeltas",
] as const satisfies readonly (keyof GalaxyEraObjectives)[];

/**
 * Simulates a Galaxy Era setup (../../../docs/derivations/galaxy-era.md). Deterministic from the seed.
 *
 * @example
 * const { objectives } = galaxyEra.simulate({
 *   params: { sellingMechanism: "second_price", maxTickets: 100, secondaryMarket: true },
 *   runs: 10, slots: 1000, seed: 1,
 * });
 * objectives.protocolShare > 0.5; // → true
 */
export function simulate(options: GalaxyEraSimulateOptions): GalaxyEraResult {
  validate.knownKeys("galaxyEra.simulate options", options ?? {}, ["params", "runs", "slots", "seed"]);
  const { runs, slots, seed } = options;
  const params = resolveParams(options.params);
  validate.integer("runs", runs, 1, 1e6);
  validate.integer("slots", slots, 1, 1e8);
  validate.seed(seed);
  validate.integer("runs × slots", runs * slots, 1, 1e9);
  const perRun = Array.from({ length: runs }, (_, run) => simulateRun({ params, slots, seed, run }));
  const objectives = {} as GalaxyEraObjectives;
  const standardErrors = {} as GalaxyEraObjectives;
  for (const key of OBJECTIVE_KEYS) {
    const stats = new RunningStats().pushAll(perRun.map((r) => r.objectives[key]));
    objectives[key] = stats.mean;
    standardErrors[key] = stats.stderr;
  }
  return { objectives, standardErrors, perRun, params };
}

export { OBJECTIVE_KEYS };
