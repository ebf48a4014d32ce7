/**
 * Where a planned sweep keeps its files, all under the plan's folder D:
 *
 *   D/plan.json                      the plan (identity, resources, schedulers)
 *   D/shards/shard-<i>-of-<N>.csv    a shard's rows, with .manifest.json (provenance) beside it,
 *                                    or .failed.json when its last attempt failed
 *   D/merged.csv                     the merged sweep, with merged.manifest.json
 *   D/logs/                          scheduler logs (Slurm output files, GNU parallel's job log)
 *   D/cache/                         the shared result cache (when the plan has one)
 *   D/slurm/, D/parallel.sh, D/k8s/  the scheduler files
 */
import * as path from "node:path";
import type { SweepPlan } from "./plan";
import type { Shard } from "../types";

/**
 * The paths of a planned sweep in folder `dir`.
 *
 * @example
 * planLayout("build/sweeps/market").shardCsv({ index: 2, count: 4 }); // → …/build/sweeps/market/shards/shard-2-of-4.csv
 */
export function planLayout(dir: string, plan?: SweepPlan) {
  const root = path.resolve(dir);
  const shardBase = (shard: Shard) => path.join(root, "shards", `shard-${shard.index}-of-${shard.count}`);
  return {
    dir: root,
    plan: path.join(root, "plan.json"),
    shardCsv: (shard: Shard) => `${shardBase(shard)}.csv`,
    shardFailure: (shard: Shard) => `${shardBase(shard)}.failed.json`,
    merged: path.join(root, "merged.csv"),
    logs: path.join(root, "logs"),
    cache: plan?.cache ? path.join(root, plan.cache) : undefined,
    slurm: path.join(root, "slurm"),
    parallel: path.join(root, "parallel.sh"),
    k8s: path.join(root, "k8s"),
  };
}
