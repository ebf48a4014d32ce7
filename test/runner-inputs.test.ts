/**
 * Runner input checks that need no kernel: missing paths, malformed notebooks, unknown kernels,
 * parameter syntax and injection, and the CLI's exit codes for them.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { runNotebook, runNotebooks, parseParamArgs, ParameterSyntaxError } from "../tools/nb";
import { nbformat4Problem } from "../tools/nb/notebook-file";
import { declaredParameters, injectParameters, INJECTED_TAG } from "../tools/nb/parameters";
import { parameterRunName, splitRunName } from "../tools/nb/run-name";
import type { Cell } from "../tools/nb/nbformat";
import { fixture, osTempDir, ROOT } from "./fixtures/runner/helpers";

test("a notebook path that does not exist is rejected with its path", async () => {
  const out = osTempDir();
  const r = await runNotebook({ path: "notebooks/99-does-not-exist.ipynb", outDir: out });
  assert.equal(r.status, "invalid");
  assert.match(r.error ?? "", /notebooks\/99-does-not-exist\.ipynb: no such notebook/);
  const glob = await runNotebook({ path: "notebooks/99-*.ipynb", outDir: out });
  assert.match(glob.error ?? "", /no file matches this pattern/);
  assert.deepEqual(fs.readdirSync(out), [], "nothing is written for a rejected notebook");
});

test("a notebook that is not valid JSON is rejected, saying so", async () => {
  const r = await runNotebook({ path: fixture("malformed.ipynb"), outDir: osTempDir() });
  assert.equal(r.status, "invalid");
  assert.match(r.error ?? "", /malformed\.ipynb: malformed notebook, not valid JSON \(.+\)/);
});

test("a notebook that is not nbformat 4 is rejected, saying what is wrong", async () => {
  const r = await runNotebook({ path: fixture("not-nbformat4.ipynb"), outDir: osTempDir() });
  assert.equal(r.status, "invalid");
  assert.match(r.error ?? "", /"nbformat" must be 4 \(got 3\)/);
});

test("nbformat4Problem names the first structural problem", () => {
  const base = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] as unknown[] };
  assert.equal(nbformat4Problem(base), null);
  assert.match(nbformat4Problem([]) ?? "", /not a JSON object/);
  assert.match(nbformat4Problem({ ...base, nbformat: undefined }) ?? "", /"nbformat" must be 4 \(got missing\)/);
  assert.match(nbformat4Problem({ ...base, cells: {} }) ?? "", /"cells" must be an array/);
  assert.match(
    nbformat4Problem({ ...base, cells: [{ cell_type: "code", source: 3 }] }) ?? "",
    /cells\[0\]\.source must be a string or an array of strings/,
  );
  assert.match(
    nbformat4Problem({ ...base, cells: [{ cell_type: "heading", source: "" }] }) ?? "",
    /cells\[0\]\.cell_type must be "code", "markdown" or "raw"/,
  );
  assert.match(
    nbformat4Problem({ ...base, metadata: { kernelspec: { name: 7 } } }) ?? "",
    /metadata\.kernelspec\.name" must be a string/,
  );
});

test("an unknown kernel name is rejected, listing the kernels that exist", async () => {
  const r = await runNotebook({ path: fixture("unknown-kernel.ipynb"), outDir: osTempDir() });
  assert.equal(r.status, "invalid");
  assert.match(r.error ?? "", /unknown-kernel\.ipynb: metadata\.kernelspec\.name: unknown kernel "no-such-kernel"/);
  assert.match(r.error ?? "", /kernels available: .*execution-tickets/);
});

test("--param values are JSON; anything else is a clear error", () => {
  assert.deepEqual(parseParamArgs({ args: ["n=1000", "d=1e-4", 'label="fast"', "on=true", "n=5"] }), {
    n: 5,
    d: 1e-4,
    label: "fast",
    on: true,
  });
  assert.throws(
    () => parseParamArgs({ args: ["label=fast"] }),
    (err: Error) => {
      assert.ok(err instanceof ParameterSyntaxError);
      assert.match(err.message, /--param label=fast: the value "fast" is not JSON.*strings must be quoted JSON/);
      return true;
    },
  );
  assert.throws(() => parseParamArgs({ args: ["n"] }), /expected name=value/);
  assert.throws(() => parseParamArgs({ args: ["2n=1"] }), /not a valid TypeScript identifier/);
});

const cells: Cell[] = [
  { cell_type: "markdown", metadata: {}, source: "# t" },
  {
    cell_type: "code",
    metadata: { tags: ["parameters"] },
    source: "const n = 100;\nconst d: number = 1.5e-8;",
    outputs: [],
    execution_count: null,
  },
  { cell_type: "code", metadata: { tags: [INJECTED_TAG] }, source: "const n = 1;", outputs: [], execution_count: null },
  { cell_type: "code", metadata: {}, source: "n", outputs: [], execution_count: null },
];

test("parameters are injected in a tagged cell right after the parameters cell", () => {
  const source = 'const n = 100;\n// c\nlet mode = "x";\nconst d: number = 1;';
  assert.deepEqual(declaredParameters({ source }), ["n", "mode", "d"]);
  const out = injectParameters({ path: "x.ipynb", cells, params: { n: 1000, d: 1e-4 } });
  assert.equal(out.length, 4, "the stale injected cell is replaced, not kept");
  assert.deepEqual(out[2].metadata.tags, [INJECTED_TAG]);
  const injected = Array.isArray(out[2].source) ? out[2].source.join("") : out[2].source;
  assert.match(injected, /^const n = 1000;$/m);
  assert.match(injected, /^const d = 0\.0001;$/m);
  assert.equal(out[3], cells[3]);
  assert.equal(
    injectParameters({ path: "x.ipynb", cells, params: {} }).length,
    3,
    "no params: only the stale cell goes",
  );
});

test("an unknown parameter name, or --param without a parameters cell, is a clear error", async () => {
  assert.throws(
    () => injectParameters({ path: "x.ipynb", cells, params: { m: 1 } }),
    /x\.ipynb: unknown parameter m; the parameters cell declares: n, d/,
  );
  const r = await runNotebook({ path: fixture("no-parameters.ipynb"), params: { n: 2 }, outDir: osTempDir() });
  assert.equal(r.status, "invalid");
  assert.match(
    r.error ?? "",
    /no-parameters\.ipynb: --param given but the notebook has no code cell tagged "parameters"/,
  );
});

test("--fail-fast skips the notebooks after the first failure; without it they still run", async () => {
  const paths = ["missing-a.ipynb", fixture("malformed.ipynb")];
  const fast = await runNotebooks({ paths, failFast: true, outDir: osTempDir() });
  assert.deepEqual(
    fast.map((r) => r.status),
    ["invalid", "skipped"],
  );
  const all = await runNotebooks({ paths, outDir: osTempDir() });
  assert.deepEqual(
    all.map((r) => r.status),
    ["invalid", "invalid"],
  );
});

test("the CLI exits 2 on bad usage and 1 when a notebook fails, with one message each", () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "tools/nb/cli.ts"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CI: "true" },
    });
  const bad = cli(["run", fixture("ok.ipynb"), "--param", "label=fast"]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /the value "fast" is not JSON/);
  const missing = cli(["run", "notebooks/nope.ipynb", "--timeout", "5"]);
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr.match(/notebooks\/nope\.ipynb: no such notebook/g)?.length, 1);
  assert.match(missing.stdout, /^INVALID .* notebooks\/nope\.ipynb$/m);
  assert.equal(cli(["run", "x.ipynb", "--timeout", "soon"]).status, 2);
});

test("a --param run's name: the notebook's, plus .p- and 8 hex digits of its parameters' canonical JSON (order-free); none for the default run", () => {
  assert.equal(parameterRunName({ name: "02-ticket-value", params: {} }), "02-ticket-value");
  const a = parameterRunName({ name: "02-ticket-value", params: { n: 500, d: 0.02 } });
  assert.match(a, /^02-ticket-value\.p-[0-9a-f]{8}$/);
  assert.equal(
    parameterRunName({ name: "02-ticket-value", params: { d: 0.02, n: 500 } }),
    a,
    "key order does not matter",
  );
  assert.notEqual(parameterRunName({ name: "02-ticket-value", params: { n: 501, d: 0.02 } }), a);
  assert.deepEqual(splitRunName(a), { notebook: "02-ticket-value", parameterised: true });
  assert.deepEqual(splitRunName("02-ticket-value"), { notebook: "02-ticket-value", parameterised: false });
  assert.deepEqual(splitRunName("notes.p-xyz"), { notebook: "notes.p-xyz", parameterised: false });
});
