import * as fs from "node:fs";
import * as path from "node:path";
import { existingSecret, signatureMatches } from "../nb/signature";

/** The parts of an nbformat 4 notebook the exporter reads (lenient: nbclient, tslab and the runner all write it). */
export interface ExportCell {
  cell_type: "code" | "markdown" | "raw";
  source: string;
  metadata: Record<string, unknown>;
  outputs: ExportOutput[];
  execution_count: number | null;
  attachments?: Record<string, Record<string, unknown>>;
}

export interface ExportOutput {
  output_type: "stream" | "display_data" | "execute_result" | "error" | string;
  name?: string;
  text?: string;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface ExecutedNotebook {
  /** File name without .ipynb: names the page (<name>.html) and its figure files. */
  name: string;
  /** Whether the notebook carries this machine's runner signature over its current cells (tools/nb/signature.ts). */
  signed: boolean;
  file: string;
  metadata: Record<string, unknown>;
  cells: ExportCell[];
}

export interface ReadExecutedNotebookOptions {
  file: string;
}

/** Joins nbformat's multiline strings (a string or a list of lines). */
export function joinMultiline(value: unknown): string {
  if (Array.isArray(value)) return value.join("");
  return typeof value === "string" ? value : "";
}

/**
 * Reads an executed notebook. Throws an Error naming the file when it is not JSON or not
 * nbformat 4.
 */
export function readExecutedNotebook({ file }: ReadExecutedNotebookOptions): ExecutedNotebook {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`${file}: not a readable notebook (${(err as Error).message})`);
  }
  const nb = raw as { nbformat?: unknown; metadata?: unknown; cells?: unknown };
  if (!nb || typeof nb !== "object" || nb.nbformat !== 4 || !Array.isArray(nb.cells)) {
    throw new Error(`${file}: not an nbformat 4 notebook (expected "nbformat": 4 and a "cells" list)`);
  }
  const cells = nb.cells.map((c: Record<string, unknown>, i: number): ExportCell => {
    const type = c?.cell_type;
    if (type !== "code" && type !== "markdown" && type !== "raw") {
      throw new Error(`${file}: cell ${i + 1} has an unknown cell_type ${JSON.stringify(type)}`);
    }
    const outputs = Array.isArray(c.outputs) ? (c.outputs as Record<string, unknown>[]).map(readOutput) : [];
    return {
      cell_type: type,
      source: joinMultiline(c.source),
      metadata: isRecord(c.metadata) ? c.metadata : {},
      outputs,
      execution_count: typeof c.execution_count === "number" ? c.execution_count : null,
      attachments: isRecord(c.attachments) ? (c.attachments as ExportCell["attachments"]) : undefined,
    };
  });
  const key = existingSecret();
  return {
    name: path.basename(file).replace(/\.ipynb$/, ""),
    signed: key !== null && signatureMatches(nb as { metadata?: unknown; cells?: unknown }, key),
    file,
    metadata: isRecord(nb.metadata) ? nb.metadata : {},
    cells,
  };
}

function readOutput(o: Record<string, unknown>): ExportOutput {
  const data = isRecord(o.data) ? { ...o.data } : undefined;
  if (data) {
    // Text mime types may be stored as lists of lines; JSON ones are real JSON.
    for (const [mime, value] of Object.entries(data)) {
      if (!isJsonMime(mime)) data[mime] = joinMultiline(value);
    }
  }
  return {
    output_type: String(o.output_type),
    name: typeof o.name === "string" ? o.name : undefined,
    text: o.text === undefined ? undefined : joinMultiline(o.text),
    data,
    metadata: isRecord(o.metadata) ? o.metadata : {},
    ename: typeof o.ename === "string" ? o.ename : undefined,
    evalue: typeof o.evalue === "string" ? o.evalue : undefined,
    traceback: Array.isArray(o.traceback) ? o.traceback.map(String) : undefined,
  };
}

function isJsonMime(mime: string): boolean {
  return mime === "application/json" || (mime.startsWith("application/") && mime.endsWith("+json"));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value);
}
