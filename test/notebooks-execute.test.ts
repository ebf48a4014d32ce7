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
import { CLAIM_MIME, type ClaimRecord } from "../lib/notebook/claim";
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

/** The claim records in an executed notebook's outputs, and the check tables shown without a claim. */
function claimsOf(executed: Notebook): { records: ClaimRecord[]; unregistered: number[] } {
  const records: ClaimRecord[] = [];
  const unregistered: number[] = [];
  let codeCell = 0;
  for (const cell of executed.cells) {
    if (cell.cell_type !== "code") continue;
    codeCell++;
    for (const output of cell.outputs ?? []) {
      const data = (output as { data?: Record<string, unknown> }).data ?? {};
      if (data[CLAIM_MIME]) records.push(data[CLAIM_MIME] as ClaimRecord);
      else if (/Agreement checks: \d+ of \d+ pass/.test(String(data["text/plain"] ?? ""))) unregistered.push(codeCell);
    }
  }
  return { records, unregistered };
}

for (const notebook of notebooks) {
  test(`${notebook}: every agreement check backs a registered claim, and every claim holds`, () => {
    const result = results.get(notebook);
    assert.ok(result?.output, `${notebook} was not executed`);
    const executed = JSON.parse(fs.readFileSync(result.output, "utf8")) as Notebook;
    const { records, unregistered } = claimsOf(executed);
    assert.deepEqual(
      unregistered,
      [],
      `${notebook}: code cell(s) ${unregistered.join(", ")} show agreement checks without a claim: use showClaim({ id, text, reference, checks })`,
    );
    const source = fs.readFileSync(path.join(ROOT, notebook), "utf8");
    if (/\bcheck\(\{/.test(source)) assert.ok(records.length > 0, `${notebook} computes checks but registers no claim`);
    const ids = records.map((r) => r.id);
    assert.deepEqual(ids, [...new Set(ids)], `${notebook}: claim ids repeat`);
    const failing = records.filter((r) => r.status !== "holds" || r.checks.some((c) => !c.pass));
    assert.deepEqual(
      failing.map((r) => `${r.id}: ${r.text}`),
      [],
      `${notebook}: registered claims fail`,
    );
  });

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
