import { test } from "node:test";
import assert from "node:assert/strict";
import { herfindahl, largestShare, nakamotoCoefficient } from "../lib/market";

test("HHI on hand-built holdings", () => {
  assert.equal(herfindahl({ holdings: [5] }), 10_000);
  assert.equal(herfindahl({ holdings: [7, 0, 0] }), 10_000);
  assert.ok(Math.abs(herfindahl({ holdings: [1, 1, 1, 1] }) - 2_500) < 1e-9);
  // shares 50/30/20 → 2500 + 900 + 400
  assert.ok(Math.abs(herfindahl({ holdings: [50, 30, 20] }) - 3_800) < 1e-9);
  assert.ok(Math.abs(herfindahl({ holdings: new Int32Array([5, 3, 2]) }) - 3_800) < 1e-9);
  // ephema's second-price example reports HHI 5794 with a top share of 71.97 %: plausible shapes agree
  assert.ok(herfindahl({ holdings: [72, 10, 10, 8] }) > 5_000);
});

test("largest share", () => {
  assert.equal(largestShare({ holdings: [1, 3] }), 0.75);
  assert.equal(largestShare({ holdings: [0, 0, 4] }), 1);
  assert.equal(largestShare({ holdings: [2, 2, 2, 2] }), 0.25);
});

test("Nakamoto coefficient: fewest holders with MORE than half", () => {
  assert.equal(nakamotoCoefficient({ holdings: [51, 49] }), 1);
  assert.equal(nakamotoCoefficient({ holdings: [50, 50] }), 2); // exactly 50 % is not control
  assert.equal(nakamotoCoefficient({ holdings: [10, 10, 10, 10, 10] }), 3);
  assert.equal(nakamotoCoefficient({ holdings: [1, 40, 2, 30, 27] }), 2); // 40 + 30 > 50
  assert.equal(nakamotoCoefficient({ holdings: [1, 1, 1, 1], threshold: 0.74 }), 3);
  assert.equal(nakamotoCoefficient({ holdings: [3, 0, 0] }), 1);
});

test("concentration measures reject bad holdings (RangeError naming the parameter)", () => {
  for (const fn of [herfindahl, largestShare, nakamotoCoefficient]) {
    assert.throws(() => fn({ holdings: [] }), /holdings/);
    assert.throws(() => fn({ holdings: [1, -1] }), /holdings\[1\]/);
    assert.throws(() => fn({ holdings: [1, NaN] }), /holdings\[1\]/);
    assert.throws(() => fn({ holdings: [1, Infinity] }), /holdings\[1\]/);
    assert.throws(() => fn({ holdings: [0, 0] }), /holdings must have a positive total/);
    assert.throws(() => fn({ holdings: null as unknown as number[] }), RangeError);
  }
  assert.throws(() => nakamotoCoefficient({ holdings: [1], threshold: 1 }), /threshold/);
  assert.throws(() => nakamotoCoefficient({ holdings: [1], threshold: -0.1 }), /threshold/);
});
