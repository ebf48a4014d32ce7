/** Observation 1: the simulated NPV of the reward stream against μ/d and σ²/(d(2+d)). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { simulateNpv, horizonForTolerance } from "../lib/sim";
import { rewards } from "../lib/rewards";
import { check } from "../lib/stats";
import { npvOfRewards, npvVariance } from "../lib/model";

test("NPV: mean μ/d and variance σ²/(d(2+d)) (exponential R, d = 0.05, tolerance 1e-12)", () => {
  const mu = 2;
  const d = 0.05;
  const r = simulateNpv({ d, reward: rewards.exponential(mu), paths: 4000, seed: 1 });
  assert.equal(r.horizon, horizonForTolerance({ d, tolerance: 1e-12 }));
  assert.ok(r.truncationBound <= 1e-12 * (mu / d) * (1 + 1e-9));
  const mean = check({
    label: "E[NPV]",
    estimate: r.npv.mean,
    stderr: r.npv.stderr,
    expected: npvOfRewards({ mu, d }),
  });
  const variance = check({
    label: "Var(NPV)",
    estimate: r.npv.variance,
    stderr: r.npv.varianceStderr,
    expected: npvVariance({ sigma2: mu * mu, d }),
  });
  assert.ok(mean.pass, `z = ${mean.z}`);
  assert.ok(variance.pass, `z = ${variance.z}`);
});

test("NPV: the running NPV at each checkpoint s matches μ(1 − (1+d)^(−s))/d, and the last is the horizon", () => {
  const d = 0.02;
  const r = simulateNpv({ d, reward: rewards.gamma(1, 0.05), paths: 2000, seed: 2, checkpoints: [1, 10, 50, 200] });
  assert.deepEqual(
    r.checkpoints.map((c) => c.slot),
    [1, 10, 50, 200, r.horizon],
  );
  for (const { slot, npv } of r.checkpoints) {
    const expected = (0.05 * -Math.expm1(-slot * Math.log1p(d))) / d;
    const result = check({ label: `NPV_${slot}`, estimate: npv.mean, stderr: npv.stderr, expected });
    assert.ok(result.pass, `slot ${slot}: z = ${result.z}`);
  }
  // Partial sums increase in variance with the horizon.
  const variances = r.checkpoints.map((c) => c.npv.variance);
  for (let i = 1; i < variances.length; i++) assert.ok(variances[i] > variances[i - 1]);
});

test("NPV: a short explicit horizon H gives the truncated mean, and a negative control (μ(1+d)/d) is rejected", () => {
  const d = 0.1;
  const r = simulateNpv({ d, reward: rewards.exponential(1), paths: 4000, seed: 3 });
  const wrong = check({ label: "t = 0 convention", estimate: r.npv.mean, stderr: r.npv.stderr, expected: (1 + d) / d });
  assert.ok(Math.abs(wrong.z) > 5, `z = ${wrong.z}`);
  const short = simulateNpv({ d, reward: rewards.exponential(1), paths: 4000, seed: 3, horizon: 5 });
  assert.equal(short.horizon, 5);
  const expected = -Math.expm1(-5 * Math.log1p(d)) / d;
  const result = check({ label: "NPV_5", estimate: short.npv.mean, stderr: short.npv.stderr, expected });
  assert.ok(result.pass, `z = ${result.z}`);
});
