/**
 * A planned market sweep on real schedulers: a one-node Slurm cluster started by the test (munged,
 * slurmctld, slurmd by PID, stopped after) runs the plan's submit.sh as a 4-task array job plus a
 * merge job; GNU parallel runs the plan's parallel.sh. Both merged CSVs must equal the
 * single-process run byte for byte; a shard failed on purpose must be named by the merge, and the
 * printed resubmit command must repair the sweep. Skipped, with the reason, where Slurm or GNU
 * parallel is not installed or the test is not root.
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { runSweep, toCSV, writePlan, type Grid } from "../lib/sweep";
import { type OneNodeCluster, slurmUnavailable, startOneNodeCluster } from "../tools/slurm/one-node-cluster";

const exec = promisify(execFile);
const root = path.join(__dirname, "..");
const task = "lib/market/task.ts#marketTask";
const grid: Grid = { mechanism: ["second-price", "fixed-price"], n: [10, 40], d: [0.01], horizon: [2000] };
const sweep = { task, grid, replications: 3, seed: 11 };
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "sweep-sched-"));
let single: string;

before(async () => {
  single = toCSV(await runSweep({ ...sweep, workers: 0, cwd: root }));
});

/** Shard 2's CSV path taken by a folder: the shard cannot write its result (an infrastructure failure). */
function blockShard(dir: string): string {
  const blocker = path.join(dir, "shards", "shard-2-of-4.csv");
  fs.mkdirSync(blocker, { recursive: true });
  return blocker;
}

const parallelMissing = (() => {
  try {
    execFileSync("parallel", ["--version"], { stdio: "ignore" });
    return null;
  } catch {
    return "GNU parallel is not installed (apt-get install parallel)";
  }
})();

test("GNU parallel: parallel.sh runs the 4 shards and merges byte-identically; a failed shard is named and its rerun command repairs the sweep", {
  skip: parallelMissing ?? false,
}, async () => {
  const dir = tmp();
  writePlan({ ...sweep, dir, shards: 4, cwd: root, emit: ["parallel"] });
  await exec("bash", [path.join(dir, "parallel.sh")], { cwd: os.tmpdir() });
  assert.equal(fs.readFileSync(path.join(dir, "merged.csv"), "utf8"), single);
  const log = fs
    .readFileSync(path.join(dir, "logs", "parallel.joblog"), "utf8")
    .trim()
    .split("\n");
  assert.equal(log.length, 5, "job log: a header and one line per shard");

  const broken = tmp();
  writePlan({ ...sweep, dir: broken, shards: 4, cwd: root, emit: ["parallel"], cache: null });
  const blocker = blockShard(broken);
  await assert.rejects(exec("bash", [path.join(broken, "parallel.sh")]), (err: { code: number }) => err.code !== 0);
  const merge = await exec(process.execPath, ["--require", "tsx/cjs", "tools/sweep-cli.ts", "merge", "--dir", broken], {
    cwd: root,
  }).catch((e) => e);
  assert.equal(merge.code, 4);
  assert.match(merge.stderr, /shard 2\/4: failed .*EISDIR/);
  const rerun = /GNU parallel: {2}(bash \S+ [\d ]+)\n/.exec(merge.stderr)?.[1];
  assert.ok(rerun?.includes(" 2"), `a rerun command naming shard 2: ${merge.stderr}`);
  fs.rmSync(blocker, { recursive: true });
  await exec("bash", ["-c", rerun as string]);
  assert.equal(fs.readFileSync(path.join(broken, "merged.csv"), "utf8"), single);
  for (const d of [dir, broken]) fs.rmSync(d, { recursive: true, force: true });
});

const slurmMissing = slurmUnavailable();
let cluster: OneNodeCluster | undefined;
after(async () => {
  await cluster?.stop();
});

function squeueEmpty(env: NodeJS.ProcessEnv): boolean {
  return execFileSync("squeue", ["-h"], { env, encoding: "utf8" }).trim() === "";
}

