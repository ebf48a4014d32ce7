/**
 * Comparisons between Galaxy Era setups run with the same seed and number of runs: run k of both
 * uses the same agents and MEV path (common random numbers), so a difference is estimated per run
 * and its standard error comes from the paired differences.
 */
import { RunningStats } from "../../stats/running-stats";
import * as validate from "../../validate";
import { ASSUMPTION_CHOICES, DEFAULT_ASSUMPTIONS, type GalaxyEraAssumptions, type GalaxyEraParams } from "./params";
import type { GalaxyEraObjectives } from "./run";
import { type GalaxyEraResult, OBJECTIVE_KEYS, simulate } from "./simulate";

/** A paired difference of one objective, b − a. */
export interface PairedDifference {
  difference: number;
  stderr: number;
  /** difference / stderr (±Infinity when the runs differ by a constant; NaN when they agree exactly). */
  z: number;
}

/**
 * b − a for `objective`, paired run by run (both results from the same seed and number of runs).
 *
 * @example
 * const run = (secondaryMarket) => galaxyEra.simulate({ params: { sellingMechanism: "second_price", maxTickets: 50, secondaryMarket }, runs: 4, slots: 200, seed: 1 });
 * galaxyEra.pairedDifference({ a: run(false), b: run(false), objective: "hhi" }).difference; // → 0
 */
export function pairedDifference(options: {
  a: GalaxyEraResult;
  b: GalaxyEraResult;
  objective: keyof GalaxyEraObjectives;
}): PairedDifference {
  validate.knownKeys("pairedDifference options", options ?? {}, ["a", "b", "objective"]);
  const { a, b, objective } = options;
  validate.oneOf("objective", objective, OBJECTIVE_KEYS);
  const runs = a.perRun.length;
  if (b.perRun.length !== runs) {
    throw new RangeError(`a and b must have the same number of runs; received ${runs} and ${b.perRun.length}`);
  }
  const d = new RunningStats().pushAll(
    a.perRun.map((r, k) => b.perRun[k].objectives[objective] - r.objectives[objective]),
  );
  return { difference: d.mean, stderr: d.stderr, z: d.mean / d.stderr };
}

/** The alternatives of each unpublished part, besides its default reading. */
export const ASSUMPTION_ALTERNATIVES = Object.freeze(
  Object.fromEntries(Object.entries(ASSUMPTION_CHOICES).map(([k, choices]) => [k, choices.slice(1)])),
) as unknown as Readonly<{ [K in keyof GalaxyEraAssumptions]: readonly GalaxyEraAssumptions[K][] }>;

/** One row of {@link sensitivity}: an alternative reading and how far it moves each objective. */
export interface SensitivityRow {
  assumption: keyof GalaxyEraAssumptions;
  value: string;
  objectives: GalaxyEraObjectives;
  /** Paired change from the default reading, per objective. */
  change: Record<keyof GalaxyEraObjectives, PairedDifference>;
}

/**
 * Reruns a setup under every alternative reading of the unpublished parts (one at a time, the
 * others at their defaults) and reports each objective and its paired change from the defaults.
 * `initialHolding` is skipped for the auctions, where it does not apply.
 *
 * @example
 * galaxyEra.sensitivity({ params: { sellingMechanism: "second_price", maxTickets: 50 }, runs: 2, slots: 100, seed: 1 }).rows.length; // → 4
 */
export function sensitivity(options: { params: GalaxyEraParams; runs: number; slots: number; seed: number | string }): {
  base: GalaxyEraResult;
  rows: SensitivityRow[];
} {
  validate.knownKeys("sensitivity options", options ?? {}, ["params", "runs", "slots", "seed"]);
  const { params, runs, slots, seed } = options;
  const base = simulate({ params, runs, slots, seed });
  const posted = base.params.sellingMechanism === "EIP-1559" || base.params.sellingMechanism === "AMM-style";
  const rows: SensitivityRow[] = [];
  for (const key of Object.keys(DEFAULT_ASSUMPTIONS) as (keyof GalaxyEraAssumptions)[]) {
    if (key === "initialHolding" && !posted) continue;
    for (const value of ASSUMPTION_ALTERNATIVES[key]) {
      const assumptions = { ...base.params.assumptions, [key]: value };
      const alt = simulate({ params: { ...params, assumptions }, runs, slots, seed });
      const change = Object.fromEntries(
        OBJECTIVE_KEYS.map((k) => [k, pairedDifference({ a: base, b: alt, objective: k })]),
      ) as Record<keyof GalaxyEraObjectives, PairedDifference>;
      rows.push({ assumption: key, value: String(value), objectives: alt.objectives, change });
    }
  }
  return { base, rows };
}
