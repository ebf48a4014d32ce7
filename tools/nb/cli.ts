/**
 * npm run nb -- run <notebook.ipynb>... [--timeout <s>] [--param name=json]... [--fail-fast]
 *                   [--inplace] [--out-dir <dir>] [--jobs <n>] [--force | --no-cache]
 * npm run nb -- new <name>   (fork the template; see new-notebook.ts)
 */
import { availableParallelism } from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { positive } from "../../lib/validate";
import { type Parameters, ParameterSyntaxError, parseParamArgs } from "./parameters";
import { autoReporter } from "./progress";
import { newCommand } from "./new-notebook";
import { formatResultsTable } from "./report";
import { outputDirProblem, userPath } from "./cli-paths";
import { stopWhenOrphaned } from "./orphan-guard";
import { DEFAULT_OUT_DIR, DEFAULT_TIMEOUT_SECONDS, runNotebooks } from "./run-notebook";

/** The longest per-cell timeout: Node's timers hold at most 2^31 − 1 ms. */
export const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

export const USAGE = `Usage: npm run nb -- run <notebook.ipynb>... [options]

Executes notebooks headlessly through the project's tslab kernel and writes executed copies
to build/notebooks/ (the sources are left untouched unless --inplace).

Options:
  --timeout <s>        per-cell time limit in seconds (default ${DEFAULT_TIMEOUT_SECONDS})
  --param <name=json>  override a default of the cell tagged "parameters"; repeatable.
                       Values are JSON: --param n=1000 --param d=1e-4 --param label='"fast"'
  --fail-fast          stop at the first notebook that fails (running ones stop too)
  --jobs <n>           notebooks executed at once, each on its own kernel
                       (default: the cores this process may use, ${availableParallelism()})
  --force              re-execute even when the execution cache holds an unchanged run
  --no-cache           neither read nor write the execution cache (build/cache/notebooks)
  --inplace            write the executed notebook over the source
  --out-dir <dir>      folder for executed copies (default build/notebooks)
  -h, --help           show this help

A notebook is reused from the execution cache when nothing that can change its outputs changed:
its code cells and parameters, any file of lib/ or data/, the lockfile, the tslab patch, Node,
ET_ENGINE, ET_FIGURE_PNG and Chromium's presence. A Markdown-only edit reuses the outputs.
Errors name the notebook and the code cell, counted from 1 over code cells only.
Exit status: 0 when every notebook succeeded, 1 when one did not, 2 for bad usage.

       npm run nb -- new <name>    fork notebooks/template.ipynb into notebooks/<name>.ipynb
                                   (npm run nb -- new --help for its options)`;

export class UsageError extends Error {}

interface CliRun {
  paths: string[];
  timeoutSeconds: number;
  params: Parameters;
  failFast: boolean;
  inplace: boolean;
  outDir?: string;
  jobs: number;
  cache?: { force: boolean };
}

function parseCommandLine(argv: string[]): CliRun | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        timeout: { type: "string" },
        param: { type: "string", multiple: true },
        "fail-fast": { type: "boolean" },
        inplace: { type: "boolean" },
        "out-dir": { type: "string" },
        jobs: { type: "string" },
        force: { type: "boolean" },
        "no-cache": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === "help") return "help";
  // "run" may be left out: `nb notebooks/02-x.ipynb` means `nb run notebooks/02-x.ipynb`.
  const [command, ...paths] = positionals[0]?.endsWith(".ipynb") ? ["run", ...positionals] : positionals;
  if (command !== "run") throw new UsageError(command ? `unknown command "${command}"` : "missing command");
  if (paths.length === 0) throw new UsageError("no notebook given");
  if (values.inplace && values["out-dir"]) throw new UsageError("--inplace and --out-dir exclude each other");
  let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  if (values.timeout !== undefined) {
    try {
      timeoutSeconds = positive("--timeout", values.timeout.trim() === "" ? NaN : Number(values.timeout));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    // Node's timers hold at most 2^31 − 1 ms; a longer delay silently becomes 1 ms.
    if (timeoutSeconds > MAX_TIMEOUT_SECONDS) {
      throw new UsageError(
        `--timeout must be at most ${MAX_TIMEOUT_SECONDS} seconds (Node's timers hold 2^31 − 1 ms, about 24.8 days); received ${values.timeout}`,
      );
    }
  }
  // Relative paths mean what they meant where the user typed them (npm runs scripts in the project root).
  const notebooks = paths.map((p) => (path.isAbsolute(p) ? p : path.relative(process.cwd(), userPath(p)) || p));
  const outDir =
    values["out-dir"] === undefined ? undefined : path.relative(process.cwd(), userPath(values["out-dir"])) || ".";
  if (!values.inplace) {
    const target = path.resolve(outDir ?? DEFAULT_OUT_DIR);
    const clash = notebooks.find((p) => path.dirname(path.resolve(p)) === target);
    if (clash) {
      throw new UsageError(
        `--out-dir ${values["out-dir"] ?? DEFAULT_OUT_DIR} is the folder of ${clash}: the executed copy would overwrite the source; pass --inplace to do that on purpose`,
      );
    }
    const problem = outputDirProblem(outDir ?? DEFAULT_OUT_DIR);
    if (problem) throw new UsageError(`--out-dir: ${problem}`);
  }
  if (values.force && values["no-cache"]) throw new UsageError("--force and --no-cache exclude each other");
  return {
    paths: notebooks,
    jobs: parseJobs(values.jobs),
    cache: values["no-cache"] ? undefined : { force: values.force ?? false },
    timeoutSeconds,
    params: parseParamArgs({ args: values.param ?? [] }),
    failFast: values["fail-fast"] ?? false,
    inplace: values.inplace ?? false,
    outDir,
  };
}

/** --jobs: an integer from 1 to 64; default the cores this process may run on (CPU affinity respected). */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const jobs = Number(value.trim() === "" ? Number.NaN : value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    throw new UsageError(`--jobs must be an integer from 1 to 64; received ${JSON.stringify(value)}`);
  }
  return jobs;
}

export interface MainOptions {
  /** Arguments after the script name. */
  argv: string[];
}

/** Runs the CLI; resolves with the exit status. */
export async function main({ argv }: MainOptions): Promise<number> {
  if (argv[0] === "new") return newCommand({ argv: argv.slice(1) });
  let run: CliRun | "help";
  try {
    run = parseCommandLine(argv);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ParameterSyntaxError) {
      process.stderr.write(`nb: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (run === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const results = await runNotebooks({ ...run, progress: autoReporter() });
  if (results.length > 1) process.stdout.write(`\n${formatResultsTable({ results })}\n`);
  const failed = results.filter((r) => r.status !== "ok");
  if (failed.length) {
    process.stderr.write(`\n${failed.length} of ${results.length} notebook(s) did not succeed.\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  stopWhenOrphaned();
  main({ argv: process.argv.slice(2) }).then(
    (code) => (process.exitCode = code),
    (err) => {
      process.stderr.write(`nb: ${(err as Error).stack ?? err}\n`);
      process.exitCode = 1;
    },
  );
}
