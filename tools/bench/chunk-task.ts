/**
 * A unit of benchmark work that can run in any thread: one chunk of the ticket sampler or of the
 * market. Reward models are rebuilt from a plain description, since class instances cannot be
 * posted between threads.
 */
import {
  sampleTicketValuesChunk,
  simulateTicketPoolChunk,
  type Chunk,
  type TicketPoolChunkResult,
} from "../../lib/sim";
import { rewards } from "../../lib/rewards";
import type { RunningStatsState } from "../../lib/stats";

/** A chunk of the ticket sampler (exponential rewards of mean mu). */
export interface TicketChunkTask {
  kind: "tickets";
  n: number;
  d: number;
  mu: number;
  seed: number | string;
  chunk: Pick<Chunk, "index" | "size">;
}

/** A chunk of the market (exponential rewards of mean mu). */
export interface MarketChunkTask {
  kind: "market";
  n: number;
  d: number;
  mu: number;
  share: number;
  tolerance: number;
  seed: number | string;
  chunk: Pick<Chunk, "index" | "size">;
}

export type ChunkTask = TicketChunkTask | MarketChunkTask;
export type ChunkTaskResult = RunningStatsState | TicketPoolChunkResult;

/** Runs one task in the current thread. */
export function runChunkTask(task: ChunkTask): ChunkTaskResult {
  if (task.kind === "tickets") {
    const { n, d, mu, seed, chunk } = task;
    return sampleTicketValuesChunk({ n, d, reward: rewards.exponential(mu), seed, chunk });
  }
  const { n, d, mu, share, tolerance, seed, chunk } = task;
  return simulateTicketPoolChunk({ n, d, reward: rewards.exponential(mu), share, tolerance, seed, chunk });
}

/** Runs a batch of tasks in the current thread; results in task order. */
export function runChunkTasks(tasks: readonly ChunkTask[]): ChunkTaskResult[] {
  return tasks.map(runChunkTask);
}
