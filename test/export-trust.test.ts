/**
 * Issue 19, item 1: outputs the project's runner produced are trusted (signed with a key outside the
 * notebook; the exporter verifies), anything else is untrusted and sanitised, and --trust is the
 * explicit opt-in. The runner test uses the real tslab kernel.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { runNotebook } from "../tools/nb";
import { notebookSecret, SIGNATURE_KEY, signatureMatches, signCells } from "../tools/nb/signature";
import { readExecutedNotebook } from "../tools/export/read-notebook";
import { renderNotebookPage } from "../tools/export/render-notebook";
import { codeNotebook, osTempDir, projectTempDir } from "./fixtures/runner/helpers";

const ACTIVE = '<b onclick="steal()">bold</b><script>alert(1)</script>';

function notebookWithHtmlOutput(html: string) {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {} as Record<string, unknown>,
    cells: [
      { cell_type: "markdown", metadata: {}, source: "# Trust" },
      {
        cell_type: "code",
        metadata: {},
        execution_count: 1,
        source: ["show(", "html)"],
        outputs: [{ output_type: "display_data", metadata: {}, data: { "text/html": [html] } }],
      },
    ],
  };
}

test("a signature covers every cell's source and outputs, under one key only", () => {
  const key = new Uint8Array(32).fill(7);
  const nb = notebookWithHtmlOutput(ACTIVE);
  nb.metadata[SIGNATURE_KEY] = signCells(nb.cells, key);
  assert.ok(signatureMatches(nb, key));
  // The same content with multiline strings joined signs the same.
  const joined = JSON.parse(JSON.stringify(nb));
  joined.cells[1].source = "show(html)";
  joined.cells[1].outputs[0].data["text/html"] = ACTIVE;
  assert.ok(signatureMatches(joined, key));
  const editedOutput = JSON.parse(JSON.stringify(nb));
  editedOutput.cells[1].outputs[0].data["text/html"] = ["<img src=x onerror=alert(2)>"];
  assert.equal(signatureMatches(editedOutput, key), false, "an edited output is no longer trusted");
  const editedSource = JSON.parse(JSON.stringify(nb));
  editedSource.cells[1].source = "other()";
  assert.equal(signatureMatches(editedSource, key), false, "edited code is no longer trusted");
  assert.equal(signatureMatches(nb, new Uint8Array(32).fill(8)), false, "another machine's key");
  assert.equal(signatureMatches({ ...nb, metadata: {} }, key), false, "no signature");
  assert.equal(signatureMatches({ ...nb, metadata: { [SIGNATURE_KEY]: "sha256:00" } }, key), false);
});

test("the key is created once, 32 bytes, readable by its owner only", () => {
  const env = { ET_NOTEBOOK_SECRET: path.join(osTempDir(), "deep", "secret") };
  const first = notebookSecret(env);
  assert.equal(first.length, 32);
  assert.deepEqual(notebookSecret(env), first);
  assert.equal(fs.statSync(env.ET_NOTEBOOK_SECRET).mode & 0o777, 0o600);
});

test("the exporter renders a signed notebook's HTML outputs as written, an unsigned or edited one sanitised, --trust as written", () => {
  const dir = osTempDir();
  const previous = process.env.ET_NOTEBOOK_SECRET;
  process.env.ET_NOTEBOOK_SECRET = path.join(dir, "secret");
  try {
    const key = notebookSecret();
    const signed = notebookWithHtmlOutput(ACTIVE);
    signed.metadata[SIGNATURE_KEY] = signCells(signed.cells, key);
    const write = (name: string, nb: unknown) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, JSON.stringify(nb));
      return readExecutedNotebook({ file });
    };
    const page = (name: string, nb: unknown, trust = false) =>
      renderNotebookPage({ notebook: write(name, nb), trust }).html;
    assert.ok(page("signed.ipynb", signed).includes(ACTIVE), "signed: the runner's own output as written");
    const unsigned = notebookWithHtmlOutput(ACTIVE);
    const sanitised = page("unsigned.ipynb", unsigned);
    assert.ok(!sanitised.includes("onclick") && !sanitised.includes("<script>alert"), "unsigned: sanitised");
    assert.ok(sanitised.includes("<b>bold</b>"), "unsigned: the legitimate part kept");
    const edited = JSON.parse(JSON.stringify(signed));
    edited.cells[1].outputs[0].data["text/html"] = ['<img src=x onerror="alert(2)">'];
    assert.ok(!page("edited.ipynb", edited).includes("onerror"), "edited after signing: sanitised");
    assert.ok(page("trusted.ipynb", unsigned, true).includes(ACTIVE), "--trust: as written");
    // Markdown cells are sanitised whatever the trust (Jupyter does the same).
    const markdown = { ...signed, cells: [{ cell_type: "markdown", metadata: {}, source: `# T\n\n${ACTIVE}` }] };
    markdown.metadata = { [SIGNATURE_KEY]: signCells(markdown.cells, key) };
    assert.ok(!page("md.ipynb", markdown, true).includes("onclick"));
  } finally {
    if (previous === undefined) delete process.env.ET_NOTEBOOK_SECRET;
    else process.env.ET_NOTEBOOK_SECRET = previous;
  }
});

test("the runner signs what it executed (real kernel), and the signature verifies", async () => {
  const dir = projectTempDir();
  const previous = process.env.ET_NOTEBOOK_SECRET;
  process.env.ET_NOTEBOOK_SECRET = path.join(osTempDir(), "secret");
  try {
    const source = codeNotebook({ dir, name: "signed.ipynb", sources: ['console.log("hello")'] });
    const result = await runNotebook({ path: source, outDir: osTempDir(), timeoutSeconds: 120 });
    assert.equal(result.status, "ok", result.error);
    const executed = JSON.parse(fs.readFileSync(result.output as string, "utf8"));
    assert.match(executed.metadata[SIGNATURE_KEY], /^hmac-sha256:[0-9a-f]{64}$/);
    assert.ok(signatureMatches(executed, notebookSecret()));
    assert.ok(readExecutedNotebook({ file: result.output as string }).signed);
  } finally {
    if (previous === undefined) delete process.env.ET_NOTEBOOK_SECRET;
    else process.env.ET_NOTEBOOK_SECRET = previous;
  }
});
