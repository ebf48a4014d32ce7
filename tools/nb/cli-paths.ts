/**
 * Paths as the user typed them. `npm run` starts scripts in the project root, so a relative path
 * typed in a subfolder must be resolved against npm's INIT_CWD (the folder the user ran npm from),
 * and an output folder is checked before any work: it must be a folder (or creatable) and writable.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The folder the user ran the command from (npm sets INIT_CWD; plain node runs have cwd). */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD && path.isAbsolute(env.INIT_CWD) ? env.INIT_CWD : process.cwd();
}

/** `file` resolved against the folder the user ran the command from. */
export function userPath(file: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(invocationDir(env), file);
}

/**
 * Why `dir` cannot take the command's output (null when it can): it exists and is not a folder, or
 * it (or the nearest existing folder above it) is not writable.
 */
export function outputDirProblem(dir: string): string | null {
  let probe = path.resolve(dir);
  if (fs.existsSync(probe) && !fs.statSync(probe).isDirectory()) return `${dir} exists and is not a folder`;
  while (!fs.existsSync(probe)) {
    const parent = path.dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  if (!fs.statSync(probe).isDirectory())
    return `${path.relative(process.cwd(), probe) || probe} is a file, so ${dir} cannot be created`;
  try {
    fs.accessSync(probe, fs.constants.W_OK);
  } catch {
    return `${probe} is not writable`;
  }
  return null;
}
