/**
 * The execution cache (tools/nb/execution-cache.ts): its key follows every input that can change a
 * notebook's outputs and ignores Markdown; with the real kernel, an unchanged notebook is served
 * from the cache (with its current Markdown), a changed parameter re-executes, a failure is never
 * stored, a damaged entry is detected and re-executed, and running notebooks in parallel gives the
 * outputs of a serial run.
 */
import { parameterRunName } from "../tools/nb/run-name";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { cacheInputs, cacheKey, explainChange } from "../tools/nb/execution-cache";
import type { Notebook } from "../tools/nb/nbformat";
import { runNotebooks } from "../tools/nb";
import { fixture, osTempDir, ROOT } from "./fixtures/runner/helpers";

const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
const text = (v: unknown) => (Array.isArray(v) ? v.join("") : String(v ?? ""));

/** A throw-away project root with lib/, data/ and a lockfile, for the key's file part. */
function tinyProject(): string {
  const root = osTempDir();
  fs.mkdirSync(path.join(root, "lib", "model"), { recursive: true });
  fs.mkdirSync(path.join(root, "data"), { recursive: true });
  fs.writeFileSync(path.join(root, "lib", "model", "ticket-value.ts"), "export const v = 1;\n");
  fs.writeFileSync(path.join(root, "lib", "index.ts"), 'export * from "./model/ticket-value";\n');
  fs.writeFileSync(path.join(root, "data", "calibration.json"), '{"mu": 0.1}\n');
  fs.writeFileSync(path.join(root, "package-lock.json"), "{}\n");
  return root;
}

test("the key changes with a lib/ or data/ file, the parameters, the code and the environment, and names what changed", () => {
  const root = tinyProject();
  const notebook = read(path.join(ROOT, fixture("ok.ipynb")));
  const inputs = (nb: Notebook, parameters = {}, env: NodeJS.ProcessEnv = {}) =>
    cacheInputs({ notebook: nb, parameters, root, env });
  const before = inputs(notebook);
  assert.equal(cacheKey(inputs(notebook)), cacheKey(before), "the same inputs give the same key");

  fs.writeFileSync(path.join(root, "lib", "model", "ticket-value.ts"), "export const v = 2;\n");
  const libChanged = inputs(notebook);
  assert.notEqual(cacheKey(libChanged), cacheKey(before));
  assert.equal(explainChange({ before, after: libChanged }), "lib/model/ticket-value.ts changed");

  fs.writeFileSync(path.join(root, "data", "calibration.json"), '{"mu": 0.2}\n');
  assert.equal(explainChange({ before: libChanged, after: inputs(notebook) }), "data/calibration.json changed");
  const now = inputs(notebook);

  assert.equal(explainChange({ before: now, after: inputs(notebook, { n: 3 }) }), "parameters changed");
  assert.match(explainChange({ before: now, after: inputs(notebook, {}, { ET_ENGINE: "js" }) }), /^ET_ENGINE changed/);

  const markdownEdited = structuredClone(notebook);
  markdownEdited.cells[0].source = "# Another title\n";
  assert.equal(cacheKey(inputs(markdownEdited)), cacheKey(now), "a Markdown edit keeps the key");
  const codeEdited = structuredClone(notebook);
  codeEdited.cells[2].source = "console.log(1);";
  assert.equal(explainChange({ before: now, after: inputs(codeEdited) }), "code cells changed");
  assert.equal(explainChange({ before: undefined, after: now }), "no cache entry");
});

test("with the kernel: unchanged → cached (current Markdown, same outputs); new parameter → runs; --force → runs", async () => {
  const dir = osTempDir();
  const cache = { dir: path.join(dir, "cache") };
  const source = path.join(dir, "ok.ipynb");
  fs.copyFileSync(path.join(ROOT, fixture("ok.ipynb")), source);
  const outDir = path.join(dir, "out");
  const [first] = await runNotebooks({ paths: [source], outDir, cache });
  assert.equal(first.status, "ok", first.error);
  assert.deepEqual(first.cache, { hit: false, reason: "no cache entry" });
  const executed = read(path.join(outDir, "ok.ipynb"));
  const bytes = fs.readFileSync(path.join(outDir, "ok.ipynb"), "utf8");
  const [hit] = await runNotebooks({ paths: [source], outDir, cache });
  assert.equal(hit.cache?.hit, true);
  assert.equal(fs.readFileSync(path.join(outDir, "ok.ipynb"), "utf8"), bytes, "a restore writes the run's bytes");

  const nb = read(source);
  nb.cells[0].source = "# Fixture, retitled\nThe Markdown changed; the code did not.";
  fs.writeFileSync(source, JSON.stringify(nb));
  const [second] = await runNotebooks({ paths: [source], outDir, cache });
  assert.equal(second.cache?.hit, true, JSON.stringify(second));
  const restored = read(path.join(outDir, "ok.ipynb"));
  assert.equal(text(restored.cells[0].source), "# Fixture, retitled\nThe Markdown changed; the code did not.");
  assert.deepEqual(
    restored.cells.filter((c) => c.cell_type === "code").map((c) => c.outputs),
    executed.cells.filter((c) => c.cell_type === "code").map((c) => c.outputs),
    "the cached outputs, in order",
  );

  const defaultCopy = fs.readFileSync(path.join(outDir, "ok.ipynb"), "utf8");
  const [third] = await runNotebooks({ paths: [source], outDir, cache, params: { n: 21 } });
  assert.deepEqual(third.cache, { hit: false, reason: "parameters changed" });
  // A --param run has a name of its own (a hash of its parameters); the default run's copy stays.
  const named = path.join(outDir, `${parameterRunName({ name: "ok", params: { n: 21 } })}.ipynb`);
  assert.match(path.basename(named), /^ok\.p-[0-9a-f]{8}\.ipynb$/);
  assert.equal(third.output, named);
  assert.match(JSON.stringify(read(named).cells), /result default 42/);
  assert.equal(fs.readFileSync(path.join(outDir, "ok.ipynb"), "utf8"), defaultCopy, "the default run's copy is intact");
  const [forced] = await runNotebooks({ paths: [source], outDir, cache: { ...cache, force: true } });
  assert.deepEqual(forced.cache, { hit: false, reason: "--force" });
});

