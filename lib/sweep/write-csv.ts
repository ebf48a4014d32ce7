/**
 * Writing result rows to a CSV file.
 */
import { toCSV } from "./csv";
import type { SweepRow } from "./types";
import { writeFileAtomic } from "../io/write-file-atomic";

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
export function writeCSV({ file, rows }: WriteCSVOptions): void {
  writeFileAtomic({ file, data: toCSV(rows) });
}
