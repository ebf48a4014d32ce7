/**
 * npm run reproduce [-- --timeout <s>]
 *
 * Runs every notebooks/*.ipynb (sorted by name, none skipped) headlessly, then the exporter
 * (tools/export/cli.ts) when it exists, then prints a table: notebook, status, seconds, cells.
 * Exits 1 when a notebook or the export failed.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { positive } from "../lib/validate";
import { autoReporter, DEFAULT_TIMEOUT_SECONDS, formatResultsTable, runNotebooks } from "./nb";
import { PROJECT_ROOT } from "./nb/kernelspec";
import { stopWhenOrphaned } from "./nb/orphan-guard";

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
function runExporter(): { status: "ok" | "failed" | "skipped"; seconds: number } {
  if (!fs.existsSync(EXPORTER)) {
    console.log(`export skipped: ${path.relative(PROJECT_ROOT, EXPORTER)} does not exist`);
    return { status: "skipped", seconds: 0 };
  }
  console.log(`\nexporting: tsx ${path.relative(PROJECT_ROOT, EXPORTER)}`);
  const t0 = performance.now();
  const tsx = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  const run = spawnSync(tsx, [path.relative(PROJECT_ROOT, EXPORTER)], { cwd: PROJECT_ROOT, stdio: "inherit" });
  const seconds = (performance.now() - t0) / 1000;
  if (run.error) console.error(`export could not start: ${run.error.message}`);
  return { status: run.status === 0 ? "ok" : "failed", seconds };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { timeout: { type: "string" } } });
  const timeoutSeconds =
    values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : positive("--timeout", Number(values.timeout));
  process.chdir(PROJECT_ROOT);
  const paths = listNotebooks();
  if (paths.length === 0) {
    console.error(`no notebooks found in ${path.relative(PROJECT_ROOT, NOTEBOOKS_DIR)}/ — nothing to reproduce`);
    return 1;
  }
  const t0 = performance.now();
  console.log(`running ${paths.length} notebook(s) from notebooks/ …`);
  const results = await runNotebooks({ paths, timeoutSeconds, progress: autoReporter() });
  const exported = runExporter();
  const total = (performance.now() - t0) / 1000;

  console.log(`\n${formatResultsTable({ results })}`);
  const exportText =
    exported.status === "skipped" ? "skipped" : `${exported.status} (${exported.seconds.toFixed(1)} s)`;
  console.log(`export: ${exportText}`);
  console.log(`reproduce took ${total.toFixed(1)} s`);
  const failed = results.filter((r) => r.status !== "ok");
  if (failed.length) {
    console.error(`${failed.length} of ${results.length} notebook(s) failed: ${failed.map((r) => r.path).join(", ")}`);
  }
  if (exported.status === "failed") console.error("the export failed");
  return failed.length || exported.status === "failed" ? 1 : 0;
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
