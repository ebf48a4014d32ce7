/**
 * `npm run lab`: prefers JupyterLab, falls back to the classic Notebook, and without either says
 * how to install one and exits non-zero. Jupyter is replaced by stub scripts on a private PATH.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { JUPYTER_DATA_DIR } from "../tools/nb/kernelspec";
import { osTempDir, ROOT } from "./fixtures/runner/helpers";

function lab(searchPath: string, args: string[] = []) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "tools", "lab.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, PATH: searchPath, JUPYTER_PATH: "" },
  });
}

/** A stub `name` that prints its arguments, JUPYTER_PATH and folder, then exits with `code`. */
function stub(dir: string, name: string, code: number): void {
  const script = `#!/bin/sh\necho "${name} $*"\necho "JUPYTER_PATH=$JUPYTER_PATH"\necho "cwd=$(pwd)"\nexit ${code}\n`;
  fs.writeFileSync(path.join(dir, name), script, { mode: 0o755 });
}

test("without Jupyter on PATH it says how to install one and exits non-zero", () => {
  const run = lab(osTempDir());
  assert.equal(run.status, 1);
  assert.match(run.stderr, /No Jupyter found on PATH/);
  assert.match(run.stderr, /pip install jupyterlab plotly/);
  assert.match(run.stderr, /apt-get install jupyter-notebook/);
});

test("it starts jupyter-lab when present (else jupyter-notebook) with the project kernel path and extra args", () => {
  const bin = osTempDir();
  stub(bin, "jupyter-notebook", 0);
  const classic = lab(bin, ["--no-browser"]);
  assert.equal(classic.status, 0, classic.stderr);
  assert.match(classic.stdout, new RegExp(`^jupyter-notebook --notebook-dir=${ROOT} .*--no-browser$`, "m"));

  stub(bin, "jupyter-lab", 3);
  const run = lab(bin, ["--port=9999"]);
  assert.equal(run.status, 3, "jupyter's exit status is passed on");
  assert.match(run.stdout, new RegExp(`^jupyter-lab --notebook-dir=${ROOT} .*--port=9999$`, "m"));
  assert.match(run.stdout, new RegExp(`^JUPYTER_PATH=${JUPYTER_DATA_DIR}$`, "m"));
  assert.match(run.stdout, new RegExp(`^cwd=${ROOT}$`, "m"));
  assert.ok(fs.existsSync(path.join(JUPYTER_DATA_DIR, "kernels", "execution-tickets", "kernel.json")));
});
