/**
 * Executes notebooks headlessly through their real kernel and writes executed copies.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { notebookSecret, SIGNATURE_KEY, signCells } from "./signature";
import { writeFileAtomic } from "../../lib/io/write-file-atomic";
import { CellTimeoutError, KernelConnectionError, KernelDiedError, KernelSession } from "./kernel";
import { ensureKernelSpec, findKernelSpec, KERNEL_NAME, PROJECT_ROOT } from "./kernelspec";
import { type Cell, type CodeCell, cellTags, joinText, type Notebook } from "./nbformat";
import { NotebookInputError, readNotebook } from "./notebook-file";
import { DisplayRegistry, CellOutputs } from "./outputs";
import { INJECTED_TAG, injectParameters, type Parameters } from "./parameters";
import { type ProgressReporter, silentReporter } from "./progress";
import type { NotebookResult } from "./results";
import { serializeNotebook } from "./serialize";
import { parameterRunName } from "./run-name";
import {
  type CacheInputs,
  type CacheLookup,
  cacheInputs,
  cacheKey,
  DEFAULT_CACHE_DIR,
  explainChange,
  keyedFileHashes,
  lastInputs,
  readCache,
  restoreFromCache,
  writeCache,
} from "./execution-cache";

/** Default per-cell time limit. */
export const DEFAULT_TIMEOUT_SECONDS = 300;
/** Default folder of executed copies. */
export const DEFAULT_OUT_DIR = path.join(PROJECT_ROOT, "build", "notebooks");

const CELL_NUMBERING = "code cells counted from 1, markdown cells not counted";

/** Options shared by runNotebook and runNotebooks. */
export interface RunOptions {
  /** Per-cell time limit in seconds (default 300). */
  timeoutSeconds?: number;
  /** Values for the `parameters` cell, each a JSON value (see parseParamArgs). */
  params?: Parameters;
  /** Write the executed notebook over the source instead of into outDir. */
  inplace?: boolean;
  /** Folder of executed copies (default build/notebooks under the project root). */
  outDir?: string;
  /** How long a kernel may take to start (default 60 s). */
  startupTimeoutSeconds?: number;
  /** Progress display (default: silent). */
  progress?: ProgressReporter;
  /**
   * The execution cache (execution-cache.ts): reuse a run whose key is unchanged, store successful
   * runs. Off unless given; `force` re-executes (and stores the new run).
   */
  cache?: { dir?: string; force?: boolean };
}

export interface RunNotebookOptions extends RunOptions {
  /** The .ipynb file to execute. */
  path: string;
}

export interface RunNotebooksOptions extends RunOptions {
  /** The .ipynb files; results come back in this order. */
  paths: string[];
  /** Stop at the first notebook that does not succeed; the rest are reported as skipped (running ones are stopped). */
  failFast?: boolean;
  /** Notebooks executed at once, each on its own kernel (default 1). */
  jobs?: number;
}

/**
 * Executes one notebook in a fresh kernel and writes the executed copy (atomically). Never throws
 * for problems of the notebook itself: they come back as the result's status and `error`.
 */
export async function runNotebook(options: RunNotebookOptions): Promise<NotebookResult> {
  return runOne(options, 1, 1);
}

/**
 * Executes notebooks one after the other, each in its own kernel. A failing notebook does not
 * stop the others unless `failFast`.
 */
export async function runNotebooks({
  paths,
  failFast = false,
  jobs = 1,
  ...options
}: RunNotebooksOptions): Promise<NotebookResult[]> {
  const results: NotebookResult[] = new Array(paths.length);
  const targets = new Map<string, string>();
  const progress = options.progress ?? silentReporter;
  // Hash lib/ and data/ once for the whole batch (every notebook's key shares them).
  const files = options.cache ? keyedFileHashes() : undefined;
  const stop = new AbortController();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      const file = paths[i];
      const index = i + 1;
      if (stop.signal.aborted) {
        results[i] = skipped(file, options.params ?? {});
        progress.notebookFinished({ index, total: paths.length, result: results[i] });
        continue;
      }
      const target = path.resolve(outputPath({ file, ...options }));
      const clash = targets.get(target);
      targets.set(target, file);
      if (clash !== undefined) {
        const message = `${file}: its executed copy would overwrite that of ${clash} (${target}); rename one`;
        results[i] = invalid(file, options.params ?? {}, message);
        progress.notebookFinished({ index, total: paths.length, result: results[i] });
      } else {
        results[i] = await runOne({ path: file, ...options }, index, paths.length, { files, signal: stop.signal });
      }
      if (failFast && results[i].status !== "ok") stop.abort();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, paths.length)) }, worker));
  return results;
}

function skipped(file: string, parameters: Parameters): NotebookResult {
  return { path: file, status: "skipped", seconds: 0, cells: { executed: 0, total: 0 }, stderr: "", parameters };
}

