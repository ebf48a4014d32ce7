/**
 * The benchmark's pool of worker threads, on piscina (as the sweeps' pool is): tasks go to whichever
 * worker is free in batches, two batches in flight per worker so the next one is already queued
 * when a worker finishes one, and results come back in task order (chunk results are pooled in chunk
 * order, so the outcome does not depend on the number of workers or the batching).
 *
 * Batches, as the sweeps send items (lib/sweep/run-sweep.ts): the main thread's work per message
 * (piscina's dispatch, structured clone, the promise) runs on one of the same two cores as the
 * workers. Sent one by one, the 640 market chunks cost the one-worker run 6 % of its time and took
 * the two-worker run's speed-up from ~1.85 to ~1.78 in paired runs.
 */
import * as path from "node:path";
import { Piscina } from "piscina";
import { workerExecArgv } from "../../lib/sweep/worker-exec-argv";
import type { ChunkTask, ChunkTaskResult } from "./chunk-task";

/** The largest pool the benchmark starts; every pool gets the same batches, so both time the same work. */
const LARGEST_POOL = 2;
/** Batches per worker, as lib/sweep sizes them: enough to balance the workers, few enough to keep messages cheap. */
const BATCHES_PER_WORKER = 16;

/** A fixed set of worker threads running {@link ChunkTask}s. */
export class ChunkPool {
  private constructor(
    private readonly pool: Piscina,
    readonly size: number,
  ) {}

  /** Starts `size` workers and runs one tiny task on each, so start-up is not timed later. */
  static async start(size: number, warmUp: ChunkTask): Promise<ChunkPool> {
    const pool = new Piscina({
      filename: path.join(__dirname, "chunk-worker.cjs"),
      name: "runChunkTasks",
      minThreads: size,
      maxThreads: size,
      concurrentTasksPerWorker: 2,
      execArgv: workerExecArgv({ execArgv: process.execArgv }),
    });
    const chunkPool = new ChunkPool(pool, size);
    await chunkPool.run(Array.from({ length: 2 * size }, () => warmUp));
    return chunkPool;
  }

  /** Runs all tasks on the pool, BATCHES_PER_WORKER batches per worker of the largest pool; results in task order. */
  async run(tasks: readonly ChunkTask[]): Promise<ChunkTaskResult[]> {
    const size = Math.max(1, Math.floor(tasks.length / (LARGEST_POOL * BATCHES_PER_WORKER)));
    const batches: ChunkTask[][] = [];
    for (let i = 0; i < tasks.length; i += size) batches.push(tasks.slice(i, i + size));
    const results = await Promise.all(batches.map((batch) => this.pool.run(batch) as Promise<ChunkTaskResult[]>));
    return results.flat();
  }

  /** Stops every worker. */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}
