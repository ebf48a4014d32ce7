/**
 * lib/dynamics: Execution Tickets when the baseline's i.i.d. rewards (A4) and constant discount
 * rate (A6) are relaxed (notebook 07). Closed forms for rewards with memory — AR(1) log-rewards and
 * calm/storm regimes — conditional on the state at purchase; variance inflation of the NPV and of
 * holdings; Markov-modulated discounting (rate regimes, hikes and cuts) as small linear systems;
 * and slot-by-slot simulators, independent of the closed forms, to check them.
 *
 * @module
 */
export {
  processTicketValue,
  processTicketMoments,
  type ProcessTicketOptions,
  type ProcessTicketMoments,
} from "./process-ticket";
export { stormCalmTicketValues, type StormCalmOptions, type StormCalmValues } from "./storm-premium";
export {
  processNpv,
  processNpvVariance,
  npvVarianceInflation,
  type ProcessNpvOptions,
  type ProcessNpvVarianceOptions,
} from "./process-npv";
export {
  processTicketCovariance,
  processHoldingVariance,
  holdingVarianceInflation,
  type ProcessCovarianceOptions,
  type ProcessHoldingOptions,
} from "./process-holding";
export {
  stationaryDistribution,
  birthDeathTransition,
  type StationaryDistributionOptions,
  type BirthDeathOptions,
} from "./markov-chain";
export {
  markovTicketValue,
  markovNpv,
  rateRegimeComparison,
  type MarkovRegimes,
  type MarkovTicketValueOptions,
  type RateRegimeComparisonOptions,
  type RateRegimeComparison,
  type RegimeValuation,
} from "./markov-regimes";
export {
  simulateProcessHolding,
  simulateProcessNpv,
  sampleRewardPath,
  type SimulateProcessHoldingOptions,
  type SimulateProcessNpvOptions,
  type SampleRewardPathOptions,
} from "./simulate-process";
export {
  simulateMarkovTicket,
  simulateMarkovNpv,
  type RegimeEstimator,
  type SimulatedRegimes,
  type SimulateMarkovTicketOptions,
  type SimulateMarkovNpvOptions,
} from "./simulate-markov";
export { autocorrelationEstimates, type AutocorrelationEstimatesOptions } from "./autocorrelation-estimates";
export { type PathSummary, DYNAMICS_CHUNK_SIZE } from "./simulation-summary";
export { dynamicsFormulas, type DynamicsFormula, type DynamicsFormulaName } from "./formulas";
