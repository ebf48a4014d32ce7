/**
 * Writing result rows to a CSV file.
 */
import { toCSV } from "./csv";
import type { SweepRow } from "./types";
import { writeFileAtomic } from "../io/write-file-atomic";
import * as validate from "../validate";

/** Input of {@link writeCSV}. */
export interface WriteCSVOptions {
  file: string;
  rows: readonly SweepRow[];
}

/**
 * Writes `toCSV(rows)` to `file` atomically (creating its folder).
 *
 * @example
 * writeCSV({ file: "build/sweeps/capture.csv", rows }); // atomically, via lib/io
 */
export function writeCSV(options: WriteCSVOptions): void {
  validate.knownKeys("writeCSV options", options ?? {}, ["file", "rows"]);
  const { file, rows } = options;
  writeFileAtomic({ file, data: toCSV(rows) });
}
