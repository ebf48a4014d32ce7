/**
 * reproduce --watch (tools/watch.ts): a burst of saves in a watched folder runs one pass and logs
 * one line naming what changed, what reran and what was cached; generated files do not count.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { type PassSummary, passLine, watchAndReproduce } from "../tools/watch";
import { osTempDir } from "./fixtures/runner/helpers";

const summary: PassSummary = {
  status: 0,
  ran: ["notebooks/02-ticket-value.ipynb"],
  cached: 15,
  failed: [],
  exported: "ok (3.1 s)",
  seconds: 14.2,
};

test("one line per pass: what changed, what reran, how many were cached, the export", () => {
  assert.match(
    passLine({ changed: ["notebooks/02-ticket-value.ipynb"], summary }),
    /^\d\d:\d\d:\d\d notebooks\/02-ticket-value\.ipynb changed → reran 02-ticket-value \(15 cached\); export ok \(3\.1 s\); 14\.2 s$/,
  );
  assert.match(
    passLine({ changed: ["a", "b", "c", "d"], summary: { ...summary, ran: [], failed: ["x.ipynb"] } }),
    /a, b and 2 more changed → nothing to rerun \(15 cached\); FAILED: x;/,
  );
});

test("a burst of saves runs one pass; editor droppings do not count", async () => {
  const root = osTempDir();
  const dir = path.join(root, "notebooks");
  fs.mkdirSync(dir);
  const lines: string[] = [];
  let passes = 0;
  const watcher = watchAndReproduce({
    dirs: [dir],
    debounceMs: 150,
    log: (line) => lines.push(line),
    run: async () => {
      passes++;
      return summary;
    },
  });
  try {
    fs.writeFileSync(path.join(dir, "02-ticket-value.ipynb"), "{}");
    fs.writeFileSync(path.join(dir, "02-ticket-value.ipynb"), "{ }");
    fs.writeFileSync(path.join(dir, ".02-ticket-value.ipynb.swp"), "x");
    const until = Date.now() + 5000;
    while (passes === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(passes, 1, "one pass for the burst");
    assert.match(lines.at(-1) ?? "", /notebooks\/02-ticket-value\.ipynb changed → reran 02-ticket-value/);
    assert.doesNotMatch(lines.at(-1) ?? "", /swp/);
  } finally {
    watcher.close();
  }
});
