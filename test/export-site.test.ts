import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { CHROMIUM_FLAGS } from "../lib/notebook/chromium";
import { exportSite, type ExportSiteResult } from "../tools/export/export-site";
import { chromiumGate } from "./fixtures/export/chromium-gate";
import {
  executedFixture,
  executedFixtureWithoutFigures,
  FIXTURE_FIGURE_STEMS,
  FIXTURE_FIGURES,
  FIXTURE_FORMULAS,
  FIXTURE_SUMMARY_TEXT,
  FIXTURE_TITLE_TEXT,
} from "./fixtures/export/executed-notebook";

const chromium = chromiumGate();
const PLOTLY_BANNER = fs.readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"), "utf8").slice(0, 60);
/** XML namespace names are identifiers, not resources: KaTeX's MathML and SVG carry them. */
const NAMESPACES =
  /https?:\/\/www\.w3\.org\/(1998\/Math\/MathML|2000\/svg|1999\/xlink|1999\/xhtml|XML\/1998\/namespace)/g;

let tmp: string;
let site: string;
let figures: string;
let result: ExportSiteResult;
const logLines: string[] = [];

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "et-export-"));
  const input = path.join(tmp, "notebooks");
  fs.mkdirSync(input);
  fs.writeFileSync(path.join(input, "fixture.ipynb"), JSON.stringify(executedFixture(), null, 1));
  fs.writeFileSync(path.join(input, "plain.ipynb"), JSON.stringify(executedFixtureWithoutFigures(), null, 1));
  site = path.join(tmp, "site");
  figures = path.join(tmp, "figures");
  // Without Chromium (and outside CI) the export still runs and says it skipped the figure files.
  result = await exportSite({ inDir: input, outDir: site, figuresDir: figures, log: (line) => logLines.push(line) });
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const read = (file: string) => fs.readFileSync(path.join(site, file), "utf8");

/** The HTML without the inlined plotly.js (whose source mentions URLs it never loads here). */
function withoutPlotlySource(html: string): string {
  return html.replace(/<script>[\s\S]*?<\/script>/g, (script) =>
    script.includes(PLOTLY_BANNER) ? "<script></script>" : script,
  );
}

