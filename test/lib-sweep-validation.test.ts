/**
 * Bad input to the sweep API: each mistake is a RangeError naming the parameter.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { parseShard, runSweep, summarise, type RunSweepOptions } from "../lib/sweep";

const task = `${path.join(__dirname, "fixtures", "sweep", "mean-task.ts")}#seededMean`;
const good: RunSweepOptions = { task, grid: { n: [10], mu: [1] }, replications: 1, seed: 1, workers: 0 };

async function rangeError(options: Partial<Record<keyof RunSweepOptions, unknown>>, pattern: RegExp): Promise<void> {
  await assert.rejects(runSweep({ ...good, ...options } as RunSweepOptions), (err: unknown) => {
    assert.ok(err instanceof RangeError, `expected a RangeError, got ${String(err)}`);
    assert.match(err.message, pattern);
    return true;
  });
}

test("grid: empty, non-array values, empty arrays, non-scalar, repeated or reserved names", async () => {
  await rangeError({ grid: {} }, /^grid must be an object with at least one parameter/);
  await rangeError({ grid: [] }, /^grid must be an object/);
  await rangeError({ grid: { n: 10 } }, /^grid\.n must be a non-empty array .*; received 10$/);
  await rangeError({ grid: { n: [] } }, /^grid\.n must be a non-empty array/);
  await rangeError(
    { grid: { n: [10, NaN] } },
    /^grid\.n\[1\] must be a finite number, a string or a boolean; received NaN$/,
  );
  await rangeError({ grid: { n: [{ a: 1 }] } }, /^grid\.n\[0\] must be/);
  await rangeError({ grid: { n: [10, 10] } }, /^grid\.n must not repeat a value/);
  await rangeError({ grid: { replication: [1] } }, /^grid\.replication must not be used/);
});

test("replications, seed, workers, cacheDir", async () => {
  await rangeError({ replications: 0 }, /^replications must be an integer with 1 ≤ replications ≤ 2\^53; received 0$/);
  await rangeError({ replications: 2.5 }, /^replications must be an integer/);
  await rangeError({ seed: NaN }, /^seed must be a finite number or a non-empty string; received NaN$/);
  await rangeError({ seed: "" }, /^seed must be/);
  await rangeError({ workers: -1 }, /^workers must be an integer with 0 ≤ workers ≤ 256; received -1$/);
  await rangeError({ workers: 1.5 }, /^workers must be/);
  await rangeError({ cacheDir: "" }, /^cacheDir must be a non-empty folder path/);
});

test("shard: index must be below count (3/3 is out of range), count at least 1", async () => {
  await rangeError(
    { shard: { index: 3, count: 3 } },
    /^shard\.index must be an integer with 0 ≤ shard\.index ≤ 2; received 3$/,
  );
  await rangeError({ shard: { index: 0, count: 0 } }, /^shard\.count must be an integer with 1 ≤ shard\.count/);
  await rangeError({ shard: "0/3" }, /^shard must be an object \{ index, count \}/);
  assert.throws(
    () => parseShard({ text: "3/3" }),
    /^RangeError: shard must be "<index>\/<count>" with 0 ≤ index < count, e\.g\. "0\/4"; received "3\/3"$/,
  );
  assert.throws(() => parseShard({ text: "1of3", name: "--shard" }), /^RangeError: --shard must be/);
  assert.deepEqual(parseShard({ text: "2/8" }), { index: 2, count: 8 });
});

test("task: malformed, unresolvable module, missing export", async () => {
  await rangeError({ task: "" }, /^task must be "<module>#<export>"/);
  await rangeError({ task: 42 }, /^task must be/);
  await rangeError(
    { task: "./no/such/module.ts#x" },
    /^task must name a module that exists; cannot resolve "\.\/no\/such\/module\.ts"/,
  );
  await rangeError({ task: { module: task.split("#")[0], export: "" } }, /^task\.export must be a non-empty string/);
  await rangeError(
    { task: task.replace("#seededMean", "#nope") },
    /has no function export "nope" \(function exports: .*seededMean.*\)/,
  );
});

test("summarise: by, metrics and non-finite metric values", () => {
  const rows = [
    { g: "a", x: 1 },
    { g: "a", x: NaN },
  ];
  assert.throws(
    () => summarise({ rows, by: ["g"], metrics: [] }),
    /^RangeError: metrics must be a non-empty array of column names/,
  );
  assert.throws(
    () => summarise({ rows, by: "g" as never, metrics: ["x"] }),
    /^RangeError: by must be an array of column names/,
  );
  assert.throws(
    () => summarise({ rows, by: ["g"], metrics: ["x"] }),
    /^RangeError: rows\[1\]\.x must be a finite number; received NaN$/,
  );
  assert.throws(() => summarise({ rows, by: ["h"], metrics: ["x"] }), /^RangeError: rows\[0\]\.h must be present/);
});
