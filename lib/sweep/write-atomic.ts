/**
 * Atomic file writes for lib. A copy of tools/fs-atomic.ts's six lines rather than an import:
 * lib is the `execution-tickets` package that tools depend on, and a package must not reach
 * into the application folder above it.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Input of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  file: string;
  data: string | Uint8Array;
}

/** Writes via a temporary file in the same folder and a rename: readers never see a partial file. */
export function writeFileAtomic({ file, data }: WriteFileAtomicOptions): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
