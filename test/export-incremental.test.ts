/**
 * The export is incremental: a page whose executed notebook (and the exporter) did not change is
 * copied from the previous export, not rebuilt; a changed notebook's page is rebuilt; a changed
 * trust decision rebuilds every page.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { exportSite } from "../tools/export/export-site";
import { chromiumGate } from "./fixtures/export/chromium-gate";
import { executedFixture, executedFixtureWithoutFigures, FIXTURE_FIGURES } from "./fixtures/export/executed-notebook";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "export-incremental-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("unchanged pages are copied, a changed notebook's page is rebuilt, the index always", async () => {
  const input = path.join(tmp, "notebooks");
  const site = path.join(tmp, "site");
  fs.mkdirSync(input);
  fs.writeFileSync(path.join(input, "a.ipynb"), JSON.stringify(executedFixture()));
  fs.writeFileSync(path.join(input, "b.ipynb"), JSON.stringify(executedFixtureWithoutFigures()));
  const run = async (trust = false) => {
    const lines: string[] = [];
    await exportSite({
      inDir: input,
      outDir: site,
      figuresDir: path.join(tmp, "figures"),
      figures: false,
      trust,
      log: (l) => lines.push(l),
    });
    return lines;
  };
  const read = (f: string) => fs.readFileSync(path.join(site, f), "utf8");

  assert.ok(!(await run()).some((l) => /unchanged/.test(l)), "the first export builds every page");
  const first = { a: read("a.html"), b: read("b.html") };
  assert.ok((await run()).includes("export: 2 of 2 page(s) unchanged, copied from the previous export"));
  assert.equal(read("a.html"), first.a);
  assert.equal(read("b.html"), first.b);
  assert.match(read("index.html"), /href="a\.html"[\s\S]*href="b\.html"/, "the index lists both pages");

  const nb = executedFixtureWithoutFigures() as { cells: { source: string }[] };
  // The text, not the title: a new title would change every page's navigation (and rebuild them all).
  nb.cells[0].source = "# Plain notebook\n\nJust text, edited, and $a+b$.\n";
  fs.writeFileSync(path.join(input, "b.ipynb"), JSON.stringify(nb));
  assert.ok((await run()).includes("export: 1 of 2 page(s) unchanged, copied from the previous export"));
  assert.equal(read("a.html"), first.a);
  assert.match(read("b.html"), /Just text, edited/);

  assert.ok(!(await run(true)).some((l) => /unchanged/.test(l)), "--trust changes how pages render: all rebuilt");
});

test("a page rebuilt for a Markdown edit copies its unchanged figure files instead of drawing them", {
  skip: chromiumGate().skip,
}, async () => {
  const input = path.join(tmp, "figures-in");
  const site = path.join(tmp, "figures-site");
  const figures = path.join(tmp, "figures-out");
  fs.mkdirSync(input);
  const nb = executedFixture() as { cells: { cell_type: string; source: string }[] };
  fs.writeFileSync(path.join(input, "a.ipynb"), JSON.stringify(nb));
  const run = async () => {
    const lines: string[] = [];
    await exportSite({ inDir: input, outDir: site, figuresDir: figures, log: (l) => lines.push(l) });
    return lines;
  };
  await run();
  // Every figure file, byte for byte (figures.json is rewritten: it carries the export's time).
  const files = () =>
    Object.fromEntries(
      fs
        .readdirSync(figures)
        .filter((f) => f !== "figures.json")
        .map((f) => [f, fs.readFileSync(path.join(figures, f))]),
    );
  const before = files();
  nb.cells[0].source = `${nb.cells[0].source}\nOne more sentence.\n`;
  fs.writeFileSync(path.join(input, "a.ipynb"), JSON.stringify(nb));
  const lines = await run();
  assert.ok(
    lines.some((l) =>
      new RegExp(`export: a: ${FIXTURE_FIGURES} unchanged figure file pair\\(s\\) copied, 0 drawn`).test(l),
    ),
    lines.join("\n"),
  );
  assert.deepEqual(files(), before);
  assert.match(fs.readFileSync(path.join(site, "a.html"), "utf8"), /One more sentence/);
});
