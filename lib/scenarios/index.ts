/**
 * Named scenarios: realistic parameter sets built from data/ with provenance. A notebook's
 * parameters cell names its scenario (`const scenario = "mainnet";`) and declares each realistic
 * value it uses as `null` (take the scenario's) so that `--param` can still override it alone.
 *
 * @module
 */
import { perSlotRate } from "../model";
import { discountRates } from "../rewards";
import * as validate from "../validate";
import { level2026, mainnetDefinition, scenarioReward } from "./mainnet";
import type { Scenario, ScenarioValues } from "./types";

export type { Scenario, ScenarioValues } from "./types";

const DEFINITIONS = {
  mainnet: {
    title: "Ethereum mainnet, Merge → May 2024",
    period: "2022-09-15 → 2024-05",
    description:
      "Rewards per slot: a MEV-Boost payment (86.9 % of slots; a lognormal body and a broken Pareto tail calibrated " +
      "to the ephema sample's quartiles, mean, sd and maximum) or a locally built block (13.1 %); discount rates " +
      "bracketing the 3–4 %/yr staking yield. Payments are capped at the largest observed (691.96 ETH).",
    define: () => mainnetDefinition(1),
  },
  "mainnet-2026": {
    title: "Ethereum mainnet, early 2026 level",
    period: "30 days to 2026-02-26",
    description:
      "The mainnet scenario with every reward scaled to the early-2026 level (Aubury's mean over ephema's, ≈ 0.40): " +
      "the level has fallen about 2.5× since the ephema period. Only the level is moved; the shape is the 2022–24 one.",
    define: () => mainnetDefinition(level2026()),
  },
} as const;

/** The names `scenario()` and `useScenario()` accept. */
export type ScenarioName = keyof typeof DEFINITIONS;
/** Every scenario name, in registry order. */
export const scenarioNames = Object.keys(DEFINITIONS) as ScenarioName[];

const NUMBER_ARRAYS: readonly (keyof ScenarioValues)[] = [
  "annualRates",
  "rateTable",
  "alternativeRates",
  "buyerRates",
  "regimeRates",
  "capGrid",
];

/** Input of {@link useScenario}. */
export interface UseScenarioOptions {
  /** A scenario name, e.g. "mainnet". */
  name: string;
  /** Values replacing the scenario's; `null` or a missing key keeps the scenario's value. */
  overrides?: { [K in keyof ScenarioValues]?: ScenarioValues[K] | null };
}

function checkValue(key: keyof ScenarioValues, value: unknown): void {
  const name = `overrides.${key}`;
  if (NUMBER_ARRAYS.includes(key)) {
    validate.finiteArray(name, value);
    (value as number[]).forEach((v, i) => validate.nonNegative(`${name}[${i}]`, v));
  } else if (key === "ar1Phi") validate.inOpenRange(name, value, -1, 1);
  else if (key === "tailMass") validate.inRange(name, value, 0.01, 0.3);
  else if (key === "stormShare") validate.inOpenRange(name, value, 0, 1);
  else if (key === "boostShare") validate.inRange(name, value, 0, 1);
  else if (key === "annualRate" || key === "socialRate") validate.nonNegative(name, value);
  else validate.positive(name, value);
}

/**
 * The scenario `name`, with any non-null `overrides` in place of its values (each checked, an unknown
 * key refused with the closest known one); `overridden` lists what changed and `sources` says
 * "override" for those values.
 *
 * @example
 * const realistic = useScenario({ name: "mainnet", overrides: { annualRate: null, mu: 0.11 } });
 * realistic.mu; // → 0.11
 * scenario("mainnet").mu; // → 0.111864
 * scenario("mainnet-2026").mu; // → 0.0448891
 * realistic.annualRate; // → 0.04
 * realistic.d; // → 1.49242e-8
 */
export function useScenario(options: UseScenarioOptions): Scenario {
  validate.knownKeys("useScenario options", options ?? {}, ["name", "overrides"]);
  const { name, overrides = {} } = options;
  const scenarioName = validate.oneOf("name", name, scenarioNames);
  const definition = DEFINITIONS[scenarioName];
  const { values, sources } = definition.define();
  validate.knownKeys("overrides", overrides, Object.keys(values));
  const overridden: (keyof ScenarioValues)[] = [];
  const merged = { ...values } as Record<keyof ScenarioValues, unknown>;
  const mergedSources = { ...sources };
  for (const key of Object.keys(overrides) as (keyof ScenarioValues)[]) {
    const value = overrides[key];
    if (value === null || value === undefined) continue;
    checkValue(key, value);
    merged[key] = value;
    mergedSources[key] = "override (a notebook parameter)";
    overridden.push(key);
  }
  // Arrays are copied and frozen, so neither the caller nor a notebook cell can change the scenario.
  for (const key of NUMBER_ARRAYS) merged[key] = Object.freeze([...(merged[key] as number[])]);
  const v = merged as unknown as ScenarioValues;
  // μ and sd follow the law unless overridden themselves.
  const law = scenarioReward(v);
  if (!overridden.includes("mu")) v.mu = law.reward.mean;
  if (!overridden.includes("sd")) v.sd = Math.sqrt(law.reward.variance);
  return Object.freeze({
    ...v,
    name: scenarioName,
    title: definition.title,
    description: definition.description,
    period: definition.period,
    reward: law.reward,
    payment: law.payment,
    calibration: law.calibration,
    sources: Object.freeze(mergedSources),
    slotsPerYear: discountRates().slotsPerYear.value,
    sigma2: v.sd * v.sd,
    d: perSlotRate(v.annualRate),
    overridden: Object.freeze(overridden),
  }) as Scenario;
}

/**
 * The scenario `name` as defined (no overrides).
 *
 * @example
 * scenario("mainnet").cap; // → 691.96
 */
export function scenario(name: ScenarioName): Scenario {
  return useScenario({ name });
}

/** One row of {@link scenarioRows} (a type alias, so it is a plain table row for `showTable`). */
export type ScenarioRow = {
  parameter: string;
  value: string;
  source: string;
};

/**
 * The scenario as table rows (parameter, value, source) for a notebook to show which realistic
 * values it used and where each comes from.
 *
 * @example
 * showTable(scenarioRows(realistic, ["mu", "sd", "annualRate"]), { caption: "Realistic values" });
 */
export function scenarioRows(
  s: Scenario,
  keys: readonly (keyof ScenarioValues)[] = Object.keys(s.sources) as (keyof ScenarioValues)[],
): ScenarioRow[] {
  return keys.map((key) => {
    const value = s[key];
    return {
      parameter: key,
      value: Array.isArray(value) ? value.join(", ") : String(value),
      source: s.sources[key],
    };
  });
}
export { headlineSensitivity, type HeadlineSensitivityOptions, type HeadlineSensitivityRow } from "./sensitivity";
