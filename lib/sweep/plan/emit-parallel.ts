/**
 * GNU parallel file of a plan: parallel.sh runs the shards on this machine (cores ÷ CPUs per shard
 * at a time), stops at the first failure, keeps a job log, and merges when all succeeded.
 */
import * as path from "node:path";
import type { planLayout } from "./layout";
import type { SweepPlan } from "./plan";
import { generatedHeader, shellQuote, sweepCommand } from "./shell";
import type { PlanFile } from "./write-plan";

/** The GNU parallel file of a plan. */
export function parallelFiles(plan: SweepPlan, layout: ReturnType<typeof planLayout>, root: string): PlanFile[] {
  const { shards } = plan.identity;
  const cpus = plan.resources.cpusPerTask;
  const text = `#!/bin/bash
${generatedHeader(plan)}
# usage: parallel.sh [SHARD...]   default: all ${shards} shards (0 … ${shards - 1}); "parallel.sh 3 5" reruns two.
# Runs nproc ÷ ${cpus} shards at a time with ${cpus} worker thread(s) each, stops at the first failure
# (the running shards are stopped too), logs to logs/parallel.joblog, then merges.
set -euo pipefail
cd ${shellQuote(root)}
jobs=$(( $(nproc) / ${cpus} ))
(( jobs >= 1 )) || jobs=1
if (( $# )); then shards=("$@"); else shards=($(seq 0 ${shards - 1})); fi
mkdir -p ${shellQuote(layout.logs)}
parallel --jobs "$jobs" --halt now,fail=1 --joblog ${shellQuote(path.join(layout.logs, "parallel.joblog"))} \\
  ${sweepCommand(root, "run", "--plan", layout.plan, "--workers", String(cpus), "--shard")} {} ::: "\${shards[@]}"
exec ${sweepCommand(root, "merge", "--plan", layout.plan)}
`;
  return [{ file: layout.parallel, text, executable: true }];
}
