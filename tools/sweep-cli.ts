/**
 * sweep — run a parameter sweep (whole, or one shard of it) and merge shards.
 *
 *   npm run sweep -- run --task <module>#<export> --grid '<json>' --reps <R> --seed <S>
 *                        [--workers <W>] [--shard <i>/<N>] [--out <file.csv>] [--cache <dir>]
 *                        [--task-version <v>]
 *   npm run sweep -- merge <shard.csv>... --out <merged.csv>
 *
 * run    Runs the task over the grid's cartesian product × R replications and writes the rows as
 *        CSV plus a manifest beside it (<file>.manifest.json: task, version, grid, seed, shard).
 *        --task      module path (relative to the folder you run the command from) and export, e.g.
 *                    test/fixtures/sweep/mean-task.ts#seededMean
 *        --grid      JSON object of non-empty arrays, e.g. '{"n":[10,100],"d":[0.01]}'
 *        --reps      replications per cell, an integer ≥ 1
 *        --seed      master seed: a number as JavaScript writes it (42, 1.5) is a numeric
 *                    seed, any other text ("007", "run-a") a string seed
 *        --workers   worker threads, 0–256 (0 or 1: inline); default: all cores
 *        --shard     i/N: run only the work items with index mod N = i (0 ≤ i < N), e.g. for a
 *                    Slurm array job (--array=0-7): --shard "$SLURM_ARRAY_TASK_ID/8",
 *                    or a Kubernetes indexed job: --shard "$JOB_COMPLETION_INDEX/<completions>"
 *        --out       CSV file; default build/sweeps/<export>[-shard-<i>-of-<N>].csv
 *        --cache     result-cache folder: reruns read finished items instead of recomputing
 *        --task-version  version string for the cache key and manifest (default: hash of the
 *                    task module's text; set it when files the task imports change)
 * merge  Combines all shards of one sweep into exactly the single-machine CSV (byte-identical),
 *        refusing shards of different sweeps, duplicated or missing shards.
 *
 * Progress goes to stderr (a bar on a terminal; one final line when not a TTY or CI=true).
 * Exit status: 0 ok, 1 failure, 2 bad arguments (the message names the flag and what it allows).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { outputDirProblem, userPath } from "./nb/cli-paths";
import { stopWhenOrphaned } from "./nb/orphan-guard";
import {
  MAX_WORKERS,
  mergeShards,
  parseShard,
  runSweep,
  terminalProgress,
  writeSweep,
  type Grid,
  type Shard,
  type TaskRef,
} from "../lib/sweep";

const USAGE = `usage:
  npm run sweep -- run --task <module>#<export> --grid '<json>' --reps <R> --seed <S>
                       [--workers <W>] [--shard <i>/<N>] [--out <file.csv>] [--cache <dir>] [--task-version <v>]
  npm run sweep -- merge <shard.csv>... --out <merged.csv>
(see the header of tools/sweep-cli.ts for details)`;

/** A command-line mistake: printed with the usage, exit status 2. */
class UsageError extends Error {}

function need(flag: string, value: string | undefined, allowed: string): string {
  if (value === undefined || value === "") throw new UsageError(`--${flag} is required: ${allowed}`);
  return value;
}

function integerFlag(flag: string, text: string, lo: number, hi: number): number {
  const value = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < lo || value > hi) {
    throw new UsageError(`--${flag} must be an integer from ${lo} to ${hi}; received ${JSON.stringify(text)}`);
  }
  return value;
}

function gridFlag(text: string): Grid {
  try {
    return JSON.parse(text) as Grid;
  } catch (err) {
    throw new UsageError(
      `--grid must be a JSON object of non-empty arrays, e.g. '{"n":[10,100],"d":[0.01]}'; ` +
        `received ${JSON.stringify(text)} (${(err as Error).message})`,
    );
  }
}

/** "42" and "1.5" are numeric seeds (as in the API); any other text ("007", "run-a") is a string seed. */
function seedFlag(text: string): number | string {
  const value = Number(text);
  return Number.isFinite(value) && String(value) === text ? value : text;
}

function taskFlag(text: string, version: string | undefined): TaskRef {
  const hash = text.lastIndexOf("#");
  if (hash <= 0 || hash === text.length - 1) {
    throw new UsageError(
      `--task must be <module>#<export>, e.g. test/fixtures/sweep/mean-task.ts#seededMean; received ${JSON.stringify(text)}`,
    );
  }
  return { module: taskModule(text.slice(0, hash)), export: text.slice(hash + 1), ...(version ? { version } : {}) };
}

/**
 * A --task module typed as a path resolves against the folder the user ran the command from (like
 * --out), and is kept relative to the project root when it lies inside it, so that the task's id does
 * not depend on where the command ran. A bare package specifier is left to Node's resolution.
 */
function taskModule(module: string): string {
  const isPath = /^[./]/.test(module) || /[\\/]/.test(module) || /\.[cm]?[jt]s$/.test(module);
  if (!isPath) return module;
  const file = userPath(module);
  if (!fs.existsSync(file)) throw new UsageError(`--task: module ${module} not found (looked for ${file})`);
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

function defaultOut(task: TaskRef, shard: Shard | undefined): string {
  const suffix = shard ? `-shard-${shard.index}-of-${shard.count}` : "";
  return path.join("build", "sweeps", `${task.export}${suffix}.csv`);
}

async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
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
  const task = taskFlag(need("task", values.task, "<module>#<export>"), values["task-version"]);
  const grid = gridFlag(need("grid", values.grid, `a JSON object such as '{"n":[10,100]}'`));
  const replications = integerFlag("reps", need("reps", values.reps, "an integer ≥ 1"), 1, Number.MAX_SAFE_INTEGER);
  const seed = seedFlag(need("seed", values.seed, "an integer or a string"));
  const workers = values.workers === undefined ? undefined : integerFlag("workers", values.workers, 0, MAX_WORKERS);
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    try {
      shard = parseShard({ text: values.shard, name: "--shard" });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  // Relative paths mean what they meant where the user typed them (npm runs scripts in the project root).
  const out = values.out === undefined ? defaultOut(task, shard) : userPath(values.out);
  const outProblem = outputDirProblem(path.dirname(out));
  if (outProblem) throw new UsageError(`--out: ${outProblem}`);
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
    throw err;
  }
  progress.finish();
  const manifest = writeSweep({ file: out, rows, task, grid, replications, seed, shard });
  process.stderr.write(`wrote ${manifest.rows} rows to ${out}\n`);
}

function merge(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { out: { type: "string" } },
  });
  if (positionals.length === 0)
    throw new UsageError("merge needs the shard CSV files: merge <shard.csv>... --out <merged.csv>");
  const out = userPath(need("out", values.out, "the merged CSV file"));
  const { manifest } = mergeShards({ files: positionals.map((f) => userPath(f)), out });
  process.stderr.write(`merged ${positionals.length} shards (${manifest.rows} rows) into ${out}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "run") await run(rest);
    else if (command === "merge") merge(rest);
    else if (command === "help" || command === "--help" || command === "-h") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else {
      throw new UsageError(`command must be one of "run", "merge", "help"; received ${JSON.stringify(command ?? "")}`);
    }
    return 0;
  } catch (err) {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    process.stderr.write(`sweep: ${(err as Error).message}\n`);
    if (usage) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (process.env.SWEEP_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return 1;
  }
}

stopWhenOrphaned();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
