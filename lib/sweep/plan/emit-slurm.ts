/**
 * Slurm files of a plan: an array job with one task per shard, a merge job, and submit.sh, which
 * submits both (the merge after every array task succeeded) and prints their job ids. The merge job
 * is cancelled when a shard fails (--kill-on-invalid-dep), so a failed sweep never hangs in the queue.
 */
import * as path from "node:path";
import type { planLayout } from "./layout";
import type { SweepPlan } from "./plan";
import { arrayList, generatedHeader, shellQuote, sweepCommand } from "./shell";
import type { PlanFile } from "./write-plan";

function directives(plan: SweepPlan, name: string, extra: string[]): string {
  const { resources } = plan;
  const lines = [`--job-name=${name}`, ...extra, `--time=${resources.time}`];
  if (resources.partition) lines.push(`--partition=${resources.partition}`);
  return lines.map((line) => `#SBATCH ${line}`).join("\n");
}

/** The Slurm files of a plan. */
export function slurmFiles(plan: SweepPlan, layout: ReturnType<typeof planLayout>, root: string): PlanFile[] {
  const name = `sweep-${plan.hash.slice(0, 8)}`;
  const all = arrayList(Array.from({ length: plan.identity.shards }, (_, i) => i));
  const array = `#!/bin/bash
${generatedHeader(plan)}
# One array task per shard; the task id is the shard number, so --array=3,5 reruns shards 3 and 5.
${directives(plan, name, [
  `--array=${all}`,
  "--ntasks=1",
  `--cpus-per-task=${plan.resources.cpusPerTask}`,
  `--mem=${plan.resources.mem}`,
  `--chdir=${root}`,
  `--output=${path.join(layout.logs, "shard-%a.out")}`,
])}
# Exit status: 1 the task threw (requeueing cannot help), 3 infrastructure (plan, folders): retry.
set -euo pipefail
exec ${sweepCommand(root, "run", "--plan", layout.plan, "--shard", "auto")}
`;
  const merge = `#!/bin/bash
${generatedHeader(plan)}
${directives(plan, `${name}-merge`, [
  "--ntasks=1",
  "--cpus-per-task=1",
  `--mem=${plan.resources.mem}`,
  `--chdir=${root}`,
  "--kill-on-invalid-dep=yes",
  `--output=${path.join(layout.logs, "merge.out")}`,
])}
set -euo pipefail
exec ${sweepCommand(root, "merge", "--plan", layout.plan)}
`;
  const submit = `#!/bin/bash
${generatedHeader(plan)}
# usage: submit.sh [SHARDS]   SHARDS: Slurm array list, default all (${all}); e.g. "3,5" resubmits two.
# Submits the array job, then the merge job after it (afterok); prints both job ids.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=\${1:-${all}}
mkdir -p ${shellQuote(layout.logs)}
array_job=$(sbatch --parsable --array="$shards" "$here/array.sbatch")
array_job=\${array_job%%;*}
merge_job=$(sbatch --parsable --dependency=afterok:"$array_job" "$here/merge.sbatch")
merge_job=\${merge_job%%;*}
echo "array_job=$array_job shards=$shards"
echo "merge_job=$merge_job"
`;
  return [
    { file: path.join(layout.slurm, "array.sbatch"), text: array, executable: false },
    { file: path.join(layout.slurm, "merge.sbatch"), text: merge, executable: false },
    { file: path.join(layout.slurm, "submit.sh"), text: submit, executable: true },
  ];
}
