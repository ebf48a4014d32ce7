/**
 * npm run lab [-- <extra jupyter args>]
 *
 * Opens the project in JupyterLab (or the classic Notebook when only that is installed) with the
 * project kernel "Execution Tickets (TypeScript)" listed: JUPYTER_PATH gets <root>/.jupyter and the
 * kernelspec is (re)written first. Without any Jupyter it says how to get one and exits 1.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { ensureKernelSpec, JUPYTER_DATA_DIR, PROJECT_ROOT } from "./nb/kernelspec";
import { findExecutable } from "./nb/which";

export const NO_JUPYTER_MESSAGE = `No Jupyter found on PATH (looked for jupyter-lab and jupyter-notebook).
Install one, then run \`npm run lab\` again:
  pip install jupyterlab plotly        # JupyterLab; plotly adds the jupyterlab-plotly renderer
                                       # for interactive figures
or, on Debian/Ubuntu:
  sudo apt-get install jupyter-notebook   # the classic Notebook
The notebooks also run without Jupyter: npm run nb -- run notebooks/<name>.ipynb`;

export interface JupyterCommand {
  /** Absolute path of jupyter-lab or jupyter-notebook. */
  program: string;
  /** "lab" or "notebook". */
  flavour: "lab" | "notebook";
}

export interface FindJupyterOptions {
  /** PATH to search (default: this process's). */
  searchPath?: string;
}

/** JupyterLab if installed, else the classic Notebook, else null. */
export function findJupyter({ searchPath }: FindJupyterOptions = {}): JupyterCommand | null {
  const lab = findExecutable({ name: "jupyter-lab", searchPath });
  if (lab) return { program: lab, flavour: "lab" };
  const notebook = findExecutable({ name: "jupyter-notebook", searchPath });
  if (notebook) return { program: notebook, flavour: "notebook" };
  return null;
}

function main(): void {
  const jupyterPath = [JUPYTER_DATA_DIR, ...(process.env.JUPYTER_PATH ?? "").split(path.delimiter).filter(Boolean)];
  const env = { ...process.env, JUPYTER_PATH: [...new Set(jupyterPath)].join(path.delimiter) };
  const specDir = ensureKernelSpec();
  const jupyter = findJupyter();
  if (!jupyter) {
    process.stderr.write(`${NO_JUPYTER_MESSAGE}\n`);
    process.exitCode = 1;
    return;
  }
  const extra = process.argv.slice(2);
  // Jupyter refuses to run as root without this flag (containers often run as root).
  const asRoot = process.getuid?.() === 0 && !extra.includes("--allow-root") ? ["--allow-root"] : [];
  const args = [`--notebook-dir=${PROJECT_ROOT}`, ...asRoot, ...extra];
  console.log(`Starting Jupyter ${jupyter.flavour === "lab" ? "Lab" : "Notebook (classic)"} in ${PROJECT_ROOT}`);
  console.log(`Kernel "Execution Tickets (TypeScript)" from ${specDir}`);
  const child = spawn(jupyter.program, args, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
  // Ctrl-C reaches Jupyter too (same process group); let Jupyter decide, and leave with it.
  const ignore = () => {};
  process.on("SIGINT", ignore);
  child.on("error", (err) => {
    process.stderr.write(`could not start ${jupyter.program}: ${err.message}\n`);
    process.exitCode = 1;
  });
  child.on("exit", (code, signal) => {
    process.off("SIGINT", ignore);
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

if (require.main === module) main();
