/**
 * Naming a task so that worker threads (and other machines, for shards) can load it: a module
 * path plus an export name, e.g. "test/fixtures/sweep/mean-task.ts#seededMean".
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { taskSourceHash } from "../io/source-hash";
import * as validate from "../validate";

/** A task given as an object. */
export interface TaskRef {
  /** Module path (absolute, relative to `cwd`, a file:// URL, or a package specifier). */
  module: string;
  /** Export name; defaults to "default". */
  export?: string;
  /**
   * Version string, part of the cache key and of a shard's identity. Defaults to a hash of the
   * task's whole local import graph and the lockfile (see taskSourceHash); set it when the task's
   * results depend on something that graph cannot see (a data file read at run time).
   */
  version?: string;
  /** Stable name used in cache keys and manifests; defaults to "<path from package root>#<export>". */
  id?: string;
}

/** A task as "<module>#<export>" or as a {@link TaskRef}. */
export type TaskSpec = string | TaskRef;

/** A task after resolution: everything a worker and the cache need. */
export interface ResolvedTask {
  /** Absolute file name of the module. */
  file: string;
  exportName: string;
  id: string;
  version: string;
}

/** Input of {@link resolveTask}. */
export interface ResolveTaskOptions {
  task: unknown;
  /** Folder that relative module paths start from; defaults to process.cwd(). */
  cwd?: string;
}

const FORMAT = `"<module>#<export>" (e.g. "test/fixtures/sweep/mean-task.ts#seededMean") or { module, export?, version?, id? }`;

function parseTask(task: unknown): TaskRef {
  if (typeof task === "string") {
    const hash = task.lastIndexOf("#");
    const ref = hash < 0 ? { module: task } : { module: task.slice(0, hash), export: task.slice(hash + 1) };
    if (ref.module.length === 0 || ref.export === "") {
      throw new RangeError(`task must be ${FORMAT}; received ${JSON.stringify(task)}`);
    }
    return ref;
  }
  if (task !== null && typeof task === "object" && typeof (task as TaskRef).module === "string") {
    const ref = task as TaskRef;
    for (const key of ["export", "version", "id"] as const) {
      if (ref[key] !== undefined && (typeof ref[key] !== "string" || ref[key] === "")) {
        throw new RangeError(`task.${key} must be a non-empty string; received ${JSON.stringify(ref[key])}`);
      }
    }
    if (ref.module.length > 0) return ref;
  }
  throw new RangeError(`task must be ${FORMAT}; received ${JSON.stringify(task)}`);
}

function resolveModule(spec: string, cwd: string): string {
  if (spec.startsWith("file:")) return require.resolve(fileURLToPath(spec));
  const explicit = path.isAbsolute(spec) || spec.startsWith("./") || spec.startsWith("../");
  try {
    return require.resolve(path.resolve(cwd, spec));
  } catch (err) {
    if (explicit) throw err;
    return require.resolve(spec, { paths: [cwd] });
  }
}

function packageRoot(file: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(file);
  }
}

/**
 * Resolves a task to an absolute module file, export name, stable id and version. Throws a
 * RangeError naming `task` when it is malformed or its module cannot be found. The export itself
 * is checked where the module is loaded (in a worker, or inline).
 *
 * @example
 * const task = resolveTask({ task: "lib/market/task.ts#marketTask" }); // { file, exportName, id, version }
 */
export function resolveTask(options: ResolveTaskOptions): ResolvedTask {
  validate.knownKeys("resolveTask options", options ?? {}, ["task", "cwd"]);
  const { task, cwd = process.cwd() } = options;
  const ref = parseTask(task);
  let file: string;
  try {
    file = resolveModule(ref.module, cwd);
  } catch {
    throw new RangeError(
      `task must name a module that exists; cannot resolve ${JSON.stringify(ref.module)} from ${cwd}`,
    );
  }
  const exportName = ref.export ?? "default";
  const id = ref.id ?? `${path.relative(packageRoot(file), file).split(path.sep).join("/")}#${exportName}`;
  const version = ref.version ?? taskSourceHash({ file }).hash;
  return { file, exportName, id, version };
}
