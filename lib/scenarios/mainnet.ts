/**
 * The "mainnet" scenario: MEV-Boost payments since the Merge and discount rates bracketing the
 * staking yield, every number read from data/ (see data/README.md and
 * ../../docs/derivations/calibration.md). Values that are modelling choices say so in `sources`.
 */
import { discountRates, mainnetStatistics } from "../rewards";
import type { ScenarioValues } from "./types";

/** The annual rate of a data/discount-rates.json entry, by id. */
function rate(id: string): number {
  const entry = discountRates().rates.find((r) => r.id === id);
  if (!entry) throw new Error(`data/discount-rates.json: rate ${id} is missing`);
  return entry.annualRate;
}

const RATES = "data/discount-rates.json";
const PAYMENTS = "data/mev-boost-payments.json";

/** Values and sources of the mainnet scenario. */
export function mainnetDefinition(): { values: ScenarioValues; sources: Record<keyof ScenarioValues, string> } {
  const ephema = mainnetStatistics().ephema;
  const values: ScenarioValues = {
    mu: ephema.mean,
    sd: ephema.sd,
    cap: ephema.max,
    tailMass: 0.05,
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
    mu: `${PAYMENTS} ephema.mean: mean MEV-Boost payment per payment (86.9 % of slots had one), Merge → 2024-05`,
    sd: `${PAYMENTS} ephema.sd: sample standard deviation of the same payments`,
    cap: `${PAYMENTS} ephema.max: the largest payment in the same sample`,
    tailMass:
      "modelling choice: the Pareto tail starts at the lognormal body's 95th percentile (docs/derivations/calibration.md#fits)",
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
