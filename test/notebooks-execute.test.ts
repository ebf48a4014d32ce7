/**
 * Every notebook under notebooks/ executes headlessly through the real kernel: all of them run
 * ONCE, one after the other, into a temporary folder; then each must have status ok, nothing on
 * stderr (warnings count: a clean run prints no stderr) and no error text in any output. Every
 * failure message names the notebook and the code cell.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { runNotebooks, type NotebookResult } from "../tools/nb";
import { findErrorText } from "../tools/nb/error-text";
import type { Notebook } from "../tools/nb/nbformat";
import { listNotebooks } from "../tools/reproduce";
import { osTempDir, ROOT } from "./fixtures/runner/helpers";

const NOTEBOOKS_DIR = path.join(ROOT, "notebooks");
/** Counted straight from the folder, independently of listNotebooks. */
const onDisk = fs.existsSync(NOTEBOOKS_DIR) ? fs.readdirSync(NOTEBOOKS_DIR).filter((f) => f.endsWith(".ipynb")) : [];
const notebooks = listNotebooks();
const results = new Map<string, NotebookResult>();

before(async () => {
  for (const result of await runNotebooks({ paths: notebooks, outDir: osTempDir() })) results.set(result.path, result);
});

test("every .ipynb file in notebooks/ was executed, none skipped", {
  skip: onDisk.length === 0 && "no .ipynb files in notebooks/ yet",
}, () => {
  assert.equal(results.size, onDisk.length, `executed ${results.size} notebooks, notebooks/ holds ${onDisk.length}`);
  assert.deepEqual(
    [...results.keys()].map((p) => path.basename(p)).sort(),
    [...onDisk].sort(),
    "the executed notebooks are exactly those in notebooks/",
  );
  const skipped = [...results.values()].filter((r) => r.status === "skipped").map((r) => r.path);
  assert.deepEqual(skipped, []);
});

for (const notebook of notebooks) {
  test(`${notebook} executes with status ok, no stderr and no error text in its outputs`, () => {
    const result = results.get(notebook);
    assert.ok(result, `${notebook} was not executed`);
    assert.equal(result.status, "ok", result.error);
    assert.equal(result.cells.executed, result.cells.total, `${notebook}: not every code cell ran`);
    assert.ok(result.output, `${notebook}: no executed copy was written`);
    const executed = JSON.parse(fs.readFileSync(result.output, "utf8")) as Notebook;
    const hits = findErrorText({ notebook: executed }).map(
      (hit) => `${notebook}: code cell ${hit.cell} (code cells counted from 1) has ${hit.kind}:\n${hit.text}`,
    );
    assert.deepEqual(hits, [], hits.join("\n\n"));
    // Also stderr the cells wrote that did not end up in an output (belt and braces).
    assert.equal(result.stderr, "", `${notebook} wrote to stderr:\n${result.stderr}`);
  });
}
