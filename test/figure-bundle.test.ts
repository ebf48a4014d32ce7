import assert from "node:assert/strict";
import * as fs from "node:fs";
import { after, describe, test } from "node:test";
import { currentDisplayWriter, type DisplayBundle } from "../lib/notebook/display-writer";
import { OUTPUT_METADATA_KEY, PLOTLY_MIME } from "../lib/notebook/figure";
import { figureBundle } from "../lib/notebook/figure-bundle";
import { CHROMIUM_FLAGS, findChromium } from "../lib/notebook/chromium";
import { closeFigureRenderer, PLOTLY_TRACE_TYPES, plotlyScriptPath } from "../lib/notebook/figure-renderer";
import { formatNumber } from "../lib/notebook/format-number";
import { checkBundle } from "../lib/notebook/show-check";
import { buildFigureBundle, pngAvailability } from "../lib/notebook/show-figure";
import { withTheme } from "../lib/notebook/theme";
import { latexBundle } from "../lib/notebook/show-latex";
import { markdownBundle } from "../lib/notebook/show-markdown";
import { tableBundle } from "../lib/notebook/show-table";

const figure = {
  data: [{ type: "scatter", x: new Float64Array([1, 2, 3]), y: [1, NaN, 3], name: "series" }],
  layout: { title: { text: "Value against n" } },
};
/** Distinctive text from inside plotly.js: it must never end up in an output. */
const PLOTLY_SOURCE_SAMPLES = (() => {
  const source = fs.readFileSync(plotlyScriptPath(), "utf8");
  return [source.slice(0, 60), source.slice(source.length / 2, source.length / 2 + 60)];
})();

after(() => closeFigureRenderer());
const chromiumLookup = findChromium();

function assertNoPlotlySource(bundle: DisplayBundle): void {
  const text = JSON.stringify(bundle);
  assert.ok(text.length < 500_000, `bundle is ${text.length} bytes`);
  for (const sample of PLOTLY_SOURCE_SAMPLES) assert.ok(!text.includes(sample), "plotly.js source inside the output");
}

describe("figure display bundle", () => {
  test("one output: Plotly JSON + PNG + text/plain, named in the metadata, no plotly.js", () => {
    // The PNG itself is rendered by headless Chromium; test/figure-kernel checks a real one.
    const png = Buffer.from("89504e470d0a1a0a", "hex");
    const bundle = figureBundle({ figure: withTheme(figure), name: "value-vs-n", caption: "Closed form.", png });
    assert.deepEqual(Object.keys(bundle.data).sort(), ["application/vnd.plotly.v1+json", "image/png", "text/plain"]);
    const plotly = bundle.data[PLOTLY_MIME] as {
      data: Array<{ x: unknown; y: unknown }>;
      layout: Record<string, unknown>;
      config: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(plotly).sort(), ["config", "data", "layout"]);
    assert.deepEqual(plotly.data[0].x, [1, 2, 3], "typed arrays become JSON arrays");
    assert.deepEqual(plotly.data[0].y, [1, null, 3], "NaN becomes a gap (null)");
    assert.ok(plotly.layout.template, "the shared theme is applied");
    assert.equal(bundle.data["image/png"], png.toString("base64"));
    assert.deepEqual(bundle.metadata["image/png"], { width: 640, height: 400 }, "shown at CSS size");
    assert.deepEqual(bundle.metadata[OUTPUT_METADATA_KEY], { name: "value-vs-n", caption: "Closed form." });
    assert.equal(bundle.data["text/plain"], 'Figure "value-vs-n": Value against n\nClosed form.');
    assert.deepEqual(bundle.transient, {});
    assert.deepEqual(JSON.parse(JSON.stringify(bundle)), bundle, "plain JSON: survives the Jupyter wire unchanged");
    assertNoPlotlySource(bundle);
  });

  test("ET_FIGURE_PNG=0 omits the PNG and says so in text/plain", async () => {
    const bundle = await buildFigureBundle({ figure, env: { ET_FIGURE_PNG: "0" } });
    assert.deepEqual(Object.keys(bundle.data).sort(), ["application/vnd.plotly.v1+json", "text/plain"]);
    assert.match(
      bundle.data["text/plain"] as string,
      /^Figure: Value against n\n\(static PNG disabled by ET_FIGURE_PNG=0\)$/,
    );
    assert.deepEqual(bundle.metadata[OUTPUT_METADATA_KEY], {});
    assertNoPlotlySource(bundle);
  });

  test("no Chromium: PNG omitted silently, with a note naming CHROMIUM_PATH", async () => {
    const env = { CHROMIUM_PATH: "/nonexistent/chromium" };
    assert.deepEqual(pngAvailability({ env }), {
      render: false,
      reason: "static PNG omitted: CHROMIUM_PATH=/nonexistent/chromium is not an executable file",
    });
    const bundle = await buildFigureBundle({ figure, env });
    assert.equal(bundle.data["image/png"], undefined);
    assert.match(bundle.data["text/plain"] as string, /CHROMIUM_PATH=\/nonexistent\/chromium/);
  });

  test("rejects an empty name", () => {
    assert.throws(() => figureBundle({ figure, name: " " }), /name must be a non-empty string; received " "/);
  });

  test("refuses a trace type the shipped plotly.js bundle cannot draw, naming the trace and the bundle's types", async () => {
    await assert.rejects(
      buildFigureBundle({ figure: { data: [figure.data[0], { type: "scatter3d" }] }, env: { ET_FIGURE_PNG: "0" } }),
      /figure\.data\[1\] has type "scatter3d", which the project's plotly\.js bundle .* use one of bar, box, .*scatter/,
    );
  });

  test("PLOTLY_TRACE_TYPES is exactly the trace types of the shipped bundle (read from plotly's schema in Chromium)", {
    skip: chromiumLookup.found ? false : chromiumLookup.reason,
  }, async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: (chromiumLookup as { path: string }).path,
      args: [...CHROMIUM_FLAGS],
    });
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ path: plotlyScriptPath() });
      const types = await page.evaluate(() =>
        Object.keys(
          (window as unknown as { Plotly: { PlotSchema: { get(): { traces: object } } } }).Plotly.PlotSchema.get()
            .traces,
        ),
      );
      assert.deepEqual([...types].sort(), [...PLOTLY_TRACE_TYPES].sort());
    } finally {
      await browser.close();
    }
  });
});

