/**
 * lib/stats: streaming estimators, batch means, agreement checks and the normal distribution.
 *
 * @module
 */
export { type Estimate, Z_95, makeEstimate, type MakeEstimateOptions } from "./estimate";
export { RunningStats, type RunningStatsState } from "./running-stats";
export { meanOf, medianOf, varianceOf, autocorrelation, type AutocorrelationOptions } from "./sample-moments";
export { batchMeans, type BatchMeansOptions, type BatchMeansEstimate } from "./batch-means";
export { findRoot, minimiseOnInterval, type FindRootOptions, type MinimiseOnIntervalOptions } from "./find-root";
export { check, assertAgreement, ROUNDING_ULPS, type CheckOptions, type CheckResult } from "./check";
export {
  normalPdf,
  normalCdf,
  normalSurvival,
  normalQuantile,
  type NormalPointOptions,
  type NormalQuantileOptions,
} from "./normal-distribution";
export {
  chiSquare,
  chiSquareCritical,
  kolmogorovSmirnov,
  type ChiSquareOptions,
  type ChiSquareResult,
  type ChiSquareCriticalOptions,
  type KolmogorovSmirnovOptions,
  type KolmogorovSmirnovResult,
} from "./goodness-of-fit";
