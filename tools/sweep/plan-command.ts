/**
 * `sweep plan`: the flags of a planned sweep, turned into plan.json and the scheduler files.
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { gridFlag, integerFlag, need, seedFlag, taskFlag, UsageError } from "./flags";
import { SCHEDULERS, writePlan, type Scheduler } from "../../lib/sweep";
import { userPath } from "../nb/cli-paths";
import { shellQuote } from "../../lib/sweep/plan/shell";

function emitFlag(text: string | undefined): Scheduler[] {
  if (text === undefined) return [...SCHEDULERS];
  const names = text.split(",").map((s) => s.trim());
  const unknown = names.filter((s) => !(SCHEDULERS as readonly string[]).includes(s));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(
      `--emit must list some of ${SCHEDULERS.join(", ")} (comma-separated); received ${JSON.stringify(text)}`,
    );
  }
  return names as Scheduler[];
}

/** Runs `sweep plan` with its arguments; prints what was written and how to start it. */
export function planCommand(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      task: { type: "string" },
      grid: { type: "string" },
      reps: { type: "string" },
      seed: { type: "string" },
      shards: { type: "string" },
      dir: { type: "string" },
      emit: { type: "string" },
      "cpus-per-task": { type: "string" },
      mem: { type: "string" },
      time: { type: "string" },
      partition: { type: "string" },
      "no-cache": { type: "boolean" },
      image: { type: "string" },
      "volume-claim": { type: "string" },
    },
  });
  if (positionals.length > 0)
    throw new UsageError(`plan takes no positional arguments; received ${positionals.join(" ")}`);
  const task = taskFlag(need("task", values.task, "<module>#<export>"), undefined);
  const dir = userPath(need("dir", values.dir, "the folder the plan, shards and scheduler files go to"));
  const resources = {
    ...(values["cpus-per-task"] === undefined
      ? {}
      : { cpusPerTask: integerFlag("cpus-per-task", values["cpus-per-task"], 1, 1024) }),
    ...(values.mem === undefined ? {} : { mem: values.mem }),
    ...(values.time === undefined ? {} : { time: values.time }),
    ...(values.partition === undefined ? {} : { partition: values.partition }),
  };
  const written = writePlan({
    dir,
    task,
    grid: gridFlag(need("grid", values.grid, `a JSON object such as '{"n":[10,100]}'`)),
    replications: integerFlag("reps", need("reps", values.reps, "an integer ≥ 1"), 1, Number.MAX_SAFE_INTEGER),
    seed: seedFlag(need("seed", values.seed, "an integer or a string")),
    shards: integerFlag("shards", need("shards", values.shards, "an integer ≥ 1"), 1, 1_000_000),
    resources,
    emit: emitFlag(values.emit),
    cache: values["no-cache"] ? null : "cache",
    kubernetes: {
      ...(values.image === undefined ? {} : { image: values.image }),
      ...(values["volume-claim"] === undefined ? {} : { volumeClaim: values["volume-claim"] }),
    },
  });
  const { plan } = written;
  const shown = (file: string) =>
    shellQuote(path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file));
  const out = process.stdout;
  out.write(`plan ${plan.hash.slice(0, 16)}: ${plan.identity.totalItems} items in ${plan.identity.shards} shards\n`);
  for (const file of written.files) out.write(`  wrote ${shown(file)}\n`);
  out.write("start it with one of:\n");
  if (plan.emit.includes("slurm")) out.write(`  bash ${shown(path.join(written.dir, "slurm", "submit.sh"))}\n`);
  if (plan.emit.includes("parallel")) out.write(`  bash ${shown(path.join(written.dir, "parallel.sh"))}\n`);
  if (plan.emit.includes("k8s"))
    out.write(`  bash ${shown(path.join(written.dir, "k8s", "submit.sh"))}   (set --image and --volume-claim first)\n`);
}
