import { test } from "node:test";
import assert from "node:assert/strict";
import { check, assertAgreement, type CheckResult } from "../lib/stats";

test("check computes z = (estimate − expected)/stderr and passes when |z| ≤ maxZ (default 5)", () => {
  const ok = check({ label: "E[V]", estimate: 1.02, stderr: 0.01, expected: 1 });
  assert.deepEqual(
    { ...ok, z: Number(ok.z.toFixed(12)) },
    { label: "E[V]", estimate: 1.02, stderr: 0.01, expected: 1, z: 2, maxZ: 5, pass: true },
  );
  const fail = check({ label: "E[V]", estimate: 1.06, stderr: 0.01, expected: 1 });
  assert.equal(fail.pass, false);
  assert.ok(Math.abs(fail.z - 6) < 1e-9);
  assert.equal(check({ label: "tight", estimate: 1.03, stderr: 0.01, expected: 1, maxZ: 2 }).pass, false);
  assert.equal(check({ label: "edge", estimate: 0.95, stderr: 0.01, expected: 1, maxZ: 5.0000001 }).pass, true);
  assert.equal(check({ label: "negative z", estimate: 0.9, stderr: 0.01, expected: 1 }).z < -9, true);
});

test("stderr 0: equal values pass with z = 0; a difference beyond rounding fails with a huge z", () => {
  const same = check({ label: "exact", estimate: 2, stderr: 0, expected: 2 });
  assert.equal(same.z, 0);
  assert.equal(same.pass, true);
  const above = check({ label: "exact", estimate: 2.000001, stderr: 0, expected: 2 });
  assert.ok(above.z > 1e6);
  assert.equal(above.pass, false);
  const below = check({ label: "exact", estimate: 1.999999, stderr: 0, expected: 2 });
  assert.ok(below.z < -1e6);
  assert.equal(below.pass, false);
  const zeroScale = check({ label: "exact zero", estimate: 1e-300, stderr: 0, expected: 0 });
  assert.equal(zeroScale.pass, false);
});

test("stderr 0: an exact estimate that differs from the closed form only by rounding passes", () => {
  // The case that motivated the allowance: the conditional estimator is exact at n = 1.
  const r = check({
    label: "Var(V) conditional, n = 1",
    estimate: 0.9611687812379853,
    stderr: 0,
    expected: 0.9611687812379854,
  });
  assert.equal(r.pass, true);
  assert.ok(Math.abs(r.z) < 1);
  // …but not a difference of 1000 ulps.
  const far = check({ label: "far", estimate: 1 + 1000 * Number.EPSILON, stderr: 0, expected: 1 });
  assert.equal(far.pass, false);
});

test("a NaN estimate fails instead of passing silently", () => {
  const r = check({ label: "broken", estimate: NaN, stderr: 0.1, expected: 1 });
  assert.ok(Number.isNaN(r.z));
  assert.equal(r.pass, false);
  assert.equal(check({ label: "broken", estimate: NaN, stderr: 0, expected: 1 }).pass, false);
});

test("assertAgreement returns passing results and throws naming label, estimate, stderr, expected and z of each failure", () => {
  const good = check({ label: "mean", estimate: 1, stderr: 0.1, expected: 1.1 });
  assert.equal(assertAgreement(good), good);
  const list = [good, check({ label: "variance", estimate: 2, stderr: 0.1, expected: 2.2 })];
  assert.equal(assertAgreement(list), list);
  const bad: CheckResult[] = [
    good,
    check({ label: "E[V], n = 100", estimate: 1.5, stderr: 0.05, expected: 1 }),
    check({ label: "Var(V)", estimate: 3, stderr: 0, expected: 2 }),
  ];
  assert.throws(
    () => assertAgreement(bad),
    (e: unknown) => {
      assert.ok(e instanceof Error);
      const m = e.message;
      assert.match(m, /2 of 3 agreement checks failed/);
      assert.match(m, /E\[V\], n = 100: estimate 1\.5 ± 0\.05 \(stderr\), expected 1, z = 10/);
      assert.match(m, /Var\(V\): estimate 3 ± 0 \(stderr\), expected 2, z = \d/);
      assert.doesNotMatch(m, /mean:/);
      return true;
    },
  );
  assert.throws(() => assertAgreement(bad[1]), /1 of 1 agreement check failed/);
  assert.throws(() => assertAgreement([]), RangeError);
});

test("check validates its input (RangeError naming the parameter)", () => {
  const base = { label: "x", estimate: 1, stderr: 0.1, expected: 1 };
  assert.throws(() => check({ ...base, stderr: -0.1 }), /stderr must be/);
  assert.throws(() => check({ ...base, stderr: NaN }), /stderr must be/);
  assert.throws(() => check({ ...base, stderr: Infinity }), /stderr must be/);
  assert.throws(() => check({ ...base, expected: Infinity }), /expected must be/);
  assert.throws(() => check({ ...base, expected: NaN }), /expected must be/);
  assert.throws(() => check({ ...base, maxZ: 0 }), /maxZ must be/);
  assert.throws(() => check({ ...base, label: "" }), /label must be/);
  assert.throws(() => check({ ...base, estimate: "1" as unknown as number }), /estimate must be/);
});

test("a check with a plausible alternative passes only when it also excludes the alternative by ≥ minZ", () => {
  const powered = check({
    label: "Var",
    estimate: 1.01,
    stderr: 0.01,
    expected: 1,
    alternative: { label: "no covariance", value: 1.2 },
  });
  assert.equal(powered.pass, true);
  assert.equal(powered.alternative?.excluded, true);
  assert.ok(Math.abs((powered.alternative?.z ?? 0) + 19) < 1e-9);
  const weak = check({
    label: "Var",
    estimate: 1.01,
    stderr: 0.05,
    expected: 1,
    alternative: { label: "no covariance", value: 1.05 },
  });
  assert.equal(weak.pass, false, "agrees with both: proves nothing");
  assert.throws(() => assertAgreement(weak), /cannot exclude the alternative "no covariance" = 1.05: z = -0.8/);
  const strict = check({
    label: "x",
    estimate: 1,
    stderr: 0.1,
    expected: 1,
    alternative: { label: "y", value: 1.4, minZ: 3 },
  });
  assert.equal(strict.pass, true);
  assert.throws(
    () => check({ label: "x", estimate: 1, stderr: 0.1, expected: 1, alternative: { label: "y", value: Number.NaN } }),
    /alternative.value must be a finite number; received NaN/,
  );
  assert.throws(
    () => check({ label: "x", estimate: 1, stderr: 0.1, expected: 1, alternative: { label: "y", valu: 1 } as never }),
    /alternative.valu is not a known key/,
  );
});
