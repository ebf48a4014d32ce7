/**
 * lib/rewards: reward models R (i.i.d. per slot) with analytic moments, correlated reward
 * processes, and the mainnet calibration data and fit.
 *
 *   rewards.exponential(0.1246)               light tail
 *   rewards.mainnet({ cap: 692 })             lognormal body + Pareto tail, capped
 *   rewardProcesses.ar1({ mu, sdLog, phi })   autocorrelated log-rewards
 *
 * @module
 */
import type { RewardModel } from "./reward-model";
import { ConstantReward, ExponentialReward, GammaReward } from "./simple-models";
import {
  LognormalReward,
  lognormalFromMeanCv,
  lognormalFromMeanMedian,
  lognormalFromQuartiles,
  type LognormalOptions,
} from "./lognormal";
import { ParetoReward, type ParetoOptions } from "./pareto";
import { MainnetReward, type MainnetOptions } from "./mainnet";
import { EmpiricalReward } from "./empirical";
import { ScaledReward } from "./scaled";
import { Ar1Process, type Ar1Options } from "./ar1";
import { RegimeSwitchingProcess, type RegimeSwitchingOptions } from "./regime-switching";
import { exponentialStorms, type ExponentialStormsOptions } from "./exponential-storms";

export type { RewardModel, RewardDistribution } from "./reward-model";
export type { RewardProcess, RewardPath } from "./reward-process";
export {
  ConstantReward,
  ExponentialReward,
  GammaReward,
  LognormalReward,
  ParetoReward,
  MainnetReward,
  EmpiricalReward,
  ScaledReward,
  Ar1Process,
  RegimeSwitchingProcess,
};
export { TruncatedPareto } from "./pareto";
export type {
  LognormalOptions,
  LognormalFromMeanMedianOptions,
  LognormalFromQuartilesOptions,
  LognormalFromMeanCvOptions,
} from "./lognormal";
export type { ParetoOptions, MainnetOptions, Ar1Options, RegimeSwitchingOptions };
export { CALM, STORM } from "./regime-switching";
export {
  mainnetStatistics,
  discountRates,
  DATA_DIRECTORY,
  type MainnetStatistics,
  type PublishedStatistic,
  type Provenance,
  type DiscountRates,
  type DiscountRateEntry,
} from "./calibration-data";
export {
  fitMainnet,
  tailIndexFromQuantiles,
  type FitMainnetOptions,
  type MainnetFit,
  type FitRow,
  type TailIndexPair,
  type TailIndexOptions,
} from "./fit-mainnet";

/**
 * Factories of i.i.d. reward models; each validates its input (RangeError naming the parameter).
 *
 * @example
 * rewards.exponential(0.1246).variance; // → 0.0155252
 * rewards.gamma(2, 0.05).mean; // → 0.1
 * rewards.mainnet({ cap: 691.96 }).mean; // → 0.109645
 */
export const rewards = Object.freeze({
  /** R = mu (mu ≥ 0). */
  constant: (mu: number) => new ConstantReward(mu),
  /** R ~ Exp with mean mu > 0. */
  exponential: (mu: number) => new ExponentialReward(mu),
  /** R ~ Gamma(shape > 0, scale > 0). */
  gamma: (shape: number, scale: number) => new GammaReward(shape, scale),
  /** R = exp(meanLog + sdLog·Z). */
  lognormal: (options: LognormalOptions) => new LognormalReward(options),
  /** The lognormal with a given mean and median. */
  lognormalFromMeanMedian,
  /** The lognormal with a given interquartile ratio (and median). */
  lognormalFromQuartiles,
  /** The lognormal with a given mean and coefficient of variation. */
  lognormalFromMeanCv,
  /** Pareto(alpha, scale), optionally truncated at cap. */
  pareto: (options: ParetoOptions) => new ParetoReward(options),
  /** Lognormal body + Pareto tail (../../docs/derivations/calibration.md#fits defaults), optionally capped. */
  mainnet: (options: MainnetOptions = {}) => new MainnetReward(options),
  /** Resampling from a column of observed rewards (values ≥ 0). */
  empirical: (values: ArrayLike<number>) => new EmpiricalReward(values),
  /** factor × R for a model R (factor ≥ 0). */
  scaled: (model: RewardModel, factor: number) => new ScaledReward(model, factor),
});

/**
 * Factories of correlated (time-dependent) reward processes.
 *
 * @example
 * rewardProcesses.ar1({ mu: 1, sdLog: 1, phi: 0.8 }).stationaryMean; // → 1
 */
export const rewardProcesses = Object.freeze({
  /** Log-rewards following a stationary AR(1) with lognormal marginal of mean mu. */
  ar1: (options: Ar1Options) => new Ar1Process(options),
  /** A calm/storm two-state Markov chain choosing the reward model of each slot. */
  regimeSwitching: (options: RegimeSwitchingOptions) => new RegimeSwitchingProcess(options),
  /** Exponential calm and storm rewards rescaled to a stationary mean μ (notebook 07's stylised storms). */
  exponentialStorms: (options: ExponentialStormsOptions) => exponentialStorms(options),
});
export { BrokenPareto } from "./broken-pareto";
export { exponentialStorms, type ExponentialStormsOptions } from "./exponential-storms";
export {
  calibrateMainnet,
  type CalibrateMainnetOptions,
  type CalibratedMainnetOptions,
  type MainnetCalibration,
} from "./calibrate-mainnet";
export { MixtureReward, type MixtureComponent } from "./mixture";
export { mainnetPerSlot, type MainnetPerSlotOptions, type MainnetPerSlot } from "./mainnet-per-slot";
