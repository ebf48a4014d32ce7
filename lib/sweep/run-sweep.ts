/**
 * runSweep: a task over a parameter grid × replications, inline or on worker threads, with an
 * optional result cache and shard selection.
 */
import { allocatedCpus } from "./scheduler-env";
import * as validate from "../validate";
import { SweepCache } from "./cache";
import { REPLICATION_COLUMN, validateGrid } from "./grid";
import { runItems, type ItemBatch } from "./run-items";
import { resolveTask, type TaskSpec } from "./task-ref";
import type { Grid, Metrics, Shard, SweepProgress, SweepRow } from "./types";
import { validateShard, validateWorkers } from "./validate-options";
import { createWorkerPool } from "./worker-pool";
import { workItems, type WorkItem } from "./work-items";

/** Input of {@link runSweep}. */
export interface RunSweepOptions {
  /**
   * The task, by module and export so worker threads can load it:
   * "path/to/module.ts#exportName" or { module, export?, version?, id? }.
   */
  task: TaskSpec;
  /** Parameter values, e.g. { n: [10, 100, 1000], d: [0.01] }; the sweep runs their product. */
  grid: Grid;
  /** Replications per grid cell (integer ≥ 1), numbered 0..replications-1. */
  replications: number;
  /** Master seed: every item's randomness derives from (seed, cell, replication). */
  seed: number | string;
  /**
   * Worker threads; 0 or 1 runs inline in this thread. Default: the CPUs this process was given
   * (SLURM_CPUS_PER_TASK, a container's CPU quota, or its CPU affinity; see allocatedCpus).
   */
  workers?: number;
  /** Run only this deterministic slice (items with index mod count = index). */
  shard?: Shard;
  /** Called after cache look-up and as items finish. */
  onProgress?: (progress: SweepProgress) => void;
  /** Folder of the on-disk result cache (see cache.ts); no caching when omitted. */
  cacheDir?: string;
  /** Folder relative task module paths start from; default process.cwd(). */
  cwd?: string;
}

/** Splits items into batches: enough of them to balance threads, few enough to keep messages cheap. */
function batches(items: WorkItem[], threads: number): WorkItem[][] {
  const size = Math.max(1, Math.min(64, Math.floor(items.length / (threads * 16))));
  const out: WorkItem[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function sameNames(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * Runs `task` on every (cell, replication) of the grid (or of one shard of it) and returns one
 * row `{ ...params, replication, ...metrics }` per item, in canonical order: cells in grid order
 * (first parameter outermost), replications innermost.
 *
 * Determinism: an item's randomness comes only from (seed, cell key, replication) — see
 * seeds.ts — and rows are placed by canonical index, so the rows are identical for any number of
 * workers, any sharding and any completion order. Every item must return the same metric names
 * in the same order (they become the CSV columns).
 *
 * @throws RangeError naming the option when grid, replications, seed, workers or shard is invalid.
 *
 * @example
 * const rows = await runSweep({ task: marketTaskRef(), grid: { n: [10, 100] }, replications: 20, seed: 42 });
 */
export async function runSweep(options: RunSweepOptions): Promise<SweepRow[]> {
  validate.knownKeys("runSweep options", options ?? {}, [
    "task",
    "grid",
    "replications",
    "seed",
    "workers",
    "shard",
    "onProgress",
    "cacheDir",
    "cwd",
  ]);
  const start = performance.now();
  const grid = validateGrid({ grid: options.grid });
  const replications = validate.integer("replications", options.replications, 1);
  const seed = validate.seed(options.seed);
  const workers = validateWorkers({ workers: options.workers ?? allocatedCpus().cpus });
  const shard = options.shard === undefined ? undefined : validateShard({ shard: options.shard });
  if (options.cacheDir !== undefined && (typeof options.cacheDir !== "string" || options.cacheDir === "")) {
    throw new RangeError(`cacheDir must be a non-empty folder path; received ${JSON.stringify(options.cacheDir)}`);
  }
  const task = resolveTask({ task: options.task, cwd: options.cwd });
  const items = workItems({ grid, replications, shard });
  const results: Array<Metrics | undefined> = new Array(items.length);
  const cache = options.cacheDir === undefined ? undefined : new SweepCache({ dir: options.cacheDir });
  const keyOf = (item: WorkItem) => ({
    taskId: task.id,
    taskVersion: task.version,
    cellKey: item.cellKey,
    replication: item.replication,
    seed,
  });

  let done = 0;
  let cached = 0;
  let slotSteps = 0;
  let threads = 1;
  const report = () =>
    options.onProgress?.({
      done,
      total: items.length,
      cached,
      elapsed: performance.now() - start,
      ...(slotSteps > 0 ? { slotSteps } : {}),
      workers: threads,
    });

  const pending: WorkItem[] = [];
  const position = new Map<number, number>();
  items.forEach((item, i) => {
    position.set(item.index, i);
    const hit = cache?.get(keyOf(item));
    if (hit) results[i] = hit;
    else pending.push(item);
  });
  done = cached = items.length - pending.length;
  threads = Math.max(1, Math.min(workers, pending.length));
  report();

  const toBatch = (chunk: WorkItem[]): ItemBatch => ({
    file: task.file,
    exportName: task.exportName,
    seed,
    items: chunk.map(({ params, cellKey, replication }) => ({ params, cellKey, replication })),
  });
  const store = (chunk: WorkItem[], metrics: Metrics[]) => {
    chunk.forEach((item, k) => {
      results[position.get(item.index) as number] = metrics[k];
      cache?.set(keyOf(item), metrics[k]);
      const steps = metrics[k].horizonSlots;
      if (typeof steps === "number" && Number.isFinite(steps)) slotSteps += steps;
    });
    done += chunk.length;
    report();
  };

  if (threads <= 1) {
    for (const chunk of batches(pending, 1)) {
      store(chunk, await runItems(toBatch(chunk)));
      // Let the event loop run between batches, so a notebook's progress display is sent live.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    const pool = createWorkerPool({ threads });
    let failure: { reason: unknown } | undefined;
    // One lane per thread takes the next batch from a shared queue, so at most `threads` batches
    // are ever in flight. After the first failure no lane takes another batch and the ones in
    // flight finish normally before the pool is destroyed: tearing the pool down (or aborting)
    // with batches running lets a late worker reply reach piscina, which throws it as an uncaught
    // "Unexpected message from Worker".
    const queue = batches(pending, threads);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (failure === undefined && next < queue.length) {
        const chunk = queue[next++];
        try {
          store(chunk, await pool.run(toBatch(chunk)));
        } catch (reason) {
          failure ??= { reason };
        }
      }
    };
    await Promise.all(Array.from({ length: threads }, lane));
    await pool.destroy();
    if (failure) throw failure.reason;
  }

  let names: string[] | undefined;
  return items.map((item, i) => {
    const metrics = results[i] as Metrics;
    const metricNames = Object.keys(metrics);
    names ??= metricNames;
    if (!sameNames(names, metricNames)) {
      throw new TypeError(
        `task ${task.id} returned metrics [${metricNames.join(", ")}] at ${item.cellKey} replication ` +
          `${item.replication} but [${names.join(", ")}] earlier; every item must return the same metric names in the same order`,
      );
    }
    return { ...item.params, [REPLICATION_COLUMN]: item.replication, ...metrics };
  });
}
