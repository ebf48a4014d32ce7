/**
 * The benchmark's pool of worker threads, on piscina (as the sweeps' pool is): tasks go to whichever
 * worker is free, two in flight per worker so the next one is already queued when a worker finishes
 * one, and results come back in task order (chunk results are pooled in chunk order, so the outcome
 * does not depend on the number of workers).
 */
import * as path from "node:path";
import { Piscina } from "piscina";
import { workerExecArgv } from "../../lib/sweep/worker-exec-argv";
import type { ChunkTask, ChunkTaskResult } from "./chunk-task";

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
      name: "runChunkTask",
      minThreads: size,
      maxThreads: size,
      concurrentTasksPerWorker: 2,
      execArgv: workerExecArgv({ execArgv: process.execArgv }),
    });
    const chunkPool = new ChunkPool(pool, size);
    await chunkPool.run(Array.from({ length: 2 * size }, () => warmUp));
    return chunkPool;
  }

  /** Runs all tasks on the pool; results are returned in task order. */
  run(tasks: readonly ChunkTask[]): Promise<ChunkTaskResult[]> {
    return Promise.all(tasks.map((task) => this.pool.run(task) as Promise<ChunkTaskResult>));
  }

  /** Stops every worker. */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}
