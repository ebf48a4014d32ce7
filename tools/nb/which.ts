import * as fs from "node:fs";
import * as path from "node:path";

export interface FindExecutableOptions {
  /** Program name, e.g. "jupyter-lab". */
  name: string;
  /** The PATH to search (default: this process's PATH). */
  searchPath?: string;
}

/** Absolute path of the first executable `name` on the search path, or null (like `which`). */
export function findExecutable({ name, searchPath = process.env.PATH ?? "" }: FindExecutableOptions): string | null {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}
