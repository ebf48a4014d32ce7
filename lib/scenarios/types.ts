/**
 * A scenario is a named, documented set of realistic parameter values, each with the place it comes
 * from. Notebooks take their realistic numbers from one (`useScenario`), never from literals.
 */

/** The values of a scenario that a notebook may override one by one. */
export interface ScenarioValues {
  /** Mean reward per slot μ, ETH: the per-slot law's mean unless overridden. */
  mu: number;
  /** Standard deviation of the reward per slot, ETH: the per-slot law's unless overridden. */
  sd: number;
  /** Cap on one payment at level 1, ETH (the largest observed payment). */
  cap: number;
  /** Probability mass w of the calibrated payment law's Pareto tail. */
  tailMass: number;
  /** Every reward multiplied by this level (1: Merge → May 2024). */
  level: number;
  /** Share of slots with a MEV-Boost payment. */
  boostShare: number;
  /** Median MEV-Boost payment over the median locally built block's reward. */
  localRatio: number;
  /** Headline discount rate per year. */
  annualRate: number;
  /** Low, central and high discount rates per year (figures that bracket the rate). */
  annualRates: number[];
  /** Every annual rate of the conversion table. */
  rateTable: number[];
  /** Rates an observer might assume instead of the true one (implied-μ sensitivity). */
  alternativeRates: number[];
  /** The protocol's (social) rate per year where buyers' cost of capital is separate. */
  socialRate: number;
  /** Buyers' cost of capital per year. */
  buyerRates: number[];
  /** Annual rates of the low, middle and high rate regimes. */
  regimeRates: number[];
  /** Mean years between rate moves from the middle regime. */
  regimeMoveYears: number;
  /** Standard deviation of ln R in the realistic AR(1) reward model. */
  ar1SdLog: number;
  /** Lag-1 correlation of ln R in the realistic AR(1) reward model. */
  ar1Phi: number;
  /** Mean length of an MEV storm, slots. */
  stormSlots: number;
  /** Share of slots in a storm. */
  stormShare: number;
  /** Storm mean reward over calm mean reward. */
  stormRatio: number;
  /** Caps (ETH) of the cap-sensitivity table. */
  capGrid: number[];
}

/** A scenario: its values, what each means and where it comes from. */
export interface Scenario extends Readonly<ScenarioValues> {
  /** Registry name, e.g. "mainnet". */
  readonly name: string;
  /** One-line title. */
  readonly title: string;
  /** What the scenario represents and its caveats. */
  readonly description: string;
  /** Where each value comes from (a data id with its provenance, a derivation, or a stated choice). */
  readonly sources: Readonly<Record<keyof ScenarioValues, string>>;
  /** Slots per year (365 days of 12-second slots), from data/discount-rates.json. */
  readonly slotsPerYear: number;
  /** Var(R) = sd², ETH². */
  readonly sigma2: number;
  /** Per-slot discount rate of `annualRate`. */
  readonly d: number;
  /** The period whose level the scenario has. */
  readonly period: string;
  /** The per-slot reward law (MEV-Boost payment or local block) whose mean and sd are μ and sd. */
  readonly reward: import("../rewards").MixtureReward;
  /** The law of one MEV-Boost payment at this level. */
  readonly payment: import("../rewards").MainnetReward;
  /** The calibration of the payment law (level 1): tail indices, knee, intervals, fit table. */
  readonly calibration: import("../rewards").MainnetCalibration;
  /** Names of the values a run overrode (empty for the scenario as defined). */
  readonly overridden: readonly (keyof ScenarioValues)[];
}
