/**
 * A sweep plan: the whole identity of a sweep (task and the hash of its code, grid, replications,
 * seed, shard count, the project's package and lockfile hashes) written once to `<dir>/plan.json`.
 * Every scheduler file, every shard and the merge are derived from it, so grid, seed and shard
 * count cannot drift apart between them; a shard run by other code refuses to start.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { canonicalJson } from "../../io/canonical-json";
import { SweepInfrastructureError } from "./errors";
import { validateGrid } from "../grid";
import { resolveTask, type TaskSpec } from "../task-ref";
import type { Grid } from "../types";
import { totalWorkItems } from "../work-items";
import * as validate from "../../validate";

/** Format tag of plan files. */
export const PLAN_FORMAT = "execution-tickets-sweep-plan/1";

/** Schedulers a plan can write files for. */
export const SCHEDULERS = ["slurm", "parallel", "k8s"] as const;
export type Scheduler = (typeof SCHEDULERS)[number];

/** What one shard asks of the machine (Slurm's and Kubernetes' terms). */
export interface PlanResources {
  /** CPUs per shard; each shard runs this many worker threads. */
  cpusPerTask: number;
  /** Memory per shard in Slurm's notation: an integer with an optional K, M, G or T suffix (binary units). */
  mem: string;
  /** Wall-time limit per shard, HH:MM:SS (hours may exceed 24). */
  time: string;
  /** Slurm partition; null: the cluster's default. */
  partition: string | null;
}

/** The fields that make a sweep what it is; their hash is the plan's hash. */
export interface PlanIdentity {
  /** Module path relative to the project root, export, id, and the hash of its import graph. */
  task: { module: string; export: string; id: string; version: string };
  grid: Grid;
  replications: number;
  seed: number | string;
  shards: number;
  /** Work items of the whole sweep. */
  totalItems: number;
  /** SHA-256 of the project's package.json and package-lock.json. */
  packageSha256: string;
  lockfileSha256: string;
}

/** Contents of `plan.json`. */
export interface SweepPlan {
  format: typeof PLAN_FORMAT;
  /** SHA-256 (hex) of the canonical JSON of `identity`. */
  hash: string;
  identity: PlanIdentity;
  resources: PlanResources;
  /** Schedulers whose files were written. */
  emit: Scheduler[];
  /** Shared result cache, relative to the plan's folder; null: no cache. */
  cache: string | null;
  /** Kubernetes placeholders: the image holding the project, and the claim of the volume holding the plan folder. */
  kubernetes: { image: string; volumeClaim: string };
}

/** Input of {@link makePlan}. */
export interface MakePlanOptions {
  /** The task, as for runSweep (a path relative to `root`, or absolute). */
  task: TaskSpec;
  grid: Grid;
  replications: number;
  seed: number | string;
  /** Number of shards N ≥ 1. */
  shards: number;
  /** The project folder holding package.json and package-lock.json; default: the nearest above `cwd`. */
  root?: string;
  /** Folder relative task paths start from; default process.cwd(). */
  cwd?: string;
  resources?: Partial<PlanResources>;
  emit?: readonly Scheduler[];
  cache?: string | null;
  kubernetes?: Partial<SweepPlan["kubernetes"]>;
}

const DEFAULT_RESOURCES: PlanResources = { cpusPerTask: 1, mem: "1G", time: "01:00:00", partition: null };
/** Placeholders a Kubernetes user must replace (documented in README "Scaling out"). */
export const K8S_PLACEHOLDERS = {
  image: "REPLACE-WITH-IMAGE",
  volumeClaim: "REPLACE-WITH-VOLUME-CLAIM",
} as const;

function fileSha256(file: string): string {
  try {
    return createHash("sha256")
      .update(new Uint8Array(fs.readFileSync(file)))
      .digest("hex");
  } catch (err) {
    throw new RangeError(
      `root must be the project folder with ${path.basename(file)}; cannot read ${file} (${(err as Error).message})`,
    );
  }
}

/**
 * The project folder: the nearest folder at or above `start` with a package-lock.json.
 *
 * @example
 * projectRoot(process.cwd()); // where plan files' task paths start from
 */
export function projectRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package-lock.json"))) return dir;
    if (path.dirname(dir) === dir)
      throw new RangeError(`root: no package-lock.json in ${start} or above it; pass root`);
  }
}

function validateResources(resources: Partial<PlanResources> = {}): PlanResources {
  validate.knownKeys("resources", resources, Object.keys(DEFAULT_RESOURCES));
  const r = { ...DEFAULT_RESOURCES, ...resources };
  validate.integer("resources.cpusPerTask", r.cpusPerTask, 1, 1024);
  if (typeof r.mem !== "string" || !/^[1-9]\d*[KMGT]?$/.test(r.mem)) {
    throw new RangeError(
      `resources.mem must be an integer with an optional K, M, G or T suffix (e.g. "2G"); received ${JSON.stringify(r.mem)}`,
    );
  }
  if (typeof r.time !== "string" || !/^\d+:[0-5]\d:[0-5]\d$/.test(r.time)) {
    throw new RangeError(`resources.time must be HH:MM:SS (e.g. "02:30:00"); received ${JSON.stringify(r.time)}`);
  }
  if (r.partition !== null && (typeof r.partition !== "string" || !/^[\w.-]+$/.test(r.partition))) {
    throw new RangeError(
      `resources.partition must be a Slurm partition name (letters, digits, _ . -) or null; received ${JSON.stringify(r.partition)}`,
    );
  }
  return r;
}

