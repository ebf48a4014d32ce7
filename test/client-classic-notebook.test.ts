/**
 * A figure shows whole in the classic Jupyter Notebook (Debian's jupyter-notebook, without the plotly
 * extension: it shows the bundle's static PNG). The test starts a notebook server on a free loopback
 * port (by PID, stopped after), opens a notebook in Chromium, runs every cell through the project's
 * kernel, and checks that every figure output's image lies inside its output area at its CSS size.
 * JupyterLab is not installable here (neither Debian nor npm has its server); VS Code is not either.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, test } from "node:test";
import { CHROMIUM_FLAGS } from "../lib/notebook/chromium";
import { JUPYTER_DATA_DIR } from "../tools/nb/kernelspec";
import { freePorts } from "../tools/nb/ports";
import { findExecutable } from "../tools/nb/which";
import { chromiumGate } from "./fixtures/export/chromium-gate";
import { pngOutputBoxes } from "./fixtures/export/png-output-boxes";
import { projectTempDir, ROOT } from "./fixtures/runner/helpers";

const chromium = chromiumGate();
const missing = findExecutable({ name: "jupyter-notebook" }) ? null : "jupyter-notebook is not installed";
const skip =
  chromium.skip ||
  (missing && process.env.CI !== "true" ? `${missing} (Debian: apt-get install jupyter-notebook)` : false);

let server: ChildProcess | undefined;
after(() => {
  // The server and its kernels: a process group of their own, stopped together.
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
});

/** A notebook of two figures: a plain one and a wide two-panel one with a legend below. */
function fixtureNotebook(): object {
  const code = (source: string) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs: [], source });
  return {
    cells: [
      code(
        'import { showFigure } from "execution-tickets/notebook";\n' +
          'await showFigure({ data: [{ type: "scatter", x: [1, 2, 3], y: [3, 1, 2], name: "series" }], layout: {} }, { name: "plain" });',
      ),
      code(
        "await showFigure({ data: [\n" +
          '  { type: "scatter", x: [1, 10, 100], y: [1, 2, 3], name: "a long legend entry, one", xaxis: "x", yaxis: "y" },\n' +
          '  { type: "scatter", x: [1, 10, 100], y: [3, 2, 1], name: "a long legend entry, two", xaxis: "x2", yaxis: "y2" },\n' +
          '], layout: { width: 900, height: 420, xaxis: { domain: [0, 0.45], type: "log" }, xaxis2: { domain: [0.55, 1], type: "log", anchor: "y2" }, yaxis2: { anchor: "x2" }, legend: { orientation: "h", y: -0.2 } } }, { name: "wide" });',
      ),
    ],
    metadata: {
      kernelspec: { name: "execution-tickets", display_name: "Execution Tickets (TypeScript)", language: "typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

test("classic Notebook: a notebook run in the browser shows every figure whole inside its output area", {
  skip,
}, async () => {
  if (missing) assert.fail(`${missing}; under CI=true this test must run (.ci/run installs jupyter-notebook)`);
  const dir = projectTempDir();
  fs.writeFileSync(path.join(dir, "figures.ipynb"), JSON.stringify(fixtureNotebook()));
  const [port] = await freePorts({ count: 1, host: "127.0.0.1" });
  const token = randomBytes(16).toString("hex");
  server = spawn(
    "jupyter-notebook",
    [
      "--no-browser",
      "--ip=127.0.0.1",
      `--port=${port}`,
      `--NotebookApp.token=${token}`,
      `--notebook-dir=${dir}`,
      "--NotebookApp.open_browser=False",
      // CI runs as root, which the server refuses unless told.
      ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
    ],
    {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        JUPYTER_PATH: JUPYTER_DATA_DIR,
        JUPYTER_CONFIG_DIR: path.join(dir, ".jupyter-config"),
        JUPYTER_RUNTIME_DIR: path.join(dir, ".jupyter-runtime"),
      },
    },
  );
  let log = "";
  server.stderr?.on("data", (chunk) => {
    log += String(chunk);
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (/is running at|Jupyter Notebook .* is running/.test(log)) break;
    assert.ok(i < 300 && server.exitCode === null, `the notebook server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const { chromium: playwright } = await import("playwright-core");
  const browser = await playwright.launch({ executablePath: chromium.executable(), args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    // Loopback only: the server's own pages, scripts and kernel websocket.
    await page.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await page.goto(`${base}/notebooks/figures.ipynb?token=${token}`);
    await page.waitForFunction(
      () =>
        (
          window as unknown as { Jupyter?: { notebook?: { kernel?: { is_connected(): boolean } } } }
        ).Jupyter?.notebook?.kernel?.is_connected(),
      undefined,
      { timeout: 120_000 },
    );
    await page.evaluate(() =>
      (
        window as unknown as { Jupyter: { notebook: { execute_all_cells(): void } } }
      ).Jupyter.notebook.execute_all_cells(),
    );
    // Two figure outputs, each an image (the PNG fallback) once its cell has run.
    await page.waitForFunction(
      () => document.querySelectorAll(".output_area .output_png img").length === 2,
      undefined,
      {
        timeout: 240_000,
      },
    );
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>(".output_area .output_png img")).every(
        (img) => img.complete,
      ),
    );
    const boxes = await pngOutputBoxes(page);
    assert.equal(boxes.length, 2, "both figures, as their PNGs");
    for (const [i, b] of boxes.entries()) {
      assert.ok(
        b.left >= b.areaLeft - 0.5 && b.right <= b.areaRight + 0.5,
        `figure ${i + 1}: ${JSON.stringify(b)} inside its output area`,
      );
      assert.equal(b.scroll, 0, `figure ${i + 1}: the output area does not scroll sideways`);
    }
    assert.equal(Math.round(boxes[0].width), 640, "the 2× PNG shown at its CSS width (640 px)");
    fs.mkdirSync(path.join(ROOT, "build", "screenshots"), { recursive: true });
    await page.screenshot({
      path: path.join(ROOT, "build", "screenshots", "classic-notebook-figures.png"),
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});
