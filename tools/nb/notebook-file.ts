import * as fs from "node:fs";
import type { Cell, Notebook } from "./nbformat";

/** A notebook that cannot be run as given (missing, malformed, unknown kernel, bad parameters). */
export class NotebookInputError extends Error {
  override name = "NotebookInputError";
}

export interface ReadNotebookOptions {
  /** Path of the .ipynb file, as the user gave it (used in messages). */
  path: string;
}

/**
 * Reads and checks a notebook file. Throws NotebookInputError saying what is wrong: a path that
 * does not exist, invalid JSON, or a document that is not nbformat 4.
 */
export function readNotebook({ path }: ReadNotebookOptions): Notebook {
  if (!fs.existsSync(path)) {
    const hint = /[*?[]/.test(path) ? " (no file matches this pattern)" : "";
    throw new NotebookInputError(`${path}: no such notebook${hint}`);
  }
  if (fs.statSync(path).isDirectory()) throw new NotebookInputError(`${path}: is a folder, not a notebook`);
  const text = fs.readFileSync(path, "utf8");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new NotebookInputError(`${path}: malformed notebook, not valid JSON (${(err as Error).message})`);
  }
  const problem = nbformat4Problem(doc);
  if (problem) throw new NotebookInputError(`${path}: malformed notebook, ${problem}`);
  return doc as Notebook;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isMultiline(value: unknown): boolean {
  return typeof value === "string" || (Array.isArray(value) && value.every((line) => typeof line === "string"));
}

/** Describes the first way `doc` departs from the nbformat 4 structure the runner needs, or null. */
export function nbformat4Problem(doc: unknown): string | null {
  if (!isObject(doc)) return "the top level is not a JSON object";
  if (doc.nbformat !== 4) {
    const got = doc.nbformat === undefined ? "missing" : JSON.stringify(doc.nbformat);
    return `"nbformat" must be 4 (got ${got}); only nbformat 4 notebooks are supported`;
  }
  if (typeof doc.nbformat_minor !== "number") return `"nbformat_minor" must be a number`;
  if (!isObject(doc.metadata)) return `"metadata" must be an object`;
  if (!Array.isArray(doc.cells)) return `"cells" must be an array`;
  for (const [i, cell] of (doc.cells as unknown[]).entries()) {
    const where = `cells[${i}]`;
    if (!isObject(cell)) return `${where} is not an object`;
    if (!["code", "markdown", "raw"].includes(cell.cell_type as string)) {
      return `${where}.cell_type must be "code", "markdown" or "raw" (got ${JSON.stringify(cell.cell_type)})`;
    }
    if (!isMultiline(cell.source)) return `${where}.source must be a string or an array of strings`;
    if (cell.metadata !== undefined && !isObject(cell.metadata)) return `${where}.metadata must be an object`;
    if (cell.metadata === undefined) (cell as { metadata: object }).metadata = {};
    const tags = (cell.metadata as Record<string, unknown>).tags;
    if (tags !== undefined && !(Array.isArray(tags) && tags.every((t) => typeof t === "string"))) {
      return `${where}.metadata.tags must be an array of strings`;
    }
    if (cell.cell_type === "code" && cell.outputs !== undefined && !Array.isArray(cell.outputs)) {
      return `${where}.outputs must be an array`;
    }
  }
  const kernelspec = doc.metadata.kernelspec;
  if (kernelspec !== undefined && !(isObject(kernelspec) && typeof kernelspec.name === "string")) {
    return `"metadata.kernelspec.name" must be a string`;
  }
  return null;
}

/** The code cells of a notebook, in order. */
export function codeCells(cells: Cell[]): Extract<Cell, { cell_type: "code" }>[] {
  return cells.filter((c): c is Extract<Cell, { cell_type: "code" }> => c.cell_type === "code");
}
