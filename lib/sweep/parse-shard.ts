/**
 * Parsing a shard given as text, "i/N" (the CLI's --shard and batch schedulers' array indices).
 */
import type { Shard } from "./types";
import { validateShard } from "./validate-options";
import * as validate from "../validate";

/** Input of {@link parseShard}. */
export interface ParseShardOptions {
  text: string;
  /** Name used in error messages; default "shard". */
  name?: string;
}

/**
 * "2/8" → { index: 2, count: 8 }. RangeError naming the parameter unless the text is
 * "<index>/<count>" with integers 0 ≤ index < count.
 *
 * @example
 * parseShard({ text: "2/8" }).count; // → 8
 */
export function parseShard(options: ParseShardOptions): Shard {
  validate.knownKeys("parseShard options", options ?? {}, ["text", "name"]);
  const { text, name = "shard" } = options;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match)
    throw new RangeError(
      `${name} must be "<index>/<count>" with 0 ≤ index < count, e.g. "0/4"; received ${JSON.stringify(text)}`,
    );
  const count = Number(match[2]);
  const index = Number(match[1]);
  if (count < 1 || index >= count) {
    throw new RangeError(
      `${name} must be "<index>/<count>" with 0 ≤ index < count, e.g. "0/4"; received ${JSON.stringify(text)}`,
    );
  }
  return validateShard({ shard: { index, count } });
}
