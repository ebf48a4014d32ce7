import type { NotebookResult } from "./results";

export interface ResultsTableOptions {
  results: NotebookResult[];
}

/** A plain-text table: notebook, status, seconds, cells; then a total line. */
export function formatResultsTable({ results }: ResultsTableOptions): string {
  const rows = results.map((r) => [
    r.path,
    r.status === "ok" && r.stderr ? "ok (stderr)" : r.status,
    r.seconds.toFixed(1),
    r.cells.executed === r.cells.total ? String(r.cells.total) : `${r.cells.executed}/${r.cells.total}`,
  ]);
  const ok = results.filter((r) => r.status === "ok").length;
  const totalSeconds = results.reduce((s, r) => s + r.seconds, 0);
  const totalCells = results.reduce((s, r) => s + r.cells.executed, 0);
  const header = ["notebook", "status", "seconds", "cells"];
  const footer = ["total", `${ok}/${results.length} ok`, totalSeconds.toFixed(1), String(totalCells)];
  const all = [header, ...rows, footer];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line), rule, line(footer)].join("\n");
}
