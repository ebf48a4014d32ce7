/** Observation 4(b): sampled win slots against the geometric distribution (moments and χ²). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { sampleWaits, type WaitHistogram } from "../lib/sim";
import { check, chiSquareCritical, normalSurvival } from "../lib/stats";
import { waitCdf, waitVariance } from "../lib/model";

/** Pearson χ² of the histogram against a cdf, pooling bins (and the overflow) with expected < 5. */
function chiSquare(h: WaitHistogram, cdf: (t: number) => number): { statistic: number; dof: number } {
  const samples = h.state.count;
  const cells: Array<{ observed: number; expected: number }> = [];
  let observed = 0;
  let expected = 0;
  h.counts.forEach((count, i) => {
    const lo = h.lower[i];
    observed += count;
    expected += samples * (cdf(lo + h.binWidth - 1) - cdf(lo - 1));
    if (expected >= 5) {
      cells.push({ observed, expected });
      observed = 0;
      expected = 0;
    }
  });
  const last = h.lower[h.lower.length - 1] + h.binWidth - 1;
  observed += h.overflow;
  expected += samples * (1 - cdf(last));
  const tail = cells[cells.length - 1];
  if (expected >= 5) cells.push({ observed, expected });
  else {
    tail.observed += observed;
    tail.expected += expected;
  }
  const statistic = cells.reduce((s, c) => s + (c.observed - c.expected) ** 2 / c.expected, 0);
  return { statistic, dof: cells.length - 1 };
}

/** The 5σ level (one-sided p = P(N(0,1) > 5) ≈ 2.87e-7), as for every other check. */
const ALPHA = normalSurvival({ x: 5 });
const critical = (degreesOfFreedom: number) => chiSquareCritical({ degreesOfFreedom, alpha: ALPHA });

test("waits: histogram of T matches Geometric(1/n) by χ² (n = 10, binWidth 1)", () => {
  const h = sampleWaits({ n: 10, samples: 200_000, seed: 1 });
  assert.equal(h.binWidth, 1);
  assert.equal(h.counts.reduce((a, b) => a + b, 0) + h.overflow, 200_000);
  const { statistic, dof } = chiSquare(h, (t) => waitCdf({ n: 10, t }));
  assert.ok(statistic < critical(dof), `χ² = ${statistic} on ${dof} dof`);
});

test("waits: χ² rejects a wrong pmf (negative control: T counted from 0, i.e. T − 1 ~ Geometric)", () => {
  const h = sampleWaits({ n: 10, samples: 200_000, seed: 1 });
  const { statistic, dof } = chiSquare(h, (t) => waitCdf({ n: 10, t: t + 1 }));
  assert.ok(statistic > critical(dof), `χ² = ${statistic} on ${dof} dof should reject`);
});

test("waits: wide bins at n = 1000 and the moments E[T] = n, Var(T) = n(n − 1)", () => {
  const n = 1000;
  const h = sampleWaits({ n, samples: 200_000, seed: 2, bins: 50 });
  assert.ok(h.binWidth > 1);
  const { statistic, dof } = chiSquare(h, (t) => waitCdf({ n, t }));
  assert.ok(statistic < critical(dof), `χ² = ${statistic} on ${dof} dof`);
  const mean = check({ label: "E[T]", estimate: h.wait.mean, stderr: h.wait.stderr, expected: n });
  const variance = check({
    label: "Var(T)",
    estimate: h.wait.variance,
    stderr: h.wait.varianceStderr,
    expected: waitVariance({ n }),
  });
  assert.ok(mean.pass, `z = ${mean.z}`);
  assert.ok(variance.pass, `z = ${variance.z}`);
  assert.ok(h.state.min >= 1 && Number.isInteger(h.state.max));
});

test("waits: n = 1 always wins at the first slot", () => {
  const h = sampleWaits({ n: 1, samples: 1000, seed: 1 });
  assert.equal(h.counts[0], 1000);
  assert.equal(h.wait.mean, 1);
  assert.equal(h.wait.variance, 0);
});
