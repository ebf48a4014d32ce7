/**
 * Estimating the autocorrelation of a simulated reward series against a process's theory, with an
 * honest standard error: ρ̂(k) is the mean of the products (R_t − μ)(R_{t+k} − μ)/σ² with the
 * process's own μ and σ² (so it is unbiased), and its standard error comes from batch means
 * because consecutive products are correlated.
 */
import { batchMeans, type Estimate } from "../stats";
import * as validate from "../validate";

/** Input of {@link autocorrelationEstimates}. */
export interface AutocorrelationEstimatesOptions {
  /** The reward series R_1 … R_N (e.g. from `sampleRewardPath`). */
  series: ArrayLike<number>;
  /** Lags k ≥ 1 to estimate (integers, each < N/4). */
  lags: number[];
  /** The process's stationary mean μ. */
  mean: number;
  /** The process's stationary variance σ² (finite, > 0). */
  variance: number;
  /** Number of batches for the standard error (integer ≥ 10; default 50). */
  batches?: number;
}

/**
 * One estimate of ρ(k) per lag, each with a batch-means standard error.
 *
 * @example
 * autocorrelationEstimates({ series: sampleRewardPath({ process: rewardProcesses.regimeSwitching({ calm: rewards.exponential(0.6), storm: rewards.exponential(3), pCalmToStorm: 0.02, pStormToCalm: 0.1 }), length: 10000, seed: 1 }), lags: [1], mean: 1, variance: 2 })[0].mean; // → 0.419553
 */
export function autocorrelationEstimates(options: AutocorrelationEstimatesOptions): Estimate[] {
  validate.knownKeys("autocorrelationEstimates options", options ?? {}, [
    "series",
    "lags",
    "mean",
    "variance",
    "batches",
  ]);
  const { series, lags, mean, variance, batches = 50 } = options;
  validate.finite("mean", mean);
  validate.positive("variance", variance);
  validate.integer("batches", batches, 10);
  if (series == null || typeof series.length !== "number")
    throw new RangeError(`series must be an array of numbers; received ${String(series)}`);
  if (!Array.isArray(lags) || lags.length === 0)
    throw new RangeError(`lags must be a non-empty array of integers; received ${JSON.stringify(lags)}`);
  const length = series.length;
  return lags.map((k, i) => {
    validate.integer(`lags[${i}]`, k, 1, Math.floor(length / 4));
    const products = new Float64Array(length - k);
    for (let t = 0; t + k < length; t++) products[t] = ((series[t] - mean) * (series[t + k] - mean)) / variance;
    const b = batchMeans({ series: products, batches });
    return { mean: b.mean, stderr: b.stderr, ci95: b.ci95, count: b.count };
  });
}
