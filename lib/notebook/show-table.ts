import { writeDisplayData, type DisplayBundle } from "./display-writer";
import { formatNumber } from "./format-number";
import { escapeHtml } from "./html-escape";
import * as validate from "../validate";

/** One table row: column name → value. */
export type TableRow = Record<string, unknown>;

/** Options of {@link showTable}. */
export interface ShowTableOptions {
  caption?: string;
  /** Column order; default: keys in order of first appearance. */
  columns?: string[];
  /** Significant digits for non-integer numbers (default 4). */
  digits?: number | Record<string, number>;
}

export interface TableBundleOptions extends ShowTableOptions {
  rows: TableRow[];
  /** Extra CSS class per row (e.g. "et-pass"/"et-fail"), same length as rows. */
  rowClasses?: string[];
  /** Columns to right-align although their values are preformatted strings. */
  rightAlign?: string[];
}

interface Cell {
  text: string;
  numeric: boolean;
}

/**
 * The display payload {@link showTable} sends: an HTML table (numbers right-aligned and formatted
 * with {@link formatNumber}) and an aligned text/plain rendering, in one output.
 *
 * @example
 * Object.keys(tableBundle({ rows: [{ n: 10, value: 0.5 }] }).data).join(", "); // → "text/html, text/plain"
 */
export function tableBundle({
  rows,
  caption,
  columns,
  digits,
  rowClasses,
  rightAlign = [],
}: TableBundleOptions): DisplayBundle {
  if (!Array.isArray(rows) || rows.some((r) => r === null || typeof r !== "object" || Array.isArray(r))) {
    throw new RangeError(
      `rows must be an array of objects (column → value); received ${JSON.stringify(rows)?.slice(0, 80)}`,
    );
  }
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells: Cell[][] = rows.map((row) => cols.map((col) => formatCell(row[col], digitsFor(digits, col))));
  const right = cols.map(
    (col, j) =>
      rightAlign.includes(col) || (cells.length > 0 && cells.every((row) => row[j].numeric || row[j].text === "")),
  );
  return {
    data: {
      "text/html": htmlTable({ cols, cells, right, caption, rowClasses }),
      "text/plain": plainTable({ cols, cells, right, caption }),
    },
    metadata: {},
    transient: {},
  };
}

/**
 * Shows rows as one table output (HTML + text/plain). Numbers are formatted sensibly:
 * `showTable([{ n: 1000, value: 0.0909 }], { caption: "Ticket value" })`.
 *
 * @example
 * showTable([{ n: 10, "E[V]": 0.6667 }, { n: 100, "E[V]": 0.5 }], { caption: "Ticket value", digits: 4 });
 */
export function showTable(rows: TableRow[], options: ShowTableOptions = {}): void {
  validate.knownKeys("showTable options", options ?? {}, ["caption", "columns", "digits"]);
  writeDisplayData({ bundle: tableBundle({ rows, ...options }) });
}

function digitsFor(digits: ShowTableOptions["digits"], col: string): number | undefined {
  return typeof digits === "number" ? digits : digits?.[col];
}

function formatCell(value: unknown, digits: number | undefined): Cell {
  if (typeof value === "number") return { text: formatNumber({ value, digits }), numeric: true };
  if (typeof value === "bigint") return { text: value.toString(), numeric: true };
  if (value === null || value === undefined) return { text: "", numeric: false };
  if (typeof value === "string") return { text: value, numeric: false };
  if (typeof value === "boolean") return { text: String(value), numeric: false };
  if (value instanceof Date) return { text: value.toISOString(), numeric: false };
  return { text: JSON.stringify(value) ?? String(value), numeric: false };
}

interface Layout {
  cols: string[];
  cells: Cell[][];
  /** Right-align column j. */
  right: boolean[];
  caption?: string;
}

function htmlTable({ cols, cells, right, caption, rowClasses }: Layout & { rowClasses?: string[] }): string {
  const esc = (text: string) => escapeHtml({ text });
  const align = (j: number) => (right[j] ? ' style="text-align:right"' : ' style="text-align:left"');
  const head = cols.map((c, j) => `<th${align(j)}>${esc(c)}</th>`).join("");
  const body = cells
    .map((row, i) => {
      const cls = rowClasses?.[i] ? ` class="${esc(rowClasses[i])}"` : "";
      return `<tr${cls}>${row.map((cell, j) => `<td${align(j)}>${esc(cell.text)}</td>`).join("")}</tr>`;
    })
    .join("\n");
  const cap = caption ? `<caption>${esc(caption)}</caption>` : "";
  return `<table class="et-table">${cap}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

function plainTable({ cols, cells, right, caption }: Layout): string {
  const widths = cols.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j].text.length)));
  const pad = (text: string, j: number, alignRight: boolean) =>
    alignRight ? text.padStart(widths[j]) : text.padEnd(widths[j]);
  const lines: string[] = [];
  if (caption) lines.push(caption);
  lines.push(
    cols
      .map((c, j) => pad(c, j, right[j]))
      .join("  ")
      .trimEnd(),
  );
  lines.push(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of cells)
    lines.push(
      row
        .map((cell, j) => pad(cell.text, j, right[j]))
        .join("  ")
        .trimEnd(),
    );
  return lines.join("\n");
}
