/** The result type and the chunking shared by the simulators of lib/dynamics. */
import { rng, type RandomStream } from "../random";
import { RunningStats, type Estimate } from "../stats";
import * as validate from "../validate";

/** Paths per chunk: chunk c draws from the stream rng(seed, "chunk", c). */
export const DYNAMICS_CHUNK_SIZE = 1 << 14;

/** A Monte Carlo estimate of a mean with the sample variance and the slots simulated per path. */
export type PathSummary = Estimate & {
  /** Unbiased sample variance of the simulated quantity. */
  variance: number;
  /** Asymptotic standard error of `variance`. */
  varianceStderr: number;
  /** Average number of slots simulated per path. */
  meanSlots: number;
  /** Largest number of slots in one path. */
  maxSlots: number;
};

/**
 * Runs `paths` independent paths in chunks: `onePath(stream)` returns the path's value and the
 * number of slots it simulated. Deterministic in (seed, paths).
 */
export function runPaths(
  paths: number,
  seed: number | string,
  onePath: (stream: RandomStream) => { value: number; slots: number },
): PathSummary {
  validate.integer("paths", paths, 2);
  validate.seed(seed);
  const total = new RunningStats();
  let slots = 0;
  let maxSlots = 0;
  for (let start = 0, chunk = 0; start < paths; start += DYNAMICS_CHUNK_SIZE, chunk++) {
    const stream = rng(seed, "chunk", chunk);
    const stats = new RunningStats();
    const size = Math.min(DYNAMICS_CHUNK_SIZE, paths - start);
    for (let i = 0; i < size; i++) {
      const result = onePath(stream);
      stats.push(result.value);
      slots += result.slots;
      if (result.slots > maxSlots) maxSlots = result.slots;
    }
    total.merge(stats);
  }
  return {
    ...total.estimate(),
    variance: total.variance,
    varianceStderr: total.varianceStderr,
    meanSlots: slots / paths,
    maxSlots,
  };
}
