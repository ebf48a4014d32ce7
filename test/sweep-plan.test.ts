/**
 * Planned sweeps on this machine (no scheduler): the plan and its generated files, shards that find
 * themselves from scheduler variables, provenance, a merge that verifies shards and names the ones to
 * rerun with exact commands, a task version that covers the task's whole import graph, and the
 * command line's exit codes. (test/sweep-schedulers.test.ts runs the same plans on Slurm and GNU parallel.)
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { parse } from "yaml";
import {
  IncompleteSweepError,
  SweepInfrastructureError,
  SweepTaskError,
  allocatedCpus,
  mergePlan,
  planStatus,
  readPlan,
  runPlannedShard,
  runSweep,
  shardFromEnvironment,
  taskSourceHash,
  toCSV,
  writePlan,
  type Grid,
} from "../lib/sweep";

const exec = promisify(execFile);
const root = path.join(__dirname, "..");
const cli = path.join(root, "tools", "sweep-cli.ts");
const meanTask = "test/fixtures/sweep/mean-task.ts#seededMean";
const grid: Grid = { n: [10, 100, 1000], mu: [1, 2.5] };
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "sweep-plan-"));

function sweepCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return exec(process.execPath, ["--require", "tsx/cjs", cli, ...args], {
    cwd: root,
    env: { ...process.env, CI: "true", ...env },
  });
}

async function exitOf(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stderr: string; stdout: string }> {
  try {
    const { stdout, stderr } = await sweepCli(args, env);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stderr: string; stdout: string };
    return { code: e.code, stderr: e.stderr, stdout: e.stdout };
  }
}

const plan4 = (dir: string, extra: Partial<Parameters<typeof writePlan>[0]> = {}) =>
  writePlan({ dir, task: meanTask, grid, replications: 5, seed: 2024, shards: 4, cwd: root, ...extra });

test("a plan holds the sweep's whole identity; the same plan again is accepted, a different one in its folder refused", () => {
  const dir = tmp();
  const { plan, files } = plan4(dir);
  assert.equal(plan.identity.totalItems, 30);
  assert.equal(plan.identity.task.module, "test/fixtures/sweep/mean-task.ts");
  assert.equal(plan.identity.task.version, taskSourceHash({ file: path.join(root, plan.identity.task.module) }).hash);
  assert.match(plan.identity.lockfileSha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(readPlan({ plan: dir }), plan);
  const names = files.map((f) => path.relative(dir, f)).sort();
  assert.deepEqual(names, [
    "k8s/job.yaml",
    "k8s/merge-job.yaml",
    "k8s/submit.sh",
    "parallel.sh",
    "plan.json",
    "slurm/array.sbatch",
    "slurm/merge.sbatch",
    "slurm/submit.sh",
  ]);
  assert.equal(plan4(dir).plan.hash, plan.hash);
  assert.throws(
    () => plan4(dir, { seed: 7 }),
    (err: Error) => err instanceof SweepInfrastructureError && /already holds another sweep's plan/.test(err.message),
  );
  // A hand-edited plan is refused: its identity no longer matches its hash.
  const edited = JSON.parse(fs.readFileSync(path.join(dir, "plan.json"), "utf8"));
  edited.identity.seed = 1;
  fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify(edited));
  assert.throws(() => readPlan({ plan: dir }), /was edited after it was made/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("every scheduler file comes from the plan: Slurm array 0–N−1, parallel's shard list, the Indexed Job", () => {
  const dir = tmp();
  const { plan } = plan4(dir, { resources: { cpusPerTask: 2, mem: "3G", time: "02:00:00", partition: "short" } });
  const array = fs.readFileSync(path.join(dir, "slurm", "array.sbatch"), "utf8");
  for (const line of [
    "--array=0-3",
    "--cpus-per-task=2",
    "--mem=3G",
    "--time=02:00:00",
    "--partition=short",
    `--chdir=${root}`,
  ]) {
    assert.ok(array.includes(`#SBATCH ${line}\n`), `array.sbatch has #SBATCH ${line}`);
  }
  assert.match(array, /run --plan \S+plan\.json --shard auto\n/);
  const merge = fs.readFileSync(path.join(dir, "slurm", "merge.sbatch"), "utf8");
  assert.match(merge, /#SBATCH --kill-on-invalid-dep=yes/);
  assert.match(fs.readFileSync(path.join(dir, "slurm", "submit.sh"), "utf8"), /--dependency=afterok:"\$array_job"/);
  const parallel = fs.readFileSync(path.join(dir, "parallel.sh"), "utf8");
  assert.match(parallel, /jobs=\$\(\( \$\(nproc\) \/ 2 \)\)/);
  assert.match(parallel, /--halt now,fail=1 --joblog/);
  assert.match(parallel, /seq 0 3/);
  assert.equal(fs.statSync(path.join(dir, "parallel.sh")).mode & 0o111, 0o111);

  // Kubernetes: parsed as YAML and checked against batch/v1 Job's fields.
  const [job] = fs
    .readFileSync(path.join(dir, "k8s", "job.yaml"), "utf8")
    .split(/^---$/m)
    .map((d) => parse(d));
  assert.equal(job.apiVersion, "batch/v1");
  assert.equal(job.kind, "Job");
  assert.equal(job.spec.completionMode, "Indexed");
  assert.equal(job.spec.completions, 4);
  assert.equal(job.spec.parallelism, 4);
  assert.equal(job.spec.backoffLimitPerIndex, 2);
  assert.equal(job.spec.template.spec.restartPolicy, "Never"); // required by backoffLimitPerIndex and podFailurePolicy
  assert.deepEqual(job.spec.podFailurePolicy.rules[0].onExitCodes.values, [1, 2]);
  const [container] = job.spec.template.spec.containers;
  assert.deepEqual(container.command.slice(-5), ["run", "--plan", "/sweep/plan.json", "--shard", "auto"]);
  assert.deepEqual(container.resources.requests, { cpu: "2", memory: "3Gi" });
  assert.equal(container.volumeMounts[0].mountPath, "/sweep");
  assert.equal(job.spec.template.spec.volumes[0].persistentVolumeClaim.claimName, "REPLACE-WITH-VOLUME-CLAIM");
  assert.equal(container.image, "REPLACE-WITH-IMAGE");
  // The index Kubernetes sets reaches --shard auto, through the manifest's SWEEP_SHARDS.
  const env = Object.fromEntries(
    container.env
      .filter((e: { value?: string }) => e.value !== undefined)
      .map((e: { name: string; value: string }) => [e.name, e.value]),
  );
  assert.deepEqual(shardFromEnvironment({ env: { ...env, JOB_COMPLETION_INDEX: "3" }, count: plan.identity.shards }), {
    index: 3,
    count: 4,
  });
  const mergeJob = parse(fs.readFileSync(path.join(dir, "k8s", "merge-job.yaml"), "utf8"));
  assert.deepEqual(mergeJob.spec.template.spec.containers[0].command.slice(-3), [
    "merge",
    "--plan",
    "/sweep/plan.json",
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("--shard auto reads Slurm, Kubernetes and GNU parallel variables and refuses what it cannot place", () => {
  const slurm = { SLURM_JOB_ID: "12", SLURM_ARRAY_JOB_ID: "11", SLURM_ARRAY_TASK_ID: "2" };
  assert.deepEqual(shardFromEnvironment({ env: slurm, count: 4 }), { index: 2, count: 4 });
  // A resubmission of shards 3 and 5 (--array=3,5): the task id is the shard; the plan says N.
  assert.deepEqual(
    shardFromEnvironment({
      env: { ...slurm, SLURM_ARRAY_TASK_ID: "5", SLURM_ARRAY_TASK_COUNT: "2", SLURM_ARRAY_TASK_MIN: "3" },
      count: 8,
    }),
    { index: 5, count: 8 },
  );
  assert.throws(
    () => shardFromEnvironment({ env: { ...slurm, SLURM_ARRAY_TASK_ID: "4" }, count: 4 }),
    /SLURM_ARRAY_TASK_ID is 4, but the sweep has 4 shards \(0–3\)/,
  );
  // Without a plan only a plain array 0…N−1 says N.
  const plain = { ...slurm, SLURM_ARRAY_TASK_COUNT: "4", SLURM_ARRAY_TASK_MIN: "0", SLURM_ARRAY_TASK_STEP: "1" };
  assert.deepEqual(shardFromEnvironment({ env: plain }), { index: 2, count: 4 });
  assert.throws(
    () => shardFromEnvironment({ env: { ...plain, SLURM_ARRAY_TASK_MIN: "2" } }),
    /SLURM_ARRAY_TASK_MIN=2.*offset or stepped/,
  );
  assert.throws(
    () => shardFromEnvironment({ env: { ...plain, SLURM_ARRAY_TASK_STEP: "2" } }),
    /SLURM_ARRAY_TASK_STEP=2.*offset or stepped/,
  );
  assert.deepEqual(shardFromEnvironment({ env: { JOB_COMPLETION_INDEX: "1" }, count: 4 }), { index: 1, count: 4 });
  assert.deepEqual(shardFromEnvironment({ env: { JOB_COMPLETION_INDEX: "1", SWEEP_SHARDS: "3,5" }, count: 8 }), {
    index: 5,
    count: 8,
  });
  assert.throws(
    () => shardFromEnvironment({ env: { JOB_COMPLETION_INDEX: "1" } }),
    /JOB_COMPLETION_INDEX does not say how many shards/,
  );
  assert.deepEqual(shardFromEnvironment({ env: { PARALLEL_SEQ: "3" }, count: 4 }), { index: 2, count: 4 });
  assert.throws(
    () => shardFromEnvironment({ env: { SLURM_ARRAY_TASK_ID: "x" }, count: 4 }),
    /SLURM_ARRAY_TASK_ID must be a whole number; it is "x"/,
  );
  assert.throws(
    () => shardFromEnvironment({ env: {} }),
    /no scheduler variable found \(SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or PARALLEL_SEQ\)/,
  );
});

test("workers default to the allocation (SLURM_CPUS_PER_TASK, else the CPU affinity), not the machine", () => {
  assert.deepEqual(allocatedCpus({ env: { SLURM_CPUS_PER_TASK: "3" } }), { cpus: 3, source: "SLURM_CPUS_PER_TASK" });
  const own = allocatedCpus({ env: {} });
  assert.ok(own.cpus >= 1 && own.cpus <= os.availableParallelism());
});

test("shards of a plan merge into the single-process CSV with every shard's provenance; missing ones are named with rerun commands", async () => {
  const dir = tmp();
  plan4(dir);
  const single = toCSV(await runSweep({ task: meanTask, grid, replications: 5, seed: 2024, workers: 0, cwd: root }));
  for (const shard of [0, 2, 3]) {
    await runPlannedShard({
      plan: dir,
      shard,
      workers: 1,
      env: { SLURM_JOB_ID: "7", SLURM_ARRAY_JOB_ID: "7", SLURM_ARRAY_TASK_ID: String(shard) },
    });
  }
  assert.throws(
    () => mergePlan({ plan: dir }),
    (err: Error) => {
      assert.ok(err instanceof IncompleteSweepError);
      assert.deepEqual(err.shards, [1]);
      assert.match(err.message, /shard 1\/4: missing/);
      assert.match(err.message, new RegExp(`sbatch --array=1 ${dir}/slurm/array\\.sbatch`));
      assert.match(err.message, new RegExp(`bash ${dir}/parallel\\.sh 1\\b`));
      assert.match(err.message, new RegExp(`kubectl apply -f ${dir}/k8s/job-shards-1\\.yaml`));
      return true;
    },
  );
  // The resubmission manifest runs just shard 1 as index 0.
  const resubmit = parse(fs.readFileSync(path.join(dir, "k8s", "job-shards-1.yaml"), "utf8"));
  assert.equal(resubmit.spec.completions, 1);
  const value = resubmit.spec.template.spec.containers[0].env.find(
    (e: { name: string }) => e.name === "SWEEP_SHARDS",
  ).value;
  assert.deepEqual(shardFromEnvironment({ env: { JOB_COMPLETION_INDEX: "0", SWEEP_SHARDS: value }, count: 4 }), {
    index: 1,
    count: 4,
  });
  assert.ok(!fs.existsSync(path.join(dir, "merged.csv")), "nothing merged while a shard is missing");

  await runPlannedShard({ plan: dir, shard: 1, workers: 1, env: {} });
  const { csvFile, manifest } = mergePlan({ plan: path.join(dir, "plan.json") });
  assert.equal(fs.readFileSync(csvFile, "utf8"), single);
  assert.equal(manifest.shards?.length, 4);
  const [p0, p1] = [manifest.shards?.[0].provenance, manifest.shards?.[1].provenance];
  assert.equal(p0?.scheduler, "slurm");
  assert.equal(p0?.jobId, "7");
  assert.equal(p0?.taskId, "0");
  assert.equal(p1?.scheduler, "none");
  assert.equal(p0?.host, os.hostname());
  assert.match(p0?.gitCommit ?? "", /^([0-9a-f]{40}(-dirty)?|not a git checkout)$/);
  assert.ok(Date.parse(p0?.finished ?? "") >= Date.parse(p0?.started ?? ""));

  // A shard CSV edited after the fact is not used.
  const shard2 = path.join(dir, "shards", "shard-2-of-4.csv");
  fs.appendFileSync(shard2, "1,2,3\n");
  assert.equal(planStatus({ plan: dir }).shards[2].state, "invalid");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a shard refuses code other than the plan's; a task that throws leaves a failure record the merge reports", async () => {
  const project = tmp();
  fs.writeFileSync(path.join(project, "package.json"), '{"name":"p","version":"1.0.0"}');
  fs.writeFileSync(path.join(project, "package-lock.json"), "{}");
  fs.writeFileSync(path.join(project, "helper.ts"), "export const offset = 1;\n");
  fs.writeFileSync(
    path.join(project, "task.ts"),
    'import { offset } from "./helper";\nexport function task({ params }: { params: { x: number } }) {\n  if (params.x === 3) throw new Error("x = 3 is out of range");\n  return { y: params.x + offset };\n}\n',
  );
  const dir = path.join(project, "sweep");
  writePlan({
    dir,
    task: "task.ts#task",
    grid: { x: [1, 2, 3] },
    replications: 1,
    seed: 1,
    shards: 3,
    cwd: project,
    root: project,
  });
  const cwd = process.cwd();
  process.chdir(project);
  try {
    await runPlannedShard({ plan: dir, shard: 0, workers: 0, env: {} });
    await assert.rejects(
      runPlannedShard({ plan: dir, shard: 2, workers: 0, env: {} }),
      (err: Error) => err instanceof SweepTaskError && /x = 3 is out of range/.test(err.message),
    );
    const status = planStatus({ plan: dir });
    assert.deepEqual(
      status.shards.map((s) => s.state),
      ["done", "missing", "failed"],
    );
    assert.throws(
      () => mergePlan({ plan: dir }),
      /shard 2\/3: failed on [^:]+: task task at \{"x":3\} replication 0 failed: x = 3 is out of range/,
    );
    // Editing a file the task imports (not the task's own file) changes its version: the shard refuses.
    fs.writeFileSync(path.join(project, "helper.ts"), "export const offset = 2;\n");
    await assert.rejects(
      runPlannedShard({ plan: dir, shard: 1, workers: 0, env: {} }),
      (err: Error) => err instanceof SweepInfrastructureError && /changed since the plan was made/.test(err.message),
    );
  } finally {
    process.chdir(cwd);
    fs.rmSync(project, { recursive: true, force: true });
  }
});

test("the cache key covers the task's imports: editing an imported file recomputes instead of serving stale results", async () => {
  const project = tmp();
  fs.writeFileSync(path.join(project, "helper.ts"), "export const scale = 1;\n");
  fs.writeFileSync(
    path.join(project, "task.ts"),
    'import { scale } from "./helper";\nexport function task({ params }: { params: { x: number } }) {\n  return { y: params.x * scale };\n}\n',
  );
  const cacheDir = path.join(project, "cache");
  const options = {
    task: path.join(project, "task.ts#task"),
    grid: { x: [1, 2] },
    replications: 1,
    seed: 1,
    workers: 0,
    cacheDir,
  };
  const first = await runSweep(options);
  assert.deepEqual(
    first.map((r) => r.y),
    [1, 2],
  );
  fs.writeFileSync(path.join(project, "helper.ts"), "export const scale = 10;\n");
  // A new process would load the new helper; the cache must not answer for it with the old results.
  const version = taskSourceHash({ file: path.join(project, "task.ts") }).hash;
  let cached = 0;
  await runSweep({ ...options, onProgress: (p) => (cached = p.cached) });
  assert.equal(cached, 0, `no item served from the cache after the import changed (version ${version})`);
  fs.rmSync(project, { recursive: true, force: true });
});

test("exit codes tell the task's failure (1), bad arguments (2), infrastructure (3) and an incomplete sweep (4) apart", async () => {
  const dir = tmp();
  const failing = path.join(dir, "failing");
  writePlan({
    dir: failing,
    task: "test/fixtures/sweep/mean-task.ts#failsAtHundred",
    grid: { n: [10, 100] },
    replications: 1,
    seed: 1,
    shards: 2,
    cwd: root,
  });
  // The merge runs first: next to the shard runs it raced shard 0's result (then "1 of 2").
  const incomplete = await exitOf(["merge", "--dir", failing]);
  const [threw, badArgs, noPlan, auto] = await Promise.all([
    exitOf(["run", "--plan", failing, "--shard", "1", "--workers", "0"]),
    exitOf(["run", "--plan", failing, "--shard", "2"]),
    exitOf(["run", "--plan", path.join(dir, "nowhere", "plan.json"), "--shard", "0"]),
    exitOf(["run", "--plan", failing, "--shard", "auto", "--workers", "0"], {
      SLURM_JOB_ID: "3",
      SLURM_ARRAY_TASK_ID: "0",
    }),
  ]);
  assert.equal(threw.code, 1, threw.stderr);
  assert.match(threw.stderr, /boom at n = 100/);
  assert.equal(badArgs.code, 2, badArgs.stderr);
  assert.match(badArgs.stderr, /shard must be an integer from 0 to 1 \(the plan has 2 shards\); received 2/);
  assert.equal(noPlan.code, 3, noPlan.stderr);
  assert.match(noPlan.stderr, /cannot read the sweep plan/);
  assert.equal(incomplete.code, 4, incomplete.stderr);
  assert.match(incomplete.stderr, /2 of 2 shards .* are not done/);
  assert.equal(auto.code, 0, auto.stderr);
  assert.match(auto.stderr, /wrote shard 0\/2/);
  const noScheduler = await exitOf(["run", "--plan", failing, "--shard", "auto"]);
  assert.equal(noScheduler.code, 2);
  assert.match(noScheduler.stderr, /no scheduler variable found/);
  fs.rmSync(dir, { recursive: true, force: true });
});
