/**
 * Sweeps: run a task over a parameter grid × replications on worker threads, deterministically
 * per (cell, replication); shard a sweep over machines and merge the shards back; results as rows,
 * CSV, danfojs DataFrames and per-group summaries; progress on terminals and in notebooks.
 *
 * @module
 */
export type {
  Grid,
  MetricValue,
  Metrics,
  ParamValue,
  Params,
  Shard,
  SweepProgress,
  SweepRow,
  SweepTask,
  TaskContext,
} from "./types";
export { runSweep, type RunSweepOptions } from "./run-sweep";
export { resolveTask, type ResolveTaskOptions, type ResolvedTask, type TaskRef, type TaskSpec } from "./task-ref";
export { validateGrid, gridCells, cellKey, REPLICATION_COLUMN } from "./grid";
export { workItems, totalWorkItems, shardIndices, type WorkItem } from "./work-items";
export { deriveSeed, type DeriveSeedOptions } from "./seeds";
export { SweepCache, type CacheKeyParts, type SweepCacheOptions } from "./cache";
export { toCSV, csvColumns } from "./csv";
export { writeCSV, type WriteCSVOptions } from "./write-csv";
export { writeSweep, type WriteSweepOptions } from "./write-sweep";
export { manifestPath, readManifest, MANIFEST_FORMAT, type SweepManifest } from "./manifest";
export { mergeShards, type MergeShardsOptions, type MergedSweep } from "./merge-shards";
export { parseShard, type ParseShardOptions } from "./parse-shard";
export { MAX_WORKERS, validateShard, validateWorkers } from "./validate-options";
export { summarise, type SummariseOptions, type SummaryRow } from "./summarise";
export { studentT975, type StudentT975Options } from "./student-t";
export { toDataFrame, frameRows, type DataFrameLike } from "./dataframe";
export { formatProgress, type FormatProgressOptions } from "./progress-format";
export { terminalProgress, type TerminalProgressOptions, type ProgressSink } from "./terminal-progress";
export { notebookProgress, type NotebookProgressOptions } from "./notebook-progress";
export { taskSourceHash, type TaskSourceHash, type TaskSourceHashOptions } from "../io/source-hash";
export {
  allocatedCpus,
  schedulerContext,
  shardFromEnvironment,
  type CpuAllocation,
  type SchedulerContext,
  type ShardFromEnvironmentOptions,
} from "./scheduler-env";
export * from "./plan";
export { replicationsFor, type ReplicationsForOptions } from "./replications-for";
