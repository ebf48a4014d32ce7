/**
 * No output is lost, through the real tslab kernel and the runner: bursts of thousands of lines and
 * tens of MB reach the executed notebook whole and in order. Before the fix in
 * patches/tslab+1.0.22.patch (zeromq 6 allows one send in progress per socket and the publisher
 * dropped messages once the subscriber's queue was full), 600 quick lines kept 504 and the cell
 * never finished; and re-splitting the stream text on every message made 20,000 lines take minutes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { runNotebook } from "../tools/nb";
import { joinText, type Notebook } from "../tools/nb/nbformat";
import { codeNotebook, osTempDir, projectTempDir } from "./fixtures/runner/helpers";

const LINES = 20_000;
const BYTES = 20_000_000;

test("bursts of 600 and 20,000 lines and a 20 MB write arrive whole and in order", async () => {
  const source = path.join(projectTempDir(), "bursts.ipynb");
  const code = [
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the cell's source holds a template literal
    "for (let i = 0; i < 600; i++) console.log(`quick ${i}`);",
    `for (let i = 0; i < ${LINES}; i++) console.log(\`burst \${i}\`);`,
    `process.stdout.write("x".repeat(${BYTES}) + "\\n");\nconsole.log("after the big write");`,
    'console.error("to stderr");\nconsole.log("last");',
  ];
  codeNotebook({ dir: path.dirname(source), name: path.basename(source), sources: code });
  const result = await runNotebook({ path: source, outDir: osTempDir(), timeoutSeconds: 120 });
  assert.equal(result.status, "ok", result.error);
  const executed = JSON.parse(fs.readFileSync(result.output as string, "utf8")) as Notebook;
  const text = (i: number, name = "stdout") =>
    executed.cells[i].cell_type === "code"
      ? executed.cells[i].outputs
          .map((o) => (o.output_type === "stream" && o.name === name ? joinText(o.text) : ""))
          .join("")
      : "";
  assert.equal(text(0), Array.from({ length: 600 }, (_, i) => `quick ${i}\n`).join(""));
  assert.equal(text(1), Array.from({ length: LINES }, (_, i) => `burst ${i}\n`).join(""));
  const big = text(2);
  assert.ok(big.startsWith(`${"x".repeat(BYTES)}\n`), `the 20 MB write arrived whole (${big.length} characters)`);
  assert.match(big, /after the big write\n$/);
  assert.equal(text(3), "last\n");
  assert.equal(text(3, "stderr"), "to stderr\n");
});
