import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { runNotebook } from "../tools/nb";
import { findChromium } from "../lib/notebook/chromium";
import { plotlyScriptPath } from "../lib/notebook/figure-renderer";
import { chromiumGate } from "./fixtures/export/chromium-gate";

/** Distinctive text from inside plotly.js: it must never end up in an output. */
const PLOTLY_SOURCE_SAMPLES = (() => {
  const source = fs.readFileSync(plotlyScriptPath(), "utf8");
  return [source.slice(0, 60), source.slice(source.length / 2, source.length / 2 + 60)];
})();
const NOTEBOOK = path.join(__dirname, "fixtures", "export", "show-figure-kernel.ipynb");
const chromium = chromiumGate();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "et-figure-kernel-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Output {
  output_type: string;
  name?: string;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

test("through a real tslab kernel, showFigure emits ONE display_data with every mime type", async () => {
  if (chromium.skip === false) chromium.executable(); // under CI a missing Chromium fails here
  const withPng = findChromium().found && process.env.ET_FIGURE_PNG !== "0";
  const result = await runNotebook({ path: NOTEBOOK, outDir: tmp, timeoutSeconds: 120 });
  assert.equal(result.status, "ok", result.error);
  assert.equal(result.stderr, "");
  const executed = JSON.parse(fs.readFileSync(result.output!, "utf8")) as {
    cells: Array<{ cell_type: string; outputs: Output[] }>;
  };

  const [figureOutputs, helperOutputs] = executed.cells.filter((c) => c.cell_type === "code").map((c) => c.outputs);
  assert.equal(figureOutputs.length, 1, "exactly one output for one figure");
  const [figure] = figureOutputs;
  assert.equal(figure.output_type, "display_data");
  const mimes = Object.keys(figure.data ?? {}).sort();
  assert.deepEqual(
    mimes,
    withPng
      ? ["application/vnd.plotly.v1+json", "image/png", "text/plain"]
      : ["application/vnd.plotly.v1+json", "text/plain"],
  );
  const plotly = figure.data!["application/vnd.plotly.v1+json"] as {
    data: unknown[];
    layout: { title: { text: string } };
  };
  assert.equal(typeof plotly, "object", "the figure is stored as JSON, not a string");
  assert.equal(plotly.layout.title.text, "Kernel figure");
  assert.deepEqual(figure.metadata?.["execution-tickets"], {
    name: "kernel-figure",
    caption: "A figure shown by the kernel.",
  });
  const serialized = JSON.stringify(figure);
  assert.ok(serialized.length < 300_000, `output is ${serialized.length} bytes`);
  for (const sample of PLOTLY_SOURCE_SAMPLES)
    assert.ok(!serialized.includes(sample), "plotly.js source inside the output");
  if (withPng) {
    const png = Buffer.from(figure.data!["image/png"] as string, "base64");
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], "PNG signature");
    assert.deepEqual(
      [png.readUInt32BE(16), png.readUInt32BE(20)],
      [640, 400],
      "640×400 figure at one pixel per CSS pixel (whole in jupyterlab-plotly)",
    );
    assert.deepEqual(figure.metadata?.["image/png"], { width: 640, height: 400 });
  } else {
    assert.match(String(figure.data!["text/plain"]), /static PNG/);
  }

  assert.deepEqual(
    helperOutputs.map((o) => [
      o.output_type,
      Object.keys(o.data ?? {})
        .sort()
        .join(" "),
    ]),
    [
      ["display_data", "text/html text/plain"],
      ["display_data", "text/html text/plain"],
      ["display_data", "text/markdown text/plain"],
      ["display_data", "text/latex text/plain"],
    ],
    "showTable, showCheck, showMarkdown, showLatex: one output each",
  );
});
