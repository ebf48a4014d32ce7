import { test } from "node:test";
import assert from "node:assert/strict";
import { logIntegerGrid, decadeTicks } from "../lib/notebook";

test("logIntegerGrid: distinct rounded powers max^(i/points), from 1 to max", () => {
  assert.deepEqual(logIntegerGrid({ max: 1000, points: 6 }), [1, 3, 10, 32, 100, 316, 1000]);
  // The same grid as 10^(i/20) for i = 0..180, written independently.
  const independent = [...new Set(Array.from({ length: 181 }, (_, i) => Math.round(10 ** (i / 20))))];
  const grid = logIntegerGrid({ max: 1e9, points: 180 });
  assert.deepEqual(grid, independent);
  assert.ok(
    grid.every((n, i) => Number.isInteger(n) && (i === 0 || n > grid[i - 1])),
    "strictly increasing integers",
  );
  assert.deepEqual(logIntegerGrid({ max: 1, points: 5 }), [1]);
  assert.equal(logIntegerGrid({ max: 1e10, points: 120 }).at(-1), 1e10);
});

test("logIntegerGrid with min: distinct rounded min·(max/min)^(i/points), from min to max", () => {
  // 10^(2 + i/8), i = 0..40, written independently: 100 … 10^7.
  const independent = Array.from({ length: 41 }, (_, i) => Math.round(10 ** (2 + i / 8)));
  assert.deepEqual(logIntegerGrid({ min: 100, max: 1e7, points: 40 }), independent);
  assert.deepEqual(logIntegerGrid({ min: 10, max: 1000, points: 2 }), [10, 100, 1000]);
  assert.deepEqual(logIntegerGrid({ min: 7, max: 7, points: 3 }), [7]);
  assert.deepEqual(
    logIntegerGrid({ min: 1, max: 1e9, points: 180 }),
    logIntegerGrid({ max: 1e9, points: 180 }),
    "min defaults to 1",
  );
});

test("decadeTicks: one tick per decade up to max, superscript labels, optional second line", () => {
  assert.deepEqual(decadeTicks({ max: 999 }), { tickvals: [1, 10, 100], ticktext: ["10⁰", "10¹", "10²"] });
  assert.deepEqual(decadeTicks({ max: 1000 }).tickvals, [1, 10, 100, 1000]);
  const big = decadeTicks({ max: 1e12, secondLine: (v) => `${v / 10} s` });
  assert.equal(big.tickvals.length, 13);
  assert.equal(big.ticktext[12], "10¹²<br>100000000000 s");
});

test("log-axis helpers: bad input is a RangeError naming the parameter", () => {
  for (const max of [0, 0.5, -1, NaN, Infinity]) {
    assert.throws(() => logIntegerGrid({ max, points: 10 }), /^RangeError: max must be/);
    assert.throws(() => decadeTicks({ max }), /^RangeError: max must be/);
  }
  for (const min of [0, 0.5, 11, NaN])
    assert.throws(() => logIntegerGrid({ min, max: 10, points: 10 }), /^RangeError: min must be/);
  for (const points of [0, 1.5, NaN])
    assert.throws(() => logIntegerGrid({ max: 10, points }), /^RangeError: points must be/);
  assert.throws(
    () => decadeTicks({ max: 10, secondLine: "x" as unknown as () => string }),
    /^RangeError: secondLine must be a function/,
  );
});
