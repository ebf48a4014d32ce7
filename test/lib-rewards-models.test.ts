import { test } from "node:test";
import assert from "node:assert/strict";
import { rng } from "../lib/random";
import { rewards, type RewardModel, type RewardDistribution } from "../lib/rewards";
import { RunningStats, check, assertAgreement, normalCdf, type CheckResult } from "../lib/stats";

/** Composite Simpson's rule on [a, b] with `intervals` (even) sub-intervals. */
function simpson(f: (x: number) => number, a: number, b: number, intervals = 20_000): number {
  const h = (b - a) / intervals;
  let sum = f(a) + f(b);
  for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/**
 * Raw moments E[R^k], k = 0, 1, 2, of an unnormalised density g on (lo, hi) by Simpson's rule in
 * y = ln x (smooth for every model here), normalised by the numerically integrated mass.
 */
function numericMoments(
  density: (x: number) => number,
  pieces: Array<[number, number]>,
  pieceDensities?: Array<(x: number) => number>,
): { mean: number; variance: number } {
  const m = [0, 0, 0];
  for (const [j, [lo, hi]] of pieces.entries()) {
    // Each piece may have its own density, so a jump at a piece boundary is never evaluated on the wrong side.
    const g = pieceDensities?.[j] ?? density;
    for (let k = 0; k <= 2; k++)
      m[k] += simpson((y) => Math.exp((k + 1) * y) * g(Math.exp(y)), Math.log(lo), Math.log(hi));
  }
  const mean = m[1] / m[0];
  return { mean, variance: m[2] / m[0] - mean * mean };
}

function close(label: string, actual: number, expected: number, relative: number): void {
  assert.ok(
    Math.abs(actual / expected - 1) < relative,
    `${label}: ${actual} vs ${expected} (relative tolerance ${relative})`,
  );
}

test("analytic moments agree with numerical integration of each density", () => {
  const cases: Array<[RewardModel, (x: number) => number, Array<[number, number]>, Array<(x: number) => number>?]> = [
    [rewards.exponential(0.3), (x) => Math.exp(-x / 0.3), [[1e-12, 30]]],
    [rewards.gamma(2.5, 0.04), (x) => x ** 1.5 * Math.exp(-x / 0.04), [[1e-12, 10]]],
    [rewards.gamma(0.5, 2), (x) => x ** -0.5 * Math.exp(-x / 2), [[1e-16, 200]]],
    [
      rewards.lognormal({ meanLog: -2.975, sdLog: 0.85 }),
      (x) => Math.exp(-0.5 * ((Math.log(x) + 2.975) / 0.85) ** 2) / x,
      [[1e-8, 100]],
    ],
    [rewards.pareto({ alpha: 3.5, scale: 0.2 }), (x) => (x >= 0.2 ? x ** -4.5 : 0), [[0.2, 0.2 * 1e7]]],
    [rewards.pareto({ alpha: 1.18, scale: 0.2066, cap: 692 }), (x) => x ** -2.18, [[0.2066, 692]]],
    [rewards.pareto({ alpha: 2, scale: 1, cap: 50 }), (x) => x ** -3, [[1, 50]]], // α = k limit of the formula
  ];
  // The mainnet composite: lognormal body below u (mass 0.95) + Pareto tail (mass 0.05) to the cap.
  for (const cap of [692, 1e4]) {
    const model = rewards.mainnet({ cap });
    const u = model.threshold;
    const body = (x: number) => Math.exp(-0.5 * ((Math.log(x) + 2.975) / 0.85) ** 2) / x;
    const tail = (x: number) => x ** -2.18;
    const bodyMass = simpson((y) => Math.exp(y) * body(Math.exp(y)), Math.log(1e-8), Math.log(u));
    const tailMass = simpson((y) => Math.exp(y) * tail(Math.exp(y)), Math.log(u), Math.log(cap));
    const bodyDensity = (x: number) => (0.95 * body(x)) / bodyMass;
    const tailDensity = (x: number) => (0.05 * tail(x)) / tailMass;
    cases.push([
      model,
      bodyDensity,
      [
        [1e-8, u],
        [u, cap],
      ],
      [bodyDensity, tailDensity],
    ]);
  }
  for (const [model, density, pieces, pieceDensities] of cases) {
    const numeric = numericMoments(density, pieces, pieceDensities);
    close(`${model.name}: mean`, model.mean, numeric.mean, 1e-8);
    close(`${model.name}: variance`, model.variance, numeric.variance, 1e-7);
    close(`${model.name}: second moment`, model.secondMoment, model.variance + model.mean ** 2, 1e-12);
  }
});

test("heavy tails: uncapped Pareto and mainnet with α ≤ 2 have infinite variance; moments that exist are finite", () => {
  assert.equal(rewards.pareto({ alpha: 1.5, scale: 1 }).variance, Infinity);
  assert.equal(rewards.pareto({ alpha: 0.9, scale: 1 }).mean, Infinity);
  assert.equal(rewards.mainnet().variance, Infinity);
  assert.equal(rewards.mainnet().secondMoment, Infinity);
  assert.ok(Number.isFinite(rewards.mainnet().mean));
  assert.ok(Number.isFinite(rewards.mainnet({ cap: 692 }).variance));
  // Uncapped mean of the tail part by the closed form αu/(α − 1), checked against a long log-scale integral.
  const m = rewards.mainnet();
  const tailMean = simpson(
    (y) => Math.exp(y) * 1.18 * m.threshold ** 1.18 * Math.exp(-1.18 * y),
    Math.log(m.threshold),
    Math.log(m.threshold) + 400,
    200_000,
  );
  close("uncapped tail mean", tailMean, (1.18 * m.threshold) / 0.18, 1e-9);
});

/** Mean (and, for light tails, variance) of `draws` samples against the analytic values. */
function samplingChecks(model: RewardModel, seedName: string, draws: number, withVariance: boolean): CheckResult[] {
  const s = rng(11, "rewards", seedName);
  const stats = new RunningStats();
  for (let i = 0; i < draws; i++) stats.push(model.sample(s));
  const results = [
    check({
      label: `${model.name}: mean`,
      estimate: stats.mean,
      stderr: Math.sqrt(model.variance / draws),
      expected: model.mean,
    }),
  ];
  if (withVariance) {
    results.push(
      check({
        label: `${model.name}: variance`,
        estimate: stats.variance,
        stderr: stats.varianceStderr,
        expected: model.variance,
      }),
    );
  }
  return results;
}

test("sampling reproduces the analytic moments (5 standard errors)", () => {
  assertAgreement([
    ...samplingChecks(rewards.exponential(0.1246), "exp", 150_000, true),
    ...samplingChecks(rewards.gamma(2.5, 0.04), "gamma", 150_000, true),
    ...samplingChecks(rewards.gamma(0.4, 1), "gamma-small", 150_000, true),
    ...samplingChecks(rewards.lognormal({ meanLog: -2.975, sdLog: 0.6 }), "lognormal", 150_000, true),
    ...samplingChecks(rewards.pareto({ alpha: 6, scale: 0.1 }), "pareto", 150_000, true),
    ...samplingChecks(rewards.mainnet({ cap: 692 }), "mainnet-capped", 200_000, false),
    ...samplingChecks(rewards.scaled(rewards.gamma(2, 1), 0.25), "scaled", 150_000, true),
  ]);
  const constant = rewards.constant(0.5);
  assert.equal(constant.sample(rng(1)), 0.5);
  assert.equal(constant.variance, 0);
});

test("sampling reproduces the cdf at several quantiles, including heavy tails (binomial 5σ)", () => {
  const models: RewardDistribution[] = [
    rewards.exponential(2),
    rewards.lognormal({ meanLog: 0, sdLog: 1.3 }),
    rewards.pareto({ alpha: 1.18, scale: 0.2 }),
    rewards.pareto({ alpha: 1.18, scale: 0.2, cap: 50 }),
    rewards.mainnet(),
    rewards.mainnet({ cap: 692 }),
    rewards.mainnet({ threshold: 0.01 }), // body acceptance Φ(z_u) < 0.2: the inverse-CDF branch
  ];
  const ps = [0.01, 0.25, 0.5, 0.75, 0.95, 0.99, 0.999];
  const draws = 100_000;
  const results: CheckResult[] = [];
  models.forEach((model, j) => {
    const s = rng(12, "quantiles", j);
    const levels = ps.map((p) => model.quantile(p));
    const below = ps.map(() => 0);
    for (let i = 0; i < draws; i++) {
      const x = model.sample(s);
      levels.forEach((q, k) => {
        if (x <= q) below[k]++;
      });
    }
    ps.forEach((p, k) => {
      close(`${model.name}: cdf(quantile(${p}))`, model.cdf(levels[k]), p, 1e-9);
      results.push(
        check({
          label: `${model.name}: P(R ≤ q_${p})`,
          estimate: below[k] / draws,
          stderr: Math.sqrt((p * (1 - p)) / draws),
          expected: p,
        }),
      );
    });
  });
  assertAgreement(results);
});

test("lognormal constructors reproduce the statistics they are built from", () => {
  const a = rewards.lognormalFromMeanMedian({ mean: 0.1246, median: 0.0511 });
  close("mean/median: mean", a.mean, 0.1246, 1e-12);
  close("mean/median: median", a.quantile(0.5), 0.0511, 1e-12);
  close("mean/median: s (docs/derivations/calibration.md#fits: 1.336)", a.sdLog, 1.3353, 1e-3);
  const b = rewards.lognormalFromQuartiles({ p25: 0.0304, p75: 0.0958 });
  close("quartiles: P25", b.quantile(0.25), 0.0304, 1e-12);
  close("quartiles: P75", b.quantile(0.75), 0.0958, 1e-12);
  const c = rewards.lognormalFromQuartiles({ p25: 0.0304, p75: 0.0958, median: 0.05106 });
  close("quartiles + median: m (−2.975)", c.meanLog, -2.975, 1e-4);
  close("quartiles + median: s (0.850)", c.sdLog, 0.8509, 1e-3);
  close("quartiles + median: body mean (0.0733)", c.mean, 0.0733, 2e-3);
  const d = rewards.lognormalFromMeanCv({ mean: 0.05, cv: 3 });
  close("mean/cv: mean", d.mean, 0.05, 1e-12);
  close("mean/cv: sd", Math.sqrt(d.variance), 0.15, 1e-12);
  close("cdf at the median", c.cdf(c.median), 0.5, 1e-14);
  assert.equal(normalCdf({ x: 0 }), 0.5);
});

test("empirical model: moments of the resampling distribution, uniform resampling, quantiles", () => {
  const values = [0.01, 0.02, 0.02, 0.05, 0.3, 1.7];
  const model = rewards.empirical(values);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  close("empirical mean", model.mean, mean, 1e-14);
  close("empirical variance (divisor N)", model.variance, variance, 1e-12);
  assert.equal(model.quantile(0.5), 0.02);
  assert.equal(model.quantile(0), 0.01);
  assert.equal(model.quantile(1), 1.7);
  assert.equal(model.cdf(0.02), 3 / 6);
  assertAgreement(samplingChecks(model, "empirical", 150_000, true));
  const s = rng(13, "empirical-all");
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) seen.add(model.sample(s));
  assert.deepEqual(
    [...seen].sort((a, b) => a - b),
    [0.01, 0.02, 0.05, 0.3, 1.7],
  );
});

