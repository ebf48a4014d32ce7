/**
 * The claim ledger in the export: claim outputs (lib/notebook showClaim) are rendered from their
 * records with a status badge linking to their row in claims.html; claims.json (in the site and
 * beside it) lists every claim with its notebook, section, figures and status; the index says how
 * many hold; a record's own HTML is never trusted, and its status is recomputed from its checks.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { check } from "../lib/stats";
import { CLAIM_MIME, claimBundle } from "../lib/notebook/claim";
import { figureBundle } from "../lib/notebook/figure-bundle";
import { exportSite, type ExportSiteResult } from "../tools/export/export-site";
import { codeCell, display, markdownCell } from "./fixtures/export/executed-notebook";

let tmp: string;
let result: ExportSiteResult;
const logLines: string[] = [];

const holds = check({ label: "E[V], n = 10", estimate: 0.5002, stderr: 0.0001, expected: 0.5 });
const fails = check({ label: "E[V], n = 20", estimate: 0.52, stderr: 0.001, expected: 0.5 });

function claimNotebook(): Record<string, unknown> {
  const forged = claimBundle({ id: "forged", text: "Forged <b>status</b>", reference: "none", checks: fails });
  // A tampered record that says it holds while its check fails, with a script in its text.
  const record = { ...(forged.data[CLAIM_MIME] as object), status: "holds", text: "<script>alert(1)</script> forged" };
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "execution-tickets" } },
    cells: [
      markdownCell("# Claims fixture\n\n## Ticket value\n\nText.\n"),
      codeCell("plot()", [
        display(figureBundle({ figure: { data: [{ x: [1, 2], y: [1, 2] }], layout: {} }, name: "line" })),
      ]),
      codeCell("showClaim(…)", [
        display(
          claimBundle({
            id: "value",
            text: "A ticket is worth $\\mu/(1+nd)$, less than μ when $nd > 0$ and $0 < d$",
            reference: "Observation 2",
            checks: holds,
          }),
        ),
      ]),
      markdownCell("## Another section\n"),
      codeCell("showClaim(…)", [
        display(
          claimBundle({
            id: "value-20",
            text: "Also at n = 20",
            reference: "Observation 2",
            checks: [holds, fails],
            figures: ["line"],
          }),
        ),
        display({
          data: { ...forged.data, [CLAIM_MIME]: record, "text/html": "<script>alert(2)</script>" },
          metadata: {},
        }),
      ]),
    ],
  };
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "et-claims-"));
  const input = path.join(tmp, "notebooks");
  fs.mkdirSync(input);
  fs.writeFileSync(path.join(input, "fixture.ipynb"), JSON.stringify(claimNotebook(), null, 1));
  result = await exportSite({
    inDir: input,
    outDir: path.join(tmp, "build", "site"),
    figuresDir: path.join(tmp, "build", "figures"),
    figures: false,
    log: (line) => logLines.push(line),
  });
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const read = (file: string) => fs.readFileSync(path.join(tmp, "build", "site", file), "utf8");

test("every claim is collected with its notebook, section, figures and a status recomputed from its checks", () => {
  assert.deepEqual(
    result.claims.map((c) => [c.notebook, c.id, c.section, c.status, c.figures.map((f) => f.index)]),
    [
      ["fixture", "value", "Ticket value", "holds", [1]],
      ["fixture", "value-20", "Another section", "fails", [1]],
      ["fixture", "forged", "Another section", "fails", []],
    ],
  );
  assert.equal(result.claims[0].href, "fixture.html#claim-value");
  assert.equal(result.claims[0].figures[0].href, "fixture.html#figure-1-figure");
});

test("build/claims.json and the site's claims.json hold the same ledger, with the failing claims named", () => {
  assert.equal(result.claimsFile, path.join(tmp, "build", "claims.json"));
  const beside = fs.readFileSync(result.claimsFile, "utf8");
  assert.equal(beside, read("claims.json"));
  const ledger = JSON.parse(beside);
  assert.equal(ledger.total, 3);
  assert.equal(ledger.holding, 1);
  assert.deepEqual(ledger.failing, ["fixture--value-20", "fixture--forged"]);
  assert.equal(ledger.summary, "3 claims, 2 failing");
  assert.ok(Math.abs(ledger.claims[1].checks[1].z - 20) < 1e-9);
  assert.ok(
    logLines.some((l) => /claim fixture#value-20 FAILS/.test(l)),
    logLines.join("\n"),
  );
});

test("each claim in its page has a badge linking to its row in claims.html, which exists", () => {
  const page = read("fixture.html");
  const ledger = read("claims.html");
  const badges = [...page.matchAll(/<a class="claim-badge (holds|fails)" href="claims\.html#([^"]+)"/g)];
  assert.deepEqual(
    badges.map((m) => [m[1], m[2]]),
    [
      ["holds", "fixture--value"],
      ["fails", "fixture--value-20"],
      ["fails", "fixture--forged"],
    ],
  );
  for (const [, , anchor] of badges)
    assert.ok(ledger.includes(`<tr id="${anchor}"`), `claims.html has no row ${anchor}`);
  assert.ok(page.includes('id="claim-value"'), "the claim is an anchor in its page");
  assert.ok(ledger.includes('href="fixture.html#claim-value"'), "the ledger links back to the claim");
  assert.ok(
    ledger.includes('href="fixture.html#figure-1-figure">Figure 1</a>'),
    "the ledger links the section's figure",
  );
  assert.match(ledger, /3 claims, 2 failing/);
});

test("the index says how many claims hold and names those that fail", () => {
  const index = read("index.html");
  assert.match(index, /<a href="claims\.html">3 claims, 2 failing<\/a>: fixture: Also at n = 20; fixture: /);
});

test("a claim's text and its output's own HTML never run: the page is built from the escaped record", () => {
  for (const file of ["fixture.html", "claims.html", "index.html"]) {
    const html = read(file);
    assert.ok(!html.includes("<script>alert"), `${file} carries the injected script`);
    assert.ok(!html.includes("<b>status</b>"), `${file} renders HTML from a claim's text`);
  }
  assert.ok(read("fixture.html").includes("&lt;script&gt;alert(1)&lt;/script&gt; forged"));
});

test("math in a claim's text keeps its comparison signs (as \\gt and \\lt), and no formula fails", () => {
  for (const file of ["fixture.html", "claims.html"]) {
    const html = read(file);
    assert.ok(!html.includes("katex-error"), `${file}: a formula of a claim failed to typeset`);
    assert.ok(html.includes('<span class="math-tex">nd \\gt  0</span>'), `${file}: "nd > 0" as TeX`);
    assert.ok(html.includes('<span class="math-tex">0 \\lt  d</span>'), `${file}: "0 < d" as TeX`);
  }
});

test("a notebook whose page would overwrite a site page is refused", async () => {
  const input = path.join(tmp, "clash");
  fs.mkdirSync(input);
  fs.writeFileSync(path.join(input, "claims.ipynb"), JSON.stringify(claimNotebook(), null, 1));
  await assert.rejects(
    exportSite({ inDir: input, outDir: path.join(tmp, "clash-site"), figures: false, log: () => {} }),
    /claims\.ipynb.*claims\.html.*ledger/,
  );
});

test("a claim naming a figure the notebook does not show is refused, naming the claim, the figure and the notebook's figures", async () => {
  const input = path.join(tmp, "unknown-figure");
  fs.mkdirSync(input);
  const nb = claimNotebook() as { cells: unknown[] };
  nb.cells.push(
    codeCell("showClaim(…)", [
      display(claimBundle({ id: "lost", text: "Lost", reference: "none", checks: holds, figures: ["nowhere"] })),
    ]),
  );
  fs.writeFileSync(path.join(input, "lost.ipynb"), JSON.stringify(nb, null, 1));
  await assert.rejects(
    exportSite({ inDir: input, outDir: path.join(tmp, "lost-site"), figures: false, log: () => {} }),
    /claim "lost" names figure "nowhere", which the notebook does not show \(its figures: line\)/,
  );
});
