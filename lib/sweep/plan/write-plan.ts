/**
 * Writing a plan: plan.json and, for each chosen scheduler, the files generated from it, all
 * atomically. A folder that already holds a different plan is refused (its shards would be mixed
 * with the new sweep's); the same plan again just rewrites the generated files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { kubernetesFiles } from "./emit-kubernetes";
import { parallelFiles } from "./emit-parallel";
import { slurmFiles } from "./emit-slurm";
import { SweepInfrastructureError } from "./errors";
import { planLayout } from "./layout";
import { makePlan, projectRoot, readPlan, type MakePlanOptions, type SweepPlan } from "./plan";
import { writeFileAtomic } from "../../io/write-file-atomic";

/** A generated file. */
export interface PlanFile {
  file: string;
  text: string;
  executable: boolean;
}

/** Input of {@link writePlan}: a plan's options and its folder. */
export interface WritePlanOptions extends MakePlanOptions {
  /** The plan folder D (created when missing). */
  dir: string;
}

/** What {@link writePlan} wrote. */
export interface WrittenPlan {
  plan: SweepPlan;
  dir: string;
  /** Every file written, plan.json first. */
  files: string[];
}

/** Writes one generated file (atomically; scripts executable). */
export function writePlanFile({ file, text, executable }: PlanFile): void {
  writeFileAtomic({ file, data: text });
  if (executable) fs.chmodSync(file, 0o755);
}

/**
 * Makes the plan and writes it with its scheduler files into `dir`.
 *
 * @example
 * writePlan({ dir: "build/sweeps/market", task: "lib/market/task.ts#marketTask",
 *             grid: { mechanism: ["second-price"], n: [10, 100], d: [0.01] }, replications: 20, seed: 1, shards: 4 });
 */
export function writePlan(options: WritePlanOptions): WrittenPlan {
  const { dir, ...planOptions } = options;
  if (typeof dir !== "string" || dir === "")
    throw new RangeError(`dir must be a folder path; received ${JSON.stringify(dir)}`);
  const plan = makePlan(planOptions);
  const root = path.resolve(planOptions.root ?? projectRoot(planOptions.cwd ?? process.cwd()));
  const layout = planLayout(dir, plan);
  for (const [name, value] of [
    ["dir", layout.dir],
    ["the project folder", root],
  ] as const) {
    if (/\s/.test(value)) {
      throw new RangeError(
        `${name} must not contain white space (Slurm's #SBATCH lines cannot quote it); received ${JSON.stringify(value)}`,
      );
    }
  }
  if (fs.existsSync(layout.plan)) {
    let existing: SweepPlan | undefined;
    try {
      existing = readPlan({ plan: layout.plan });
    } catch {
      existing = undefined;
    }
    if (existing?.hash !== plan.hash) {
      throw new SweepInfrastructureError(
        `${layout.dir} already holds another sweep's plan${existing ? ` (${existing.hash.slice(0, 16)})` : ""}; ` +
          "choose another folder, or delete it to start over",
      );
    }
  }
  const files: PlanFile[] = [{ file: layout.plan, text: `${JSON.stringify(plan, null, 2)}\n`, executable: false }];
  if (plan.emit.includes("slurm")) files.push(...slurmFiles(plan, layout, root));
  if (plan.emit.includes("parallel")) files.push(...parallelFiles(plan, layout, root));
  if (plan.emit.includes("k8s")) files.push(...kubernetesFiles(plan, layout));
  try {
    for (const folder of [layout.dir, path.join(layout.dir, "shards"), layout.logs])
      fs.mkdirSync(folder, { recursive: true });
    for (const file of files) writePlanFile(file);
  } catch (err) {
    throw new SweepInfrastructureError(`cannot write the plan into ${layout.dir} (${(err as Error).message})`);
  }
  return { plan, dir: layout.dir, files: files.map((f) => f.file) };
}
