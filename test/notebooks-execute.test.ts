/**
 * Every notebook under notebooks/ executes headlessly through the real kernel: all of them run
 * ONCE, one after the other, into a temporary folder; then each must have status ok, nothing on
 * stderr (warnings count: a clean run prints no stderr) and no error text in any output. Every
 * failure message names the notebook and the code cell. Their exported site must weigh what its
 * content weighs and load offline in Chromium without a console error.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { runNotebooks, type NotebookResult } from "../tools/nb";
import { findErrorText } from "../tools/nb/error-text";
import { CLAIM_MIME, type ClaimRecord } from "../lib/notebook/claim";
import type { Notebook } from "../tools/nb/nbformat";
import { listNotebooks } from "../tools/reproduce";
import { osTempDir, ROOT } from "./fixtures/runner/helpers";
import { chromiumGate } from "./fixtures/export/chromium-gate";
import { checkFigureLayouts, notebookFigures } from "../tools/figure-layout/check-figures";
import { moveEveryExplorer } from "./fixtures/export/explorer-moves";
import { offlinePage } from "./fixtures/export/offline-page";
import { CHROMIUM_FLAGS } from "../lib/notebook/chromium";
import { exportSite } from "../tools/export/export-site";

const NOTEBOOKS_DIR = path.join(ROOT, "notebooks");
/** Counted straight from the folder, independently of listNotebooks. */
const onDisk = fs.existsSync(NOTEBOOKS_DIR) ? fs.readdirSync(NOTEBOOKS_DIR).filter((f) => f.endsWith(".ipynb")) : [];
const notebooks = listNotebooks();
const results = new Map<string, NotebookResult>();

before(async () => {
  for (const result of await runNotebooks({ paths: notebooks, outDir: osTempDir() })) results.set(result.path, result);
});

test("every .ipynb file in notebooks/ was executed, none skipped", {
  skip: onDisk.length === 0 && "no .ipynb files in notebooks/ yet",
}, () => {
  assert.equal(results.size, onDisk.length, `executed ${results.size} notebooks, notebooks/ holds ${onDisk.length}`);
  assert.deepEqual(
    [...results.keys()].map((p) => path.basename(p)).sort(),
    [...onDisk].sort(),
    "the executed notebooks are exactly those in notebooks/",
  );
  const skipped = [...results.values()].filter((r) => r.status === "skipped").map((r) => r.path);
  assert.deepEqual(skipped, []);
});

/** The claim records in an executed notebook's outputs, and the check tables shown without a claim. */
function claimsOf(executed: Notebook): { records: ClaimRecord[]; unregistered: number[] } {
  const records: ClaimRecord[] = [];
  const unregistered: number[] = [];
  let codeCell = 0;
  for (const cell of executed.cells) {
    if (cell.cell_type !== "code") continue;
    codeCell++;
    for (const output of cell.outputs ?? []) {
      const data = (output as { data?: Record<string, unknown> }).data ?? {};
      if (data[CLAIM_MIME]) records.push(data[CLAIM_MIME] as ClaimRecord);
      else if (/Agreement checks: \d+ of \d+ pass/.test(String(data["text/plain"] ?? ""))) unregistered.push(codeCell);
    }
  }
  return { records, unregistered };
}

