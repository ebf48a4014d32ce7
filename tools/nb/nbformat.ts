/**
 * The subset of nbformat 4 (https://nbformat.readthedocs.io) the runner reads and writes.
 * Text fields are "multiline strings": a string or an array of lines, as Jupyter stores them.
 */

export type MultilineString = string | string[];
export type MimeBundle = Record<string, unknown>;

export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineString;
}
export interface DisplayDataOutput {
  output_type: "display_data";
  data: MimeBundle;
  metadata: Record<string, unknown>;
}
export interface ExecuteResultOutput {
  output_type: "execute_result";
  execution_count: number | null;
  data: MimeBundle;
  metadata: Record<string, unknown>;
}
export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}
export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

export interface CellMetadata {
  tags?: string[];
  [key: string]: unknown;
}
export interface CodeCell {
  cell_type: "code";
  id?: string;
  source: MultilineString;
  metadata: CellMetadata;
  outputs: Output[];
  execution_count: number | null;
}
export interface TextCell {
  cell_type: "markdown" | "raw";
  id?: string;
  source: MultilineString;
  metadata: CellMetadata;
  attachments?: Record<string, unknown>;
}
export type Cell = CodeCell | TextCell;

export interface NotebookMetadata {
  kernelspec?: { name?: string; display_name?: string; language?: string };
  language_info?: { name?: string; [key: string]: unknown };
  title?: string;
  summary?: string;
  [key: string]: unknown;
}
export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: NotebookMetadata;
  cells: Cell[];
}

/** Joins a multiline string into one string. */
export function joinText(text: MultilineString): string {
  return Array.isArray(text) ? text.join("") : text;
}

/** Splits text into lines that keep their "\n", the way Jupyter writes notebooks to disk. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** True for `application/json` and `application/…+json`: Jupyter keeps those as JSON, never split. */
export function isJsonMime(mime: string): boolean {
  return mime === "application/json" || (mime.startsWith("application/") && mime.endsWith("+json"));
}

/** The tags of a cell (empty when it has none). */
export function cellTags(cell: Cell): string[] {
  return Array.isArray(cell.metadata?.tags) ? cell.metadata.tags : [];
}
