/**
 * Worker-thread side of the pool: piscina calls `runBatch` with an {@link ItemBatch}.
 * Loaded through worker-entry.cjs, which makes sure TypeScript can be required first.
 */
import { runItems, type ItemBatch } from "./run-items";
import type { Metrics } from "./types";

/** Piscina handler: the metrics of each item of the batch, in order. */
export function runBatch(batch: ItemBatch): Promise<Metrics[]> {
  return runItems(batch);
}
