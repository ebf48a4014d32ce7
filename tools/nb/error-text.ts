/**
 * Finds error text in an executed notebook's outputs: what a run with status "ok" can still
 * carry (an error caught and printed, a warning on stderr, a stack trace in a display).
 */
import { cellTags, joinText, type Notebook, type Output } from "./nbformat";
import { INJECTED_TAG } from "./parameters";

/** "Error: …", "RangeError: …", "UnhandledPromiseRejection: …", tslab's "unexpected error: …". */
const ERROR_LINE = /^\s*(?:unexpected error:\s*|Uncaught\s+)?[A-Za-z]*(?:Error|Exception|Rejection)(?: \[\w+\])?: /;
/** A JavaScript stack frame: "    at fn (/path/file.ts:12:5)" or "    at node:internal/…:3:9". */
const STACK_FRAME = /^\s+at (?:.+ \()?(?:\/|file:|node:|[A-Za-z]:\\).*:\d+:\d+\)?$/;

/** One place where error text was found. */
export interface ErrorTextHit {
  /** Code cell number, counted from 1 over the source's code cells (an injected cell is 0). */
  cell: number;
  /** What was found: "stderr", "error output" or "error text". */
  kind: "stderr" | "error output" | "error text";
  /** The offending text (the first line of it for error text). */
  text: string;
}

export interface FindErrorTextOptions {
  notebook: Notebook;
}

function textsOf(output: Output): string[] {
  if (output.output_type === "stream") return [joinText(output.text)];
  if (output.output_type === "error") return [];
  return Object.entries(output.data)
    .filter(([mime]) => mime.startsWith("text/"))
    .map(([, value]) =>
      typeof value === "string" || Array.isArray(value) ? joinText(value as string | string[]) : "",
    );
}

/**
 * Every stderr stream, error output, and line that reads like an error message or a stack frame
 * in the code cells' outputs, in cell order. Ordinary prose ("standard error of …") is not a hit.
 */
export function findErrorText({ notebook }: FindErrorTextOptions): ErrorTextHit[] {
  const hits: ErrorTextHit[] = [];
  let number = 0;
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "code") continue;
    const cellNumber = cellTags(cell).includes(INJECTED_TAG) ? 0 : ++number;
    for (const output of cell.outputs) {
      if (output.output_type === "error") {
        hits.push({ cell: cellNumber, kind: "error output", text: `${output.ename}: ${output.evalue}` });
        continue;
      }
      if (output.output_type === "stream" && output.name === "stderr") {
        hits.push({ cell: cellNumber, kind: "stderr", text: joinText(output.text).trim() });
        continue;
      }
      for (const text of textsOf(output)) {
        const line = text.split("\n").find((l) => ERROR_LINE.test(l) || STACK_FRAME.test(l));
        if (line !== undefined) hits.push({ cell: cellNumber, kind: "error text", text: line.trim() });
      }
    }
  }
  return hits;
}
