/**
 * Per-item randomness. Everything random in a work item is derived from (master seed, cell key,
 * replication) alone — never from a worker id, a shard, a clock or the order items run in — which
 * is what makes a sweep's rows identical for any number of workers or shards.
 */
import { createHash } from "node:crypto";
import { rng, type Rng } from "../random";
import * as validate from "../validate";

/** Input of {@link deriveSeed}. */
export interface DeriveSeedOptions {
  /** The sweep's master seed. */
  seed: number | string;
  /** The cell's canonical key (see `cellKey`). */
  cellKey: string;
  replication: number;
}

/**
 * A 128-bit hex seed for one (cell, replication), for engines that take a `seed` parameter.
 * SHA-256 of a typed JSON tuple, so 42 and "42" are different master seeds and no two
 * (cell, replication) pairs can collide by string concatenation.
 *
 * @example
 * deriveSeed({ seed: 42, cellKey: cellKey({ params: { n: 10 } }), replication: 0 }).length; // → 32
 */
export function deriveSeed(options: DeriveSeedOptions): string {
  validate.knownKeys("deriveSeed options", options ?? {}, ["seed", "cellKey", "replication"]);
  const { seed, cellKey, replication } = options;
  return createHash("sha256")
    .update(JSON.stringify(["execution-tickets/sweep", seed, cellKey, replication]))
    .digest("hex")
    .slice(0, 32);
}

/** Input of {@link itemStream}. */
export interface ItemStreamOptions {
  seed: number | string;
  cellKey: string;
  replication: number;
}

/**
 * The item's named stream `rng(seed, "sweep", cellKey, "rep", replication)` of lib/random (the
 * SeedSequence-like spawner): it depends on nothing but these values. Named by the cell's key
 * rather than its index, so a cell keeps its stream when values are added to the grid.
 */
export function itemStream(options: ItemStreamOptions): Rng {
  validate.knownKeys("itemStream options", options ?? {}, ["seed", "cellKey", "replication"]);
  const { seed, cellKey, replication } = options;
  return rng(seed, "sweep", cellKey, "rep", replication);
}
