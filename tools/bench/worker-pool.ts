/**
 * A minimal pool of worker threads for the benchmark: tasks are handed out to whichever worker is
 * free (two in flight per worker), and results come back in task order (so chunk results can be pooled
 * in chunk order and the outcome does not depend on the number of workers).
 */
import { Worker } from "node:worker_threads";
import * as path from "node:path";
import type { ChunkTask, ChunkTaskResult } from "./chunk-task";

const ENTRY = path.join(__dirname, "chunk-worker.ts");

/** Starts a worker that loads TypeScript through tsx (workers do not inherit tsx's loader hooks). */
function startWorker(): Worker {
  const tsx = require.resolve("tsx/cjs");
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(ENTRY)});`, { eval: true });
}

interface Reply {
  id: number;
  result?: ChunkTaskResult;
  error?: string;
}

/** A fixed set of worker threads running {@link ChunkTask}s. */
export class ChunkPool {
  private constructor(private readonly workers: Worker[]) {}

  /** Starts `size` workers and runs one tiny task on each, so start-up is not timed later. */
  static async start(size: number, warmUp: ChunkTask): Promise<ChunkPool> {
    const pool = new ChunkPool(Array.from({ length: size }, startWorker));
    await Promise.all(pool.workers.map((w) => pool.runOn(w, warmUp, -1)));
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Runs all tasks on the pool; results are returned in task order. Each worker has two tasks in
   * flight, so the next one is already queued when it finishes one (no idle round trip per chunk).
   */
  async run(tasks: readonly ChunkTask[]): Promise<ChunkTaskResult[]> {
    const results = new Array<ChunkTaskResult>(tasks.length);
    let next = 0;
    await Promise.all(
      this.workers
        .flatMap((worker) => [worker, worker])
        .map(async (worker) => {
          while (next < tasks.length) {
            const id = next++;
            results[id] = await this.runOn(worker, tasks[id], id);
          }
        }),
    );
    return results;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private runOn(worker: Worker, task: ChunkTask, id: number): Promise<ChunkTaskResult> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        worker.off("message", onMessage);
        worker.off("error", reject);
        if (reply.error !== undefined) reject(new Error(reply.error));
        else resolve(reply.result as ChunkTaskResult);
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
      worker.postMessage({ id, task });
    });
  }
}
