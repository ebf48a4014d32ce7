/**
 * runSweep: row shape and order, determinism across worker counts, shards and grid key order,
 * seeds, progress, and task errors.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { runSweep, toCSV, type SweepProgress, type SweepRow } from "../lib/sweep";

const fixture = path.join(__dirname, "fixtures", "sweep", "mean-task.ts");
const task = `${fixture}#seededMean`;
const grid = { n: [10, 100, 1000], mu: [1, 2] };

test("rows are { ...params, replication, ...metrics } in canonical (grid, replication) order", async () => {
  const rows = await runSweep({ task, grid, replications: 2, seed: 1, workers: 0 });
  assert.equal(rows.length, 12);
  assert.deepEqual(Object.keys(rows[0]), ["n", "mu", "replication", "mean", "first"]);
  const order = rows.map((r) => `${r.n}/${r.mu}/${r.replication}`);
  assert.deepEqual(order, [
    "10/1/0",
    "10/1/1",
    "10/2/0",
    "10/2/1",
    "100/1/0",
    "100/1/1",
    "100/2/0",
    "100/2/1",
    "1000/1/0",
    "1000/1/1",
    "1000/2/0",
    "1000/2/1",
  ]);
  for (const row of rows) assert.ok((row.first as number) > 0 && (row.first as number) < 1);
});

test("inline, 1 worker and 2 workers give identical rows", async () => {
  const run = (workers: number) => runSweep({ task, grid, replications: 10, seed: 42, workers });
  const [inline, one, two] = [await run(0), await run(1), await run(2)];
  assert.deepStrictEqual(one, inline);
  assert.deepStrictEqual(two, inline);
  assert.equal(toCSV(two), toCSV(inline));
});

test("shards, taken together, are exactly the whole sweep", async () => {
  const whole = await runSweep({ task, grid, replications: 3, seed: 9, workers: 0 });
  const count = 4;
  const parts: SweepRow[][] = [];
  for (let index = 0; index < count; index++) {
    parts.push(await runSweep({ task, grid, replications: 3, seed: 9, workers: 0, shard: { index, count } }));
  }
  assert.deepEqual(
    parts.map((p) => p.length),
    [5, 5, 4, 4],
  );
  // Shard i holds canonical items i, i + count, i + 2·count, …
  const rebuilt = whole.map((_, k) => parts[k % count][Math.floor(k / count)]);
  assert.deepStrictEqual(rebuilt, whole);
});

test("a cell's rows depend on its parameters, not on the grid's key order or other cells", async () => {
  const whole = await runSweep({ task, grid, replications: 2, seed: 5, workers: 0 });
  const reordered = await runSweep({ task, grid: { mu: [2], n: [100, 7] }, replications: 2, seed: 5, workers: 0 });
  const pick = (rows: SweepRow[]) =>
    rows.filter((r) => r.n === 100 && r.mu === 2).map(({ replication, mean, first }) => ({ replication, mean, first }));
  assert.deepStrictEqual(pick(reordered), pick(whole));
});

test("different master seeds give different rows; the same seed the same rows", async () => {
  const a = await runSweep({ task, grid, replications: 2, seed: 1, workers: 0 });
  const b = await runSweep({ task, grid, replications: 2, seed: 2, workers: 0 });
  const c = await runSweep({ task, grid, replications: 2, seed: "1", workers: 0 });
  const again = await runSweep({ task, grid, replications: 2, seed: 1, workers: 0 });
  assert.deepStrictEqual(again, a);
  for (const other of [b, c]) {
    a.forEach((row, i) => assert.notEqual(row.first, other[i].first, `row ${i} repeats across seeds`));
  }
  // Replications of one cell get different streams too.
  assert.notEqual(a[0].first, a[1].first);
});

test("progress is monotone and reaches the total", async () => {
  for (const workers of [0, 2]) {
    const seen: SweepProgress[] = [];
    await runSweep({ task, grid, replications: 20, seed: 3, workers, onProgress: (p) => seen.push(p) });
    const last = seen[seen.length - 1];
    assert.equal(last.total, 120);
    assert.equal(last.done, 120);
    assert.equal(last.cached, 0);
    assert.ok(seen.length > 2, `only ${seen.length} progress reports`);
    seen.slice(1).forEach((p, i) => {
      assert.ok(p.done >= seen[i].done && p.elapsed >= seen[i].elapsed);
    });
  }
});

test("a failing task rejects with an error naming the cell and replication (inline and on workers)", async () => {
  for (const workers of [0, 2]) {
    await assert.rejects(
      runSweep({ task: `${fixture}#failsAtHundred`, grid: { n: [10, 100, 1000] }, replications: 3, seed: 1, workers }),
      // Which replication fails first depends on thread timing; the cell does not.
      /task failsAtHundred at \{"n":100\} replication [0-2] failed: boom at n = 100/,
    );
  }
});

test("metrics must not reuse a parameter's name", async () => {
  await assert.rejects(
    runSweep({ task: `${fixture}#clashesWithParam`, grid: { n: [10] }, replications: 1, seed: 1, workers: 0 }),
    /returned metric "n", which clashes with a parameter column/,
  );
});
