import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { CHROMIUM_FLAGS } from "../lib/notebook/chromium";
import { plotlyScriptPath } from "../lib/notebook/figure-renderer";
import { exportSite, type ExportSiteResult } from "../tools/export/export-site";
import { figureFileNames } from "../tools/export/figure-files";
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
const PLOTLY_BANNER = fs.readFileSync(plotlyScriptPath(), "utf8").slice(0, 60);
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
      "assets",
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

  test("pages reference no external URL; plotly.js and KaTeX are written once under assets/, linked only where needed", () => {
    const assets = fs.readdirSync(path.join(site, "assets")).sort();
    for (const role of ["figures", "highlight", "katex", "math", "page", "plotly", "style"]) {
      assert.equal(
        assets.filter((a) => new RegExp(`^${role}-[0-9a-f]{12}\\.(js|css)$`).test(a)).length,
        1,
        `one ${role} asset: ${assets}`,
      );
    }
    const plotlyAsset = assets.find((a) => a.startsWith("plotly-")) as string;
    assert.ok(fs.readFileSync(path.join(site, "assets", plotlyAsset), "utf8").startsWith(PLOTLY_BANNER));
    for (const file of [
      "fixture.html",
      "plain.html",
      "index.html",
      ...assets.filter((a) => a.endsWith(".css")).map((a) => `assets/${a}`),
    ]) {
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
    const links = (html: string, role: string) =>
      html.match(new RegExp(`(src|href)="assets/${role}-[0-9a-f]{12}\\.(js|css)"`, "g"))?.length ?? 0;
    assert.equal(links(read("fixture.html"), "plotly"), 1);
    assert.equal(links(read("plain.html"), "plotly"), 0);
    assert.equal(links(read("index.html"), "plotly"), 0);
    assert.equal(links(read("fixture.html"), "katex"), 1, "KaTeX's stylesheet where there is math");
    assert.equal(
      links(read("fixture.html"), "math"),
      1,
      "KaTeX's script, which typesets the page's TeX, where there is math",
    );
    for (const file of ["fixture.html", "plain.html", "index.html", "claims.html"]) {
      const hasMath = read(file).includes('<span class="math-tex"');
      assert.equal(links(read(file), "math"), hasMath ? 1 : 0, `${file}: KaTeX's script exactly where there is math`);
    }
    for (const file of ["fixture.html", "plain.html", "index.html"]) {
      assert.equal(read(file).split(PLOTLY_BANNER).length - 1, 0, `${file} inlines no plotly.js`);
      assert.ok(read(file).length < 200_000, `${file} weighs its content only: ${read(file).length} bytes`);
    }
  });

  test("a page is a page of the site: section ids and contents, notebook navigation, previous/next, downloads, folded code, citation", () => {
    const fixture = read("fixture.html");
    const plain = read("plain.html");
    const toc = [...fixture.matchAll(/<li class="toc-h([23])"><a href="#([a-z0-9-]+)">/g)].map((m) => m[2]);
    assert.ok(toc.length > 0, "a table of contents");
    for (const id of toc) assert.match(fixture, new RegExp(`<h[23][^>]* id="${id}">`), `heading #${id} exists`);
    assert.match(
      fixture,
      /<nav class="site-nav"[\s\S]*<li class="current" aria-current="page">[\s\S]*<a href="plain\.html">/,
    );
    assert.match(fixture, /<a class="next" rel="next" href="plain\.html">/);
    assert.match(plain, /<a class="prev" rel="prev" href="fixture\.html">/);
    const executed = fixture.match(/<a href="([^"]+\.ipynb)" download>Executed notebook/)?.[1];
    assert.ok(
      executed && fs.existsSync(path.resolve(site, decodeURIComponent(executed))),
      `the executed notebook link resolves: ${executed}`,
    );
    assert.match(fixture, /<details class="code-input"( open)?><summary>Code/);
    assert.match(fixture, /<button type="button" data-code="show">show all<\/button>/);
    assert.match(
      fixture,
      /<section class="how-to-cite">[\s\S]*Execution Tickets Lab contributors \(\d{4}\)\. Execution Tickets Lab/,
    );
    assert.match(read("index.html"), /<section class="how-to-cite">/);
    if (!result.figuresSkipped) {
      const svg = fixture.match(/class="figure-files">Figure 1 as <a href="([^"]+\.svg)"/)?.[1];
      assert.ok(
        svg && fs.existsSync(path.resolve(site, decodeURIComponent(svg))),
        `figure 1's SVG link resolves: ${svg}`,
      );
    } else {
      assert.doesNotMatch(fixture, /class="figure-files"/, "no links to figure files that were not written");
    }
  });

  test("--self-contained pages inline everything: one file each, no assets/", async () => {
    const input = path.join(tmp, "notebooks");
    const single = path.join(tmp, "single");
    await exportSite({
      inDir: input,
      outDir: single,
      figuresDir: path.join(tmp, "single-figures"),
      figures: false,
      selfContained: true,
      log: () => {},
    });
    assert.ok(!fs.existsSync(path.join(single, "assets")));
    const html = fs.readFileSync(path.join(single, "fixture.html"), "utf8");
    assert.equal(html.split(PLOTLY_BANNER).length - 1, 1, "plotly.js inlined once");
    assert.doesNotMatch(html, /(src|href)="assets\//);
    assert.doesNotMatch(withoutPlotlySource(html), /<\/script(?![>])/i);
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

  test("writes every figure as SVG and PNG for the screen, and for papers as SVG, PDF and 300-dpi PNG at 3.5 and 7 in with fonts of 7 pt or more; figures.json traces each", {
    skip: chromium.skip,
  }, () => {
    chromium.executable();
    const expected = [...FIXTURE_FIGURE_STEMS.flatMap((stem) => figureFileNames(stem)), "figures.json"].sort();
    assert.deepEqual(fs.readdirSync(figures).sort(), expected);
    for (const stem of FIXTURE_FIGURE_STEMS) {
      const svg = fs.readFileSync(path.join(figures, `${stem}.svg`), "utf8");
      assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(svg, /class="scatterlayer|class="barlayer/);
      const png = fs.readFileSync(path.join(figures, `${stem}.png`));
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.equal(png.readUInt32BE(16), 1280, "PNG at 2× the 640 px figure width");
      for (const inches of [3.5, 7]) {
        const paper = (ext: string) => path.join(figures, `${stem}-${inches}in.${ext}`);
        // SVG laid out at the column's width in CSS pixels (1 px prints as 0.75 pt): every font ≥ 7 pt.
        const paperSvg = fs.readFileSync(paper("svg"), "utf8");
        assert.equal(
          Number(paperSvg.match(/^<svg[^>]* width="([\d.]+)"/)?.[1]),
          inches * 96,
          `${stem} ${inches} in: SVG width`,
        );
        const fonts = [...paperSvg.matchAll(/font-size: ?([\d.]+)px/g)].map((m) => Number(m[1]));
        assert.ok(
          fonts.length > 0 && Math.min(...fonts) * 0.75 >= 7,
          `${stem} ${inches} in: smallest font ${Math.min(...fonts) * 0.75} pt`,
        );
        const pdf = fs.readFileSync(paper("pdf"));
        assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
        const box = pdf.toString("latin1").match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/);
        assert.ok(box, "the PDF has a page size");
        assert.ok(Math.abs(Number(box[1]) - inches * 72) < 1, `${stem} ${inches} in: PDF page ${box[1]} pt wide`);
        const print = fs.readFileSync(paper("png"));
        assert.equal(
          print.readUInt32BE(16),
          inches * 300,
          `${stem} ${inches} in: PNG ${inches * 300} px wide (300 dpi)`,
        );
        const phys = print.indexOf("pHYs");
        assert.ok(phys > 0 && print.readUInt32BE(phys + 4) === 11811, "the PNG says 300 dpi (11811 px/m)");
      }
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(figures, "figures.json"), "utf8"));
    assert.match(manifest.commit, /^([0-9a-f]{40}(-dirty)?|not a git checkout)$/);
    assert.match(manifest.libraryVersion, /^\d+\.\d+\.\d+/);
    assert.deepEqual(
      manifest.figures.map((f: { files: string[] }) => f.files[0]),
      FIXTURE_FIGURE_STEMS.map((stem) => `${stem}.svg`),
    );
    for (const f of manifest.figures) {
      assert.equal(f.notebook, "fixture");
      assert.ok(Number.isInteger(f.figure) && f.figure >= 1);
      assert.equal(typeof f.parameters, "object");
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

      // Code is folded; "show all" unfolds every cell, "hide all" folds them again.
      const openCells = () =>
        page.$$eval("details.code-input", (ds) => ds.filter((d) => (d as HTMLDetailsElement).open).length);
      const codeCells = await page.$$eval("details.code-input", (ds) => ds.length);
      assert.ok(codeCells > 0);
      await page.click('button[data-code="show"]');
      assert.equal(await openCells(), codeCells);
      await page.click('button[data-code="hide"]');
      assert.equal(await openCells(), 0);
      // A link to a section lands on it.
      const firstSection = await page.$eval("nav.toc a", (a) => a.getAttribute("href"));
      await page.goto(`${pathToFileURL(path.join(site, "fixture.html")).href}${firstSection}`);
      const targetTop = await page.$eval(firstSection as string, (h) => h.getBoundingClientRect().top);
      assert.ok(Math.abs(targetTop) < 40, `the section heading is at the top of the view (${targetTop} px)`);

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
