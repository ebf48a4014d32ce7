/**
 * The execution cache (Jupyter Book's jupyter-cache and Quarto's freeze, keyed on everything that can
 * change a notebook's outputs, not on its text alone).
 *
 * The key is a SHA-256 over:
 * - the notebook's code cells (source and tags, in order), its kernelspec and the injected parameters;
 *   Markdown cells are left out: they cannot change outputs, so a Markdown edit reuses the outputs
 *   and re-renders the Markdown;
 * - every file under lib/ (sources, package.json, the built WebAssembly module; not the generated
 *   lib/.types) and data/: notebooks import the package root, which re-exports every module, so a
 *   notebook's import graph *is* all of lib/ (193 TypeScript files; with data/, the lockfile and
 *   the patch 205 files, hashed once per batch in 20–50 ms);
 * - package-lock.json and patches/ (the tslab patch), the tslab version, the Node version;
 * - the environment that changes outputs: ET_ENGINE, ET_FIGURE_PNG, and whether Chromium is there
 *   (figures carry a PNG fallback only when it is).
 *
 * An entry is `<dir>/<key>.ipynb` (the executed notebook, signed by this machine's runner) plus
 * `<dir>/<key>.json` (the inputs' hashes and the notebook's SHA-256). A read verifies the hash; a
 * restore that must re-sign (the Markdown changed) first verifies the entry's signature; an entry
 * served byte for byte keeps its signature, which the exporter verifies like any executed notebook.
 * A damaged or foreign entry is reported and re-executed, never served. Only successful runs are stored. `<dir>/last/<name>.json` remembers the inputs of a notebook's last
 * entry, so a miss can say what changed ("lib/model/ticket-value.ts changed").
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { writeFileAtomic } from "../../lib/io/write-file-atomic";
import { findChromium } from "../../lib/notebook/chromium";
import { PROJECT_ROOT } from "./kernelspec";
import { cellTags, type Notebook } from "./nbformat";
import type { Parameters } from "./parameters";
import { serializeNotebook } from "./serialize";
import { canonical, signatureMatches, signCells } from "./signature";

/** Default folder of cache entries. */
export const DEFAULT_CACHE_DIR = path.join(PROJECT_ROOT, "build", "cache", "notebooks");

/** Bumped when the entry format or the key's composition changes. */
const CACHE_VERSION = 1;

/** What the key was computed from, part by part (stored with each entry to explain later misses). */
export interface CacheInputs {
  version: number;
  /** SHA-256 of the code cells, kernelspec and parameters. */
  notebook: string;
  /** The injected parameters (for the reason text). */
  parameters: Parameters;
  /** Project-relative path → SHA-256, for every file of lib/, data/, the lockfile and patches/. */
  files: Record<string, string>;
  /** Node, tslab, ET_ENGINE, ET_FIGURE_PNG, Chromium. */
  toolchain: Record<string, string>;
}

/** Input of {@link cacheInputs}. */
export interface CacheInputsOptions {
  notebook: Notebook;
  parameters: Parameters;
  /** Project root whose lib/, data/, lockfile and patches/ are hashed (default the project's). */
  root?: string;
  env?: NodeJS.ProcessEnv;
  /** The project files' hashes, when already computed for a batch ({@link keyedFileHashes}). */
  files?: Record<string, string>;
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
/** A cell's source as one string (nbformat stores it as a string or a list of lines). */
const text = (v: unknown) => (Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "");

/** Every file under `dir` (recursively), skipping dot folders (lib/.types is generated) and node_modules. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** The files whose content enters every key: lib/, data/, package-lock.json, patches/. */
export function keyedFiles(root: string = PROJECT_ROOT): string[] {
  const files = [
    ...listFiles(path.join(root, "lib")),
    ...listFiles(path.join(root, "data")),
    ...listFiles(path.join(root, "patches")),
    path.join(root, "package-lock.json"),
  ].filter((f) => fs.existsSync(f));
  return files.map((f) => path.relative(root, f).split(path.sep).join("/")).sort();
}

/** Project-relative path → SHA-256 of every keyed file. */
export function keyedFileHashes(root: string = PROJECT_ROOT): Record<string, string> {
  const files: Record<string, string> = {};
  for (const rel of keyedFiles(root)) files[rel] = sha256(new Uint8Array(fs.readFileSync(path.join(root, rel))));
  return files;
}

function tslabVersion(root: string): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, "node_modules", "tslab", "package.json"), "utf8")).version;
  } catch {
    return "missing";
  }
}

/** The key's inputs for one notebook run. */
export function cacheInputs({
  notebook,
  parameters,
  root = PROJECT_ROOT,
  env = process.env,
  files = keyedFileHashes(root),
}: CacheInputsOptions): CacheInputs {
  const code = notebook.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => ({ source: text(c.source), tags: cellTags(c).sort() }));
  const chromium = findChromium({ env });
  return {
    version: CACHE_VERSION,
    notebook: sha256(canonical({ code, kernel: notebook.metadata?.kernelspec?.name ?? null, parameters })),
    parameters,
    files,
    toolchain: {
      node: process.version,
      tslab: tslabVersion(root),
      ET_ENGINE: env.ET_ENGINE ?? "",
      ET_FIGURE_PNG: env.ET_FIGURE_PNG ?? "",
      chromium: chromium.found ? "found" : "missing",
    },
  };
}

/** The cache key of a set of inputs. */
export function cacheKey(inputs: CacheInputs): string {
  return sha256(canonical(inputs));
}