test("a failed run is never cached; a damaged entry is detected and re-executed", async () => {
  const dir = osTempDir();
  const cache = { dir: path.join(dir, "cache") };
  const outDir = path.join(dir, "out");
  for (let i = 0; i < 2; i++) {
    const [failed] = await runNotebooks({ paths: [fixture("fail.ipynb")], outDir, cache });
    assert.equal(failed.status, "failed");
    assert.equal(failed.cache?.hit, false, "a failure is re-executed every time");
  }
  const stored = fs.existsSync(cache.dir) ? fs.readdirSync(cache.dir).filter((f) => f.endsWith(".ipynb")) : [];
  assert.deepEqual(stored, [], "nothing was stored for the failure");

  const [ok] = await runNotebooks({ paths: [fixture("no-parameters.ipynb")], outDir, cache });
  assert.equal(ok.status, "ok");
  const entry = fs.readdirSync(cache.dir).find((f) => f.endsWith(".ipynb")) as string;
  const file = path.join(cache.dir, entry);
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('"1\\n"', '"2\\n"'));
  const [again] = await runNotebooks({ paths: [fixture("no-parameters.ipynb")], outDir, cache });
  assert.equal(again.cache?.hit, false);
  assert.match(again.cache?.reason ?? "", /^cache entry damaged \(its content does not match its recorded hash\)/);
  assert.match(JSON.stringify(read(path.join(outDir, "no-parameters.ipynb")).cells), /"1\\n"/);
});

test("--jobs 2 gives the outputs of a serial run, in the given order", async () => {
  const paths = [fixture("ok.ipynb"), fixture("no-parameters.ipynb"), fixture("nbconvert.ipynb")];
  const outputs = async (jobs: number) => {
    const outDir = osTempDir();
    const results = await runNotebooks({ paths, outDir, jobs });
    assert.deepEqual(
      results.map((r) => [r.path, r.status]),
      paths.map((p) => [p, "ok"]),
    );
    return results.map((r) => read(r.output as string).cells.map((c) => (c.cell_type === "code" ? c.outputs : null)));
  };
  assert.deepEqual(await outputs(2), await outputs(1));
});

test("an entry this machine did not sign is never re-signed: a Markdown edit over a foreign entry re-executes", async () => {
  const dir = osTempDir();
  const cache = { dir: path.join(dir, "cache") };
  const source = path.join(dir, "ok.ipynb");
  fs.copyFileSync(path.join(ROOT, fixture("ok.ipynb")), source);
  const outDir = path.join(dir, "out");
  await runNotebooks({ paths: [source], outDir, cache });
  // Forge: a different signature, with a manifest hash that matches the forged bytes.
  const entry = fs.readdirSync(cache.dir).find((f) => f.endsWith(".ipynb")) as string;
  const file = path.join(cache.dir, entry);
  const forged = read(file);
  forged.metadata["et-signature"] = `hmac-sha256:${"0".repeat(64)}`;
  const data = `${JSON.stringify(forged, null, 1)}\n`;
  fs.writeFileSync(file, data);
  const manifestFile = file.replace(/\.ipynb$/, ".json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  manifest.sha256 = createHash("sha256").update(data).digest("hex");
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  const nb = read(source);
  nb.cells[0].source = "# Retitled";
  fs.writeFileSync(source, JSON.stringify(nb));
  const [again] = await runNotebooks({ paths: [source], outDir, cache });
  assert.deepEqual(again.cache, {
    hit: false,
    reason: "cache entry damaged (it is not signed by this machine's runner)",
  });
});
