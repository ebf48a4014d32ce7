/**
 * The on-disk result cache: a rerun returns the same rows without recomputing; any change of
 * seed or task version is a miss.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { runSweep, type SweepProgress } from "../lib/sweep";
// The fixture module as loaded by inline runs (same file, same module instance).
import { counter } from "./fixtures/sweep/mean-task";

const module = path.join(__dirname, "fixtures", "sweep", "mean-task.ts");
const grid = { n: [10, 100], mu: [1, 2] };

test("a cached rerun returns identical rows (NaN and -0 included) without recomputing", async () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "sweep-cache-"));
  for (const exportName of ["seededMean", "seedEcho"]) {
    const options = { task: { module, export: exportName }, grid, replications: 3, seed: 11, workers: 0, cacheDir };
    const before = counter.calls;
    const first = await runSweep(options);
    assert.equal(counter.calls - before, 12, "first run computes every item");

    let last: SweepProgress | undefined;
    const second = await runSweep({ ...options, onProgress: (p) => (last = p) });
    assert.equal(counter.calls - before, 12, "cached run recomputed something");
    assert.deepStrictEqual(second, first); // deepStrictEqual tells -0 from 0 and matches NaN
    assert.deepEqual(last, { ...last, done: 12, total: 12, cached: 12 });
  }
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

test("a cached rerun with worker threads starts no work, and rows match", async () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "sweep-cache-"));
  const options = { task: `${module}#seededMean`, grid, replications: 5, seed: 4, cacheDir };
  const first = await runSweep({ ...options, workers: 2 });
  const progress: SweepProgress[] = [];
  const second = await runSweep({ ...options, workers: 2, onProgress: (p) => progress.push(p) });
  assert.deepStrictEqual(second, first);
  assert.equal(progress.length, 1, "everything should come from the cache at once");
  assert.equal(progress[0].cached, 20);
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

test("another seed or task version misses the cache; a partial cache fills only the gaps", async () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "sweep-cache-"));
  const base = {
    task: { module, export: "seededMean", version: "v1" },
    grid,
    replications: 2,
    seed: 1,
    workers: 0,
    cacheDir,
  };
  await runSweep(base);
  const count = async (options: typeof base) => {
    const before = counter.calls;
    const rows = await runSweep(options);
    return { computed: counter.calls - before, rows };
  };
  assert.equal((await count({ ...base, seed: 2 })).computed, 8);
  assert.equal((await count({ ...base, task: { ...base.task, version: "v2" } })).computed, 8);
  // One more grid value: only its cells are computed, and cached cells keep their rows.
  const wider = await count({ ...base, grid: { n: [10, 100, 1000], mu: [1, 2] } });
  assert.equal(wider.computed, 4);
  const fresh = await runSweep({ ...base, grid: { n: [10, 100, 1000], mu: [1, 2] }, cacheDir: undefined });
  assert.deepStrictEqual(wider.rows, fresh);
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

test("a hand-edited, truncated or foreign cache entry is detected, reported, recomputed and rewritten", async () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "sweep-cache-"));
  const options = { task: { module, export: "seededMean" }, grid, replications: 1, seed: 5, workers: 0, cacheDir };
  const first = await runSweep(options);
  const files = (fs.readdirSync(cacheDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join(cacheDir, f));
  assert.equal(files.length, 4);
  const [edited, truncated, foreign] = files;
  const entry = JSON.parse(fs.readFileSync(edited, "utf8"));
  const metric = Object.keys(entry.metrics)[0];
  entry.metrics[metric] = 12345; // a plausible number, but not the one computed
  fs.writeFileSync(edited, JSON.stringify(entry));
  fs.writeFileSync(truncated, fs.readFileSync(truncated, "utf8").slice(0, 20));
  fs.writeFileSync(foreign, fs.readFileSync(files[3], "utf8"));

  const reported: string[] = [];
  const { SweepCache } = await import("../lib/sweep/cache");
  const before = counter.calls;
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => {
    reported.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  let second: Awaited<ReturnType<typeof runSweep>>;
  try {
    second = await runSweep(options);
  } finally {
    process.stderr.write = original;
  }
  assert.equal(counter.calls - before, 3, "exactly the three damaged entries were recomputed");
  assert.deepStrictEqual(second, first);
  const text = reported.join("");
  assert.match(text, /its checksum does not match\); recomputing it/);
  assert.match(text, /it is not valid JSON\); recomputing it/);
  assert.match(text, /it belongs to another key\); recomputing it/);
  // Rewritten: a third run computes nothing and reports nothing.
  const quiet: string[] = [];
  const cache = new SweepCache({ dir: cacheDir, onCorrupt: (m) => quiet.push(m) });
  assert.equal(cache.corruptEntries, 0);
  const again = counter.calls;
  await runSweep(options);
  assert.equal(counter.calls - again, 0);
});
