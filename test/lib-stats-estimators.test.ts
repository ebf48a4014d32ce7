import { test } from "node:test";
import { all, create, type BigNumber } from "mathjs";
import assert from "node:assert/strict";
import { rng, normal } from "../lib/random";
import {
  RunningStats,
  batchMeans,
  meanOf,
  medianOf,
  varianceOf,
  autocorrelation,
  makeEstimate,
  Z_95,
  check,
  assertAgreement,
  chiSquare,
  chiSquareCritical,
  kolmogorovSmirnov,
} from "../lib/stats";

const data = [2.5, -1, 4, 0.25, 7, 3, 3, -2.5, 10, 0.5];

/** Moments of `data` computed directly from their definitions. */
function direct(values: number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const m = (k: number) => values.reduce((a, v) => a + (v - mean) ** k, 0) / n;
  return { n, mean, variance: (m(2) * n) / (n - 1), m2: m(2), m3: m(3), m4: m(4) };
}

function close(label: string, actual: number, expected: number, tolerance = 1e-12): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `${label}: ${actual} vs ${expected}`,
  );
}

test("RunningStats matches the textbook moments; stderr, varianceStderr, ci95 and estimate follow from them", () => {
  const d = direct(data);
  const s = RunningStats.of(data);
  assert.equal(s.count, 10);
  close("mean", s.mean, d.mean);
  close("variance", s.variance, d.variance);
  close("m3", s.centralMoment(3), d.m3);
  close("m4", s.centralMoment(4), d.m4);
  close("skewness", s.skewness, d.m3 / d.m2 ** 1.5);
  close("kurtosis", s.kurtosis, d.m4 / d.m2 ** 2);
  close("stderr", s.stderr, Math.sqrt(d.variance / 10));
  close("varianceStderr", s.varianceStderr, Math.sqrt((d.m4 - d.m2 ** 2) / 10));
  assert.equal(s.min, -2.5);
  assert.equal(s.max, 10);
  const e = s.estimate();
  assert.deepEqual(e, {
    mean: s.mean,
    stderr: s.stderr,
    ci95: [s.mean - Z_95 * s.stderr, s.mean + Z_95 * s.stderr],
    count: 10,
  });
  assert.deepEqual(s.ci95, e.ci95);
  assert.equal(s.varianceEstimate().mean, s.variance);
  assert.deepEqual(makeEstimate({ mean: 1, stderr: 0, count: 3 }), { mean: 1, stderr: 0, ci95: [1, 1], count: 3 });
  assert.ok(Number.isNaN(new RunningStats().mean));
  assert.ok(Number.isNaN(new RunningStats().push(1).variance));
  assert.throws(() => s.centralMoment(5 as 4), /k must be/);
});

