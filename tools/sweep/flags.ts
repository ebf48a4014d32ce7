/**
 * Flags of the sweep command line: parsing with errors that name the flag, its value and what it
 * allows (exit status 2).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { userPath } from "../nb/cli-paths";
import type { Grid, TaskRef } from "../../lib/sweep";

/** A command-line mistake: printed with the usage, exit status 2. */
export class UsageError extends Error {}

export function need(flag: string, value: string | undefined, allowed: string): string {
  if (value === undefined || value === "") throw new UsageError(`--${flag} is required: ${allowed}`);
  return value;
}

export function integerFlag(flag: string, text: string, lo: number, hi: number): number {
  const value = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < lo || value > hi) {
    throw new UsageError(`--${flag} must be an integer from ${lo} to ${hi}; received ${JSON.stringify(text)}`);
  }
  return value;
}

export function gridFlag(text: string): Grid {
  try {
    return JSON.parse(text) as Grid;
  } catch (err) {
    throw new UsageError(
      `--grid must be a JSON object of non-empty arrays, e.g. '{"n":[10,100],"d":[0.01]}'; ` +
        `received ${JSON.stringify(text)} (${(err as Error).message})`,
    );
  }
}

/** "42" and "1.5" are numeric seeds (as in the API); any other text ("007", "run-a") is a string seed. */
export function seedFlag(text: string): number | string {
  const value = Number(text);
  return Number.isFinite(value) && String(value) === text ? value : text;
}

export function taskFlag(text: string, version: string | undefined): TaskRef {
  const hash = text.lastIndexOf("#");
  if (hash <= 0 || hash === text.length - 1) {
    throw new UsageError(
      `--task must be <module>#<export>, e.g. test/fixtures/sweep/mean-task.ts#seededMean; received ${JSON.stringify(text)}`,
    );
  }
  return { module: taskModule(text.slice(0, hash)), export: text.slice(hash + 1), ...(version ? { version } : {}) };
}

/**
 * A --task module typed as a path resolves against the folder the user ran the command from (like
 * --out), and is kept relative to the project root when it lies inside it, so that the task's id does
 * not depend on where the command ran. A bare package specifier is left to Node's resolution.
 */
export function taskModule(module: string): string {
  const isPath = /^[./]/.test(module) || /[\\/]/.test(module) || /\.[cm]?[jt]s$/.test(module);
  if (!isPath) return module;
  const file = userPath(module);
  if (!fs.existsSync(file)) throw new UsageError(`--task: module ${module} not found (looked for ${file})`);
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