/**
 * Hash of a plan's identity (what two shards must share to be parts of one sweep).
 *
 * @example
 * planHash(makePlan({ task: "lib/market/task.ts#marketTask", grid: { n: [10] }, replications: 1, seed: 1, shards: 1 }).identity).length; // → 64
 */
export function planHash(identity: PlanIdentity): string {
  return createHash("sha256").update(canonicalJson(identity)).digest("hex");
}

/**
 * Builds (does not write) the plan of a sweep: validates every option, resolves the task and hashes
 * its code and the project's package files.
 *
 * @example
 * const plan = makePlan({ task: "lib/market/task.ts#marketTask", grid: { mechanism: ["fixed-price"], n: [10], d: [0.01] },
 *                         replications: 4, seed: 1, shards: 2 });
 * plan.identity.totalItems; // → 4
 */
export function makePlan(options: MakePlanOptions): SweepPlan {
  validate.knownKeys("makePlan options", options ?? {}, [
    "task",
    "grid",
    "replications",
    "seed",
    "shards",
    "root",
    "cwd",
    "resources",
    "emit",
    "cache",
    "kubernetes",
  ]);
  const grid = validateGrid({ grid: options.grid });
  const replications = validate.integer("replications", options.replications, 1);
  const seed = validate.seed(options.seed);
  const shards = validate.integer("shards", options.shards, 1, 1_000_000);
  const cwd = options.cwd ?? process.cwd();
  const root = path.resolve(options.root ?? projectRoot(cwd));
  const task = resolveTask({ task: options.task, cwd });
  const module = path.relative(root, task.file).split(path.sep).join("/");
  if (module.startsWith("..")) throw new RangeError(`task must lie inside the project ${root}; received ${task.file}`);
  const emit = [...new Set(options.emit ?? SCHEDULERS)];
  for (const s of emit) validate.oneOf("emit", s, SCHEDULERS);
  const cache = options.cache === undefined ? "cache" : options.cache;
  if (
    cache !== null &&
    (typeof cache !== "string" || cache === "" || path.isAbsolute(cache) || cache.startsWith(".."))
  ) {
    throw new RangeError(
      `cache must be a folder inside the plan folder (a relative path) or null; received ${JSON.stringify(cache)}`,
    );
  }
  validate.knownKeys("kubernetes", options.kubernetes ?? {}, Object.keys(K8S_PLACEHOLDERS));
  const identity: PlanIdentity = {
    task: { module, export: task.exportName, id: task.id, version: task.version },
    grid,
    replications,
    seed,
    shards,
    totalItems: totalWorkItems({ grid, replications }),
    packageSha256: fileSha256(path.join(root, "package.json")),
    lockfileSha256: fileSha256(path.join(root, "package-lock.json")),
  };
  return {
    format: PLAN_FORMAT,
    hash: planHash(identity),
    identity,
    resources: validateResources(options.resources),
    emit,
    cache,
    kubernetes: { ...K8S_PLACEHOLDERS, ...options.kubernetes },
  };
}

/** Input of {@link readPlan}. */
export interface ReadPlanOptions {
  /** The plan file (`<dir>/plan.json`) or its folder. */
  plan: string;
}

/**
 * Reads a plan and checks it is whole: the format tag and the hash over its identity.
 *
 * @example
 * const plan = readPlan({ plan: "build/sweeps/market/plan.json" });
 */
export function readPlan(options: ReadPlanOptions): SweepPlan {
  validate.knownKeys("readPlan options", options ?? {}, ["plan"]);
  const file = planFile(options.plan);
  let plan: SweepPlan;
  try {
    plan = JSON.parse(fs.readFileSync(file, "utf8")) as SweepPlan;
  } catch (err) {
    throw new SweepInfrastructureError(`cannot read the sweep plan ${file} (${(err as Error).message})`);
  }
  if (plan?.format !== PLAN_FORMAT)
    throw new SweepInfrastructureError(`${file} is not a sweep plan (format must be "${PLAN_FORMAT}")`);
  if (planHash(plan.identity) !== plan.hash) {
    throw new SweepInfrastructureError(
      `${file} was edited after it was made (its identity no longer matches its hash); make the plan again`,
    );
  }
  return plan;
}

/**
 * `<dir>/plan.json` for a folder, the path itself for a file.
 *
 * @example
 * readPlan({ plan: planFile("build/sweeps/market") }); // the same as readPlan({ plan: "build/sweeps/market" })
 */
export function planFile(planOrDir: string): string {
  return fs.existsSync(planOrDir) && fs.statSync(planOrDir).isDirectory()
    ? path.join(planOrDir, "plan.json")
    : planOrDir;
}
