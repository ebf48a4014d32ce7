/**
 * Running one shard of a planned sweep: the shard finds itself (or is told), checks that the code
 * it runs is the code the plan was made for, computes its items (reading and filling the plan's
 * shared cache, so a requeued shard skips finished items) and writes its CSV with a manifest that
 * records the plan's hash and the run's provenance. A failed attempt leaves a `.failed.json`
 * record saying why, which the next successful attempt removes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { SweepInfrastructureError, SweepTaskError } from "./errors";
import { planLayout } from "./layout";
import { planFile, projectRoot, readPlan, type SweepPlan } from "./plan";
import { shardProvenance } from "./provenance";
import { writeFileAtomic } from "../../io/write-file-atomic";
import * as validate from "../../validate";
import type { SweepManifest } from "../manifest";
import { runSweep } from "../run-sweep";
import { allocatedCpus, shardFromEnvironment } from "../scheduler-env";
import { resolveTask, type TaskRef } from "../task-ref";
import type { Shard, SweepProgress, SweepRow } from "../types";
import { validateWorkers } from "../validate-options";
import { writeSweep } from "../write-sweep";

/** Input of {@link runPlannedShard}. */
export interface RunPlannedShardOptions {
  /** The plan file or its folder. */
  plan: string;
  /** "auto" (from the scheduler's variables) or the shard number 0 ≤ i < N. */
  shard: "auto" | number;
  /** Worker threads; default: the CPUs this process was given (see allocatedCpus). */
  workers?: number;
  /** Environment to read scheduler variables from; default process.env. */
  env?: NodeJS.ProcessEnv;
  onProgress?: (progress: SweepProgress) => void;
}

/** What a finished shard wrote. */
export interface PlannedShardResult {
  shard: Shard;
  /** The shard's rows, as written to its CSV. */
  rows: SweepRow[];
  csvFile: string;
  manifest: SweepManifest;
}

/** The task as the plan names it, resolved in this checkout; refuses other code than the plan's. */
export function plannedTask(plan: SweepPlan, root: string): TaskRef {
  const { task } = plan.identity;
  const ref = { module: path.join(root, task.module), export: task.export, id: task.id };
  let version: string;
  try {
    version = resolveTask({ task: ref }).version;
  } catch (err) {
    throw new SweepInfrastructureError(
      `the plan's task ${task.module}#${task.export} cannot be loaded from ${root}: ${(err as Error).message}`,
    );
  }
  if (version !== task.version) {
    throw new SweepInfrastructureError(
      `the code of task ${task.id} changed since the plan was made (plan: version ${task.version}; this checkout: ${version}), ` +
        "so this shard's rows would not be part of the planned sweep; make a new plan, or run the planned commit",
    );
  }
  return { ...ref, version };
}

function whichShard(plan: SweepPlan, shard: "auto" | number, env: NodeJS.ProcessEnv): Shard {
  const count = plan.identity.shards;
  if (shard === "auto") return shardFromEnvironment({ env, count });
  const index = validate.integer("shard", shard, 0);
  if (index >= count)
    throw new RangeError(
      `shard must be an integer from 0 to ${count - 1} (the plan has ${count} shards); received ${index}`,
    );
  return { index, count };
}

/**
 * Runs one shard of a plan and writes `shards/shard-<i>-of-<N>.csv` with its manifest.
 * Throws SweepInfrastructureError (plan missing or made for other code, result not writable),
 * SweepTaskError (the task threw), or RangeError (a bad shard or workers value).
 *
 * @example
 * await runPlannedShard({ plan: "build/sweeps/market", shard: "auto" }); // inside a Slurm array task
 */
export async function runPlannedShard(options: RunPlannedShardOptions): Promise<PlannedShardResult> {
  validate.knownKeys("runPlannedShard options", options ?? {}, ["plan", "shard", "workers", "env", "onProgress"]);
  const env = options.env ?? process.env;
  const plan = readPlan({ plan: options.plan });
  const layout = planLayout(path.dirname(planFile(options.plan)), plan);
  const shard = whichShard(plan, options.shard, env);
  const workers = validateWorkers({ workers: options.workers ?? allocatedCpus({ env }).cpus });
  const root = projectRoot(process.cwd());
  const task = plannedTask(plan, root);
  const { grid, replications, seed } = plan.identity;
  const started = new Date();
  const fail = (error: Error): Error => {
    const provenance = shardProvenance({ root, started, finished: new Date(), workers, env });
    // The record is read per shard, so it keeps the cause's own words (the error's message repeats the shard).
    const cause = error.cause instanceof Error ? error.cause.message : error.message;
    const record = { plan: plan.hash, shard, error: cause, kind: error.constructor.name, provenance };
    try {
      writeFileAtomic({ file: layout.shardFailure(shard), data: `${JSON.stringify(record, null, 2)}\n` });
    } catch {
      // The folder itself may be what failed; the exit code and the message still say why.
    }
    return error;
  };

  let rows;
  try {
    rows = await runSweep({
      task,
      grid,
      replications,
      seed,
      shard,
      workers,
      cacheDir: layout.cache,
      onProgress: options.onProgress,
    });
  } catch (err) {
    if (err instanceof RangeError) throw err;
    throw fail(new SweepTaskError(`shard ${shard.index}/${shard.count}: ${(err as Error).message}`, { cause: err }));
  }
  const csvFile = layout.shardCsv(shard);
  try {
    const provenance = shardProvenance({ root, started, finished: new Date(), workers, env });
    const manifest = writeSweep({
      file: csvFile,
      rows,
      task,
      grid,
      replications,
      seed,
      shard,
      plan: plan.hash,
      provenance,
    });
    fs.rmSync(layout.shardFailure(shard), { force: true });
    return { shard, rows, csvFile, manifest };
  } catch (err) {
    throw fail(
      new SweepInfrastructureError(
        `shard ${shard.index}/${shard.count}: cannot write ${csvFile} (${(err as Error).message})`,
        { cause: err },
      ),
    );
  }
}
