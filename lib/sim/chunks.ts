/**
 * Splitting a run into chunks. A run of `total` units (samples or paths) is cut into chunks of a
 * fixed size; chunk i draws only from the stream rng(seed, "chunk", i) and chunk results are merged
 * in chunk order. The result therefore depends on (seed, total, chunkSize) only — never on how many
 * workers computed the chunks or in which order they finished.
 */
import * as validate from "../validate";

/** One chunk of a run: units [start, start + size). */
export interface Chunk {
  /** 0-based chunk number; names the chunk's random stream. */
  index: number;
  /** First unit of the chunk. */
  start: number;
  /** Units in the chunk (≥ 1; the last chunk may be short). */
  size: number;
}

/** Input of {@link planChunks}. */
export interface PlanChunksOptions {
  /** Units in the whole run (integer ≥ 1). */
  total: number;
  /** Units per chunk (integer ≥ 1). */
  chunkSize: number;
  /** Name of the `total` parameter in error messages. */
  totalName?: string;
}

/**
 * The chunks of a run, in merge order.
 *
 * @example
 * planChunks({ total: 10, chunkSize: 4 }).map((c) => c.size).join(","); // → "4,4,2"
 */
export function planChunks(options: PlanChunksOptions): Chunk[] {
  validate.knownKeys("planChunks options", options ?? {}, ["total", "chunkSize", "totalName"]);
  const { total, chunkSize, totalName = "total" } = options;
  validate.integer(totalName, total, 1);
  validate.integer("chunkSize", chunkSize, 1);
  const chunks: Chunk[] = [];
  for (let start = 0, index = 0; start < total; start += chunkSize, index++) {
    chunks.push({ index, start, size: Math.min(chunkSize, total - start) });
  }
  return chunks;
}
