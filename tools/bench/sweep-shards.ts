/**
 * Shard overhead of planned sweeps: one market sweep run as one process, as 4 GNU parallel shards
 * (parallel.sh, merge included) and as a 4-task Slurm array job plus merge job on a one-node cluster
 * started here; and the start-up cost of one shard (a CLI process running a one-item plan). Called by
 * `npm run bench`; `tsx tools/bench/sweep-shards.ts` prints the records directly. Where Slurm or GNU
 * parallel cannot run, a record says so (skipped, with the reason).
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { type Grid, writePlan } from "../../lib/sweep";
import { slurmUnavailable, startOneNodeCluster } from "../slurm/one-node-cluster";

const ROOT = path.join(__dirname, "..", "..");
const TASK = "lib/market/task.ts#marketTask";
const GRID: Grid = {
  mechanism: ["fixed-price", "first-price", "second-price", "eip1559", "bonding-curve"],
  n: [10, 100, 1000],
  d: [0.001],
};
const SWEEP = { task: TASK, grid: GRID, replications: 32, seed: 5 };
const SHARDS = 4;

/** One benchmark record (JSON-able). */
export type SweepShardRecord = Record<string, string | number | boolean>;

const cliArgs = ["--require", "tsx/cjs", path.join(ROOT, "tools", "sweep-cli.ts")];

function seconds(run: () => void): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

function sweepCli(args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(process.execPath, [...cliArgs, ...args], { cwd: ROOT, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`sweep ${args.join(" ")} failed: ${result.stderr}`);
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "bench-shards-"));
}

function waitForQueue(env: NodeJS.ProcessEnv): void {
  const deadline = Date.now() + 300_000;
  while (execFileSync("squeue", ["-h"], { env, encoding: "utf8" }).trim() !== "") {
    if (Date.now() > deadline) throw new Error("Slurm jobs still queued after 300 s");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}

/** The shard-overhead records. */
export async function benchSweepShards(): Promise<SweepShardRecord[]> {
  const records: SweepShardRecord[] = [];
  const items = 5 * 3 * 1 * SWEEP.replications;
  const dir = tmp();
  try {
    const single = path.join(dir, "single.csv");
    const grid = JSON.stringify(GRID);
    const common = ["--task", TASK, "--grid", grid, "--reps", String(SWEEP.replications), "--seed", String(SWEEP.seed)];
    const singleSeconds = seconds(() => sweepCli(["run", ...common, "--workers", "1", "--out", single]));
    records.push({
      figure: "sweep_single_process_seconds",
      items,
      value: singleSeconds,
      unit: "s",
      note: "one CLI process, one worker thread",
    });

    const tiny = path.join(dir, "tiny");
    writePlan({
      ...SWEEP,
      grid: { ...GRID, mechanism: ["second-price"], n: [10] },
      replications: 1,
      shards: 1,
      dir: tiny,
      cwd: ROOT,
      emit: [],
      cache: null,
    });
    const startups = [0, 1, 2].map(() =>
      seconds(() => sweepCli(["run", "--plan", tiny, "--shard", "0", "--workers", "1"])),
    );
    records.push({
      figure: "sweep_shard_startup_seconds",
      value: [...startups].sort((a, b) => a - b)[1],
      unit: "s",
      note: "median of 3: a CLI process running a one-item plan's shard (Node + tsx start, plan read, task hashed and loaded, manifest written)",
    });

    const parallelMissing = spawnSync("parallel", ["--version"]).status === 0 ? null : "GNU parallel is not installed";
    if (parallelMissing)
      records.push({ figure: "sweep_parallel_4_shards_seconds", skipped: true, note: parallelMissing });
    else {
      const planDir = path.join(dir, "parallel");
      writePlan({ ...SWEEP, shards: SHARDS, dir: planDir, cwd: ROOT, emit: ["parallel"], cache: null });
      const wall = seconds(() => execFileSync("bash", [path.join(planDir, "parallel.sh")], { stdio: "ignore" }));
      const same = fs.readFileSync(path.join(planDir, "merged.csv"), "utf8") === fs.readFileSync(single, "utf8");
      records.push({
        figure: "sweep_parallel_4_shards_seconds",
        value: wall,
        unit: "s",
        vs_single: wall / singleSeconds,
        byte_identical: same,
        cores: os.availableParallelism(),
      });
    }

    const slurmMissing = slurmUnavailable();
    if (slurmMissing) records.push({ figure: "sweep_slurm_4_shards_seconds", skipped: true, note: slurmMissing });
    else {
      const cluster = await startOneNodeCluster();
      records.push({ figure: "slurm_cluster_start_seconds", value: cluster.startSeconds, unit: "s" });
      try {
        const env = { ...process.env, ...cluster.env };
        const planDir = path.join(dir, "slurm");
        writePlan({ ...SWEEP, shards: SHARDS, dir: planDir, cwd: ROOT, emit: ["slurm"], cache: null });
        const wall = seconds(() => {
          execFileSync("bash", [path.join(planDir, "slurm", "submit.sh")], { env, stdio: "ignore" });
          waitForQueue(env);
        });
        const same = fs.readFileSync(path.join(planDir, "merged.csv"), "utf8") === fs.readFileSync(single, "utf8");
        records.push({
          figure: "sweep_slurm_4_shards_seconds",
          value: wall,
          unit: "s",
          vs_single: wall / singleSeconds,
          byte_identical: same,
          note: "submit.sh to an empty queue: 4 one-CPU array tasks on this node, then the merge job",
        });
      } finally {
        await cluster.stop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return records;
}

if (require.main === module) {
  benchSweepShards().then((records) => {
    for (const record of records) process.stdout.write(`${JSON.stringify(record)}\n`);
  });
}
