/**
 * Merging a planned sweep: every shard the plan names is checked (present, made from this plan,
 * its CSV matching its manifest's hash); when all are, the merged CSV (byte-identical to a
 * single-process run) and a merged manifest listing each shard's provenance are written. When some
 * are missing or failed, nothing is written and the error names them with the exact commands that
 * run just those shards again on each scheduler the plan was made for.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { kubernetesResubmission } from "./emit-kubernetes";
import { IncompleteSweepError } from "./errors";
import { planLayout } from "./layout";
import { planFile, readPlan, type SweepPlan } from "./plan";
import type { ShardProvenance } from "./provenance";
import { arrayList, shellQuote } from "./shell";
import { writePlanFile } from "./write-plan";
import { writeFileAtomic } from "../../io/write-file-atomic";
import * as validate from "../../validate";
import { manifestPath, readManifest, sha256, type SweepManifest } from "../manifest";
import { mergeShards } from "../merge-shards";

/** The state of one shard of a plan. */
export type ShardState =
  | { index: number; state: "done"; csvFile: string; manifest: SweepManifest }
  | { index: number; state: "missing" }
  | { index: number; state: "failed"; error: string; provenance: ShardProvenance | null }
  | { index: number; state: "invalid"; reason: string };

/** Input of {@link planStatus} and {@link mergePlan}. */
export interface PlanDirOptions {
  /** The plan folder D or its plan.json. */
  plan: string;
}

/** Every shard's state. */
export interface PlanStatus {
  plan: SweepPlan;
  dir: string;
  shards: ShardState[];
}

function resultState(plan: SweepPlan, csvFile: string, index: number): ShardState {
  if (!fs.existsSync(csvFile)) return { index, state: "missing" };
  if (!fs.statSync(csvFile).isFile()) return { index, state: "invalid", reason: `${csvFile} is not a file` };
  let manifest: SweepManifest;
  try {
    manifest = readManifest({ csvFile });
  } catch (err) {
    return { index, state: "invalid", reason: (err as Error).message };
  }
  if (manifest.plan !== plan.hash) {
    return {
      index,
      state: "invalid",
      reason: `${csvFile} was made from plan ${String(manifest.plan).slice(0, 16)}, not this one`,
    };
  }
  if (sha256({ data: new Uint8Array(fs.readFileSync(csvFile)) }) !== manifest.csvSha256) {
    return {
      index,
      state: "invalid",
      reason: `${csvFile} no longer matches ${manifestPath({ csvFile })} (edited or truncated)`,
    };
  }
  return { index, state: "done", csvFile, manifest };
}

/** A valid result counts (a later failed attempt cannot change a seeded result); else the failure record says why. */
function shardState(plan: SweepPlan, layout: ReturnType<typeof planLayout>, index: number): ShardState {
  const shard = { index, count: plan.identity.shards };
  const result = resultState(plan, layout.shardCsv(shard), index);
  const failure = layout.shardFailure(shard);
  if (result.state === "done" || !fs.existsSync(failure)) return result;
  try {
    const record = JSON.parse(fs.readFileSync(failure, "utf8"));
    return { index, state: "failed", error: String(record.error), provenance: record.provenance ?? null };
  } catch {
    return { index, state: "failed", error: `unreadable failure record ${failure}`, provenance: null };
  }
}

/**
 * The state of every shard of a plan.
 *
 * @example
 * planStatus({ plan: "build/sweeps/market" }).shards.filter((s) => s.state !== "done").length; // → 0 when complete
 */
export function planStatus(options: PlanDirOptions): PlanStatus {
  validate.knownKeys("planStatus options", options ?? {}, ["plan"]);
  const plan = readPlan({ plan: options.plan });
  const layout = planLayout(path.dirname(planFile(options.plan)), plan);
  const shards = Array.from({ length: plan.identity.shards }, (_, i) => shardState(plan, layout, i));
  return { plan, dir: layout.dir, shards };
}

/** Input of {@link resubmitCommands}. */
export interface ResubmitCommandsOptions {
  status: PlanStatus;
  /** The shard numbers to run again. */
  shards: readonly number[];
}

/**
 * The commands that run just the given shards again and merge, one line per scheduler the plan
 * was made for, plus this machine. For Kubernetes it writes the resubmission manifest they name.
 *
 * @example
 * resubmitCommands({ status: planStatus({ plan: "build/sweeps/market" }), shards: [3, 5] }); // ["Slurm: sbatch --array=3,5 …", …]
 */