async function waitForQueue(env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!squeueEmpty(env)) {
    if (Date.now() > deadline) throw new Error(`Slurm jobs still queued after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Exit state of every task of a job, from scontrol (no accounting storage here). */
function jobStates(env: NodeJS.ProcessEnv, job: string): string[] {
  const text = execFileSync("scontrol", ["-o", "show", "job", job], { env, encoding: "utf8" });
  return text
    .trim()
    .split("\n")
    .map((line) => /JobState=(\S+)/.exec(line)?.[1] ?? "?");
}

test("Slurm: submit.sh runs a 4-task array job and a merge job, byte-identical to one process; a failed shard is named and `sbatch --array=<it>` repairs the sweep", {
  skip: slurmMissing ?? false,
}, async () => {
  cluster = await startOneNodeCluster();
  const env = { ...process.env, ...cluster.env };
  const dir = tmp();
  writePlan({ ...sweep, dir, shards: 4, cwd: root, emit: ["slurm"], cache: null });
  const submitted = execFileSync("bash", [path.join(dir, "slurm", "submit.sh")], { env, encoding: "utf8" });
  const arrayJob = /array_job=(\d+)/.exec(submitted)?.[1];
  const mergeJob = /merge_job=(\d+)/.exec(submitted)?.[1];
  assert.ok(arrayJob && mergeJob, `submit.sh prints both job ids: ${submitted}`);
  await waitForQueue(env);
  assert.deepEqual(jobStates(env, arrayJob as string), ["COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"]);
  assert.deepEqual(jobStates(env, mergeJob as string), ["COMPLETED"]);
  assert.equal(fs.readFileSync(path.join(dir, "merged.csv"), "utf8"), single);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "merged.manifest.json"), "utf8"));
  assert.deepEqual(
    manifest.shards.map((s: { provenance: { scheduler: string; jobId: string; taskId: string } }) => [
      s.provenance.scheduler,
      s.provenance.jobId,
      s.provenance.taskId,
    ]),
    [0, 1, 2, 3].map((i) => ["slurm", arrayJob, String(i)]),
  );

  // Shard 2 fails on purpose; the merge job is cancelled (its dependency can never be met).
  const broken = tmp();
  writePlan({ ...sweep, dir: broken, shards: 4, cwd: root, emit: ["slurm"], cache: null });
  const blocker = blockShard(broken);
  const again = execFileSync("bash", [path.join(broken, "slurm", "submit.sh")], { env, encoding: "utf8" });
  const failedArray = /array_job=(\d+)/.exec(again)?.[1] as string;
  await waitForQueue(env);
  assert.deepEqual(jobStates(env, failedArray).sort(), ["COMPLETED", "COMPLETED", "COMPLETED", "FAILED"]);
  assert.ok(!fs.existsSync(path.join(broken, "merged.csv")));
  const merge = await exec(process.execPath, ["--require", "tsx/cjs", "tools/sweep-cli.ts", "merge", "--dir", broken], {
    cwd: root,
  }).catch((e) => e);
  assert.equal(merge.code, 4, merge.stderr);
  assert.match(
    merge.stderr,
    new RegExp(`shard 2/4: failed on ${os.hostname().split(".")[0]}[^:]* \\(slurm job ${failedArray}, task 2\\)`),
  );
  const resubmit = /Slurm: {9}(sbatch --array=2 \S+array\.sbatch)/.exec(merge.stderr)?.[1];
  assert.ok(resubmit, `the merge prints the sbatch command for shard 2: ${merge.stderr}`);
  fs.rmSync(blocker, { recursive: true });
  execFileSync("bash", ["-c", resubmit as string], { env });
  await waitForQueue(env);
  await exec(process.execPath, ["--require", "tsx/cjs", "tools/sweep-cli.ts", "merge", "--dir", broken], { cwd: root });
  assert.equal(fs.readFileSync(path.join(broken, "merged.csv"), "utf8"), single);
  await cluster.stop();
  cluster = undefined;
  for (const d of [dir, broken]) fs.rmSync(d, { recursive: true, force: true });
});
