/**
 * Figures for papers: the layout at a journal column's width (paperFigure), the print resolution a
 * PNG declares (withPngResolution) and the parameters a run used (runParameters, for figures.json).
 * The rendered files themselves (sizes, fonts, PDF page) are checked in export-site.test.ts.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { paperFigure } from "../lib/notebook/paper-figure";
import { withTheme } from "../lib/notebook/theme";
import { withPngResolution } from "../tools/export/png-resolution";
import { runParameters } from "../tools/export/run-parameters";
import type { ExecutedNotebook } from "../tools/export/read-notebook";

/** Every font size in a figure, wherever it is set (template included). */
function fontSizes(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const v of value) fontSizes(v, out);
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (/font$/.test(key) && v && typeof (v as { size?: unknown }).size === "number")
        out.push((v as { size: number }).size);
      fontSizes(v, out);
    }
  }
  return out;
}

const figure = {
  data: [
    {
      type: "scatter",
      x: [1, 10, 1000],
      y: [1, 2, 3],
      name: "a rather long legend entry that needs more than one line",
      textfont: { size: 6 },
    },
    { type: "scatter", x: [1, 2], y: [3, 4], name: "short", showlegend: false },
  ],
  layout: {
    title: { text: "A title the paper's caption replaces" },
    width: 640,
    height: 400,
    xaxis: { type: "log", title: { text: "n" } },
    legend: { font: { size: 8 } },
  },
};

test("paperFigure: the column's width in CSS pixels, no title, every font at 7 pt or more, decades on a wide log axis, input untouched", () => {
  const before = JSON.stringify(figure);
  for (const [column, width] of [
    ["single", 336],
    ["double", 672],
  ] as const) {
    const paper = paperFigure({ figure, column });
    const layout = paper.layout ?? {};
    assert.equal(layout.width, width);
    assert.equal(layout.title, undefined);
    const sizes = fontSizes(paper);
    assert.ok(Math.min(...sizes) * 0.75 >= 7, `${column}: smallest font ${Math.min(...sizes)} px`);
    assert.equal((layout.xaxis as { dtick?: number }).dtick, 1, "three decades: labelled at decades only");
    const legendName = paper.data[0].name as string;
    if (column === "single")
      assert.ok(
        legendName.split("<br>").every((line) => line.length <= 34),
        legendName,
      );
    assert.ok((layout.height as number) > (layout.margin as { b: number }).b, "room left for the plot");
  }
  assert.equal(JSON.stringify(figure), before);
  // The themed screen figure keeps its 640 px and its title.
  assert.equal(withTheme(figure).layout?.width, 640);
  assert.throws(() => paperFigure({ figure, column: "triple" as "single" }), /column must be "single" or "double"/);
});

test("paperFigure: a log axis spanning under two decades keeps its 2-and-5 labels with a tick font large enough for them", () => {
  const narrow = { data: [{ type: "scatter", x: [1, 20], y: [1, 2] }], layout: { xaxis: { type: "log" } } };
  const axis = paperFigure({ figure: narrow, column: "single" }).layout?.xaxis as {
    dtick?: number;
    tickfont: { size: number };
  };
  assert.equal(axis.dtick, undefined);
  assert.ok(
    axis.tickfont.size * 0.75 * 0.75 >= 7,
    `${axis.tickfont.size} px: the 3/4-size labels print at 7 pt or more`,
  );
});

/** A minimal valid PNG (1×1, grey), built here from its bytes. */
const ONE_PIXEL = new Uint8Array(
  Buffer.from(
    "89504e470d0a1a0a0000000d4948445200000001000000010800000000" +
      "3a7e9b550000000a49444154789c636000000002000148afa4710000000049454e44ae426082",
    "hex",
  ),
);

test("withPngResolution: a pHYs chunk of 300 dpi (11811 px/m, unit metre, CRC 0x78a53f76) right after IHDR; an old one replaced; non-PNG refused", () => {
  const out = Buffer.from(withPngResolution({ png: ONE_PIXEL, dpi: 300 }));
  const at = 8 + 25; // signature, then IHDR (4 length + 4 type + 13 data + 4 CRC)
  assert.equal(out.toString("latin1", at + 4, at + 8), "pHYs");
  assert.equal(out.readUInt32BE(at), 9);
  assert.equal(out.readUInt32BE(at + 8), 11811);
  assert.equal(out.readUInt32BE(at + 12), 11811);
  assert.equal(out[at + 16], 1);
  assert.equal(out.readUInt32BE(at + 17), 0x78a53f76, "the CRC Python's zlib.crc32 gives for these bytes");
  assert.equal(out.length, ONE_PIXEL.length + 21);
  const again = Buffer.from(withPngResolution({ png: new Uint8Array(out), dpi: 300 }));
  assert.equal(again.length, out.length, "the old pHYs is replaced, not doubled");
  assert.throws(
    () => withPngResolution({ png: new TextEncoder().encode("not a png at all, not at all, no"), dpi: 300 }),
    /not a PNG/,
  );
  assert.throws(() => withPngResolution({ png: ONE_PIXEL, dpi: 0 }), /dpi must be a positive number/);
});

test("runParameters: the parameters cell's literals, then the injected --param values; other expressions kept as source", () => {
  const cell = (source: string, tags: string[]) => ({
    cell_type: "code" as const,
    source,
    metadata: { tags },
    outputs: [],
  });
  const notebook = {
    name: "x",
    signed: true,
    file: "x.ipynb",
    metadata: {},
    cells: [
      cell(
        'const n = 100;\nconst d: number | null = null;\nconst grid = [1, 3, -2.5e-3];\nconst label = "a";\nconst k = 2 ** 4;',
        ["parameters"],
      ),
      cell("const n = 500;", ["injected-parameters"]),
      cell("const n = 7;", []),
    ],
  } as unknown as ExecutedNotebook;
  assert.deepEqual(runParameters({ notebook }), {
    n: 500,
    d: null,
    grid: [1, 3, -0.0025],
    label: "a",
    k: { source: "2 ** 4" },
  });
});
