/** From streaming statistics to the numbers a notebook reports. */
import { RunningStats, type Estimate, type RunningStatsState } from "../stats";

/**
 * An estimate of a mean (with standard error and 95 % interval) plus the sample variance and the
 * standard error of that variance.
 */
export type SampleSummary = Estimate & {
  /** Unbiased sample variance. */
  variance: number;
  /** Asymptotic standard error of `variance`, √((m4 − m2²)/N) (see RunningStats). */
  varianceStderr: number;
};

/**
 * The summary of a sample from its RunningStats (or its plain state).
 *
 * @example
 * summariseState(new RunningStats().pushAll([1, 2, 3, 4])).mean; // → 2.5
 */
export function summariseState(stats: RunningStats | RunningStatsState): SampleSummary {
  const s = stats instanceof RunningStats ? stats : RunningStats.fromState(stats);
  return { ...s.estimate(), variance: s.variance, varianceStderr: s.varianceStderr };
}
