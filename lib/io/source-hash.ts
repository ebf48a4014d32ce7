/**
 * The version of a task's code: a hash over every local source file its module reaches through
 * imports (relative paths and packages that resolve outside node_modules, such as this workspace's
 * `execution-tickets`), the WebAssembly modules built beside them, and the lockfile that pins the
 * installed packages. A change to any file the task imports is a new version, so a cache keyed on it
 * never serves a result computed by other code.
 *
 * Imports are found by scanning the source text (static `import`/`export … from`, `import("…")`,
 * `require("…")`); a module named by a computed string, or a data file the task reads at run time,
 * is not seen: give such a task an explicit `version`.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

const IMPORT_PATTERNS = [
  /\bfrom\s*["']([^"']+)["']/g,
  /\bimport\s*["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
];
const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".cjs", ".mjs", ".json"];

/** Input of {@link taskSourceHash}. */
export interface TaskSourceHashOptions {
  /** Absolute path of the task's module file. */
  file: string;
}

/** What {@link taskSourceHash} hashed. */
export interface TaskSourceHash {
  /** 16 hex digits of SHA-256 over the files' paths and bytes. */
  hash: string;
  /** The files hashed, as absolute paths in hash order. */
  files: string[];
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function resolveLocal(spec: string, from: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ];
  // TypeScript sources import "./x.js" for "./x.ts".
  if (/\.[cm]?js$/.test(base)) candidates.push(base.replace(/\.([cm]?)js$/, ".$1ts"));
  return candidates.find(isFile);
}

function resolvePackage(spec: string, from: string): string | undefined {
  if (spec.startsWith("node:")) return undefined;
  try {
    const resolved = fs.realpathSync(require.resolve(spec, { paths: [path.dirname(from)] }));
    return resolved.split(path.sep).includes("node_modules") ? undefined : resolved;
  } catch {
    return undefined; // a builtin, or a package that is not installed: the lockfile stands for it
  }
}

function importsOf(file: string, text: string): string[] {
  if (!/\.[cm]?[jt]sx?$/.test(file)) return [];
  const found: string[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const spec = match[1];
      const target = spec.startsWith(".") ? resolveLocal(spec, file) : resolvePackage(spec, file);
      if (target) found.push(fs.realpathSync(target));
    }
  }
  return found;
}

function nearestUp(start: string, name: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, name);
    if (isFile(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** WebAssembly modules in a `build/` folder beside a source: the code the source loads at run time. */
function builtModules(dir: string): string[] {
  const build = path.join(dir, "build");
  if (!fs.existsSync(build)) return [];
  return fs
    .readdirSync(build)
    .filter((name) => name.endsWith(".wasm"))
    .map((name) => path.join(build, name));
}

/**
 * Hashes a task module's whole local import graph (see the module comment).
 *
 * @example
 * taskSourceHash({ file: "lib/market/task.ts" }).hash; // 16 hex digits; any edit of lib/market, lib/model, … changes it
 */
export function taskSourceHash(options: TaskSourceHashOptions): TaskSourceHash {
  const file = options?.file;
  if (typeof file !== "string" || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new RangeError(`file must be the path of the task's module file; received ${JSON.stringify(file)}`);
  }
  const start = fs.realpathSync(file);
  const seen = new Set<string>([start]);
  const queue = [start];
  const dirs = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop() as string;
    dirs.add(path.dirname(file));
    for (const next of importsOf(file, fs.readFileSync(file, "utf8"))) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  for (const dir of dirs) for (const wasm of builtModules(dir)) seen.add(wasm);
  const lockfile = nearestUp(path.dirname(start), "package-lock.json");
  const files = [...seen].sort();
  if (lockfile) files.push(lockfile);
  // Paths are hashed relative to the lockfile's folder (the project), so a clone elsewhere has the same version.
  const root = lockfile ? path.dirname(lockfile) : path.dirname(start);
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${path.relative(root, file).split(path.sep).join("/")}\0`);
    hash.update(new Uint8Array(fs.readFileSync(file)));
    hash.update("\0");
  }
  return { hash: hash.digest("hex").slice(0, 16), files };
}