/** Why a notebook ran although an earlier entry exists: the first parts that differ, in words. */
export function explainChange({ before, after }: { before: CacheInputs | undefined; after: CacheInputs }): string {
  if (!before) return "no cache entry";
  if (before.version !== after.version) return "cache format changed";
  if (canonical(before.parameters) !== canonical(after.parameters)) return "parameters changed";
  if (before.notebook !== after.notebook) return "code cells changed";
  const changed = [
    ...Object.keys(after.files).filter((f) => before.files[f] !== after.files[f]),
    ...Object.keys(before.files).filter((f) => !(f in after.files)),
  ].sort();
  if (changed.length) {
    const shown = changed.slice(0, 2).join(", ");
    return `${shown}${changed.length > 2 ? ` and ${changed.length - 2} more` : ""} changed`;
  }
  const tool = Object.keys(after.toolchain).find((k) => before.toolchain[k] !== after.toolchain[k]);
  if (tool) return `${tool} changed (${before.toolchain[tool] || "unset"} → ${after.toolchain[tool] || "unset"})`;
  return "cache entry missing";
}

/** Input of {@link readCache}. */
export interface ReadCacheOptions {
  dir: string;
  key: string;
}

/** A lookup's outcome: the executed notebook, or why there is none (`damaged` when an entry was refused). */
export type CacheLookup = { hit: true; notebook: Notebook; data: string } | { hit: false; damaged?: string };

/** Reads an entry, verifying its recorded hash. */
export function readCache({ dir, key }: ReadCacheOptions): CacheLookup {
  const file = path.join(dir, `${key}.ipynb`);
  const manifest = path.join(dir, `${key}.json`);
  if (!fs.existsSync(file) || !fs.existsSync(manifest)) return { hit: false };
  try {
    const data = fs.readFileSync(file, "utf8");
    const recorded = JSON.parse(fs.readFileSync(manifest, "utf8")) as { sha256?: string };
    if (recorded.sha256 !== sha256(data))
      return { hit: false, damaged: "its content does not match its recorded hash" };
    // The signature is checked when a restore must re-sign (restoreFromCache); an entry served as it
    // is keeps its own signature, which the exporter checks as it checks every executed notebook.
    return { hit: true, notebook: JSON.parse(data) as Notebook, data };
  } catch (err) {
    return { hit: false, damaged: `it cannot be read (${(err as Error).message})` };
  }
}

/** Input of {@link writeCache}. */
export interface WriteCacheOptions {
  dir: string;
  key: string;
  inputs: CacheInputs;
  /** The notebook's name (for the last-inputs record). */
  name: string;
  /** The executed, signed notebook. */
  notebook: Notebook;
}

/** Stores a successful run (notebook first, then its manifest: a half-written entry is never a hit). */
export function writeCache({ dir, key, inputs, name, notebook }: WriteCacheOptions): void {
  const data = serializeNotebook({ notebook });
  writeFileAtomic({ file: path.join(dir, `${key}.ipynb`), data });
  writeFileAtomic({
    file: path.join(dir, `${key}.json`),
    data: `${JSON.stringify({ key, sha256: sha256(data), inputs }, null, 1)}\n`,
  });
  writeFileAtomic({ file: path.join(dir, "last", `${name}.json`), data: `${JSON.stringify(inputs)}\n` });
}

/** The inputs of a notebook's last stored entry, if any. */
export function lastInputs({ dir, name }: { dir: string; name: string }): CacheInputs | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, "last", `${name}.json`), "utf8")) as CacheInputs;
  } catch {
    return undefined;
  }
}

/**
 * The executed notebook, as text, for the current source from a cached run: `prepared` is the
 * source as the runner prepares it (parameters injected, ids fixed), so its Markdown is the current
 * one; its code cells, the same as the cached run's (equal keys), get the cached outputs and
 * execution counts in order, and the cached run's record (which names its key). When that is the
 * entry itself (nothing but outputs differs), the entry's bytes are the answer: the run's own bytes,
 * signature included. Otherwise (an edited Markdown cell) the entry must carry this machine's
 * signature, and the result is signed again.
 */
export function restoreFromCache({
  prepared,
  cached,
  data,
  secret,
}: {
  prepared: Notebook;
  cached: Notebook;
  data: string;
  secret: Uint8Array;
}): string {
  const nb = structuredClone(prepared);
  const code = nb.cells.filter((c) => c.cell_type === "code");
  const cachedCode = cached.cells.filter((c) => c.cell_type === "code");
  if (code.length !== cachedCode.length) {
    throw new Error(`the entry has ${cachedCode.length} code cells and the notebook ${code.length}`);
  }
  code.forEach((cell, i) => {
    if (text(cell.source) !== text(cachedCode[i].source))
      throw new Error(`code cell ${i + 1} differs from the entry's`);
    cell.outputs = structuredClone(cachedCode[i].outputs ?? []);
    cell.execution_count = cachedCode[i].execution_count ?? null;
  });
  nb.metadata.execution = structuredClone(cached.metadata?.execution ?? {});
  nb.metadata["et-signature"] = cached.metadata?.["et-signature"];
  const same = serializeNotebook({ notebook: nb });
  if (same === data) return data;
  if (!signatureMatches(cached, secret)) throw new Error("it is not signed by this machine's runner");
  nb.metadata["et-signature"] = signCells(JSON.parse(same).cells, secret);
  return serializeNotebook({ notebook: nb });
}
