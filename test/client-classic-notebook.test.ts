/**
 * A figure shows whole in the classic Jupyter Notebook (Debian's jupyter-notebook, without the plotly
 * extension: it shows the bundle's static PNG). The test starts a notebook server on a free loopback
 * port (by PID, stopped after), opens a notebook in Chromium, runs every cell through the project's
 * kernel, and checks that every figure output's image lies inside its output area at its CSS size.
 * JupyterLab gets the same test through its own page (open, run each cell, the same geometry and a
 * screenshot); `.ci/run` installs it with pip from the machine's package mirror, and where it is not
 * installed the test is skipped and says so. VS Code is not installable here.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
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
const labSkip =
  chromium.skip ||
  (findExecutable({ name: "jupyter-lab" })
    ? false
    : "JupyterLab is not installed (not a Debian or npm package; .ci/run installs it with pip where a package mirror has it: python3 -m pip install jupyterlab)");

const servers: ChildProcess[] = [];
after(() => {
  // Each server and its kernels: a process group of their own, stopped together.
  for (const server of servers) {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
});

/** Starts `command` (jupyter-notebook or jupyter-lab) on a free loopback port over `dir`; resolves when it serves. */
async function startServer(command: string, dir: string): Promise<{ base: string; token: string }> {
  const [port] = await freePorts({ count: 1, host: "127.0.0.1" });
  const token = randomBytes(16).toString("hex");
  const app = command === "jupyter-lab" ? "ServerApp" : "NotebookApp";
  const server = spawn(
    command,
    [
      "--no-browser",
      "--ip=127.0.0.1",
      `--port=${port}`,
      `--${app}.token=${token}`,
      `--notebook-dir=${dir}`,
      `--${app}.open_browser=False`,
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
  servers.push(server);
  let log = "";
  server.stderr?.on("data", (chunk) => {
    log += String(chunk);
  });
  for (let i = 0; ; i++) {
    if (/is running at|Jupyter Notebook .* is running|Jupyter Server .* is running/.test(log)) break;
    assert.ok(i < 300 && server.exitCode === null, `${command} did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base: `http://127.0.0.1:${port}`, token };
}

/** A Chromium page on `base` + `urlPath`, allowed the server's own loopback requests only. */
async function openClientPage(base: string, urlPath: string) {
  const { chromium: playwright } = await import("playwright-core");
  const browser = await playwright.launch({ executablePath: chromium.executable(), args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    // Loopback only: the server's own pages, scripts and kernel websocket.
    await page.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await page.goto(`${base}${urlPath}`);
    return { browser, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Both figures shown as their PNGs, inside their output areas, unscrolled; a screenshot under build/. */
async function checkFigureBoxes(page: import("playwright-core").Page, screenshot: string): Promise<void> {
  // The screenshot first, so that a failing check leaves the picture of what failed.
  fs.mkdirSync(path.join(ROOT, "build", "screenshots"), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, "build", "screenshots", screenshot), fullPage: true });
  const boxes = await pngOutputBoxes(page);
  assert.equal(boxes.length, 2, "both figures, as their PNGs");
  for (const [i, b] of boxes.entries()) {
    assert.ok(
      b.left >= b.areaLeft - 0.5 && b.right <= b.areaRight + 0.5,
      `figure ${i + 1}: ${JSON.stringify(b)} inside its output area`,
    );
    assert.equal(b.scroll, 0, `figure ${i + 1}: the output area does not scroll sideways`);
  }
  assert.equal(Math.round(boxes[0].width), 640, "the PNG shown at its CSS width (640 px)");
}

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
  const { base, token } = await startServer("jupyter-notebook", dir);
  const { browser, page } = await openClientPage(base, `/notebooks/figures.ipynb?token=${token}`);
  try {
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
    await checkFigureBoxes(page, "classic-notebook-figures.png");
  } finally {
    await browser.close();
  }
});

/** Whether JupyterLab has the jupyterlab-plotly renderer installed (plotly's Python package ships it). */
function hasPlotlyRenderer(): boolean {
  if (labSkip) return false;
  const list = spawnSync("jupyter", ["labextension", "list"], { encoding: "utf8" });
  return /jupyterlab-plotly/.test(`${list.stdout}${list.stderr}`);
}

/**
 * Opens the fixture in JupyterLab, runs it and checks both figures' static images. With the
 * jupyterlab-plotly renderer disabled (this server's page_config) JupyterLab shows the PNG through its
 * own image renderer, at the metadata's width; with it enabled the renderer shows the same PNG at its
 * natural size until the mouse enters it (where a 2× PNG used to overflow the output area).
 */
async function runInJupyterLab({
  plotlyRenderer,
  screenshot,
}: {
  plotlyRenderer: boolean;
  screenshot: string;
}): Promise<void> {
  const dir = projectTempDir();
  fs.writeFileSync(path.join(dir, "figures.ipynb"), JSON.stringify(fixtureNotebook()));
  if (!plotlyRenderer) {
    fs.mkdirSync(path.join(dir, ".jupyter-config", "labconfig"), { recursive: true });
    fs.writeFileSync(
      path.join(dir, ".jupyter-config", "labconfig", "page_config.json"),
      // The extension and its renderer plugin (JupyterLab 4 disables mime renderers by plugin id).
      JSON.stringify({
        disabledExtensions: { "jupyterlab-plotly": true, "@jupyterlab/plotly-extension:factory": true },
      }),
    );
  }
  const { base, token } = await startServer("jupyter-lab", dir);
  const { browser, page } = await openClientPage(base, `/lab/tree/figures.ipynb?token=${token}`);
  try {
    // The kernel is ready when JupyterLab's status says it is idle.
    await page.locator(".jp-Notebook").first().waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => document.body.textContent?.includes("Kernel status: Idle"), undefined, {
      timeout: 120_000,
    });
    // Run each cell with Shift+Enter on its prompt (the Run menu's "Run All Cells" did nothing from a
    // script here). A key pressed before the kernel's connection is complete is dropped, so each cell
    // is pressed again until its prompt shows that it ran or is running.
    for (const cell of [0, 1]) {
      const prompt = page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").nth(cell);
      for (let attempt = 0; ; attempt++) {
        await prompt.click();
        await page.keyboard.press("Shift+Enter");
        const ran = await page
          .waitForFunction(
            (i) =>
              !/\[\s*\]/.test(document.querySelectorAll(".jp-Notebook .jp-Cell .jp-InputPrompt")[i]?.textContent ?? ""),
            cell,
            { timeout: 10_000 },
          )
          .then(
            () => true,
            () => false,
          );
        if (ran) break;
        assert.ok(attempt < 10, `JupyterLab did not run cell ${cell + 1}`);
      }
    }
    try {
      await page.waitForFunction(() => document.querySelectorAll(".jp-OutputArea-output img").length === 2, undefined, {
        timeout: 90_000,
      });
    } catch (error) {
      fs.mkdirSync(path.join(ROOT, "build", "screenshots"), { recursive: true });
      await page.screenshot({
        path: path.join(ROOT, "build", "screenshots", "jupyterlab-failure.png"),
        fullPage: true,
      });
      const outputs = await page.$$eval(".jp-OutputArea-output", (areas) =>
        areas.map((a) => `${a.className}: ${a.innerHTML.slice(0, 200)}`),
      );
      throw new Error(
        `JupyterLab showed no two figure images (build/screenshots/jupyterlab-failure.png); outputs: ${JSON.stringify(outputs)}`,
        { cause: error },
      );
    }
    const renderedBy = await page.$$eval(".jp-OutputArea-output img", (imgs) =>
      imgs.map((img) => img.className || "image"),
    );
    assert.equal(
      renderedBy.every((c) => c === "plot-img"),
      plotlyRenderer,
      `images rendered by ${renderedBy.join(", ")}`,
    );
    await checkFigureBoxes(page, screenshot);
  } finally {
    await browser.close();
  }
}

test(
  "JupyterLab without jupyterlab-plotly: a notebook run in the browser shows every figure whole inside its output area",
  { skip: labSkip },
  () => runInJupyterLab({ plotlyRenderer: false, screenshot: "jupyterlab-figures.png" }),
);

test(
  "JupyterLab with jupyterlab-plotly: every figure's static image shows whole until it turns interactive",
  {
    skip: labSkip || (hasPlotlyRenderer() ? false : "jupyterlab-plotly is not installed (pip install plotly)"),
  },
  () => runInJupyterLab({ plotlyRenderer: true, screenshot: "jupyterlab-plotly-figures.png" }),
);