for (const notebook of notebooks) {
  test(`${notebook}: every agreement check backs a registered claim, and every claim holds`, () => {
    const result = results.get(notebook);
    assert.ok(result?.output, `${notebook} was not executed`);
    const executed = JSON.parse(fs.readFileSync(result.output, "utf8")) as Notebook;
    const { records, unregistered } = claimsOf(executed);
    assert.deepEqual(
      unregistered,
      [],
      `${notebook}: code cell(s) ${unregistered.join(", ")} show agreement checks without a claim: use showClaim({ id, text, reference, checks })`,
    );
    const source = fs.readFileSync(path.join(ROOT, notebook), "utf8");
    if (/\bcheck\(\{/.test(source)) assert.ok(records.length > 0, `${notebook} computes checks but registers no claim`);
    const ids = records.map((r) => r.id);
    assert.deepEqual(ids, [...new Set(ids)], `${notebook}: claim ids repeat`);
    const failing = records.filter((r) => r.status !== "holds" || r.checks.some((c) => !c.pass));
    assert.deepEqual(
      failing.map((r) => `${r.id}: ${r.text}`),
      [],
      `${notebook}: registered claims fail`,
    );
  });

  test(`${notebook} executes with status ok, no stderr and no error text in its outputs`, () => {
    const result = results.get(notebook);
    assert.ok(result, `${notebook} was not executed`);
    assert.equal(result.status, "ok", result.error);
    assert.equal(result.cells.executed, result.cells.total, `${notebook}: not every code cell ran`);
    assert.ok(result.output, `${notebook}: no executed copy was written`);
    const executed = JSON.parse(fs.readFileSync(result.output, "utf8")) as Notebook;
    const hits = findErrorText({ notebook: executed }).map(
      (hit) => `${notebook}: code cell ${hit.cell} (code cells counted from 1) has ${hit.kind}:\n${hit.text}`,
    );
    assert.deepEqual(hits, [], hits.join("\n\n"));
    // Also stderr the cells wrote that did not end up in an output (belt and braces).
    assert.equal(result.stderr, "", `${notebook} wrote to stderr:\n${result.stderr}`);
  });
}

const chromium = chromiumGate();

test("every figure of every executed notebook passes the layout check: no legend over data, no text over text, no plot over 15 % empty", {
  skip: chromium.skip,
}, async (t) => {
  const executedDir = path.dirname([...results.values()].find((r) => r.output)?.output ?? "");
  const checked = await checkFigureLayouts({ figures: notebookFigures(executedDir) });
  const flagged = checked.flatMap((c) => c.problems.map((p) => `${c.label}: ${p.kind}: ${p.detail}`));
  t.diagnostic(`${checked.length} figures checked, ${flagged.length} problem(s)`);
  assert.deepEqual(flagged, [], flagged.join("\n"));
});

test("the site of every executed notebook: each page under 1 MB, the site (API reference included) under 15 MB, every page loads from file:// with no console error or request", {
  skip: chromium.skip,
}, async (t) => {
  const executedDir = path.dirname([...results.values()].find((r) => r.output)?.output ?? "");
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "site-weights-"));
  try {
    await exportSite({
      inDir: executedDir,
      outDir: site,
      figuresDir: `${site}-figures`,
      figures: false,
      api: true,
      log: () => {},
    });
    const sizes = (fs.readdirSync(site, { recursive: true }) as string[])
      .map((file) => ({ file, stat: fs.statSync(path.join(site, file)) }))
      .filter((f) => f.stat.isFile())
      .map((f) => ({ file: f.file, bytes: f.stat.size }));
    const pages = sizes.filter((s) => /^\d\d-.*\.html$/.test(s.file));
    const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
    t.diagnostic(
      `page weights (KB): ${pages.map((p) => `${p.file} ${Math.round(p.bytes / 1024)}`).join(", ")}; site ${(total / 2 ** 20).toFixed(1)} MB`,
    );
    const heavy = pages.filter((p) => p.bytes >= 2 ** 20);
    assert.deepEqual(heavy, [], "every notebook page under 1 MB");
    assert.ok(
      total < 15 * 2 ** 20,
      `the whole site, API reference included, under 15 MB: ${(total / 2 ** 20).toFixed(1)} MB`,
    );

    const { chromium: playwright } = await import("playwright-core");
    const browser = await playwright.launch({ executablePath: chromium.executable(), args: [...CHROMIUM_FLAGS] });
    try {
      const { page, problems } = await offlinePage(browser);
      for (const { file } of [...pages, { file: "index.html" }, { file: "claims.html" }]) {
        await page.goto(pathToFileURL(path.join(site, file)).href, { waitUntil: "load" });
        const drawn = await page.$$eval("div.plotly-figure", (divs) =>
          divs.every((d) => d.querySelector("svg.main-svg")),
        );
        assert.ok(drawn, `${file}: every figure drawn`);
      }
      // Every notebook 01–13 and 16–19 has an explorer (14 plans sweeps, 15 reruns another team's
      // model: nothing a slider redraws); moving each control redraws its figure with the
      // library's values (simulated points from the page's worker equal Node's).
      const explored: string[] = [];
      for (const { file } of pages) {
        await page.goto(pathToFileURL(path.join(site, file)).href, { waitUntil: "load" });
        const lines = await moveEveryExplorer(page, file);
        if (lines.length > 0) explored.push(file.slice(0, 2));
        for (const line of lines) t.diagnostic(line);
      }
      const expected = [...Array.from({ length: 13 }, (_, i) => i + 1), 16, 17, 18, 19].map((i) =>
        String(i).padStart(2, "0"),
      );
      assert.deepEqual(
        expected.filter((nb) => !explored.includes(nb)),
        [],
        "every notebook 01–13 and 16–19 has an explorer",
      );
      assert.deepEqual(problems, []);

      // The closing note's screenshots: notebook 02's explorer at the notebook's values and after moving n and d.
      const explorerPage = pages.find((p) => p.file.startsWith("02-"));
      if (explorerPage) {
        const shots = path.join(ROOT, "build", "screenshots");
        fs.mkdirSync(shots, { recursive: true });
        await page.setViewportSize({ width: 1400, height: 900 });
        await page.goto(pathToFileURL(path.join(site, explorerPage.file)).href, { waitUntil: "load" });
        const figure = page.locator("figure.explorer").first();
        await figure.screenshot({ path: path.join(shots, "explorer-02-notebook-values.png") });
        for (const [name, position] of [
          ["n", 3.5],
          ["d", -3],
        ] as const) {
          await page.$eval(
            `figure.explorer input[name="${name}"]`,
            (input, p) => {
              (input as HTMLInputElement).value = String(p);
              input.dispatchEvent(new Event("input", { bubbles: true }));
            },
            position,
          );
        }
        await figure.screenshot({ path: path.join(shots, "explorer-02-n3162-d0.001.png") });
        t.diagnostic(
          `explorer screenshots in ${shots}; redraw ${await page.$eval("figure.explorer .plotly-figure", (d) => `${(d as HTMLElement).dataset.recomputeMs} ms recompute, ${(d as HTMLElement).dataset.drawMs} ms draw`)}`,
        );
      }
    } finally {
      await browser.close();
    }
  } finally {
    for (const dir of [site, `${site}-figures`]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