export function resubmitCommands(options: ResubmitCommandsOptions): string[] {
  const { status, shards } = options;
  const { plan } = status;
  const layout = planLayout(status.dir, plan);
  const q = shellQuote;
  const lines: string[] = [];
  if (plan.emit.includes("slurm")) {
    const submit = q(path.join(layout.slurm, "submit.sh"));
    lines.push(
      `Slurm:         sbatch --array=${arrayList(shards)} ${q(path.join(layout.slurm, "array.sbatch"))}   ` +
        `(or, shards and merge job: bash ${submit} ${arrayList(shards)})`,
    );
  }
  if (plan.emit.includes("parallel")) lines.push(`GNU parallel:  bash ${q(layout.parallel)} ${shards.join(" ")}`);
  if (plan.emit.includes("k8s")) {
    const manifest = kubernetesResubmission(plan, layout, shards);
    writePlanFile(manifest);
    lines.push(
      `Kubernetes:    kubectl apply -f ${q(manifest.file)}   (then kubectl apply -f ${q(path.join(layout.k8s, "merge-job.yaml"))})`,
    );
  }
  const run = (shard: string) => `npm run sweep -- run --plan ${q(layout.plan)} --shard ${shard}`;
  const runs =
    shards.length === 1 ? run(String(shards[0])) : `(for i in ${shards.join(" ")}; do ${run("$i")} || exit 1; done)`;
  lines.push(`This machine:  ${runs} && npm run sweep -- merge --plan ${q(layout.plan)}`);
  return lines;
}

function describe(state: ShardState, count: number): string {
  const name = `shard ${state.index}/${count}`;
  if (state.state === "missing") return `${name}: missing (no result and no failure record: not run yet, or killed)`;
  if (state.state === "invalid") return `${name}: not usable: ${state.reason}`;
  if (state.state === "failed") {
    const p = state.provenance;
    const where = p
      ? ` on ${p.host}${p.jobId ? ` (${p.scheduler} job ${p.jobId}${p.taskId ? `, task ${p.taskId}` : ""})` : ""}`
      : "";
    return `${name}: failed${where}: ${state.error}`;
  }
  return `${name}: done`;
}

/** Shards described one by one in the error; the rest are counted. */
const SHOWN = 20;

/** What {@link mergePlan} wrote. */
export interface MergedPlan {
  csvFile: string;
  manifest: SweepManifest;
}

/**
 * Merges a complete planned sweep into `D/merged.csv` with `D/merged.manifest.json`; throws an
 * IncompleteSweepError naming the shards to run again, with the commands, when any is not done.
 *
 * @example
 * mergePlan({ plan: "build/sweeps/market" }).manifest.rows; // → every item of the sweep
 */
export function mergePlan(options: PlanDirOptions): MergedPlan {
  validate.knownKeys("mergePlan options", options ?? {}, ["plan"]);
  const status = planStatus(options);
  const { plan } = status;
  const count = plan.identity.shards;
  const notDone = status.shards.filter((s) => s.state !== "done");
  if (notDone.length > 0) {
    const shards = notDone.map((s) => s.index);
    const message = [
      `${notDone.length} of ${count} shards of plan ${plan.hash.slice(0, 16)} are not done:`,
      ...notDone.slice(0, SHOWN).map((s) => `  ${describe(s, count)}`),
      ...(notDone.length > SHOWN
        ? [`  … and ${notDone.length - SHOWN} more (npm run sweep -- status lists them all)`]
        : []),
      "Run just those shards again, then merge:",
      ...resubmitCommands({ status, shards }).map((line) => `  ${line}`),
    ].join("\n");
    throw new IncompleteSweepError(message, shards);
  }
  const done = status.shards as Array<Extract<ShardState, { state: "done" }>>;
  const layout = planLayout(status.dir, plan);
  const { csv, manifest } = mergeShards({ files: done.map((s) => s.csvFile) });
  const merged: SweepManifest = {
    ...manifest,
    plan: plan.hash,
    shards: done.map((s) => ({
      shard: { index: s.index, count },
      rows: s.manifest.rows,
      csvSha256: s.manifest.csvSha256,
      provenance: s.manifest.provenance ?? null,
    })),
  };
  delete merged.provenance;
  writeFileAtomic({ file: layout.merged, data: csv });
  writeFileAtomic({ file: manifestPath({ csvFile: layout.merged }), data: `${JSON.stringify(merged, null, 2)}\n` });
  return { csvFile: layout.merged, manifest: merged };
}
