/**
 * What the scheduler tells a shard through its environment: which shard it is (`--shard auto`),
 * which job and task it runs as (for provenance), and how many CPUs it was given (worker threads
 * default to the allocation, not to the machine: a shared node must not be oversubscribed).
 *
 * - Slurm array jobs: SLURM_ARRAY_TASK_ID (the shard), SLURM_ARRAY_JOB_ID, SLURM_CPUS_PER_TASK.
 *   With a plan the task id is the shard number itself, so `--array=3,5` reruns shards 3 and 5.
 *   Without a plan the shard count comes from SLURM_ARRAY_TASK_COUNT, which only means "N" for an
 *   array 0…N−1 with step 1 (_MIN = 0, _STEP = 1); any other array is refused.
 * - Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX; with SWEEP_SHARDS="3,5" (a resubmission of some
 *   shards) index k runs the k-th listed shard.
 * - GNU parallel: PARALLEL_SEQ (1-based job sequence number) is shard PARALLEL_SEQ − 1.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import type { Shard } from "./types";

/** The scheduler a process runs under. */
export interface SchedulerContext {
  scheduler: "slurm" | "kubernetes" | "gnu-parallel" | "none";
  /** Job id (Slurm array job id, Kubernetes job name, parallel's PID); null when unknown. */
  jobId: string | null;
  /** Task id within the job (array task id, completion index, sequence number); null when unknown. */
  taskId: string | null;
}

/** Input of {@link schedulerContext} and {@link shardFromEnvironment}. */
export interface SchedulerEnvOptions {
  env?: NodeJS.ProcessEnv;
}

/**
 * Which scheduler (if any) started this process, from its environment variables.
 *
 * @example
 * schedulerContext({ env: { SLURM_JOB_ID: "9", SLURM_ARRAY_JOB_ID: "9", SLURM_ARRAY_TASK_ID: "1" } }).scheduler; // → "slurm"
 */
export function schedulerContext(options: SchedulerEnvOptions = {}): SchedulerContext {
  const env = options.env ?? process.env;
  if (env.SLURM_JOB_ID !== undefined) {
    const array = env.SLURM_ARRAY_JOB_ID;
    return { scheduler: "slurm", jobId: array ?? env.SLURM_JOB_ID, taskId: env.SLURM_ARRAY_TASK_ID ?? null };
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    return { scheduler: "kubernetes", jobId: env.SWEEP_JOB_NAME ?? null, taskId: env.JOB_COMPLETION_INDEX };
  }
  if (env.PARALLEL_SEQ !== undefined) {
    return { scheduler: "gnu-parallel", jobId: env.PARALLEL_PID ?? null, taskId: env.PARALLEL_SEQ };
  }
  return { scheduler: "none", jobId: null, taskId: null };
}

function whole(name: string, text: string | undefined, env: NodeJS.ProcessEnv): number {
  if (text === undefined || !/^\d+$/.test(text.trim())) {
    throw new RangeError(
      `--shard auto: ${name} must be a whole number; it is ${JSON.stringify(text ?? env[name] ?? null)}`,
    );
  }
  return Number(text);
}

/** Input of {@link shardFromEnvironment}. */
export interface ShardFromEnvironmentOptions extends SchedulerEnvOptions {
  /** The plan's shard count N; without it only a plain Slurm array 0…N−1 can say N. */
  count?: number;
}

/**
 * The shard this process must run, from the scheduler's variables (see the module comment).
 * RangeError naming the variable and its value when they do not describe a shard.
 *
 * @example
 * shardFromEnvironment({ env: { SLURM_JOB_ID: "7", SLURM_ARRAY_TASK_ID: "2" }, count: 4 }); // → {"index":2,"count":4}
 */
