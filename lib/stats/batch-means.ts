/**
 * Batch means: the standard error of the mean of a correlated (stationary) series. The series is
 * cut into B contiguous batches; when batches are much longer than the correlation time, their
 * means are nearly independent and sd(batch means)/√B estimates the standard error.
 */
import { makeEstimate, type Estimate } from "./estimate";
import { varianceOf } from "./sample-moments";
import * as validate from "../validate";

/** Input of {@link batchMeans}. */
export interface BatchMeansOptions {
  /** A stationary series (e.g. one long simulated path of a per-slot quantity). */
  series: ArrayLike<number>;
  /** Number of batches B (integer ≥ 2; 20–50 is usual); the series needs at least B values. */
  batches: number;
}

/** A batch-means {@link Estimate} with its batch layout. */
export interface BatchMeansEstimate extends Estimate {
  batches: number;
  batchSize: number;
  /** Leading values left out so that all batches have the same size (a free warm-up). */
  discarded: number;
  /** The B batch means, in order. */
  batchMeans: number[];
}

/**
 * Mean of the series and its batch-means standard error (count = values used).
 *
 * @example
 * batchMeans({ series: [1, 2, 3, 4, 5, 6, 7, 8], batches: 4 }).mean; // → 4.5
 */
export function batchMeans(options: BatchMeansOptions): BatchMeansEstimate {
  validate.knownKeys("batchMeans options", options ?? {}, ["series", "batches"]);
  const { series, batches } = options;
  validate.integer("batches", batches, 2);
  if (series == null || typeof series.length !== "number" || series.length < batches) {
    throw new RangeError(
      `series must be an array of at least batches = ${batches} numbers; received ${
        series == null ? String(series) : `length ${series.length}`
      }`,
    );
  }
  const batchSize = Math.floor(series.length / batches);
  const discarded = series.length - batchSize * batches;
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    const start = discarded + b * batchSize;
    for (let i = start; i < start + batchSize; i++) sum += series[i];
    means.push(sum / batchSize);
  }
  const mean = means.reduce((s, m) => s + m, 0) / batches;
  const stderr = Math.sqrt(varianceOf(means) / batches);
  return {
    ...makeEstimate({ mean, stderr, count: batchSize * batches }),
    batches,
    batchSize,
    discarded,
    batchMeans: means,
  };
}
