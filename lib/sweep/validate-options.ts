/**
 * Validation of runSweep's scalar options (the grid has its own module).
 */
import * as validate from "../validate";
import type { Shard } from "./types";

/** Most worker threads runSweep accepts (a guard against typos such as 1e6). */
export const MAX_WORKERS = 256;

/** Input of {@link validateShard}. */
export interface ValidateShardOptions {
  shard: unknown;
}

/**
 * Checks `{ index, count }` with integers 0 ≤ index < count; RangeError naming the field otherwise.
 *
 * @example
 * validateShard({ shard: { index: 0, count: 2 } }).count; // → 2
 */
export function validateShard(options: ValidateShardOptions): Shard {
  validate.knownKeys("validateShard options", options ?? {}, ["shard"]);
  const { shard } = options;
  if (shard === null || typeof shard !== "object") {
    throw new RangeError(
      `shard must be an object { index, count } with 0 ≤ index < count; received ${JSON.stringify(shard)}`,
    );
  }
  const { index, count } = shard as Partial<Shard>;
  validate.integer("shard.count", count, 1);
  validate.integer("shard.index", index, 0, (count as number) - 1);
  return { index: index as number, count: count as number };
}

/** Input of {@link validateWorkers}. */
export interface ValidateWorkersOptions {
  workers: unknown;
}

/**
 * Worker-thread count: an integer 0 ≤ workers ≤ MAX_WORKERS (0 and 1 run inline).
 *
 * @example
 * validateWorkers({ workers: 2 }); // → 2
 */
export function validateWorkers(options: ValidateWorkersOptions): number {
  validate.knownKeys("validateWorkers options", options ?? {}, ["workers"]);
  const { workers } = options;
  return validate.integer("workers", workers, 0, MAX_WORKERS);
}