describe("npm run export (tools/export)", () => {
  test("writes one page per notebook and an index", () => {
    assert.deepEqual(fs.readdirSync(site).sort(), [
      ".export-manifest.json",
      "assumptions.html",
      "claims.html",
      "claims.json",
      "fixture.html",
      "index.html",
      "plain.html",
    ]);
    assert.deepEqual(
      result.pages.map((p) => [path.basename(p.page), p.figures, p.mathErrors]),
      [
        ["fixture.html", FIXTURE_FIGURES, 0],
        ["plain.html", 0, 0],
      ],
    );
  });

  test("pages reference no external URL and inline plotly.js once, only where there are figures", () => {
    for (const file of ["fixture.html", "plain.html", "index.html"]) {
      const html = withoutPlotlySource(read(file)).replace(NAMESPACES, "");
      for (const [pattern, what] of [
        [/(https?|ftp|wss?):\/\//i, "an external URL"],
        [/(src|href)\s*=\s*["']?\/\//i, "a protocol-relative URL"],
        [/url\((?!data:)/, "a CSS url() that is not data:"],
      ] as const) {
        const at = html.search(pattern);
        assert.equal(at, -1, `${file} has ${what}: …${html.slice(Math.max(0, at - 80), at + 80)}…`);
      }
    }
    const banners = (html: string) => html.split(PLOTLY_BANNER).length - 1;
    assert.equal(banners(read("fixture.html")), 1);
    assert.equal(banners(read("plain.html")), 0);
    assert.equal(banners(read("index.html")), 0);
  });

  test("the index lists each notebook with its title and summary", () => {
    const index = read("index.html");
    assert.match(index, /<a class="title" href="fixture\.html">/);
    assert.ok(index.includes(FIXTURE_TITLE_TEXT), "title from metadata.title");
    assert.ok(index.includes(FIXTURE_SUMMARY_TEXT), "summary from metadata.summary");
    assert.match(
      index,
      /<a class="title" href="plain\.html">Plain notebook<\/a>/,
      "title falls back to the first heading",
    );
    assert.match(read("fixture.html"), /parameters: n = 1000/, "footer tells how the notebook was executed");
    assert.equal(
      read("plain.html").match(/<h1>Plain notebook<\/h1>/g)?.length,
      1,
      "a first heading equal to the title is not shown twice",
    );
  });

  test("writes every figure as SVG and PNG", { skip: chromium.skip }, () => {
    chromium.executable();
    const expected = FIXTURE_FIGURE_STEMS.flatMap((stem) => [`${stem}.png`, `${stem}.svg`]).sort();
    assert.deepEqual(fs.readdirSync(figures).sort(), expected);
    for (const stem of FIXTURE_FIGURE_STEMS) {
      const svg = fs.readFileSync(path.join(figures, `${stem}.svg`), "utf8");
      assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(svg, /class="scatterlayer|class="barlayer/);
      const png = fs.readFileSync(path.join(figures, `${stem}.png`));
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.equal(png.readUInt32BE(16), 1280, "PNG at 2× the 640 px figure width");
    }
    assert.equal(logLines.filter((l) => /skipped/.test(l)).length, 0);
  });

  test("offline in headless Chromium: every figure drawn, every formula typeset, no console error", {
    skip: chromium.skip,
  }, async () => {
    const { chromium: playwright } = await import("playwright-core");
    const browser = await playwright.launch({ executablePath: chromium.executable(), args: [...CHROMIUM_FLAGS] });
    try {
      const context = await browser.newContext({ offline: true });
      const page = await context.newPage();
      const attempted: string[] = [];
      const problems: string[] = [];
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
        attempted.push(url);
        return route.abort();
      });
      page.on("console", (msg) => {
        if (msg.type() === "error" || msg.type() === "warning") problems.push(`${msg.type()}: ${msg.text()}`);
      });
      page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
      page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()}`));

      await page.goto(pathToFileURL(path.join(site, "fixture.html")).href);
      // The drawing script runs before "load"; give plotly.js a moment more, then count what is there.
      await page
        .waitForFunction(
          () => {
            const plots = Array.from(document.querySelectorAll(".js-plotly-plot")).filter((p) =>
              p.querySelector("svg.main-svg"),
            );
            return plots.length >= document.querySelectorAll("div.plotly-figure").length;
          },
          null,
          { timeout: 15_000 },
        )
        .catch(() => undefined);
      const stats = await page.evaluate(() => {
        const plots = Array.from(document.querySelectorAll(".js-plotly-plot"));
        const proseNodes = Array.from(
          document.querySelectorAll(".cell.markdown, .output.markdown, .output.latex, figcaption, header.page-header"),
        );
        const prose = proseNodes
          .map((node) => {
            const clone = node.cloneNode(true) as HTMLElement;
            clone.querySelectorAll(".katex, code").forEach((k) => k.remove());
            return clone.textContent ?? "";
          })
          .join("\n");
        return {
          drawn: plots.filter(
            (p) => p.querySelector("svg.main-svg") && p.querySelector(".scatterlayer .trace, .barlayer .trace"),
          ).length,
          containers: document.querySelectorAll("div.plotly-figure").length,
          katex: document.querySelectorAll(".katex").length,
          katexErrors: document.querySelectorAll(".katex-error").length,
          katexFontsLoaded: Array.from(document.fonts as unknown as Iterable<FontFace>).filter(
            (f) => f.family.startsWith("KaTeX") && f.status === "loaded",
          ).length,
          prose,
        };
      });
      assert.equal(stats.containers, FIXTURE_FIGURES);
      assert.equal(stats.drawn, FIXTURE_FIGURES, "every figure drawn by plotly.js");
      assert.equal(stats.katex, FIXTURE_FORMULAS, "every formula typeset");
      assert.equal(stats.katexErrors, 0);
      assert.ok(stats.katexFontsLoaded > 0, "KaTeX fonts load from data: URIs");
      assert.doesNotMatch(stats.prose, /\$\$|\$[A-Za-z\\{]|\\\(|\\\[|\\begin\{/, "no raw math left in the prose");
      assert.deepEqual(attempted, [], "no request leaves file://");
      assert.deepEqual(problems, []);

      await page.goto(pathToFileURL(path.join(site, "index.html")).href);
      const links = await page.$$eval("ul.notebooks a.title", (as) => as.map((a) => a.getAttribute("href")));
      assert.deepEqual(links, ["fixture.html", "plain.html"]);
      assert.deepEqual(attempted, []);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  test("a missing input folder is a clear error from the CLI", () => {
    const missing = path.join(tmp, "no-such-folder");
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(__dirname, "..", "tools", "export", "cli.ts"),
        "--in",
        missing,
        "--out",
        path.join(tmp, "x"),
      ],
      {
        encoding: "utf8",
      },
    );
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      new RegExp(`input folder ${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} does not exist`),
    );
    assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace for a user error");
  });
});