test("scaled model and params/name provenance", () => {
  const base = rewards.exponential(2);
  const half = rewards.scaled(base, 0.5);
  assert.equal(half.mean, 1);
  assert.equal(half.variance, 1);
  assert.equal(rewards.scaled(rewards.mainnet(), 0).variance, 0);
  assert.equal(half.params.family, "scaled");
  assert.equal(half.params["base.mu"], 2);
  for (const model of [
    rewards.constant(1),
    base,
    rewards.gamma(2, 3),
    rewards.lognormal({ meanLog: 0, sdLog: 1 }),
    rewards.pareto({ alpha: 3, scale: 1 }),
    rewards.mainnet(),
    rewards.empirical([1, 2]),
  ]) {
    assert.equal(typeof model.name, "string");
    assert.equal(typeof model.params.family, "string");
    assert.ok(Object.isFrozen(model.params));
  }
  assert.deepEqual(rewards.mainnet({ cap: 692 }).params, {
    family: "mainnet",
    meanLog: -2.975,
    sdLog: 0.85,
    tailMass: 0.05,
    alpha: 1.18,
    threshold: rewards.mainnet().threshold,
    cap: 692,
  });
});

test("bad input throws a RangeError naming the parameter, for every factory", () => {
  const bad = [NaN, Infinity, -Infinity, -1];
  const expectThrow = (fn: () => unknown, name: string) =>
    assert.throws(fn, (e: unknown) => e instanceof RangeError && e.message.startsWith(`${name} must be`), name);
  for (const v of bad) {
    expectThrow(() => rewards.constant(v), "mu");
    expectThrow(() => rewards.exponential(v), "mu");
    expectThrow(() => rewards.gamma(v, 1), "shape");
    expectThrow(() => rewards.gamma(1, v), "scale");
    expectThrow(() => rewards.lognormal({ meanLog: 0, sdLog: v }), "sdLog");
    expectThrow(() => rewards.pareto({ alpha: v, scale: 1 }), "alpha");
    expectThrow(() => rewards.pareto({ alpha: 2, scale: v }), "scale");
    expectThrow(() => rewards.mainnet({ sdLog: v }), "sdLog");
    expectThrow(() => rewards.mainnet({ alpha: v }), "alpha");
    expectThrow(() => rewards.mainnet({ tailMass: v }), "tailMass");
    expectThrow(() => rewards.mainnet({ threshold: v }), "threshold");
    expectThrow(() => rewards.scaled(rewards.constant(1), v), "factor");
    expectThrow(() => rewards.empirical([1, v]), "values[1]");
    expectThrow(() => rewards.lognormalFromMeanMedian({ mean: 1, median: v }), "median");
    expectThrow(() => rewards.lognormalFromQuartiles({ p25: v, p75: 1 }), "p25");
    expectThrow(() => rewards.lognormalFromMeanCv({ mean: 1, cv: v }), "cv");
  }
  for (const v of [NaN, Infinity]) expectThrow(() => rewards.lognormal({ meanLog: v, sdLog: 1 }), "meanLog");
  expectThrow(() => rewards.exponential(0), "mu");
  expectThrow(() => rewards.gamma(0, 1), "shape");
  expectThrow(() => rewards.mainnet({ tailMass: 0 }), "tailMass");
  expectThrow(() => rewards.mainnet({ tailMass: 1 }), "tailMass");
  expectThrow(() => rewards.mainnet({ cap: 0.1 }), "cap");
  expectThrow(() => rewards.mainnet({ cap: NaN }), "cap");
  expectThrow(() => rewards.pareto({ alpha: 2, scale: 1, cap: 0.5 }), "cap");
  expectThrow(() => rewards.empirical([]), "values");
  expectThrow(() => rewards.lognormalFromMeanMedian({ mean: 0.01, median: 0.05 }), "mean");
  expectThrow(() => rewards.lognormalFromQuartiles({ p25: 2, p75: 1 }), "p75");
  expectThrow(() => rewards.scaled(undefined as unknown as RewardModel, 1), "model");
  expectThrow(() => rewards.exponential(1).quantile(1.5), "p");
  expectThrow(() => rewards.mainnet().quantile(NaN), "p");
});