export function shardFromEnvironment(options: ShardFromEnvironmentOptions = {}): Shard {
  const env = options.env ?? process.env;
  const count = options.count;
  const within = (index: number, n: number, where: string): Shard => {
    if (index >= n) {
      throw new RangeError(`--shard auto: ${where} is ${index}, but the sweep has ${n} shards (0–${n - 1})`);
    }
    return { index, count: n };
  };
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const id = whole("SLURM_ARRAY_TASK_ID", env.SLURM_ARRAY_TASK_ID, env);
    if (count !== undefined) return within(id, count, `SLURM_ARRAY_TASK_ID`);
    const n = whole("SLURM_ARRAY_TASK_COUNT", env.SLURM_ARRAY_TASK_COUNT, env);
    const min =
      env.SLURM_ARRAY_TASK_MIN === undefined ? 0 : whole("SLURM_ARRAY_TASK_MIN", env.SLURM_ARRAY_TASK_MIN, env);
    const step =
      env.SLURM_ARRAY_TASK_STEP === undefined ? 1 : whole("SLURM_ARRAY_TASK_STEP", env.SLURM_ARRAY_TASK_STEP, env);
    if (min !== 0 || step !== 1) {
      throw new RangeError(
        `--shard auto: this array (SLURM_ARRAY_TASK_MIN=${min}, SLURM_ARRAY_TASK_STEP=${step}, ` +
          `SLURM_ARRAY_TASK_COUNT=${n}) is offset or stepped, so its task count is not the shard count; ` +
          `run with --plan (the plan knows N), or give --shard <i>/<N>`,
      );
    }
    return within(id, n, "SLURM_ARRAY_TASK_ID");
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    if (count === undefined) {
      throw new RangeError(
        "--shard auto: JOB_COMPLETION_INDEX does not say how many shards there are; run with --plan",
      );
    }
    const k = whole("JOB_COMPLETION_INDEX", env.JOB_COMPLETION_INDEX, env);
    const list = (env.SWEEP_SHARDS ?? "").trim();
    if (list === "") return within(k, count, "JOB_COMPLETION_INDEX");
    const shards = list.split(",").map((s) => whole("SWEEP_SHARDS entry", s, env));
    if (k >= shards.length) {
      throw new RangeError(
        `--shard auto: JOB_COMPLETION_INDEX is ${k} but SWEEP_SHARDS lists ${shards.length} shards (${list})`,
      );
    }
    return within(shards[k], count, `SWEEP_SHARDS[${k}]`);
  }
  if (env.PARALLEL_SEQ !== undefined) {
    if (count === undefined)
      throw new RangeError("--shard auto: PARALLEL_SEQ does not say how many shards there are; run with --plan");
    const seq = whole("PARALLEL_SEQ", env.PARALLEL_SEQ, env);
    if (seq < 1) throw new RangeError(`--shard auto: PARALLEL_SEQ must be ≥ 1; it is ${seq}`);
    return within(seq - 1, count, "PARALLEL_SEQ − 1");
  }
  throw new RangeError(
    "--shard auto: no scheduler variable found (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or PARALLEL_SEQ); " +
      "give --shard <i> (with --plan) or --shard <i>/<N>",
  );
}

/** CPUs the container's cgroup (v2) allows, when it sets a quota. */
function cgroupCpus(): number | undefined {
  try {
    const [quota, period] = fs.readFileSync("/sys/fs/cgroup/cpu.max", "utf8").trim().split(/\s+/);
    if (quota === "max") return undefined;
    const cpus = Math.floor(Number(quota) / Number(period));
    return Number.isFinite(cpus) ? Math.max(1, cpus) : undefined;
  } catch {
    return undefined;
  }
}

/** How many CPUs this process was given, and by whom. */
export interface CpuAllocation {
  cpus: number;
  source: "SLURM_CPUS_PER_TASK" | "cgroup cpu.max" | "CPU affinity";
}

/**
 * The CPUs this process may use: Slurm's SLURM_CPUS_PER_TASK, else the container's CPU quota, else
 * the CPUs in the process's affinity mask (os.availableParallelism); never the machine's core count.
 *
 * @example
 * allocatedCpus({ env: { SLURM_CPUS_PER_TASK: "4" } }).cpus; // → 4
 */
export function allocatedCpus(options: SchedulerEnvOptions = {}): CpuAllocation {
  const env = options.env ?? process.env;
  const affinity = os.availableParallelism();
  const slurm = Number(env.SLURM_CPUS_PER_TASK);
  if (Number.isSafeInteger(slurm) && slurm >= 1) return { cpus: slurm, source: "SLURM_CPUS_PER_TASK" };
  const quota = cgroupCpus();
  if (quota !== undefined && quota < affinity) return { cpus: quota, source: "cgroup cpu.max" };
  return { cpus: affinity, source: "CPU affinity" };
}
