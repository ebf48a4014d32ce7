/** The block `npm run reproduce` ends with when PNG fallbacks or figure files could not be written. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { findChromium } from "../lib/notebook/chromium";
import { skippedOutputsWarning } from "../tools/skipped-outputs-warning";

test("no Chromium: the warning names both missing outputs, the reason and how to get Chromium", () => {
  const warning = skippedOutputsWarning({ env: { CHROMIUM_PATH: "/nonexistent/chromium" } }) ?? "";
  assert.match(warning, /^─+\nWARNING: reproduce could not write every output/);
  assert.match(
    warning,
    /no static PNG fallbacks in the executed notebooks \(static PNG omitted: CHROMIUM_PATH=\/nonexistent\/chromium is not an executable file\)/,
  );
  assert.match(warning, /no figure files \(SVG, PNG\) in build\/figures\//);
  assert.match(warning, /apt-get install chromium/);
});

test("ET_FIGURE_PNG=0 with Chromium present: only the PNG fallbacks are reported missing", {
  skip: findChromium().found ? false : "no Chromium here: the case with one cannot be set up",
}, () => {
  const warning = skippedOutputsWarning({ env: { ET_FIGURE_PNG: "0" } }) ?? "";
  assert.match(warning, /static PNG disabled by ET_FIGURE_PNG=0/);
  assert.doesNotMatch(warning, /no figure files/);
});

test("Chromium present and PNGs on: no warning", {
  skip: findChromium().found ? false : "no Chromium here: the case with one cannot be set up",
}, () => {
  assert.equal(skippedOutputsWarning({ env: {} }), undefined);
});
