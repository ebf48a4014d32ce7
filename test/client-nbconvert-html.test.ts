/**
 * A figure shows whole in nbconvert's HTML (`jupyter nbconvert --to html`, the classic lab template):
 * an executed notebook's figures, converted and opened in Chromium from file://, each as its PNG at
 * its CSS width inside the output area, with no sideways scroll.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { CHROMIUM_FLAGS } from "../lib/notebook/chromium";
import { runNotebook } from "../tools/nb";
import { findExecutable } from "../tools/nb/which";
import { chromiumGate } from "./fixtures/export/chromium-gate";
import { pngOutputBoxes } from "./fixtures/export/png-output-boxes";
import { osTempDir, ROOT } from "./fixtures/runner/helpers";

const chromium = chromiumGate();
const missing = findExecutable({ name: "jupyter-nbconvert" }) ? null : "jupyter nbconvert is not installed";
const skip =
  chromium.skip ||
  (missing && process.env.CI !== "true" ? `${missing} (Debian: apt-get install jupyter-nbconvert)` : false);

test("nbconvert's HTML shows every figure whole: its PNG at the CSS width, inside the output area", {
  skip,
}, async () => {
  if (missing) assert.fail(`${missing}; under CI=true this test must run (.ci/run installs jupyter-nbconvert)`);
  const out = osTempDir();
  const result = await runNotebook({
    path: path.join(ROOT, "test", "fixtures", "export", "show-figure-kernel.ipynb"),
    outDir: out,
    timeoutSeconds: 120,
  });
  assert.equal(result.status, "ok", result.error);
  const convert = spawnSync("jupyter", ["nbconvert", "--to", "html", "--output-dir", out, result.output as string], {
    encoding: "utf8",
  });
  assert.equal(convert.status, 0, convert.stderr);
  const html = path.join(out, "show-figure-kernel.html");
  assert.ok(fs.existsSync(html));
  const { chromium: playwright } = await import("playwright-core");
  const browser = await playwright.launch({ executablePath: chromium.executable(), args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.route("**/*", (route) =>
      route.request().url().startsWith("file:") || route.request().url().startsWith("data:")
        ? route.continue()
        : route.abort(),
    );
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
    const boxes = await pngOutputBoxes(page);
    assert.equal(boxes.length, 1, "the fixture's one figure, as its PNG");
    for (const b of boxes) {
      assert.ok(b.left >= b.areaLeft - 0.5 && b.right <= b.areaRight + 0.5, JSON.stringify(b));
      assert.equal(b.scroll, 0, "no sideways scroll");
      assert.equal(Math.round(b.width), 640, "the 2× PNG at its CSS width");
    }
  } finally {
    await browser.close();
  }
});
