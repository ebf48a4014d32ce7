/** The result type shared by every Monte Carlo estimator in the library. */
import * as validate from "../validate";

/** A point estimate with its Monte Carlo standard error and a normal-theory 95 % interval. */
export type Estimate = {
  mean: number;
  stderr: number;
  ci95: [number, number];
  count: number;
};

/** The 97.5 % standard normal quantile, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/** Input of {@link makeEstimate}. */
export interface MakeEstimateOptions {
  mean: number;
  stderr: number;
  count: number;
}

/**
 * An {@link Estimate} with ci95 = mean ± 1.96·stderr.
 *
 * @example
 * makeEstimate({ mean: 0.5, stderr: 0.01, count: 1000 }).ci95[1]; // → 0.519600
 */
export function makeEstimate(options: MakeEstimateOptions): Estimate {
  validate.knownKeys("makeEstimate options", options ?? {}, ["mean", "stderr", "count"]);
  const { mean, stderr, count } = options;
  return { mean, stderr, ci95: [mean - Z_95 * stderr, mean + Z_95 * stderr], count };
}
