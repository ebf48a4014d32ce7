/**
 * The "mainnet" scenario: MEV-Boost payments since the Merge and discount rates bracketing the
 * staking yield, every number read from data/ (see data/README.md and
 * ../../docs/derivations/calibration.md). Values that are modelling choices say so in `sources`.
 */
import { calibrateMainnet, discountRates, mainnetPerSlot, mainnetStatistics } from "../rewards";
import type { ScenarioValues } from "./types";

/** The annual rate of a data/discount-rates.json entry, by id. */
function rate(id: string): number {
  const entry = discountRates().rates.find((r) => r.id === id);
  if (!entry) throw new Error(`data/discount-rates.json: rate ${id} is missing`);
  return entry.annualRate;
}

const RATES = "data/discount-rates.json";
const PAYMENTS = "data/mev-boost-payments.json";

/** The per-slot law of scenario values (recomputed when a notebook overrides one of its inputs). */
export function scenarioReward(v: Pick<ScenarioValues, "tailMass" | "cap" | "level" | "boostShare" | "localRatio">) {
  // The calibrated tail mass is asked for by name, so the calibration reports how it was chosen.
  const shapeMass = calibrateMainnet().options.tailMass;
  return mainnetPerSlot({
    tailMass: v.tailMass === shapeMass ? "aubury-shape" : v.tailMass,
    cap: v.cap,
    level: v.level,
    boostShare: v.boostShare,
    localRatio: v.localRatio,
  });
}

/** The level of the Aubury window (30 days to 2026-02-26) relative to the ephema sample: the ratio of their means. */
export function level2026(): number {
  const s = mainnetStatistics();
  return s.aubury.mean / s.ephema.mean;
}

/** Values and sources of the mainnet scenarios at a level (1: Merge → May 2024). */
export function mainnetDefinition(level = 1): {
  values: ScenarioValues;
  sources: Record<keyof ScenarioValues, string>;
} {
  const stats = mainnetStatistics();
  const ephema = stats.ephema;
  const tailMass = calibrateMainnet().options.tailMass;
  const base = {
    tailMass,
    cap: ephema.max,
    level,
    boostShare: ephema.count / ephema.slots,
    localRatio: stats.rated.medianMevBoostToLocalRatio,
  };
  const law = scenarioReward(base).reward;
  const values: ScenarioValues = {
    mu: law.mean,
    sd: Math.sqrt(law.variance),
    ...base,
    annualRate: rate("scenario.4pct"),
    annualRates: [rate("scenario.3pct"), rate("scenario.4pct"), rate("scenario.5pct")],
    rateTable: ["scenario.2pct", "scenario.3pct", "scenario.3.5pct", "scenario.4pct", "scenario.5pct"].map(rate),
    alternativeRates: ["scenario.3pct", "scenario.3.5pct", "scenario.4.5pct", "scenario.5pct"].map(rate),
    socialRate: rate("scenario.3pct"),
    buyerRates: ["scenario.4pct", "scenario.5pct", "scenario.10pct"].map(rate),
    regimeRates: ["scenario.2pct", "scenario.4pct", "scenario.6pct"].map(rate),
    regimeMoveYears: 1.5,
    ar1SdLog: 0.85,
    ar1Phi: 0.3,
    stormSlots: 300,
    stormShare: 0.05,
    stormRatio: 5,
    capGrid: [10, 100, ephema.max, 10_000, 1_000_000],
  };
  const sources: Record<keyof ScenarioValues, string> = {
    mu: "the per-slot law's mean: 86.9 % MEV-Boost payments (calibrated to ephema.mean, ephema.sd, ephema.max) and 13.1 % local blocks (docs/derivations/calibration.md#per-slot), times level",
    sd: "the per-slot law's standard deviation, with the payment cap",
    cap: `${PAYMENTS} ephema.max: the largest payment in the sample; no payment above it at level 1`,
    tailMass:
      "calibrateMainnet: the tail mass whose fitted law best reproduces the Aubury quantile ratios (docs/derivations/calibration.md#broken-tail)",
    level:
      level === 1
        ? "1: the Merge → May 2024 level of the ephema sample"
        : `aubury.mean/ephema.mean = ${level.toFixed(4)}: the 30 days to 2026-02-26 (level only; the shape is assumed unchanged)`,
    boostShare: `${PAYMENTS} ephema.count/ephema.slots: the share of slots with a MEV-Boost payment`,
    localRatio: `${PAYMENTS} rated.medianMevBoostToLocalRatio: locally built blocks' rewards are the payment body scaled down by it`,
    annualRate: `${RATES} scenario.4pct: the middle of the 3–4 %/yr staking yield`,
    annualRates: `${RATES} scenario.3pct, scenario.4pct, scenario.5pct: a bracket around the staking yield`,
    rateTable: `${RATES} scenario.2pct … scenario.5pct`,
    alternativeRates: `${RATES} scenario.3pct, 3.5pct, 4.5pct, 5pct: rates an observer might assume instead`,
    socialRate: `${RATES} scenario.3pct: the lower end of the staking yield, for the protocol`,
    buyerRates: `${RATES} scenario.4pct, 5pct, 10pct: buyers' cost of capital at or above the staking yield`,
    regimeRates: `${RATES} scenario.2pct, 4pct, 6pct: low, middle and high rate regimes`,
    regimeMoveYears: "modelling choice: a rate move about every 1.5 years, the pace of policy-rate cycles",
    ar1SdLog:
      "the fitted lognormal body's σ_log = ln(P75/P25)/(2·0.6745) = 0.850, rounded (docs/derivations/calibration.md#fits)",
    ar1Phi:
      "modelling choice: a lag-1 correlation whose effect dies within 2–3 slots, as Stichler (arXiv:2501.12827) reports",
    stormSlots: "modelling choice: storms of about an hour (300 slots)",
    stormShare: "modelling choice: 5 % of slots in a storm",
    stormRatio: "modelling choice: storm rewards five times calm ones",
    capGrid: `caps from 10 ETH to 10⁶ ETH around ${PAYMENTS} ephema.max`,
  };
  return { values, sources };
}
