import type { NotebookResult } from "./results";

export interface ResultsTableOptions {
  results: NotebookResult[];
}

/**
 * A plain-text table: notebook, status, seconds ("cached" when the outputs came from the execution
 * cache), cells and, with the cache, why each notebook ran; then a total line.
 */
export function formatResultsTable({ results }: ResultsTableOptions): string {
  const withCache = results.some((r) => r.cache);
  const rows = results.map((r) => [
    r.path,
    r.status === "ok" && r.stderr ? "ok (stderr)" : r.status,
    r.cache?.hit ? "cached" : r.seconds.toFixed(1),
    r.cells.executed === r.cells.total ? String(r.cells.total) : `${r.cells.executed}/${r.cells.total}`,
    ...(withCache ? [r.cache ? (r.cache.hit ? "" : `ran: ${r.cache.reason}`) : ""] : []),
  ]);
  const ok = results.filter((r) => r.status === "ok").length;
  const totalSeconds = results.reduce((s, r) => s + r.seconds, 0);
  const totalCells = results.reduce((s, r) => s + r.cells.executed, 0);
  const cached = results.filter((r) => r.cache?.hit).length;
  const header = ["notebook", "status", "seconds", "cells", ...(withCache ? ["why it ran"] : [])];
  const footer = [
    "total",
    `${ok}/${results.length} ok`,
    totalSeconds.toFixed(1),
    String(totalCells),
    ...(withCache ? [`${cached} cached, ${results.length - cached} ran`] : []),
  ];
  const all = [header, ...rows, footer];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c === 2 || c === 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line), rule, line(footer)].join("\n");
}
