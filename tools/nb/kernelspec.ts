import * as fs from "node:fs";
import * as path from "node:path";
import { writeFileAtomic } from "../../lib/io/write-file-atomic";

/** Project root (this file lives in tools/nb/). */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
/** Folder that JUPYTER_PATH must name for Jupyter to find the project kernel. */
export const JUPYTER_DATA_DIR = path.join(PROJECT_ROOT, ".jupyter");
export const KERNEL_NAME = "execution-tickets";
export const KERNEL_DISPLAY_NAME = "Execution Tickets (TypeScript)";

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  env?: Record<string, string>;
}

export interface RequireOptionOptions {
  /** The module to preload. */
  file: string;
}

/** `--require <file>` for NODE_OPTIONS, quoted when the path needs it. */
export function requireOption({ file }: RequireOptionOptions): string {
  return /[\s"\\]/.test(file) ? `--require "${file.replace(/(["\\])/g, "\\$1")}"` : `--require ${file}`;
}

/**
 * The spec: tslab run by this Node (through tools/setup/kernel-launch.cjs, which first brings lib's
 * declaration files in lib/.types up to date), loading lib's TypeScript through tsx. tsx is required by
 * absolute path so the kernel also starts for a notebook outside the project tree (a bare
 * "tsx/cjs" would be resolved from the notebook's folder).
 */
export function projectKernelSpec(): KernelSpec {
  const launcher = path.join(PROJECT_ROOT, "tools", "setup", "kernel-launch.cjs");
  const tsxCjs = require.resolve("tsx/cjs", { paths: [PROJECT_ROOT] });
  return {
    argv: [process.execPath, launcher, "kernel", "--config-path", "{connection_file}"],
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
    env: { NODE_OPTIONS: requireOption({ file: tsxCjs }) },
  };
}

/** Writes .jupyter/kernels/execution-tickets/kernel.json; returns its folder. */
export function writeKernelSpec(): string {
  const dir = path.join(JUPYTER_DATA_DIR, "kernels", KERNEL_NAME);
  fs.mkdirSync(dir, { recursive: true });
  writeFileAtomic({ file: path.join(dir, "kernel.json"), data: `${JSON.stringify(projectKernelSpec(), null, 2)}\n` });
  return dir;
}

/**
 * Writes the project kernelspec unless it is already there with the same content (a fresh
 * clone installed with --ignore-scripts, or a spec from an older version); returns its folder.
 */
export function ensureKernelSpec(): string {
  const dir = path.join(JUPYTER_DATA_DIR, "kernels", KERNEL_NAME);
  const file = path.join(dir, "kernel.json");
  const wanted = `${JSON.stringify(projectKernelSpec(), null, 2)}\n`;
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === wanted) return dir;
  return writeKernelSpec();
}

/**
 * Finds a kernelspec by name in the project's .jupyter and in JUPYTER_PATH entries.
 * Throws an Error listing the names that are available when it is not found.
 */
export function findKernelSpec(name: string): { dir: string; spec: KernelSpec } {
  const roots = [JUPYTER_DATA_DIR, ...(process.env.JUPYTER_PATH ?? "").split(path.delimiter).filter(Boolean)];
  const seen: string[] = [];
  for (const root of roots) {
    const kernels = path.join(root, "kernels");
    if (!fs.existsSync(kernels)) continue;
    for (const entry of fs.readdirSync(kernels)) {
      seen.push(entry);
      if (entry !== name) continue;
      const file = path.join(kernels, entry, "kernel.json");
      const spec = JSON.parse(fs.readFileSync(file, "utf8")) as KernelSpec;
      return { dir: path.join(kernels, entry), spec };
    }
  }
  const available = seen.length ? seen.join(", ") : "none (run `npm install` to write the project kernel)";
  throw new Error(`unknown kernel "${name}"; kernels available: ${available}`);
}