/** Where a run's executed copy goes: over the source (--inplace), else outDir/<name>[.p-<hash>].ipynb. */
function outputPath({
  file,
  inplace,
  outDir,
  params = {},
}: {
  file: string;
  inplace?: boolean;
  outDir?: string;
  params?: Parameters;
}): string {
  if (inplace) return file;
  return path.join(
    outDir ?? DEFAULT_OUT_DIR,
    `${parameterRunName({ name: path.basename(file, ".ipynb"), params })}.ipynb`,
  );
}

function invalid(file: string, parameters: Parameters, error: string): NotebookResult {
  return { path: file, status: "invalid", seconds: 0, cells: { executed: 0, total: 0 }, error, stderr: "", parameters };
}

/** The notebook to execute: parameters injected, outputs cleared, nbformat 4.5 cell ids. */
function prepare(source: Notebook, file: string, params: Parameters): Notebook {
  const nb = structuredClone(source);
  nb.cells = injectParameters({ path: file, cells: nb.cells, params });
  const ids = new Set<string>();
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type === "code") {
      cell.outputs = [];
      cell.execution_count = null;
    }
    let id = typeof cell.id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(cell.id) ? cell.id : `cell-${i + 1}`;
    while (ids.has(id)) id = `${id}-${i + 1}`.slice(-64);
    ids.add(id);
    cell.id = id;
  });
  nb.nbformat_minor = Math.max(nb.nbformat_minor, 5);
  return nb;
}

/** "code cell 3 of 7" for a source cell, "the injected parameters cell" for the injected one. */
function cellName(cell: Cell, sourceNumber: number, total: number): string {
  return cellTags(cell).includes(INJECTED_TAG)
    ? "the injected parameters cell"
    : `code cell ${sourceNumber} of ${total}`;
}

