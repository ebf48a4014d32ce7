/**
 * Runs a batch of work items of one task. The same code runs inline (workers ≤ 1) and inside
 * worker threads, so both paths compute exactly the same thing.
 */
import { pathToFileURL } from "node:url";
import { REPLICATION_COLUMN } from "./grid";
import { deriveSeed, itemStream } from "./seeds";
import type { Metrics, Params, SweepTask, TaskContext } from "./types";
import type { Rng } from "../random";

/** One item as sent to a worker (structured-clone friendly). */
export interface ItemSpec {
  params: Params;
  cellKey: string;
  replication: number;
}

/** A batch of items of one task (the message a worker receives). */
export interface ItemBatch {
  /** Absolute module file of the task. */
  file: string;
  exportName: string;
  /** The sweep's master seed. */
  seed: number | string;
  items: ItemSpec[];
}

const loaded = new Map<string, SweepTask>();

async function loadModule(file: string): Promise<Record<string, unknown>> {
  try {
    return require(file) as Record<string, unknown>;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== "ERR_REQUIRE_ESM" && code !== "ERR_REQUIRE_ASYNC_MODULE") throw err;
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  }
}

/** Loads (once per thread) the task function `exportName` of `file`; clear error if it is missing. */
async function loadTask(file: string, exportName: string): Promise<SweepTask> {
  const key = `${file}#${exportName}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const mod = await loadModule(file);
  const task = mod[exportName];
  if (typeof task !== "function") {
    const names = Object.keys(mod).filter((name) => typeof mod[name] === "function");
    throw new RangeError(
      `task must name an exported function; ${file} has no function export ${JSON.stringify(exportName)}` +
        ` (function exports: ${names.length ? names.join(", ") : "none"})`,
    );
  }
  loaded.set(key, task as SweepTask);
  return task as SweepTask;
}

function isMetricValue(value: unknown): boolean {
  return value === null || typeof value === "number" || typeof value === "string" || typeof value === "boolean";
}

function checkMetrics(metrics: unknown, item: ItemSpec, where: string): Metrics {
  if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) {
    throw new TypeError(`${where} must return an object of metrics; received ${JSON.stringify(metrics)}`);
  }
  for (const [name, value] of Object.entries(metrics)) {
    if (name === REPLICATION_COLUMN || name in item.params) {
      throw new TypeError(`${where} returned metric ${JSON.stringify(name)}, which clashes with a parameter column`);
    }
    if (!isMetricValue(value)) {
      throw new TypeError(
        `${where} returned metric ${JSON.stringify(name)} = ${String(value)}; metrics must be numbers, strings, booleans or null`,
      );
    }
  }
  return metrics as Metrics;
}

function contextFor(item: ItemSpec, seed: number | string): TaskContext {
  let stream: Rng | undefined;
  return {
    params: item.params,
    replication: item.replication,
    cellKey: item.cellKey,
    seed: deriveSeed({ seed, cellKey: item.cellKey, replication: item.replication }),
    get rng(): Rng {
      stream ??= itemStream({ seed, cellKey: item.cellKey, replication: item.replication });
      return stream;
    },
  };
}

/**
 * Computes the metrics of each item of a batch, in the batch's order. Errors name the task, the
 * cell and the replication that failed.
 */
export async function runItems(batch: ItemBatch): Promise<Metrics[]> {
  const task = await loadTask(batch.file, batch.exportName);
  const results: Metrics[] = [];
  for (const item of batch.items) {
    const where = `task ${batch.exportName} at ${item.cellKey} replication ${item.replication}`;
    let metrics: unknown;
    try {
      metrics = await task(contextFor(item, batch.seed));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const wrapped = new Error(`${where} failed: ${message}`, { cause: err });
      if (err instanceof Error && err.stack) wrapped.stack = `${wrapped.message}\n${err.stack}`;
      throw wrapped;
    }
    results.push(checkMetrics(metrics, item, where));
  }
  return results;
}
