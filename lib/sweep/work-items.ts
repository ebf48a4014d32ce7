/**
 * Work items: one per (cell, replication), numbered in canonical order, and the deterministic
 * slice of them that a shard runs.
 */
import { cellKey, gridCells } from "./grid";
import type { Grid, Params, Shard } from "./types";
import * as validate from "../validate";

/** One unit of work: a grid cell and a replication, with its canonical index. */
export interface WorkItem {
  /** Position in the canonical (cell, replication) order of the whole sweep. */
  index: number;
  params: Params;
  cellKey: string;
  replication: number;
}

/** Input of {@link workItems}. */
export interface WorkItemsOptions {
  grid: Grid;
  replications: number;
  /** When given, only this shard's items (index mod count = shard index), still in canonical order. */
  shard?: Shard;
}

/**
 * The sweep's work items in canonical order: cells in grid order, replications 0..R-1 innermost.
 * A shard takes every count-th item (strided rather than contiguous blocks, so expensive cells
 * spread evenly over the shards).
 *
 * @example
 * workItems({ grid: { n: [10, 100] }, replications: 3 }).length; // → 6
 */
export function workItems(options: WorkItemsOptions): WorkItem[] {
  validate.knownKeys("workItems options", options ?? {}, ["grid", "replications", "shard"]);
  const { grid, replications, shard } = options;
  const items: WorkItem[] = [];
  const cells = gridCells({ grid });
  cells.forEach((params, c) => {
    const key = cellKey({ params });
    for (let r = 0; r < replications; r++) {
      const index = c * replications + r;
      if (shard === undefined || index % shard.count === shard.index) {
        items.push({ index, params, cellKey: key, replication: r });
      }
    }
  });
  return items;
}

/** Input of {@link totalWorkItems}. */
export interface TotalWorkItemsOptions {
  grid: Grid;
  replications: number;
}

/**
 * Number of work items of the whole (unsharded) sweep.
 *
 * @example
 * totalWorkItems({ grid: { n: [10, 100], d: [0.01, 0.02] }, replications: 5 }); // → 20
 */
export function totalWorkItems(options: TotalWorkItemsOptions): number {
  validate.knownKeys("totalWorkItems options", options ?? {}, ["grid", "replications"]);
  const { grid, replications } = options;
  return Object.values(grid).reduce((product, values) => product * values.length, 1) * replications;
}

/** Input of {@link shardIndices}. */
export interface ShardIndicesOptions {
  total: number;
  shard: Shard;
}

/**
 * The canonical indices a shard owns, ascending: shard.index, shard.index + count, …
 *
 * @example
 * shardIndices({ total: 10, shard: { index: 1, count: 3 } }).join(", "); // → "1, 4, 7"
 */
export function shardIndices(options: ShardIndicesOptions): number[] {
  validate.knownKeys("shardIndices options", options ?? {}, ["total", "shard"]);
  const { total, shard } = options;
  const indices: number[] = [];
  for (let i = shard.index; i < total; i += shard.count) indices.push(i);
  return indices;
}
