/**
 * Shared types of the sweep runner: what a grid is, what a task receives and returns, and the
 * shape of a result row.
 */
import type { Rng } from "../random";

/** One value a grid parameter can take (kept scalar so rows stay flat and CSV-friendly). */
export type ParamValue = number | string | boolean;

/** The parameters of one grid cell, e.g. `{ n: 100, d: 0.01 }`. */
export type Params = Record<string, ParamValue>;

/** A parameter grid: each parameter lists its values; the sweep runs their cartesian product. */
export type Grid = Record<string, readonly ParamValue[]>;

/** One metric value a task reports (null for "not applicable"). */
export type MetricValue = number | string | boolean | null;

/** What a task returns for one (cell, replication): named scalar metrics. */
export type Metrics = Record<string, MetricValue>;

/** One result row: the cell's parameters, the replication number and the task's metrics. */
export type SweepRow = Record<string, ParamValue | MetricValue>;

/** A shard: this process runs the work items whose index mod `count` equals `index`. */
export interface Shard {
  /** 0-based shard number, 0 ≤ index < count. */
  index: number;
  /** Total number of shards the sweep is split into. */
  count: number;
}

/** What a task function receives for one work item. */
export interface TaskContext<P extends Params = Params> {
  /** The grid cell's parameters. */
  params: P;
  /** Replication number, 0-based. */
  replication: number;
  /**
   * A seed derived from (master seed, cell key, replication), for engines that take a `seed`
   * (e.g. `sampleTicketValues({ ..., seed })`). Identical in every process.
   */
  seed: string;
  /** Canonical key of the cell (sorted-key JSON of `params`). */
  cellKey: string;
  /**
   * A ready stream `rng(masterSeed, "sweep", cellKey, "rep", replication)` from lib/random,
   * created on first access.
   */
  readonly rng: Rng;
}

/** A sweep task: computes the metrics of one (cell, replication). Must be pure given its context. */
export type SweepTask<P extends Params = Params> = (context: TaskContext<P>) => Metrics | Promise<Metrics>;

/** Progress of a running sweep. */
export interface SweepProgress {
  /** Work items finished (computed or read from the cache). */
  done: number;
  /** Work items in this run (this shard's items when sharded). */
  total: number;
  /** Of `done`, how many came from the cache. */
  cached: number;
  /** Milliseconds since the sweep started. */
  elapsed: number;
  /**
   * Slot-steps simulated so far by the items computed in this run (cache hits excluded): the sum of
   * their `horizonSlots` metric, for tasks that report one (the market task does); absent otherwise.
   */
  slotSteps?: number;
  /** Worker threads computing the items. */
  workers?: number;
}