describe("tslab display writer (the one wrapper of tslab internals)", () => {
  const bundle: DisplayBundle = { data: { "text/plain": "x" }, metadata: {}, transient: {} };

  test("the installed tslab still has the internal it relies on", () => {
    const mod = require("tslab/dist/jupyter") as Record<string, unknown>;
    assert.ok(
      "lastWriteDisplayData" in mod,
      "tslab/dist/jupyter.lastWriteDisplayData is gone: update lib/notebook/display-writer.ts",
    );
  });

  test("outside a kernel: a clear error", () => {
    assert.throws(
      () => currentDisplayWriter(),
      /no Jupyter kernel: display helpers only work inside a cell run by the tslab kernel/,
    );
  });

  test("inside a kernel: passes the bundle to tslab's writer as one output (update=false)", () => {
    const calls: unknown[][] = [];
    const write = currentDisplayWriter({
      load: () => ({ lastWriteDisplayData: (...args: unknown[]) => calls.push(args) }),
    });
    write(bundle);
    assert.deepEqual(calls, [[bundle, false]]);
  });

  test("changed tslab internals fail loudly", () => {
    assert.throws(
      () => currentDisplayWriter({ load: () => ({}) }),
      /tslab's internals changed: .* no longer exports lastWriteDisplayData/,
    );
    assert.throws(
      () => currentDisplayWriter({ load: () => ({ lastWriteDisplayData: 42 }) }),
      /is a number, not a function/,
    );
    assert.throws(
      () =>
        currentDisplayWriter({
          load: () => {
            throw new Error("Cannot find module");
          },
        }),
      /failed to load .*Cannot find module/,
    );
  });
});

describe("tables, checks, Markdown, LaTeX", () => {
  test("formatNumber: integers exact, ordinary numbers to 4 significant digits, tiny ones in exponent form", () => {
    const cases: Array<[number, string]> = [
      [0, "0"],
      [7, "7"],
      [2025, "2025"],
      [1_000_000_000, "1,000,000,000"],
      [0.0909090909, "0.09091"],
      // biome-ignore lint/suspicious/noApproximativeNumericConstant: an input to the number formatter, not π
      [3.14159, "3.142"],
      [123.456, "123.5"],
      [12345.678, "12,345.7"],
      [1.5e-8, "1.5e-8"],
      [2.5e7 + 0.5, "2.5e7"],
      [-0.000123, "-1.23e-4"],
      [NaN, "NaN"],
      [Infinity, "∞"],
      [-Infinity, "-∞"],
    ];
    for (const [value, text] of cases) assert.equal(formatNumber({ value }), text, `formatNumber(${value})`);
  });

  test("showTable's bundle: HTML table (numbers right-aligned, escaped) + aligned text/plain", () => {
    const bundle = tableBundle({
      rows: [
        { n: 10, value: 0.0909090909, note: "<b>" },
        { n: 100000, value: 1.5e-8 },
      ],
      caption: "Values",
    });
    assert.deepEqual(Object.keys(bundle.data), ["text/html", "text/plain"]);
    const html = bundle.data["text/html"] as string;
    assert.match(html, /<caption>Values<\/caption>/);
    assert.match(html, /<td style="text-align:right">0\.09091<\/td>/);
    assert.match(html, /&lt;b&gt;/);
    assert.equal(
      bundle.data["text/plain"],
      ["Values", "      n    value  note", "-------  -------  ----", "     10  0.09091  <b>", "100,000   1.5e-8"].join(
        "\n",
      ),
    );
  });

  test("showCheck's bundle: one row per check, pass/FAIL, count in the caption", () => {
    const bundle = checkBundle({
      results: [
        { label: "E[V]", estimate: 0.0909, stderr: 0.0001, expected: 0.09091, z: -0.1, pass: true },
        { label: "Var[V]", estimate: 0.5, stderr: 0.01, expected: 0.6, z: -10, pass: false },
      ],
    });
    const text = bundle.data["text/plain"] as string;
    assert.match(text, /^Agreement checks: 1 of 2 pass\n/);
    assert.match(text, /E\[V\] .* -0\.10 +pass/);
    assert.match(text, /Var\[V\] .* -10\.00 +FAIL/);
    assert.match(bundle.data["text/html"] as string, /<tr class="et-fail">/);
  });

  test("showMarkdown / showLatex bundles", () => {
    assert.deepEqual(markdownBundle({ markdown: "**b** $x$" }).data, {
      "text/markdown": "**b** $x$",
      "text/plain": "**b** $x$",
    });
    assert.equal(
      latexBundle({ tex: "\\frac{1}{2}" }).data["text/latex"],
      "$$\\frac{1}{2}$$",
      "bare formulas get display delimiters",
    );
    assert.equal(latexBundle({ tex: "$x$" }).data["text/latex"], "$x$");
    assert.throws(() => latexBundle({ tex: "" }), /tex must be a non-empty string/);
  });
});