function firstLine(cell: Cell): string {
  const line =
    joinText(cell.source)
      .split("\n")
      .find((l) => l.trim()) ?? "";
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/** What a batch shares with each of its runs: the hashed project files and the fail-fast signal. */
interface BatchContext {
  files?: Record<string, string>;
  signal?: AbortSignal;
}

async function runOne(
  options: RunNotebookOptions,
  index: number,
  total: number,
  batch: BatchContext = {},
): Promise<NotebookResult> {
  const { path: file, params = {}, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS, startupTimeoutSeconds = 60 } = options;
  const progress = options.progress ?? silentReporter;
  const started = new Date();
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  const finish = (result: NotebookResult) => {
    progress.notebookFinished({ index, total, result });
    return result;
  };

  let nb: Notebook;
  let kernelName: string;
  try {
    const source = readNotebook({ path: file });
    kernelName = source.metadata.kernelspec?.name ?? KERNEL_NAME;
    if (kernelName === KERNEL_NAME) ensureKernelSpec();
    try {
      findKernelSpec(kernelName);
    } catch (err) {
      throw new NotebookInputError(`${file}: metadata.kernelspec.name: ${(err as Error).message}`);
    }
    nb = prepare(source, file, params);
  } catch (err) {
    if (err instanceof NotebookInputError) return finish(invalid(file, params, err.message));
    throw err;
  }

  const sourceCells = nb.cells.filter((c) => c.cell_type === "code" && !cellTags(c).includes(INJECTED_TAG)).length;
  const target = outputPath({ file, inplace: options.inplace, outDir: options.outDir, params });
  let cacheEntry: { dir: string; key: string; inputs: CacheInputs; reason: string } | undefined;
  if (options.cache) {
    const dir = options.cache.dir ?? DEFAULT_CACHE_DIR;
    const inputs = cacheInputs({ notebook: nb, parameters: params, files: batch.files });
    const key = cacheKey(inputs);
    const name = path.basename(file, ".ipynb");
    const lookup: CacheLookup = options.cache.force ? { hit: false } : readCache({ dir, key });
    let damaged = lookup.hit ? undefined : lookup.damaged;
    if (lookup.hit) {
      try {
        const restored = restoreFromCache({
          prepared: nb,
          cached: lookup.notebook,
          data: lookup.data,
          secret: notebookSecret(),
        });
        // An executed copy that already holds these bytes is left alone (its mtime too).
        const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
        if (current !== restored) writeFileAtomic({ file: target, data: restored });
        progress.notebookStarted({ index, total, path: file, cells: 0 });
        return finish({
          path: file,
          status: "ok",
          seconds: seconds(),
          cells: { executed: sourceCells, total: sourceCells },
          stderr: "",
          parameters: params,
          output: target,
          cache: { hit: true, reason: "unchanged" },
        });
      } catch (err) {
        damaged = (err as Error).message;
      }
    }
    const reason = options.cache.force
      ? "--force"
      : damaged
        ? `cache entry damaged (${damaged})`
        : explainChange({ before: lastInputs({ dir, name }), after: inputs });
    cacheEntry = { dir, key, inputs, reason };
  }
  const toRun = nb.cells.filter((c): c is CodeCell => c.cell_type === "code");
  const result: NotebookResult = {
    path: file,
    status: "ok",
    seconds: 0,
    cells: { executed: 0, total: sourceCells },
    stderr: "",
    parameters: params,
    kernel: { name: kernelName },
    ...(cacheEntry ? { cache: { hit: false, reason: cacheEntry.reason } } : {}),
  };
  progress.notebookStarted({ index, total, path: file, cells: toRun.length });

  let kernel: KernelSession | undefined;
  try {
    try {
      kernel = await KernelSession.start({
        name: kernelName,
        cwd: path.dirname(path.resolve(file)),
        startupTimeoutMs: startupTimeoutSeconds * 1000,
      });
      result.kernel = { name: kernelName, pid: kernel.pid };
    } catch (err) {
      result.status = "crashed";
      result.error = `${file}: the kernel "${kernelName}" could not be started: ${(err as Error).message}`;
      return finish(done(result, seconds()));
    }
    const displays = new DisplayRegistry();
    let sourceNumber = 0;
    let count = 0;
    for (const [j, cell] of toRun.entries()) {
      if (batch.signal?.aborted) {
        result.status = "skipped";
        result.error = `${file}: stopped by --fail-fast after another notebook failed`;
        break;
      }
      const injected = cellTags(cell).includes(INJECTED_TAG);
      if (!injected) sourceNumber++;
      progress.cellStarted({ index: j + 1, total: toRun.length, notebook: index });
      const code = joinText(cell.source);
      if (!code.trim()) {
        if (!injected) result.cells.executed++;
        continue; // like nbclient: empty cells are not sent and keep no execution count
      }
      const collector = new CellOutputs({ displays });
      cell.outputs = collector.outputs;
      cell.execution_count = ++count;
      const where = `${file}: ${cellName(cell, sourceNumber, sourceCells)}`;
      const snippet = `\n  cell starts: ${firstLine(cell)}`;
      try {
        const reply = await kernel.execute({
          code,
          timeoutMs: timeoutSeconds * 1000,
          onIopub: (msg) => collector.handle(msg),
        });
        result.stderr += collector.stderr;
        if (reply.status !== "ok") {
          const aborted = reply.status !== "error";
          const text = aborted
            ? "the kernel aborted the request (tslab drops requests that arrive right after an error)"
            : tidyErrorText(collector.stderr) ||
              collector.errorText() ||
              "(the kernel reported an error without any text)";
          result.status = "failed";
          result.failedCell = injected ? undefined : sourceNumber;
          result.error = `${where} failed (${CELL_NUMBERING})${snippet}\n${text}`;
          break;
        }
        if (!injected) result.cells.executed++;
      } catch (err) {
        result.stderr += collector.stderr;
        result.failedCell = injected ? undefined : sourceNumber;
        if (err instanceof CellTimeoutError) {
          result.status = "timeout";
          result.error = `${where} timed out after ${timeoutSeconds} s (${CELL_NUMBERING}); the kernel was killed${snippet}`;
        } else if (err instanceof KernelDiedError) {
          result.status = "crashed";
          result.error = `${where}: the kernel died while running it (${CELL_NUMBERING})${snippet}\n${err.message}`;
        } else {
          // Never let a runner-side failure (e.g. a zeromq socket error) escape without saying where.
          const text = err instanceof KernelConnectionError ? err.message : ((err as Error)?.stack ?? String(err));
          result.status = "crashed";
          result.error = `${where}: the runner lost the kernel while running it (${CELL_NUMBERING})${snippet}\n${text}`;
        }
        break;
      } finally {
        collector.finish();
      }
    }
  } finally {
    await kernel?.shutdown();
  }

  done(result, seconds());
  nb.metadata.execution = {
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
    parameters: params,
    started: started.toISOString(),
    seconds: Math.round(result.seconds * 100) / 100,
    kernel: kernelName,
    timeout_seconds: timeoutSeconds,
    ...(cacheEntry ? { cache: { key: cacheEntry.key } } : {}),
  };
  // Sign what this runner produced (signature.ts): the exporter trusts these outputs and no others.
  nb.metadata[SIGNATURE_KEY] = signCells(JSON.parse(serializeNotebook({ notebook: nb })).cells, notebookSecret());
  writeFileAtomic({ file: target, data: serializeNotebook({ notebook: nb }) });
  result.output = target;
  // Only a clean, complete run is stored: a failure, a timeout or a stopped run never is.
  if (cacheEntry && result.status === "ok") {
    writeCache({ ...cacheEntry, name: path.basename(file, ".ipynb"), notebook: nb });
  }
  return finish(result);
}

/** The error text without stack frames inside tslab and Node internals (noise for the reader). */
function tidyErrorText(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\s+at .*(node:|node_modules[\\/]tslab[\\/])/.test(line))
    .join("\n")
    .trim();
}

function done(result: NotebookResult, seconds: number): NotebookResult {
  result.seconds = seconds;
  return result;
}
