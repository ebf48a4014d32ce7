import type { Notebook } from "./nbformat";

function sortKeys(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface SerializeNotebookOptions {
  notebook: Notebook;
}

/**
 * The notebook as Jupyter writes it (indent 1, keys sorted, trailing newline), so a notebook
 * saved by the runner and one saved by Jupyter diff cleanly.
 */
export function serializeNotebook({ notebook }: SerializeNotebookOptions): string {
  return `${JSON.stringify(notebook, sortKeys, 1)}\n`;
}
