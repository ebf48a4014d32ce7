/**
 * Pages of --param runs: `<notebook>.p-<hash>.ipynb` (tools/nb/run-name.ts) becomes a page of its own
 * that the notebook's page links in its footer (with the run's parameters) and that links back; it
 * is left out of the navigation, the index and the claim ledger, which describe the default runs.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { parameterRunName } from "../tools/nb/run-name";
import { exportSite } from "../tools/export/export-site";
import { codeCell, markdownCell } from "./fixtures/export/executed-notebook";

test("a --param run gets a page linked from its notebook's footer and back, outside the navigation and the index", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "et-runs-"));
  try {
    const input = path.join(dir, "in");
    fs.mkdirSync(input);
    const notebook = (parameters: Record<string, unknown>) => ({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { execution: { status: "ok", parameters, started: "2026-12-07T00:00:00.000Z", seconds: 1 } },
      cells: [markdownCell("# Runs fixture\n\nText."), codeCell("const n = 1;", [], ["parameters"])],
    });
    const run = parameterRunName({ name: "a", params: { n: 5, label: "x" } });
    fs.writeFileSync(path.join(input, "a.ipynb"), JSON.stringify(notebook({})));
    fs.writeFileSync(path.join(input, `${run}.ipynb`), JSON.stringify(notebook({ n: 5, label: "x" })));
    const sources = path.join(dir, "notebooks");
    fs.mkdirSync(sources);
    fs.writeFileSync(path.join(sources, "a.ipynb"), JSON.stringify(notebook({})));
    const site = path.join(dir, "site");
    await exportSite({
      inDir: input,
      outDir: site,
      figuresDir: path.join(dir, "figures"),
      figures: false,
      sourceDir: sources,
      log: () => {},
    });
    const page = fs.readFileSync(path.join(site, "a.html"), "utf8");
    const runPage = fs.readFileSync(path.join(site, `${run}.html`), "utf8");
    assert.match(
      page,
      new RegExp(
        `Runs of this notebook with other parameters: <a href="${run.replace(".", "\\.")}\\.html">n = 5, label = x</a>`,
      ),
    );
    assert.match(
      runPage,
      /This page is a run with n = 5, label = x; the notebook's default run: <a href="a\.html">a<\/a>/,
    );
    const index = fs.readFileSync(path.join(site, "index.html"), "utf8");
    assert.doesNotMatch(index, new RegExp(run.replace(".", "\\.")), "the index lists the default run only");
    assert.doesNotMatch(
      page.match(/<nav class="site-nav"[\s\S]*?<\/nav>/)?.[0] ?? "",
      /\.p-/,
      "nor does the navigation",
    );
    assert.match(runPage, /href="source\/a\.ipynb"/, "a run's source download is its notebook");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
