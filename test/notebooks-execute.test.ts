/**
 * Every notebook under notebooks/ executes headlessly through the real kernel with status ok
 * and writes nothing to stderr (warnings count as failures: a clean run prints no stderr).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { runNotebook } from "../tools/nb";
import { listNotebooks } from "../tools/reproduce";
import { osTempDir } from "./fixtures/runner/helpers";

const notebooks = listNotebooks();

test("notebooks/ holds notebooks to execute", { skip: notebooks.length === 0 && "no .ipynb files in notebooks/ yet" }, () => {
  assert.ok(notebooks.length > 0);
});

for (const notebook of notebooks) {
  test(`${notebook} executes with status ok and no stderr output`, async () => {
    const result = await runNotebook({ path: notebook, outDir: osTempDir() });
    assert.equal(result.status, "ok", result.error);
    assert.equal(result.stderr, "", `${notebook} wrote to stderr:\n${result.stderr}`);
    assert.equal(result.cells.executed, result.cells.total);
  });
}
