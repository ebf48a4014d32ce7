/**
 * The site is swapped in whole: an export that meets a bad notebook fails naming it, without a stack
 * trace, and leaves the previous site (pages and index) exactly as it was; no staging folder is left.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { exportSite } from "../tools/export/export-site";
import { executedFixtureWithoutFigures } from "./fixtures/export/executed-notebook";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "export-atomic-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every file of a site (assets/ and source/ included), by path relative to it. */
function siteFiles(site: string): Record<string, string> {
  const files = (fs.readdirSync(site, { recursive: true }) as string[]).filter((f) =>
    fs.statSync(path.join(site, f)).isFile(),
  );
  return Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(site, f), "utf8")]));
}

test("a bad notebook fails the export by name and the previous site stays whole", async () => {
  const input = path.join(tmp, "notebooks");
  const site = path.join(tmp, "site");
  const figures = path.join(tmp, "figures");
  fs.mkdirSync(input);
  fs.writeFileSync(path.join(input, "01-good.ipynb"), JSON.stringify(executedFixtureWithoutFigures()));
  await exportSite({ inDir: input, outDir: site, figuresDir: figures, figures: false, log: () => {} });
  const before = siteFiles(site);
  assert.ok(before["index.html"] && before["01-good.html"]);

  // A second good notebook and a broken one: the export must not publish half of it.
  fs.writeFileSync(path.join(input, "02-also-good.ipynb"), JSON.stringify(executedFixtureWithoutFigures()));
  fs.writeFileSync(path.join(input, "03-broken.ipynb"), "{ this is not json");
  await assert.rejects(
    exportSite({ inDir: input, outDir: site, figuresDir: figures, figures: false, log: () => {} }),
    /03-broken\.ipynb: .*the previous site was left as it was/,
  );
  const afterwards = siteFiles(site);
  assert.deepEqual(afterwards, before, "the previous site is untouched: no 02 page, the old index");
  assert.deepEqual(
    fs.readdirSync(tmp).filter((f) => /staging|\.old-/.test(f)),
    [],
    "no staging or old folder is left behind",
  );

  // Through the CLI: one line naming the notebook, no stack trace, a non-zero exit status.
  const cli = spawnSync(
    process.execPath,
    ["--import", "tsx", "tools/export/cli.ts", "--in", input, "--out", site, "--no-figures", "--no-api"],
    {
      cwd: path.resolve(__dirname, ".."),
      encoding: "utf8",
    },
  );
  assert.notEqual(cli.status, 0);
  assert.match(cli.stderr, /03-broken\.ipynb/);
  assert.doesNotMatch(cli.stderr, /\n\s+at /);
});