test("RunningStats: merging chunks equals one pass; state round-trips; a large offset keeps precision", () => {
  const s = rng(41, "merge");
  const values = Array.from({ length: 10_000 }, () => 3 + 2 * normal(s) + (s.next() < 0.01 ? 50 : 0));
  const whole = RunningStats.of(values);
  const merged = new RunningStats();
  for (let start = 0; start < values.length; start += 1234)
    merged.merge(RunningStats.of(values.slice(start, start + 1234)));
  merged.merge(new RunningStats());
  for (const key of ["count", "mean", "variance", "skewness", "kurtosis", "min", "max"] as const)
    close(`merge: ${key}`, merged[key], whole[key], 1e-10);
  const restored = RunningStats.fromState(JSON.parse(JSON.stringify(whole.state())));
  assert.deepEqual(restored.state(), whole.state());
  assert.throws(() => RunningStats.fromState({ count: -1 } as never), /state.count must be/);
  // Welford is stable where the naive Σx² − (Σx)²/n formula loses every digit.
  const offset = RunningStats.of([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
  close("variance with offset 1e9", offset.variance, 30);
  close("two-pass varianceOf with offset 1e9", varianceOf([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]), 30);
  close("meanOf", meanOf(data), direct(data).mean);
  close("varianceOf", varianceOf(data), direct(data).variance);
  assert.throws(() => meanOf([]), /values must be/);
  assert.throws(() => varianceOf([1]), /values must be/);
});

test("RunningStats varianceStderr is calibrated: z-scores of the variance of normal samples", () => {
  // 400 samples of 2 000 N(0, 1) draws: (s² − 1)/varianceStderr should have mean 0 and variance ≈ 1.
  const s = rng(42, "variance-z");
  const z = new RunningStats();
  for (let rep = 0; rep < 400; rep++) {
    const r = new RunningStats();
    for (let i = 0; i < 2000; i++) r.push(normal(s));
    z.push((r.variance - 1) / r.varianceStderr);
  }
  assertAgreement([
    check({ label: "mean z of the variance", estimate: z.mean, stderr: z.stderr, expected: 0 }),
    check({ label: "variance of z", estimate: z.variance, stderr: z.varianceStderr, expected: 1 }),
  ]);
});

test("batchMeans: exact arithmetic on a small series, and calibrated standard errors for an AR(1) series", () => {
  const series = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const b = batchMeans({ series, batches: 5 });
  assert.equal(b.discarded, 1);
  assert.equal(b.batchSize, 2);
  assert.deepEqual(b.batchMeans, [2.5, 4.5, 6.5, 8.5, 10.5]);
  assert.equal(b.mean, 6.5);
  close("batch stderr", b.stderr, Math.sqrt(varianceOf([2.5, 4.5, 6.5, 8.5, 10.5]) / 5));
  assert.equal(b.count, 10);

  // AR(1) x_t = φx_{t−1} + ε_t with unit innovation variance: Var(mean of N) is known exactly.
  const phi = 0.8;
  const n = 20_000;
  const reps = 200;
  const gamma0 = 1 / (1 - phi * phi);
  let sum = n;
  for (let k = 1; k < n; k++) sum += 2 * (n - k) * phi ** k;
  const exactVarMean = (gamma0 * sum) / (n * n);
  const s = rng(43, "ar1-batch");
  const squaredErrors = new RunningStats();
  const estimatedVariances = new RunningStats();
  const x = new Float64Array(n);
  for (let rep = 0; rep < reps; rep++) {
    let level = normal(s) * Math.sqrt(gamma0);
    for (let t = 0; t < n; t++) {
      level = phi * level + normal(s);
      x[t] = level;
    }
    const est = batchMeans({ series: x, batches: 40 });
    squaredErrors.push(est.mean ** 2);
    estimatedVariances.push(est.stderr ** 2);
  }
  assertAgreement([
    check({
      label: "E[(x̄ − 0)²] = exact Var(x̄)",
      estimate: squaredErrors.mean,
      stderr: squaredErrors.stderr,
      expected: exactVarMean,
    }),
    check({
      label: "E[batch-means stderr²] ≈ Var(x̄)",
      estimate: estimatedVariances.mean,
      stderr: estimatedVariances.stderr,
      expected: exactVarMean,
    }),
  ]);
  // The naive i.i.d. standard error would be far too small here (≈ 1/9 of the truth).
  assert.ok(Math.sqrt(gamma0 / n) < 0.4 * Math.sqrt(exactVarMean));
  assert.throws(() => batchMeans({ series, batches: 1 }), /batches must be/);
  assert.throws(() => batchMeans({ series: [1, 2], batches: 3 }), /series must be/);
});

test("autocorrelation: lag 0 is 1 and lags follow the standard estimator", () => {
  const series = [1, 3, 2, 5, 4, 6];
  const acf = autocorrelation({ series, maxLag: 2 });
  const mean = 3.5;
  const c = (k: number) =>
    series.slice(0, series.length - k).reduce((a, v, i) => a + (v - mean) * (series[i + k] - mean), 0);
  close("r0", acf[0], 1);
  close("r1", acf[1], c(1) / c(0));
  close("r2", acf[2], c(2) / c(0));
  assert.throws(() => autocorrelation({ series, maxLag: -1 }), /maxLag must be/);
  assert.throws(() => autocorrelation({ series, maxLag: 5 }), /values must be/);
});

test("goodness-of-fit helpers: chi-square and KS statistics and their p-values", () => {
  const result = chiSquare({ observed: [10, 20, 30], expected: [20, 20, 20] });
  assert.equal(result.statistic, 10);
  assert.equal(result.degreesOfFreedom, 2);
  // Against printed table values (to their 5–6 digits): χ²_{10, 0.05} = 18.307, χ²_{100, 0.001} = 149.449.
  close("χ² critical df 10", chiSquareCritical({ degreesOfFreedom: 10, alpha: 0.05 }), 18.307, 3e-5);
  close("χ² critical df 100", chiSquareCritical({ degreesOfFreedom: 100, alpha: 0.001 }), 149.449, 4e-6);
  // A statistic equal to the upper-1 % point has p-value 1 % (11 bins of 100, ±d in two of them).
  const target = chiSquareCritical({ degreesOfFreedom: 10, alpha: 0.01 });
  const d = Math.sqrt(50 * target);
  const observed = [100 + d, 100 - d, ...Array(9).fill(100)];
  close("χ² p-value at its critical value", chiSquare({ observed, expected: Array(11).fill(100) }).pValue, 0.01, 1e-9);
  const ks = kolmogorovSmirnov({ values: [0.1, 0.4, 0.7], cdf: (x) => x });
  close("KS D", ks.statistic, Math.max(1 / 3 - 0.1, 2 / 3 - 0.4, 1 - 0.7, 0.1, 0.4 - 1 / 3, 0.7 - 2 / 3));
  // Four values where the hypothesised cdf is 0: D = 1, √N·D = 2, p = 2Σ(−1)^(j−1)e^(−8j²).
  const extreme = kolmogorovSmirnov({ values: [1, 2, 3, 4], cdf: () => 0 });
  assert.equal(extreme.scaled, 2);
  close("Kolmogorov p-value at 2", extreme.pValue, 2 * (Math.exp(-8) - Math.exp(-32)), 1e-12);
  assert.throws(() => chiSquare({ observed: [1, 2], expected: [1] }), /observed and expected/);
  assert.throws(() => chiSquare({ observed: [1, 2], expected: [1, 0] }), /expected\[1\] must be/);
});

/**
 * Upper tail of χ²_k, independently: Q(k/2, y) = 1 − P(k/2, y) with the lower series
 * P(a, y) = y^a e^(−y) Σ_n y^n/Γ(a + n + 1), summed in 60-digit decimal arithmetic (Γ(a + 1) exact
 * for integer and half-integer a).
 */
function chiSquareSurvivalExact(x: number, k: number): number {
  const M = create(all, { number: "BigNumber", precision: 60 });
  const a = M.bignumber(k).div(2);
  const y = M.bignumber(x).div(2);
  // Γ(a + 1): m! for a = m, and (2m+1)!/(4^m m!)·√π/2 … written as Π_{j=0}^{m} (j + 1/2)·√π for a = m + 1/2.
  let gamma = M.bignumber(1);
  if (k % 2 === 0) for (let j = 2; j <= k / 2; j++) gamma = gamma.times(j);
  else {
    gamma = M.sqrt(M.pi) as unknown as BigNumber;
    for (let j = 0; j <= (k - 1) / 2; j++) gamma = gamma.times(M.bignumber(j).plus(0.5));
  }
  let term = (M.pow(y, a) as BigNumber).times(M.exp(y.neg()) as BigNumber).div(gamma);
  let sum = term;
  for (let n = 1; n < 100_000; n++) {
    term = term.times(y).div(a.plus(n));
    sum = sum.plus(term);
    if (term.lt(sum.times(1e-50))) break;
  }
  return M.bignumber(1).minus(sum).toNumber();
}

/** Relative agreement (for probabilities down to 1e-12, where an absolute tolerance would be void). */
function relClose(label: string, actual: number, expected: number, tolerance: number): void {
  assert.ok(Math.abs(actual / expected - 1) <= tolerance, `${label}: ${actual} vs ${expected}`);
}

test("chiSquareCritical is exact: Q(k/2, x/2) = α to 1e-10 against a 60-digit series, and −2 ln α at k = 2", () => {
  for (const alpha of [0.05, 1e-3, 1e-6, 1e-12]) {
    close(`k = 2, α = ${alpha}`, chiSquareCritical({ degreesOfFreedom: 2, alpha }), -2 * Math.log(alpha), 1e-13);
    for (const k of [1, 3, 10, 99, 1000]) {
      const x = chiSquareCritical({ degreesOfFreedom: k, alpha });
      relClose(`k = ${k}, α = ${alpha}: survival at the critical value`, chiSquareSurvivalExact(x, k), alpha, 1e-10);
    }
  }
  // The p-value is the same survival function, also exact.
  const r = chiSquare({ observed: [10, 20, 30], expected: [20, 20, 20] });
  relClose("p-value of χ² = 10 on 2 df is e^(−5)", r.pValue, Math.exp(-5), 1e-14);
  const three = chiSquare({ observed: [10, 20, 30, 40], expected: [25, 25, 25, 25] }).pValue;
  relClose("p-value on 3 df", three, chiSquareSurvivalExact(20, 3), 1e-12);
  // Negative control: the old Wilson–Hilferty value (about 1 % off at k = 1) fails this check.
  const wh = (k: number, z: number) => k * (1 - 2 / (9 * k) + z * Math.sqrt(2 / (9 * k))) ** 3;
  assert.ok(Math.abs(chiSquareSurvivalExact(wh(1, 4.753424), 1) / 1e-6 - 1) > 1e-3);
  assert.throws(() => chiSquareCritical({ degreesOfFreedom: 0, alpha: 0.05 }), /degreesOfFreedom must be an integer/);
  assert.throws(() => chiSquareCritical({ degreesOfFreedom: 3, alpha: 1 }), /alpha must be a number in \(0, 1\)/);
});

test("medianOf: the middle value, or the mean of the two middle values; NaN and empty input refused", () => {
  assert.equal(medianOf([3, 1, 2]), 2);
  assert.equal(medianOf([4, 1, 3, 2]), 2.5);
  assert.equal(medianOf([7]), 7);
  assert.equal(medianOf(new Float64Array([-1, -Infinity, 5, 2])), 0.5);
  const values = [0.3, 9, -2, 4, 4, 1];
  assert.deepEqual(values, [0.3, 9, -2, 4, 4, 1], "the input is not reordered");
  assert.equal(medianOf(values), 2.5);
  assert.throws(() => medianOf([1, Number.NaN]), /NaN/);
  assert.throws(() => medianOf([]), /values must be an array of at least 1 number/);
});
