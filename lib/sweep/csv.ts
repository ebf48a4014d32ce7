/**
 * CSV text of result rows. One fixed formatting, so the same rows always give the same bytes
 * (which is what lets merged shards equal a single-machine run byte for byte): numbers in
 * JavaScript's shortest round-trip form, booleans as true/false, null as an empty field, strings
 * quoted only when they need it, "\n" line ends and a final newline.
 */
import type { SweepRow } from "./types";
import * as validate from "../validate";

function field(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = String(value);
  // Quote when needed, and always quote "" so an empty string differs from null.
  return text === "" || /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Input of {@link csvColumns}. */
export interface CsvColumnsOptions {
  rows: readonly SweepRow[];
}

/**
 * The union of the rows' keys, in order of first appearance.
 *
 * @example
 * csvColumns({ rows: [{ n: 10, capture: 0.9 }] }).join(", "); // → "n, capture"
 */
export function csvColumns(options: CsvColumnsOptions): string[] {
  validate.knownKeys("csvColumns options", options ?? {}, ["rows"]);
  const { rows } = options;
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/** Input of {@link csvLine}. */
export interface CsvLineOptions {
  values: readonly unknown[];
}

/** One CSV record (no line end). */
export function csvLine(options: CsvLineOptions): string {
  validate.knownKeys("csvLine options", options ?? {}, ["values"]);
  const { values } = options;
  return values.map(field).join(",");
}

/**
 * CSV text of rows: a header of all columns (first appearance order), then one line per row.
 * Returns "" for no rows.
 *
 * @example
 * toCSV([{ n: 10, capture: 0.9 }, { n: 100, capture: 0.8 }]); // → "n,capture\n10,0.9\n100,0.8\n"
 */
export function toCSV(rows: readonly SweepRow[]): string {
  if (rows.length === 0) return "";
  const columns = csvColumns({ rows });
  const lines = [csvLine({ values: columns })];
  for (const row of rows) lines.push(csvLine({ values: columns.map((c) => row[c]) }));
  return `${lines.join("\n")}\n`;
}

/** Input of {@link csvRecords}. */
export interface CsvRecordsOptions {
  text: string;
}

/**
 * Splits CSV text into its records' raw text (quoted fields may span lines), without parsing
 * fields: enough to reorder records without changing a byte.
 */
export function csvRecords(options: CsvRecordsOptions): string[] {
  validate.knownKeys("csvRecords options", options ?? {}, ["text"]);
  const { text } = options;
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === "\n" && !quoted) {
      records.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}
