import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FIGURE_HEIGHT, FIGURE_WIDTH, FONT_FAMILY, PALETTE, theme, withTheme } from "../lib/notebook/theme";

describe("shared Plotly theme", () => {
  test("a paper-column size, one offline font stack and a colour-blind-safe palette", () => {
    assert.equal(FIGURE_WIDTH, 640);
    assert.equal(FIGURE_HEIGHT, 400);
    assert.match(FONT_FAMILY, /sans-serif$/, "ends with the generic family so something always matches");
    assert.equal(theme.layout.font.family, FONT_FAMILY);
    assert.equal(PALETTE.length, 8);
    assert.equal(new Set(PALETTE).size, PALETTE.length);
    for (const colour of PALETTE) assert.match(colour, /^#[0-9A-F]{6}$/);
    assert.deepEqual(theme.layout.colorway, [...PALETTE]);
    assert.equal(PALETTE[0], "#0072B2", "Okabe–Ito blue first");
    for (const axis of [theme.layout.xaxis, theme.layout.yaxis]) {
      assert.equal(axis.showline, true);
      assert.equal(axis.ticks, "outside");
      assert.equal(axis.zeroline, false);
    }
  });

  test("withTheme sets template, size and config, keeps what the figure sets, and does not mutate", () => {
    const figure = {
      data: [{ y: [1, 2] }],
      layout: { title: { text: "T" }, height: 300 },
      config: { displayModeBar: false },
    };
    const snapshot = JSON.stringify(figure);
    const themed = withTheme(figure);
    assert.equal(JSON.stringify(figure), snapshot);
    assert.equal(themed.layout?.template, theme);
    assert.equal(themed.layout?.width, FIGURE_WIDTH);
    assert.equal(themed.layout?.height, 300, "explicit height wins");
    assert.deepEqual(themed.layout?.title, { text: "T" });
    assert.equal(themed.config?.displaylogo, false);
    assert.equal(themed.config?.displayModeBar, false);
    assert.deepEqual(withTheme(themed), themed, "idempotent");
  });

  test("a figure's own template is kept", () => {
    const own = { layout: { font: { size: 20 } } };
    assert.equal(withTheme({ data: [], layout: { template: own } }).layout?.template, own);
  });

  test("rejects something that is not a figure, naming what it got", () => {
    assert.throws(
      () => withTheme({ layout: {} } as never),
      /figure must be a Plotly figure .*received an object with keys \[layout\]/,
    );
    assert.throws(() => withTheme(null as never), /received null/);
  });
});
