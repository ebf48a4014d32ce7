/**
 * sweep — plan a sweep for a cluster, run it (whole, one shard, or one shard of a plan), merge shards.
 *
 *   npm run sweep -- plan --task <module>#<export> --grid '<json>' --reps <R> --seed <S> --shards <N> --dir <D>
 *                         [--emit slurm,parallel,k8s] [--cpus-per-task <C>] [--mem <M>] [--time <HH:MM:SS>]
 *                         [--partition <P>] [--no-cache] [--image <I>] [--volume-claim <V>]
 *   npm run sweep -- run --plan <D/plan.json> --shard auto|<i> [--workers <W>]
 *   npm run sweep -- run --task <module>#<export> --grid '<json>' --reps <R> --seed <S>
 *                        [--workers <W>] [--shard <i>/<N>|auto] [--out <file.csv>] [--cache <dir>] [--task-version <v>]
 *   npm run sweep -- merge --plan <D/plan.json>      (or --dir <D>)
 *   npm run sweep -- merge <shard.csv>... --out <merged.csv>
 *   npm run sweep -- status --plan <D/plan.json>     (or --dir <D>)
 *
 * plan   Writes D/plan.json (the sweep's whole identity: task and the hash of its code, grid, reps,
 *        seed, N, package and lockfile hashes) and, per scheduler, the files to run it: D/slurm/
 *        (array.sbatch, merge.sbatch, submit.sh), D/parallel.sh, D/k8s/ (job.yaml, merge-job.yaml,
 *        submit.sh). --cpus-per-task (default 1) is each shard's worker threads; --mem (default 1G,
 *        Slurm notation) and --time (default 01:00:00) its limits. The shared cache is D/cache
 *        unless --no-cache. --image and --volume-claim fill the Kubernetes placeholders.
 * run    With --plan: runs shard <i> of the plan, or with --shard auto the shard the scheduler's
 *        variables name (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, PARALLEL_SEQ), into
 *        D/shards/shard-<i>-of-<N>.csv with a manifest (plan hash, provenance). Refuses to run when
 *        the task's code differs from the plan's.
 *        Without --plan: runs the task over the grid × R replications (or one shard i/N of it) into
 *        --out (default build/sweeps/<export>[-shard-<i>-of-<N>].csv) with a manifest beside it.
 *        --seed: a number as JavaScript writes it (42, 1.5) is a numeric seed, other text a string seed.
 *        --workers: worker threads, 0–256 (0 or 1: inline); default: the CPUs this process was given
 *        (SLURM_CPUS_PER_TASK, a container's CPU quota, its CPU affinity), never the whole machine.
 *        --task-version: the cache key's and manifest's version (default: a hash of the task's whole
 *        local import graph and the lockfile).
 * merge  With --plan/--dir: verifies every shard of the plan (present, from this plan, CSV matching
 *        its hash) and writes D/merged.csv and D/merged.manifest.json (every shard's provenance);
 *        when shards are missing or failed, names them and prints the commands that rerun just them.
 *        With files: combines the shards into exactly the single-machine CSV (byte-identical).
 * status Prints each shard's state (done, missing, failed and why).
 *
 * Exit status: 0 ok; 1 the task threw (a retry gives the same error); 2 bad arguments (the message
 * names the flag and what it allows); 3 infrastructure (plan missing, damaged or made for other code;
 * a folder not writable: a retry may help); 4 merge found missing or failed shards.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { outputDirProblem, userPath } from "./nb/cli-paths";
import { stopWhenOrphaned } from "./nb/orphan-guard";
import { gridFlag, integerFlag, need, seedFlag, taskFlag, UsageError } from "./sweep/flags";
import { planCommand } from "./sweep/plan-command";
import {
  IncompleteSweepError,
  MAX_WORKERS,
  SweepInfrastructureError,
  SweepTaskError,
  mergePlan,
  mergeShards,
  parseShard,
  planStatus,
  runPlannedShard,
  runSweep,
  shardFromEnvironment,
  terminalProgress,
  writeSweep,
  type Shard,
  type TaskRef,
} from "../lib/sweep";

const USAGE = `usage:
  npm run sweep -- plan --task <module>#<export> --grid '<json>' --reps <R> --seed <S> --shards <N> --dir <D>
                        [--emit slurm,parallel,k8s] [--cpus-per-task <C>] [--mem <M>] [--time <HH:MM:SS>]
                        [--partition <P>] [--no-cache] [--image <I>] [--volume-claim <V>]
  npm run sweep -- run --plan <D/plan.json> --shard auto|<i> [--workers <W>]
  npm run sweep -- run --task <module>#<export> --grid '<json>' --reps <R> --seed <S>
                       [--workers <W>] [--shard <i>/<N>|auto] [--out <file.csv>] [--cache <dir>] [--task-version <v>]
  npm run sweep -- merge --plan <D/plan.json> | --dir <D> | <shard.csv>... --out <merged.csv>
  npm run sweep -- status --plan <D/plan.json> | --dir <D>
exit status: 0 ok, 1 the task threw, 2 bad arguments, 3 infrastructure, 4 shards missing or failed
(see the header of tools/sweep-cli.ts for details)`;

function defaultOut(task: TaskRef, shard: Shard | undefined): string {
  const suffix = shard ? `-shard-${shard.index}-of-${shard.count}` : "";
  return path.join("build", "sweeps", `${task.export}${suffix}.csv`);
}

function workersFlag(text: string | undefined): number | undefined {
  return text === undefined ? undefined : integerFlag("workers", text, 0, MAX_WORKERS);
}

async function runPlanned(plan: string, shardText: string | undefined, workers: number | undefined): Promise<void> {
  const shardFlag = need("shard", shardText, `"auto" or a shard number, with --plan`);
  const shard = shardFlag === "auto" ? "auto" : integerFlag("shard", shardFlag, 0, Number.MAX_SAFE_INTEGER);
  const progress = terminalProgress({ label: `sweep shard ${shardFlag}` });
  const result = await runPlannedShard({ plan: userPath(plan), shard, workers, onProgress: progress.update });
  progress.finish();
  process.stderr.write(
    `wrote shard ${result.shard.index}/${result.shard.count} (${result.manifest.rows} rows) to ${result.csvFile}\n`,
  );
}

async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      plan: { type: "string" },
      task: { type: "string" },
      grid: { type: "string" },
      reps: { type: "string" },
      seed: { type: "string" },
      workers: { type: "string" },
      shard: { type: "string" },
      out: { type: "string" },
      cache: { type: "string" },
      "task-version": { type: "string" },
    },
  });
  if (positionals.length > 0)
    throw new UsageError(`run takes no positional arguments; received ${positionals.join(" ")}`);
  const workers = workersFlag(values.workers);
  if (values.plan !== undefined) {
    const clash = (["task", "grid", "reps", "seed", "out", "cache", "task-version"] as const).filter(
      (k) => values[k] !== undefined,
    );
    if (clash.length > 0) {
      throw new UsageError(`run --plan takes the sweep from the plan; drop ${clash.map((k) => `--${k}`).join(", ")}`);
    }
    return runPlanned(values.plan, values.shard, workers);
  }
  const task = taskFlag(need("task", values.task, "<module>#<export>"), values["task-version"]);
  const grid = gridFlag(need("grid", values.grid, `a JSON object such as '{"n":[10,100]}'`));
  const replications = integerFlag("reps", need("reps", values.reps, "an integer ≥ 1"), 1, Number.MAX_SAFE_INTEGER);
  const seed = seedFlag(need("seed", values.seed, "an integer or a string"));
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    try {
      shard = values.shard === "auto" ? shardFromEnvironment() : parseShard({ text: values.shard, name: "--shard" });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  // Relative paths mean what they meant where the user typed them (npm runs scripts in the project root).
  const out = values.out === undefined ? defaultOut(task, shard) : userPath(values.out);
  const outProblem = outputDirProblem(path.dirname(out));
  if (outProblem) throw new SweepInfrastructureError(`--out: ${outProblem}`);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory())
    throw new UsageError(`--out: ${values.out} is a folder; give a CSV file name`);
  const progress = terminalProgress({ label: shard ? `sweep ${shard.index}/${shard.count}` : "sweep" });
  let rows;
  try {
    rows = await runSweep({
      task,
      grid,
      replications,
      seed,
      workers,
      shard,
      cacheDir: values.cache === undefined ? undefined : userPath(values.cache),
      onProgress: progress.update,
    });
  } catch (err) {
    // Option errors from runSweep (RangeError naming grid.x, replications, …) are usage errors.
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw new SweepTaskError((err as Error).message, { cause: err });
  }
  progress.finish();
  const manifest = writeSweep({ file: out, rows, task, grid, replications, seed, shard });
  process.stderr.write(`wrote ${manifest.rows} rows to ${out}\n`);
}

function planFlag(values: { plan?: string; dir?: string }, command: string): string | undefined {
  if (values.plan !== undefined && values.dir !== undefined)
    throw new UsageError(`${command}: give --plan or --dir, not both`);
  const given = values.plan ?? values.dir;
  return given === undefined ? undefined : userPath(given);
}

function merge(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { out: { type: "string" }, plan: { type: "string" }, dir: { type: "string" } },
  });
  const plan = planFlag(values, "merge");
  if (plan !== undefined) {
    if (positionals.length > 0 || values.out !== undefined) {
      throw new UsageError(
        "merge --plan/--dir finds the shards and writes D/merged.csv itself; drop the file names and --out",
      );
    }
    const { csvFile, manifest } = mergePlan({ plan });
    process.stderr.write(`merged ${manifest.shards?.length} shards (${manifest.rows} rows) into ${csvFile}\n`);
    return;
  }
  if (positionals.length === 0)
    throw new UsageError(
      "merge needs --plan <D/plan.json>, --dir <D>, or the shard CSV files: merge <shard.csv>... --out <merged.csv>",
    );
  const out = userPath(need("out", values.out, "the merged CSV file"));
  const { manifest } = mergeShards({ files: positionals.map((f) => userPath(f)), out });
  process.stderr.write(`merged ${positionals.length} shards (${manifest.rows} rows) into ${out}\n`);
}

function status(args: string[]): void {
  const { values } = parseArgs({ args, strict: true, options: { plan: { type: "string" }, dir: { type: "string" } } });
  const plan = planFlag(values, "status") ?? need("plan", undefined, "the plan file or --dir <D>");
  const { shards, plan: p } = planStatus({ plan });
  const count = p.identity.shards;
  for (const s of shards) {
    const detail = s.state === "failed" ? `: ${s.error}` : s.state === "invalid" ? `: ${s.reason}` : "";
    process.stdout.write(`shard ${s.index}/${count}  ${s.state}${detail}\n`);
  }
  const done = shards.filter((s) => s.state === "done").length;
  process.stdout.write(`${done} of ${count} shards done\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "run") await run(rest);
    else if (command === "merge") merge(rest);
    else if (command === "plan") planCommand(rest);
    else if (command === "status") status(rest);
    else if (command === "help" || command === "--help" || command === "-h") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else {
      throw new UsageError(
        `command must be one of "plan", "run", "merge", "status", "help"; received ${JSON.stringify(command ?? "")}`,
      );
    }
    return 0;
  } catch (err) {
    const usage =
      err instanceof UsageError ||
      (err instanceof RangeError && !(err instanceof SweepTaskError)) ||
      (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    process.stderr.write(`sweep: ${(err as Error).message}\n`);
    if (usage) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (process.env.SWEEP_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    if (
      err instanceof SweepTaskError ||
      err instanceof SweepInfrastructureError ||
      err instanceof IncompleteSweepError
    ) {
      return err.exitCode;
    }
    // Anything else (a file that cannot be read or written, …) is the infrastructure's.
    return 3;
  }
}

stopWhenOrphaned();
// `sweep status | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
