/**
 * The worker-thread pool. Piscina rather than tinypool: it is already a project dependency, it
 * selects a named export of the worker module, and it forwards the parent's execArgv and env to
 * every thread (see worker-exec-argv.ts for how TypeScript reaches the workers). Tinypool (a trimmed fork of piscina) would
 * add a second pool library for no gain here.
 */
import * as path from "node:path";
import type { ItemBatch } from "./run-items";
import type { Metrics } from "./types";
import { workerExecArgv } from "./worker-exec-argv";
import * as validate from "../validate";

/** Input of {@link createWorkerPool}. */
export interface CreateWorkerPoolOptions {
  /** Number of worker threads, all started at once. */
  threads: number;
}

/** The members of piscina's pool used here. */
interface PiscinaPool {
  run(batch: ItemBatch): Promise<Metrics[]>;
  destroy(): Promise<void>;
}
type PiscinaConstructor = new (options: {
  filename: string;
  name: string;
  minThreads: number;
  maxThreads: number;
  concurrentTasksPerWorker: number;
  execArgv?: string[];
}) => PiscinaPool;

/** A pool of worker threads that run item batches. */
export interface WorkerPool {
  run(batch: ItemBatch): Promise<Metrics[]>;
  destroy(): Promise<void>;
}

/** Starts `threads` worker threads that load tasks through worker-entry.cjs. */
export function createWorkerPool(options: CreateWorkerPoolOptions): WorkerPool {
  validate.knownKeys("createWorkerPool options", options ?? {}, ["threads"]);
  const { threads } = options;
  // Required here rather than imported: notebooks importing the library then neither load
  // piscina nor make the tslab kernel type-check its declarations.
  const { Piscina } = require("piscina") as { Piscina: PiscinaConstructor };
  const pool = new Piscina({
    filename: path.join(__dirname, "worker-entry.cjs"),
    name: "runBatch",
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
    execArgv: workerExecArgv({ execArgv: process.execArgv }),
  });
  return {
    run: (batch) => pool.run(batch),
    destroy: () => pool.destroy(),
  };
}
