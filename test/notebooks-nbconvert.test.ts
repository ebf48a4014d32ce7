/**
 * Compatibility with the standard Jupyter client: `jupyter nbconvert --execute` runs notebooks
 * through the project kernelspec (found through JUPYTER_PATH=<root>/.jupyter). One small fixture
 * notebook proves it (the project's notebooks already run in notebooks-execute.test.ts);
 * ET_NBCONVERT_ALL=1 also runs every notebook under notebooks/ through nbconvert.
 * Skipped when Jupyter is not installed, except under CI=true where .ci/run installs it.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { JUPYTER_DATA_DIR, KERNEL_NAME } from "../tools/nb/kernelspec";
import { joinText, type Notebook } from "../tools/nb/nbformat";
import { runNotebook } from "../tools/nb/run-notebook";
import { findExecutable } from "../tools/nb/which";
import { listNotebooks } from "../tools/reproduce";
import { fixture, osTempDir, ROOT } from "./fixtures/runner/helpers";

const missing = !findExecutable({ name: "jupyter" })
  ? "jupyter is not on PATH"
  : !findExecutable({ name: "jupyter-nbconvert" })
    ? "jupyter nbconvert is not installed"
    : null;
const skip = missing && process.env.CI !== "true" ? `${missing} (Debian: apt-get install jupyter-nbconvert)` : false;

test("jupyter nbconvert --execute runs notebooks with the project kernelspec, numbering cells as our runner does", {
  skip,
}, async () => {
  if (missing) assert.fail(`${missing}; under CI=true this test must run (.ci/run installs jupyter-nbconvert)`);
  const inputs = [fixture("nbconvert.ipynb"), ...(process.env.ET_NBCONVERT_ALL === "1" ? listNotebooks() : [])];
  const outDir = osTempDir();
  const run = spawnSync(
    "jupyter",
    [
      "nbconvert",
      "--to",
      "notebook",
      "--execute",
      `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`,
      "--ExecutePreprocessor.timeout=600",
      "--output-dir",
      outDir,
      ...inputs,
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, JUPYTER_PATH: JUPYTER_DATA_DIR } },
  );
  assert.equal(run.status, 0, `nbconvert failed:\n${run.stderr}`);
  for (const input of inputs) {
    const out = path.join(outDir, path.basename(input));
    assert.ok(fs.existsSync(out), `nbconvert wrote no ${out}`);
  }
  const nb = JSON.parse(fs.readFileSync(path.join(outDir, "nbconvert.ipynb"), "utf8")) as Notebook;
  const printed = nb.cells
    .flatMap((c) => (c.cell_type === "code" ? c.outputs : []))
    .map((o) => (o.output_type === "stream" ? joinText(o.text) : ""))
    .join("");
  assert.equal(printed, "validated 42\n", "the notebook imported execution-tickets and printed its result");
  // nbclient numbers a cell from the kernel's execute_input message (tslab, patched, sends it).
  const counts = (notebook: Notebook) =>
    notebook.cells.filter((c) => c.cell_type === "code").map((c) => c.execution_count);
  const ours = await runNotebook({ path: fixture("nbconvert.ipynb"), outDir: osTempDir(), timeoutSeconds: 120 });
  assert.equal(ours.status, "ok", ours.error);
  const runner = JSON.parse(fs.readFileSync(ours.output as string, "utf8")) as Notebook;
  assert.deepEqual(counts(nb), counts(runner), "nbconvert's execution counts equal the runner's");
  assert.deepEqual(counts(nb), [1, 2]);
});
