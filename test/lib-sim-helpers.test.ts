/** Building blocks of the engines: horizon, discount table, chunk plan, power sums → moments. */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  horizonForTolerance,
  truncationBound,
  DiscountTable,
  planChunks,
  stateFromPowerSums,
  mergeStates,
} from "../lib/sim";
import { PositionSampler } from "../lib/random/position-sampler";
import { RunningStats } from "../lib/stats";
import { rng } from "../lib/random";

test("horizonForTolerance: the smallest H with (1+d)^(−H) ≤ tolerance", () => {
  for (const d of [0.1, 0.02, 1e-4, 1.5e-8]) {
    for (const tolerance of [1e-3, 1e-12]) {
      const H = horizonForTolerance({ d, tolerance });
      const tail = (h: number) => Math.exp(-h * Math.log1p(d));
      assert.ok(tail(H) <= tolerance * (1 + 1e-12), `d = ${d}`);
      assert.ok(tail(H - 1) > tolerance * (1 - 1e-12), `d = ${d}`);
    }
  }
  // The bound is (μ/d)(1+d)^(−H), i.e. the relative tolerance times μ/d.
  const H = horizonForTolerance({ d: 0.01, tolerance: 1e-6 });
  assert.ok(truncationBound({ mu: 1, d: 0.01, horizon: H }) <= 1e-6 * 100);
});

test("DiscountTable: factor(t) = (1+d)^(−t−offset) to rounding, inside and beyond the table", () => {
  for (const d of [0.1, 0.01, 1e-6, 1.5e-8]) {
    const table = new DiscountTable({ d, offset: 3 });
    for (const t of [0, 1, 2, 4095, 4096, 4097, 123_456, 16_777_215, 16_777_216, 3e9]) {
      const exponent = (t + 3) * Math.log1p(d);
      const exact = Math.exp(-exponent);
      const got = table.factor(t);
      // exp(−a) inherits the rounding of its argument a: relative error ≈ |a|·ε, plus a few ulps.
      const allowed = 4 * Number.EPSILON * (2 + exponent);
      if (exact < 1e-300) assert.ok(got < 1e-290);
      else assert.ok(Math.abs(got / exact - 1) < allowed, `d = ${d}, t = ${t}: ${got} vs ${exact}`);
    }
  }
});

test("planChunks: covers the run exactly, in order", () => {
  const chunks = planChunks({ total: 10, chunkSize: 4 });
  assert.deepEqual(chunks, [
    { index: 0, start: 0, size: 4 },
    { index: 1, start: 4, size: 4 },
    { index: 2, start: 8, size: 2 },
  ]);
});

test("stateFromPowerSums agrees with RunningStats on the same values (and pooled blocks too)", () => {
  const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3 + 10 + (i % 7));
  const shift = 11;
  const block = (from: number, to: number) => {
    const part = values.slice(from, to);
    const y = part.map((v) => v - shift);
    return stateFromPowerSums({
      count: part.length,
      shift,
      s1: y.reduce((s, v) => s + v, 0),
      s2: y.reduce((s, v) => s + v ** 2, 0),
      s3: y.reduce((s, v) => s + v ** 3, 0),
      s4: y.reduce((s, v) => s + v ** 4, 0),
      min: Math.min(...part),
      max: Math.max(...part),
    });
  };
  const reference = RunningStats.of(values).state();
  const pooled = mergeStates({ parts: [block(0, 300), block(300, 301), block(301, 1000)] });
  assert.equal(pooled.count, reference.count);
  assert.equal(pooled.min, reference.min);
  assert.equal(pooled.max, reference.max);
  for (const key of ["mean", "m2", "m3", "m4"] as const) {
    assert.ok(Math.abs(pooled[key] / reference[key] - 1) < 1e-10, `${key}: ${pooled[key]} vs ${reference[key]}`);
  }
});

test("PositionSampler: positions are uniform on [0, n) (χ² at the 5σ level) for small and large n", () => {
  for (const n of [1, 3, 20, 1000, 2 ** 21 + 1, 2 ** 31 - 1]) {
    const sampler = new PositionSampler(n);
    const stream = rng("positions", n);
    const cells = Math.min(n, 50);
    const counts = new Float64Array(cells);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) {
      const j = sampler.draw(stream);
      assert.ok(Number.isInteger(j) && j >= 0 && j < n);
      counts[Math.floor((j * cells) / n)]++;
    }
    if (cells === 1) continue;
    // Cells of equal width up to rounding: expected counts from the exact cell sizes.
    let chi2 = 0;
    for (let c = 0; c < cells; c++) {
      const size = Math.ceil(((c + 1) * n) / cells) - Math.ceil((c * n) / cells);
      const expected = (draws * size) / n;
      chi2 += (counts[c] - expected) ** 2 / expected;
    }
    const k = cells - 1;
    const critical = k * (1 - 2 / (9 * k) + 5 * Math.sqrt(2 / (9 * k))) ** 3; // Wilson–Hilferty, z = 5
    assert.ok(chi2 < critical, `n = ${n}: χ² = ${chi2} on ${k} dof`);
  }
});
