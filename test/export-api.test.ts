/**
 * The API reference (TypeDoc over every subpath export) is built into the site, one module per
 * library area, with the TSDoc examples, and it loads nothing from the network.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { apiEntryPoints, buildApiReference } from "../tools/export/api-reference";
import { indexHtml } from "../tools/export/index-page";

const out = fs.mkdtempSync(path.join(os.tmpdir(), "api-test-"));
after(() => fs.rmSync(out, { recursive: true, force: true }));

test("the reference documents every subpath area, with examples, and fetches nothing remote", async () => {
  const api = path.join(out, "api");
  fs.mkdirSync(api);
  fs.writeFileSync(path.join(api, "stale.html"), "from an older build");
  const result = await buildApiReference({ outDir: api });
  assert.equal(result.modules.length, apiEntryPoints().length);
  for (const area of ["model", "random", "scenarios", "sim", "market", "sweep", "notebook"]) {
    assert.ok(result.modules.includes(area), `module ${area}`);
  }
  assert.ok(!fs.existsSync(path.join(api, "stale.html")), "the old reference is replaced whole");
  const page = fs.readFileSync(path.join(api, "functions", "model.ticketValue.html"), "utf8");
  assert.match(page, /Observation 2/);
  const text = page.replace(/<[^>]+>/g, "");
  assert.match(text, /Example/);
  assert.match(text, /ticketValue\(\{ mu: 1, n: 100, d: 0\.01 \}\); \/\/ → 0\.5/, "the @example is on the page");
  const remote: string[] = [];
  for (const file of fs.readdirSync(api, { recursive: true }) as string[]) {
    if (!/\.(html|js)$/.test(file)) continue;
    const text = fs.readFileSync(path.join(api, file), "utf8");
    for (const m of text.matchAll(/(?:src|href)="(https?:[^"]+)"/g)) remote.push(`${file}: ${m[1]}`);
  }
  assert.deepEqual(remote, []);
});

test("the site's index links the reference only when the export built one", () => {
  const withApi = indexHtml({ entries: [], withMath: false, apiHref: "api/index.html" });
  assert.match(withApi, /<a href="api\/index.html">API reference/);
  assert.doesNotMatch(indexHtml({ entries: [], withMath: false }), /API reference/);
});
