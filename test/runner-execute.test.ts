/**
 * The runner against the real tslab kernel (no mocks): executed copies, atomic writes,
 * parameters through the CLI, failing / crashing / hanging cells, file-system events during a
 * run. Seven kernel starts in all.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import type { JupyterMessage } from "@nteract/messaging";
import { KernelSession, runNotebook, runNotebooks } from "../tools/nb";
import { joinText, type CodeCell, type Notebook, type Output } from "../tools/nb/nbformat";
import { nbformat4Problem } from "../tools/nb/notebook-file";
import { alive, fixture, groupAlive, osTempDir, projectTempDir, ROOT } from "./fixtures/runner/helpers";

function readNb(file: string): Notebook {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
}
function codeCellsOf(nb: Notebook): CodeCell[] {
  return nb.cells.filter((c): c is CodeCell => c.cell_type === "code");
}
function streamText(outputs: Output[], name: "stdout" | "stderr"): string {
  return outputs.map((o) => (o.output_type === "stream" && o.name === name ? joinText(o.text) : "")).join("");
}

test("executes a notebook into an atomic executed copy with counts and outputs; the source is untouched", async () => {
  // A copy outside the project tree: the kernel must start there too.
  const source = path.join(osTempDir(), "ok.ipynb");
  fs.copyFileSync(path.join(ROOT, fixture("ok.ipynb")), source);
  const before = fs.readFileSync(source);
  const outDir = osTempDir();
  const target = path.join(outDir, "ok.ipynb");
  fs.writeFileSync(target, "stale"); // replaced by rename, never rewritten in place

  const events: [string, string][] = [];
  const watcher = fs.watch(outDir, (type, name) => events.push([type, String(name)]));
  const result = await runNotebook({ path: source, outDir });
  // inotify events arrive asynchronously: wait until the final rename onto the target is seen.
  for (let i = 0; i < 100 && !events.some(([t, n]) => t === "rename" && n === "ok.ipynb"); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  watcher.close();

  assert.equal(result.status, "ok", result.error);
  assert.equal(result.stderr, "");
  assert.deepEqual(result.cells, { executed: 3, total: 3 });
  assert.equal(result.output, target);
  assert.deepEqual(fs.readFileSync(source), before, "the source notebook is unchanged");

  assert.deepEqual(fs.readdirSync(outDir), ["ok.ipynb"], "no temporary file is left");
  assert.ok(
    // write-file-atomic names its temporary file <target>.<hash>, in the target's folder.
    events.some(([, n]) => /^\.?ok\.ipynb\.[\w.]+$/.test(n)),
    "written through a temporary file",
  );
  assert.ok(!events.some(([t, n]) => t === "change" && n === "ok.ipynb"), "the target is never written in place");

  const nb = readNb(target);
  assert.equal(nbformat4Problem(nb), null);
  assert.equal(nb.nbformat_minor, 5);
  const code = codeCellsOf(nb);
  assert.deepEqual(
    code.map((c) => c.execution_count),
    [1, 2, 3],
  );
  assert.equal(streamText(code[1].outputs, "stdout"), "result default 200\nsecond line\n");
  assert.equal(code[1].outputs.length, 1, "consecutive stdout writes are merged into one stream output");
  const display = code[2].outputs[0];
  assert.equal(display.output_type, "display_data");
  assert.deepEqual(display.output_type === "display_data" && display.data, { "text/markdown": ["**n = 100**"] });
  assert.equal(streamText(code[2].outputs, "stdout"), "101\n");
  const execution = nb.metadata.execution as Record<string, unknown>;
  assert.deepEqual(execution.parameters, {});
  assert.equal(execution.status, "ok");
  assert.equal(execution.kernel, "execution-tickets");
});

test("--param through the CLI changes the printed result; --inplace writes over the source", () => {
  const dir = projectTempDir();
  const copy = path.join(dir, "ok.ipynb");
  fs.copyFileSync(path.join(ROOT, fixture("ok.ipynb")), copy);
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "tools/nb/cli.ts",
      "run",
      path.relative(ROOT, copy),
      "--param",
      "n=7",
      "--param",
      'label="fast"',
      "--inplace",
      "--no-cache",
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim().split("\n").length, 1, `one line per notebook under CI=true:\n${run.stdout}`);
  assert.match(run.stdout.trim(), /^ok +[\d.]+ s +3 cells +.*ok\.ipynb$/);

  const nb = readNb(copy);
  const code = codeCellsOf(nb);
  assert.deepEqual(code[1].metadata.tags, ["injected-parameters"], "injected right after the parameters cell");
  assert.match(joinText(code[1].source), /^const n = 7;\nconst label = "fast";$/m);
  assert.deepEqual(
    code.map((c) => c.execution_count),
    [1, 2, 3, 4],
  );
  assert.equal(streamText(code[2].outputs, "stdout"), "result fast 14\nsecond line\n");
  assert.deepEqual((nb.metadata.execution as Record<string, unknown>).parameters, { n: 7, label: "fast" });
  assert.deepEqual(fs.readdirSync(dir), ["ok.ipynb"]);
});

test("a failing cell stops its notebook with one message; the next notebook still runs", async () => {
  const outDir = osTempDir();
  const [failed, crashed] = await runNotebooks({ paths: [fixture("fail.ipynb"), fixture("crash.ipynb")], outDir });

  assert.equal(failed.status, "failed");
  assert.equal(failed.failedCell, 2);
  assert.deepEqual(failed.cells, { executed: 1, total: 3 });
  assert.match(
    failed.error ?? "",
    /^test\/fixtures\/runner\/fail\.ipynb: code cell 2 of 3 failed \(code cells counted from 1/,
  );
  assert.match(failed.error ?? "", /Error: deliberate failure: 42 is not allowed/);
  assert.doesNotMatch(failed.error ?? "", /node_modules[\\/]tslab/, "kernel-internal stack frames are dropped");
  const nb = readNb(path.join(outDir, "fail.ipynb"));
  const code = codeCellsOf(nb);
  assert.equal(streamText(code[0].outputs, "stdout"), "first cell ran\n");
  assert.match(streamText(code[1].outputs, "stderr"), /deliberate failure/);
  assert.equal(code[2].execution_count, null, "cells after the failure are not run");
  assert.deepEqual(code[2].outputs, []);
  assert.equal((nb.metadata.execution as Record<string, unknown>).status, "failed");

  assert.equal(crashed.status, "crashed");
  assert.equal(crashed.failedCell, 2);
  assert.match(crashed.error ?? "", /crash\.ipynb: code cell 2 of 2: the kernel died while running it/);
  assert.match(crashed.error ?? "", /exited with code 3/);
  for (const r of [failed, crashed]) assert.ok(!groupAlive(r.kernel!.pid!), "kernel process group is gone");
});

test("a hanging cell hits the timeout and the kernel's whole process group is killed", async () => {
  const outDir = osTempDir();
  const result = await runNotebook({ path: fixture("hang.ipynb"), outDir, timeoutSeconds: 4 });
  assert.equal(result.status, "timeout");
  assert.equal(result.failedCell, 2);
  assert.match(result.error ?? "", /hang\.ipynb: code cell 2 of 3 timed out after 4 s .*the kernel was killed/);
  const code = codeCellsOf(readNb(path.join(outDir, "hang.ipynb")));
  const grandchild = Number(/grandchild pid (\d+)/.exec(streamText(code[1].outputs, "stdout"))?.[1]);
  assert.ok(grandchild > 0, "the partial output of the timed-out cell is kept");
  assert.ok(!alive(result.kernel!.pid!), "the kernel is killed");
  assert.ok(!alive(grandchild), "what the kernel started is killed too");
  assert.ok(!groupAlive(result.kernel!.pid!), "nothing is left in the kernel's process group");
});

test("a request right after a failed cell is not dropped by tslab's 200 ms abort window", async () => {
  const kernel = await KernelSession.start({
    name: "execution-tickets",
    cwd: path.join(ROOT, "test", "fixtures", "runner"),
  });
  try {
    const outputs: string[] = [];
    const onIopub = (m: JupyterMessage) => {
      if (m.header.msg_type === "stream") outputs.push(String((m.content as { text: string }).text));
    };
    const failed = await kernel.execute({ code: 'throw new Error("first")', timeoutMs: 30_000, onIopub });
    assert.equal(failed.status, "error");
    const next = await kernel.execute({ code: 'console.log("second ran")', timeoutMs: 30_000, onIopub });
    assert.equal(next.status, "ok");
    assert.ok(outputs.includes("second ran\n"));
  } finally {
    await kernel.shutdown();
  }
  assert.ok(!alive(kernel.pid!));
});

test("a folder appearing in a watched place during a run does not break later cells (tslab's rebuildTimer)", async () => {
  // tslab's TypeScript watch program throws "Unexpected pending rebuildTimer" in every cell after
  // a file-system event (here: node_modules/@types appearing, as `npm install` may do); the
  // headless runner switches its watchers off.
  const cwd = projectTempDir();
  const kernel = await KernelSession.start({ name: "execution-tickets", cwd });
  try {
    const outputs: string[] = [];
    const onIopub = (m: JupyterMessage) => {
      if (m.header.msg_type === "stream") outputs.push(String((m.content as { text: string }).text));
    };
    const first = await kernel.execute({
      code: 'import { validate } from "execution-tickets";',
      timeoutMs: 60_000,
      onIopub,
    });
    assert.equal(first.status, "ok", outputs.join(""));
    fs.mkdirSync(path.join(cwd, "node_modules", "@types"), { recursive: true });
    await new Promise((r) => setTimeout(r, 4000)); // TypeScript polls missing folders every few seconds
    const next = await kernel.execute({ code: 'console.log(validate.positive("x", 2))', timeoutMs: 60_000, onIopub });
    assert.equal(next.status, "ok", outputs.join(""));
    assert.deepEqual(outputs, ["2\n"]);
  } finally {
    await kernel.shutdown();
  }
});
