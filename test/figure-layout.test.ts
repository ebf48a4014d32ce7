/**
 * The figure-layout check (tools/figure-layout) measures what plotly.js drew in Chromium: a legend
 * over data, text over text, and data leaving more than 15 % of a plot's width empty. Positive and
 * negative controls for each, so the check can fail and can pass.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checkFigureLayouts, type CheckedFigure } from "../tools/figure-layout/check-figures";
import { chromiumGate } from "./fixtures/export/chromium-gate";

const chromium = chromiumGate();
const x = Array.from({ length: 50 }, (_, i) => i / 49);
const line = (y: (v: number) => number, name = "line") => ({ type: "scatter", mode: "lines", x, y: x.map(y), name });

let results: Map<string, CheckedFigure>;
before(async () => {
  if (chromium.skip) return;
  const figures = [
    // A rising line, the legend in the top left corner where the line is not, or top right where it is.
    {
      label: "legend clear",
      figure: { data: [line((v) => v), line((v) => v * 0.9, "b")], layout: { legend: { x: 0.02, y: 0.98 } } },
    },
    {
      label: "legend on data",
      figure: {
        data: [line((v) => v), line((v) => v * 0.9, "b")],
        layout: { legend: { x: 0.98, xanchor: "right", y: 0.98 } },
      },
    },
    {
      label: "text on text",
      figure: {
        data: [line((v) => v)],
        layout: {
          showlegend: false,
          annotations: [
            { text: "first annotation", x: 0.5, y: 0.5, showarrow: false },
            { text: "second annotation", x: 0.52, y: 0.5, showarrow: false },
          ],
        },
      },
    },
    {
      label: "half empty",
      figure: { data: [line((v) => v)], layout: { showlegend: false, xaxis: { range: [0, 2] } } },
    },
    {
      label: "full width",
      figure: { data: [line((v) => v)], layout: { showlegend: false, xaxis: { range: [0, 1] } } },
    },
  ];
  const checked = await checkFigureLayouts({ figures });
  results = new Map(checked.map((c) => [c.label, c]));
});
after(() => undefined);

const kinds = (label: string) => results.get(label)?.problems.map((p) => p.kind) ?? ["missing"];

test("a legend over a drawn line is flagged; the same legend in an empty corner is not", {
  skip: chromium.skip,
}, () => {
  assert.deepEqual(kinds("legend on data"), ["legend-over-data"]);
  assert.deepEqual(kinds("legend clear"), []);
});

test("two annotations drawn over each other are flagged", { skip: chromium.skip }, () => {
  assert.deepEqual(kinds("text on text"), ["text-over-text"]);
});

test("data in half the plot's width is flagged; data across it is not", { skip: chromium.skip }, () => {
  assert.deepEqual(kinds("half empty"), ["empty-width"]);
  assert.match(results.get("half empty")?.problems[0].detail ?? "", /subplot xy: (4\d|5\d) % of its width has no data/);
  assert.deepEqual(kinds("full width"), []);
});
