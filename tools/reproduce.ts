/**
 * npm run reproduce [-- --jobs <n>] [--force | --no-cache] [--fail-fast] [--timeout <s>] [--watch]
 *
 * Runs every notebooks/*.ipynb (sorted by name, none skipped) headlessly, on `--jobs` kernels at
 * once and through the execution cache (tools/nb/execution-cache.ts), then the exporter
 * (tools/export/cli.ts), then prints a table: notebook, status, seconds or "cached", cells, and why
 * each notebook ran. Exits 1 when a notebook or the export failed. `--watch` then reruns what each
 * saved change affects (tools/watch.ts).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { positive } from "../lib/validate";
import { autoReporter, DEFAULT_TIMEOUT_SECONDS, formatResultsTable, runNotebooks, silentReporter } from "./nb";
import { parseJobs, UsageError } from "./nb/cli";
import { type PassSummary, watchAndReproduce } from "./watch";
import { PROJECT_ROOT } from "./nb/kernelspec";
import { stopWhenOrphaned } from "./nb/orphan-guard";
import { skippedOutputsWarning } from "./skipped-outputs-warning";

export const NOTEBOOKS_DIR = path.join(PROJECT_ROOT, "notebooks");
const EXPORTER = path.join(PROJECT_ROOT, "tools", "export", "cli.ts");

export interface ListNotebooksOptions {
  /** Folder to list (default notebooks/ of the project). */
  dir?: string;
}

/** The .ipynb files of a folder, sorted by name, as paths relative to the project root. */
export function listNotebooks({ dir = NOTEBOOKS_DIR }: ListNotebooksOptions = {}): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => path.relative(PROJECT_ROOT, path.join(dir, f)));
}

/** Runs tools/export/cli.ts with tsx; returns its status, or "skipped" when it does not exist. */
function runExporter(quiet = false): { status: "ok" | "failed" | "skipped"; seconds: number } {
  if (!fs.existsSync(EXPORTER)) {
    console.log(`export skipped: ${path.relative(PROJECT_ROOT, EXPORTER)} does not exist`);
    return { status: "skipped", seconds: 0 };
  }
  if (!quiet) console.log(`\nexporting: tsx ${path.relative(PROJECT_ROOT, EXPORTER)}`);
  const t0 = performance.now();
  const tsx = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  const run = spawnSync(tsx, [path.relative(PROJECT_ROOT, EXPORTER)], {
    cwd: PROJECT_ROOT,
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
  });
  const seconds = (performance.now() - t0) / 1000;
  if (run.error) console.error(`export could not start: ${run.error.message}`);
  return { status: run.status === 0 ? "ok" : "failed", seconds };
}

const USAGE = `usage: npm run reproduce -- [--jobs <n>] [--force | --no-cache] [--fail-fast] [--timeout <s>] [--watch]
  --jobs <n>   notebooks executed at once (default: the cores this process may use)
  --force      re-execute every notebook (the cache is rewritten)
  --no-cache   neither read nor write the execution cache
  --watch      after the run, rerun what each saved change in notebooks/, lib/ or data/ affects, and re-export`;

/** Options of one reproduce pass. */
interface PassOptions {
  timeoutSeconds: number;
  jobs: number;
  cache?: { force: boolean };
  failFast: boolean;
}

/** Runs every notebook (through the cache) and the export; prints the table unless quiet. */
async function reproduceOnce(options: PassOptions, quiet = false): Promise<PassSummary> {
  const paths = listNotebooks();
  if (paths.length === 0) {
    console.error(`no notebooks found in ${path.relative(PROJECT_ROOT, NOTEBOOKS_DIR)}/ — nothing to reproduce`);
    return { status: 1, ran: [], cached: 0, failed: [], exported: "not run", seconds: 0 };
  }
  const t0 = performance.now();
  if (!quiet) console.log(`running ${paths.length} notebook(s) from notebooks/ on ${options.jobs} kernel(s) at once …`);
  const results = await runNotebooks({ paths, ...options, progress: quiet ? silentReporter : autoReporter() });
  const exported = runExporter(quiet);
  const total = (performance.now() - t0) / 1000;
  const failed = results.filter((r) => r.status !== "ok");
  const summary: PassSummary = {
    status: failed.length || exported.status === "failed" ? 1 : 0,
    ran: results.filter((r) => !r.cache?.hit).map((r) => r.path),
    cached: results.filter((r) => r.cache?.hit).length,
    failed: failed.map((r) => r.path),
    exported: exported.status === "skipped" ? "skipped" : `${exported.status} (${exported.seconds.toFixed(1)} s)`,
    seconds: total,
  };
  if (quiet) {
    for (const r of failed) if (r.error) console.error(r.error);
    return summary;
  }

  console.log(`\n${formatResultsTable({ results })}`);
  const exportText =
    exported.status === "skipped" ? "skipped" : `${exported.status} (${exported.seconds.toFixed(1)} s)`;
  console.log(`export: ${exportText}`);
  console.log(`reproduce took ${total.toFixed(1)} s`);
  if (failed.length) {
    console.error(`${failed.length} of ${results.length} notebook(s) failed: ${failed.map((r) => r.path).join(", ")}`);
  }
  if (exported.status === "failed") console.error("the export failed");
  const warning = skippedOutputsWarning();
  if (warning) console.error(`\n${warning}`);
  return summary;
}

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: {
        timeout: { type: "string" },
        jobs: { type: "string" },
        force: { type: "boolean" },
        "no-cache": { type: "boolean" },
        "fail-fast": { type: "boolean" },
        watch: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
    if (values.force && values["no-cache"]) throw new UsageError("--force and --no-cache exclude each other");
  } catch (err) {
    console.error(`reproduce: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const timeoutSeconds =
    values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : positive("--timeout", Number(values.timeout));
  let jobs: number;
  try {
    jobs = parseJobs(values.jobs as string | undefined);
  } catch (err) {
    console.error(`reproduce: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  process.chdir(PROJECT_ROOT);
  const options: PassOptions = {
    timeoutSeconds,
    jobs,
    cache: values["no-cache"] ? undefined : { force: values.force === true },
    failFast: values["fail-fast"] === true,
  };
  const { status } = await reproduceOnce(options);
  if (!values.watch) return status;
  // Later passes never force: they rerun what changed.
  watchAndReproduce({ run: () => reproduceOnce({ ...options, cache: options.cache && { force: false } }, true) });
  return new Promise<number>(() => {}); // until Ctrl-C
}

if (require.main === module) {
  stopWhenOrphaned();
  main().then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(`reproduce: ${(err as Error).message}`);
      process.exitCode = 1;
    },
  );
}
