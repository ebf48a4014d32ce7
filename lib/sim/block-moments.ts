/**
 * The bridge between hot loops and lib/stats. A hot loop adds four power sums s_p = Σ y^p of
 * shifted values y = x − shift (a few multiplies and adds per value, no division) plus min/max,
 * and converts once per block into a RunningStatsState; blocks and chunks are then pooled with
 * RunningStats.merge in a fixed order. A shift near the mean keeps the conversion free of
 * cancellation.
 */
import { RunningStats, type RunningStatsState } from "../stats";
import * as validate from "../validate";

/** The power sums of one block of values x, shifted by `shift`. */
export interface PowerSums {
  count: number;
  shift: number;
  /** Σ (x − shift). */
  s1: number;
  /** Σ (x − shift)². */
  s2: number;
  /** Σ (x − shift)³. */
  s3: number;
  /** Σ (x − shift)⁴. */
  s4: number;
  /** Smallest and largest x. */
  min: number;
  max: number;
}

/** The state of an empty accumulator. */
function emptyState(): RunningStatsState {
  return new RunningStats().state();
}

/**
 * The RunningStats state of a block from its power sums (central sums via the binomial expansion).
 *
 * @example
 * RunningStats.fromState(stateFromPowerSums({ count: 2, shift: 0, s1: 3, s2: 5, s3: 9, s4: 17, min: 1, max: 2 })).mean; // → 1.5
 */
export function stateFromPowerSums(options: PowerSums): RunningStatsState {
  validate.knownKeys("stateFromPowerSums options", options ?? {}, [
    "count",
    "shift",
    "s1",
    "s2",
    "s3",
    "s4",
    "min",
    "max",
  ]);
  const { count, shift, s1, s2, s3, s4, min, max } = options;
  if (count === 0) return emptyState();
  // Equal values have no spread: rounding in the power sums must not invent one.
  if (min === max) return { count, mean: min, m2: 0, m3: 0, m4: 0, min, max };
  const a = s1 / count;
  const a2 = a * a;
  return {
    count,
    // The mean of values lies in [min, max]; rounding in shift + s1/count must not push it out
    // (a block of zeros around a shift of 1e-6 once gave a mean of −3.8e-21).
    mean: Math.min(max, Math.max(min, shift + a)),
    m2: Math.max(0, s2 - a * s1),
    m3: s3 - 3 * a * s2 + 2 * a2 * s1,
    m4: Math.max(0, s4 - 4 * a * s3 + 6 * a2 * s2 - 3 * a2 * a * s1),
    min,
    max,
  };
}

/** Input of {@link mergeStates}. */
export interface MergeStatesOptions {
  /** States in chunk order. */
  parts: readonly RunningStatsState[];
}

/**
 * Pools chunk states left to right. Pooling is not associative in floating point, so the order is
 * part of the result: always pass chunks in chunk-index order, and a run split over any number of
 * workers gives exactly the single-process result.
 *
 * @example
 * mergeStates({ parts: [0, 1].map((index) => sampleTicketValuesChunk({ n: 10, d: 0.05, reward: rewards.exponential(1), seed: 1, chunk: { index, size: 500 } })) }).count; // → 1000
 */
export function mergeStates(options: MergeStatesOptions): RunningStatsState {
  validate.knownKeys("mergeStates options", options ?? {}, ["parts"]);
  const { parts } = options;
  if (!Array.isArray(parts as unknown))
    throw new RangeError(`parts must be an array of RunningStats states; received ${String(parts)}`);
  const pooled = new RunningStats();
  for (const state of parts) pooled.merge(RunningStats.fromState(state));
  return pooled.state();
}

/** Length of the scratch array [s1, s2, s3, s4, min, max] that hot loops fill per block. */
export const SUMS_LENGTH = 6;

/** Writes a block's power sums into the scratch array (see {@link stateFromSums}). */
export function storeSums(
  sums: Float64Array,
  s1: number,
  s2: number,
  s3: number,
  s4: number,
  min: number,
  max: number,
): void {
  sums[0] = s1;
  sums[1] = s2;
  sums[2] = s3;
  sums[3] = s4;
  sums[4] = min;
  sums[5] = max;
}

/** {@link stateFromPowerSums} from a scratch array [s1, s2, s3, s4, min, max]. */
export function stateFromSums(count: number, shift: number, sums: Float64Array): RunningStatsState {
  return stateFromPowerSums({
    count,
    shift,
    s1: sums[0],
    s2: sums[1],
    s3: sums[2],
    s4: sums[3],
    min: sums[4],
    max: sums[5],
  });
}
