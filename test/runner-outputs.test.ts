/**
 * Pure parts of the runner: iopub messages to nbformat outputs, progress lines, the results table.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { JupyterMessage } from "@nteract/messaging";
import { CellOutputs, DisplayRegistry } from "../tools/nb/outputs";
import { formatResultsTable, lineReporter, liveReporter, type NotebookResult } from "../tools/nb";
import { findErrorText } from "../tools/nb/error-text";
import type { Cell, Notebook, Output } from "../tools/nb/nbformat";

function msg(msg_type: string, content: Record<string, unknown>): JupyterMessage {
  return {
    header: { msg_type },
    parent_header: {},
    metadata: {},
    content,
    channel: "iopub",
  } as unknown as JupyterMessage;
}

test("consecutive stream messages of one name merge; stderr is collected; text is stored as lines", () => {
  const cell = new CellOutputs({ displays: new DisplayRegistry() });
  cell.handle(msg("stream", { name: "stdout", text: "a\nb" }));
  cell.handle(msg("stream", { name: "stdout", text: "c\n" }));
  cell.handle(msg("stream", { name: "stderr", text: "warn\n" }));
  cell.handle(msg("stream", { name: "stdout", text: "d\n" }));
  cell.handle(msg("status", { execution_state: "idle" }));
  cell.finish();
  assert.deepEqual(cell.outputs, [
    { output_type: "stream", name: "stdout", text: ["a\n", "bc\n"] },
    { output_type: "stream", name: "stderr", text: ["warn\n"] },
    { output_type: "stream", name: "stdout", text: ["d\n"] },
  ]);
  assert.equal(cell.stderr, "warn\n");
});

test("display data keeps JSON mime types as JSON; update_display_data rewrites earlier cells' outputs", () => {
  const displays = new DisplayRegistry();
  const first = new CellOutputs({ displays });
  const fig = { data: [{ x: [1], y: [2] }], layout: {} };
  first.handle(
    msg("display_data", {
      data: { "application/vnd.plotly.v1+json": fig, "text/plain": "Figure\nline 2", "image/png": "iVBOR" },
      metadata: {},
      transient: { display_id: "p1" },
    }),
  );
  assert.deepEqual(first.outputs, [
    {
      output_type: "display_data",
      data: { "application/vnd.plotly.v1+json": fig, "text/plain": ["Figure\n", "line 2"], "image/png": "iVBOR" },
      metadata: {},
    },
  ]);
  const second = new CellOutputs({ displays });
  second.handle(
    msg("update_display_data", { data: { "text/plain": "done" }, metadata: { m: 1 }, transient: { display_id: "p1" } }),
  );
  assert.deepEqual(second.outputs, []);
  assert.deepEqual(first.outputs[0], {
    output_type: "display_data",
    data: { "text/plain": ["done"] },
    metadata: { m: 1 },
  });
});

test("clear_output clears now, or at the next output with wait=true; error outputs give the error text", () => {
  const cell = new CellOutputs({ displays: new DisplayRegistry() });
  cell.handle(msg("stream", { name: "stdout", text: "1\n" }));
  cell.handle(msg("clear_output", { wait: true }));
  assert.equal(cell.outputs.length, 1);
  cell.handle(msg("stream", { name: "stdout", text: "2\n" }));
  cell.finish();
  assert.deepEqual(cell.outputs, [{ output_type: "stream", name: "stdout", text: ["2\n"] }]);
  cell.handle(msg("clear_output", { wait: false }));
  assert.deepEqual(cell.outputs, []);
  cell.handle(msg("error", { ename: "TypeError", evalue: "x is not a function", traceback: [] }));
  assert.equal(cell.errorText(), "TypeError: x is not a function");
});

const results: NotebookResult[] = [
  {
    path: "notebooks/01-a.ipynb",
    status: "ok",
    seconds: 3.21,
    cells: { executed: 5, total: 5 },
    stderr: "",
    parameters: {},
  },
  {
    path: "notebooks/02-b.ipynb",
    status: "failed",
    seconds: 2,
    cells: { executed: 1, total: 4 },
    stderr: "boom",
    parameters: {},
    error: "notebooks/02-b.ipynb: code cell 2 of 4 failed",
  },
];

test("the results table lists notebook, status, seconds and cells, with a total", () => {
  const table = formatResultsTable({ results }).split("\n");
  assert.match(table[0], /^notebook\s+status\s+seconds\s+cells$/);
  assert.match(table[2], /^notebooks\/01-a\.ipynb\s+ok\s+3\.2\s+5$/);
  assert.match(table[3], /^notebooks\/02-b\.ipynb\s+failed\s+2\.0\s+1\/4$/);
  assert.match(table[5], /^total\s+1\/2 ok\s+5\.2\s+6$/);
});

function sink() {
  const chunks: string[] = [];
  return { chunks, write: (text: string) => chunks.push(text), text: () => chunks.join("") };
}

test("the line reporter prints one line per notebook and the error once", () => {
  const out = sink();
  const err = sink();
  const reporter = lineReporter({ out, err });
  reporter.notebookStarted({ index: 1, total: 2, path: results[1].path, cells: 4 });
  reporter.cellStarted({ index: 1, total: 4 });
  reporter.notebookFinished({ index: 2, total: 2, result: results[1] });
  assert.match(out.text(), /^FAILED\s+2\.0 s\s+1\/4 cells\s+notebooks\/02-b\.ipynb\n$/);
  assert.equal(err.text(), "notebooks/02-b.ipynb: code cell 2 of 4 failed\n");
});

test("the live reporter redraws one line: notebook i/N, name, cell j/M, elapsed", () => {
  const tty = sink();
  const out = sink();
  const reporter = liveReporter({ tty: { ...tty, columns: 120 }, out, err: sink(), refreshMs: 10_000 });
  reporter.notebookStarted({ index: 1, total: 2, path: "notebooks/01-a.ipynb", cells: 5 });
  reporter.cellStarted({ index: 3, total: 5, notebook: 1 });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matches the terminal escape the progress line writes
  assert.match(tty.chunks.at(-1) ?? "", /^\r\x1b\[K0\/2 done · 01-a · cell 3\/5 · \d+\.\d s$/);
  // With --jobs 2 both running notebooks show, each at its own cell.
  reporter.notebookStarted({ index: 2, total: 2, path: "notebooks/02-b.ipynb", cells: 4 });
  reporter.cellStarted({ index: 2, total: 4, notebook: 2 });
  assert.match(tty.chunks.at(-1) ?? "", /01-a · cell 3\/5 · \d+\.\d s \| 02-b · cell 2\/4 · \d+\.\d s$/);
  reporter.notebookFinished({ index: 2, total: 2, result: results[0] });
  assert.match(out.text(), /^ok\s+3\.2 s\s+5 cells\s+notebooks\/01-a\.ipynb\n$/);
});

test("error text in outputs is found with its code cell; prose about standard errors is not", () => {
  const code = (outputs: Output[], tags: string[] = []): Cell => ({
    cell_type: "code",
    source: "",
    metadata: { tags },
    outputs,
    execution_count: 1,
  });
  const text = (value: string): Output => ({
    output_type: "display_data",
    data: { "text/plain": value },
    metadata: {},
  });
  const stdout = (value: string): Output => ({ output_type: "stream", name: "stdout", text: [value] });
  const notebook: Notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", source: "Error: in markdown is not output", metadata: {} },
      code([
        stdout("Standard errors of the two estimators\nerror of the naive reading: 3 %\n"),
        text("Error of the implied μ"),
      ]),
      code([], ["injected-parameters"]),
      code([stdout("caught it\nRangeError: `n must be positive; received -1`\n")]),
      code([{ output_type: "stream", name: "stderr", text: "(node:1) Warning: something\n" }]),
      code([text("result\n    at Object.run (/project/lib/sim/market.ts:12:5)")]),
      code([{ output_type: "error", ename: "TypeError", evalue: "x is not a function", traceback: [] }]),
      code([stdout("unexpected error: Error: Unexpected pending rebuildTimer\n")]),
    ],
  };
  assert.deepEqual(findErrorText({ notebook }), [
    { cell: 2, kind: "error text", text: "RangeError: `n must be positive; received -1`" },
    { cell: 3, kind: "stderr", text: "(node:1) Warning: something" },
    { cell: 4, kind: "error text", text: "at Object.run (/project/lib/sim/market.ts:12:5)" },
    { cell: 5, kind: "error output", text: "TypeError: x is not a function" },
    { cell: 6, kind: "error text", text: "unexpected error: Error: Unexpected pending rebuildTimer" },
  ]);
});
