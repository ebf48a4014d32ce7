/**
 * Every file the workspace writes goes through here, so a reader (or a crash) never sees half a
 * file: write-file-atomic writes a temporary file in the same folder, fsyncs it and renames it over
 * the target. The folder is created first.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import writeFileAtomicSync from "write-file-atomic";

/** Input of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** The file to write (its folder is created when missing). */
  file: string;
  /** Its whole new content. */
  data: string | Uint8Array;
}

/**
 * Writes `data` to `file` atomically and durably (temporary file, fsync, rename).
 *
 * @example
 * writeFileAtomic({ file: "build/sweeps/all.csv", data: toCSV(rows) });
 */
export function writeFileAtomic({ file, data }: WriteFileAtomicOptions): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomicSync.sync(
    file,
    typeof data === "string" ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
  );
}
