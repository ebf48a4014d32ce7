import { test } from "node:test";
import assert from "node:assert/strict";
import {
  rng,
  exponential,
  exponentialByInversion,
  normal,
  normalByPolar,
  normalTail,
  gamma,
  lognormal,
  pareto,
  geometric,
  GeometricSampler,
  AliasTable,
  uniformIndex,
} from "../lib/random";
import {
  RunningStats,
  check,
  assertAgreement,
  chiSquare,
  chiSquareCritical,
  kolmogorovSmirnov,
  normalCdf,
  normalQuantile,
  type CheckResult,
} from "../lib/stats";
import { EXPONENTIAL_TABLES, NORMAL_TABLES, LAYERS } from "../lib/random/ziggurat-tables";

/** Chi-square goodness of fit at a fixed critical value (upper 1e-6 point): must pass with fixed seeds. */
function assertChiSquare(label: string, observed: ArrayLike<number>, expected: ArrayLike<number>): void {
  const { statistic, degreesOfFreedom } = chiSquare({ observed, expected });
  const critical = chiSquareCritical({ degreesOfFreedom, alpha: 1e-6 });
  assert.ok(
    statistic < critical,
    `${label}: chi-square ${statistic.toFixed(1)} ≥ critical ${critical.toFixed(1)} (df ${degreesOfFreedom})`,
  );
}

/** Mean and variance checks from a sample against analytic values (stderr from the sample). */
function momentChecks(label: string, stats: RunningStats, mean: number, variance: number): CheckResult[] {
  return [
    check({ label: `${label}: mean`, estimate: stats.mean, stderr: stats.stderr, expected: mean }),
    check({ label: `${label}: variance`, estimate: stats.variance, stderr: stats.varianceStderr, expected: variance }),
  ];
}

/** Counts of `draws` values in `bins` equiprobable bins, whose edges are quantile(k/bins). */
function equiprobableCounts(
  draws: number,
  bins: number,
  sample: () => number,
  quantile: (p: number) => number,
): Float64Array {
  const edges = Float64Array.from({ length: bins - 1 }, (_, k) => quantile((k + 1) / bins));
  const counts = new Float64Array(bins);
  for (let i = 0; i < draws; i++) {
    const x = sample();
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

test("ziggurat tables: every layer has the same area v, the top edge closes at x = 0", () => {
  const tail = {
    exponential: (r: number) => Math.exp(-r),
    // ∫_r^∞ e^(−x²/2) dx = √(2π)·Q(r)
    normal: (r: number) => Math.sqrt(2 * Math.PI) * normalCdf({ x: -r }),
  };
  for (const [name, t, density] of [
    ["exponential", EXPONENTIAL_TABLES, (x: number) => Math.exp(-x)],
    ["normal", NORMAL_TABLES, (x: number) => Math.exp(-0.5 * x * x)],
  ] as const) {
    const v = t.r * density(t.r) + tail[name](t.r);
    assert.ok(Math.abs(t.x[0] * density(t.r) - v) / v < 1e-12, `${name}: base strip area`);
    for (let i = 1; i < LAYERS; i++) {
      const area = t.x[i] * (t.f[i + 1] - t.f[i]);
      assert.ok(Math.abs(area - v) / v < 1e-12, `${name}: layer ${i} area ${area} ≠ v = ${v}`);
      assert.ok(Math.abs(t.ratio[i] - t.x[i + 1] / t.x[i]) < 1e-15);
    }
    assert.equal(t.x[LAYERS], 0);
    assert.equal(t.f[LAYERS], 1);
  }
});

test("ziggurat exponential: moments, chi-square on 256 equiprobable bins, KS, tail mass beyond r", () => {
  const s = rng(1, "exp");
  const stats = new RunningStats();
  for (let i = 0; i < 400_000; i++) stats.push(exponential(s));
  assertAgreement(momentChecks("Exp(1) ziggurat", stats, 1, 1));

  const n = 2_000_000;
  const counts = equiprobableCounts(
    n,
    256,
    () => exponential(s),
    (p) => -Math.log1p(-p),
  );
  assertChiSquare("Exp(1) ziggurat, 256 bins", counts, new Float64Array(256).fill(n / 256));

  const sample = Float64Array.from({ length: 100_000 }, () => exponential(s));
  const ks = kolmogorovSmirnov({ values: sample, cdf: (x) => -Math.expm1(-x) });
  assert.ok(ks.scaled < 2.5, `KS √N·D = ${ks.scaled} (p = ${ks.pValue})`); // P(K > 2.5) ≈ 7e-6

  // The tail branch (beyond r = 7.697) and the far tail: P(E > x) = e^(−x).
  const m = 2_000_000;
  let beyondR = 0;
  let beyond10 = 0;
  for (let i = 0; i < m; i++) {
    const x = exponential(s);
    if (x > 7.69711747013105) beyondR++;
    if (x > 10) beyond10++;
  }
  const binomial = (label: string, count: number, p: number) =>
    check({ label, estimate: count / m, stderr: Math.sqrt((p * (1 - p)) / m), expected: p });
  assertAgreement([
    binomial("P(E > r)", beyondR, Math.exp(-7.69711747013105)),
    binomial("P(E > 10)", beyond10, Math.exp(-10)),
  ]);
});

test("exponential by inversion agrees with the ziggurat (two estimates of E[E²] = 2)", () => {
  const s = rng(2, "exp-inv");
  const a = new RunningStats();
  for (let i = 0; i < 200_000; i++) a.push(exponentialByInversion(s) ** 2);
  assertAgreement(check({ label: "E[E²] by inversion", estimate: a.mean, stderr: a.stderr, expected: 2 }));
});

test("ziggurat normal: moments, chi-square on 256 bins, KS, tail mass beyond r, symmetry", () => {
  const s = rng(3, "normal");
  const stats = new RunningStats();
  for (let i = 0; i < 400_000; i++) stats.push(normal(s));
  assertAgreement([
    ...momentChecks("N(0,1) ziggurat", stats, 0, 1),
    check({
      label: "N(0,1): third moment",
      estimate: stats.centralMoment(3),
      stderr: Math.sqrt(15 / stats.count),
      expected: 0,
    }),
  ]);

  // 4e6 draws: enough to see a ziggurat that accepts whole wedges (chi-square ≈ 580 against 377).
  const n = 4_000_000;
  const cdf = (x: number) => normalCdf({ x });
  const counts = equiprobableCounts(
    n,
    256,
    () => normal(s),
    (p) => normalQuantile({ p }),
  );
  assertChiSquare("N(0,1) ziggurat, 256 bins", counts, new Float64Array(256).fill(n / 256));
  const ks = kolmogorovSmirnov({ values: Float64Array.from({ length: 100_000 }, () => normal(s)), cdf });
  assert.ok(ks.scaled < 2.5, `KS √N·D = ${ks.scaled}`);

  const m = 2_000_000;
  const r = 3.6541528853610088;
  let upper = 0;
  let lower = 0;
  let beyond45 = 0;
  for (let i = 0; i < m; i++) {
    const z = normal(s);
    if (z > r) upper++;
    if (z < -r) lower++;
    if (Math.abs(z) > 4.5) beyond45++;
  }
  const q = normalCdf({ x: -r });
  const q45 = 2 * normalCdf({ x: -4.5 });
  const binomial = (label: string, count: number, p: number) =>
    check({ label, estimate: count / m, stderr: Math.sqrt((p * (1 - p)) / m), expected: p });
  assertAgreement([
    binomial("P(Z > r)", upper, q),
    binomial("P(Z < −r)", lower, q),
    binomial("P(|Z| > 4.5)", beyond45, q45),
  ]);

  // The tail algorithm itself: Z | Z > r has P(Z ≤ z | Z > r) = 1 − Q(z)/Q(r).
  const tailDraws = Float64Array.from({ length: 100_000 }, () => normalTail(s, r));
  const tailKs = kolmogorovSmirnov({ values: tailDraws, cdf: (z) => 1 - normalCdf({ x: -z }) / q });
  assert.ok(tailKs.scaled < 2.5, `normal tail KS √N·D = ${tailKs.scaled}`);
});

test("polar normal reference has unit variance", () => {
  const s = rng(4, "polar");
  const stats = new RunningStats();
  for (let i = 0; i < 150_000; i++) stats.push(normalByPolar(s));
  assertAgreement(momentChecks("N(0,1) polar", stats, 0, 1));
});

test("gamma (Marsaglia–Tsang) matches mean k and variance k for shapes below and above 1", () => {
  const s = rng(5, "gamma");
  const results: CheckResult[] = [];
  for (const k of [0.3, 1, 2.5, 10]) {
    const stats = new RunningStats();
    for (let i = 0; i < 150_000; i++) stats.push(gamma(s, k));
    results.push(...momentChecks(`Gamma(${k})`, stats, k, k));
  }
  assertAgreement(results);
  // Shape 1 is Exp(1): KS against its cdf.
  const ks = kolmogorovSmirnov({
    values: Float64Array.from({ length: 50_000 }, () => gamma(s, 1)),
    cdf: (x) => -Math.expm1(-x),
  });
  assert.ok(ks.scaled < 2.5, `KS √N·D = ${ks.scaled}`);
  assert.throws(() => gamma(s, 0), /shape must be/);
  assert.throws(() => gamma(s, NaN), /shape must be/);
});

test("lognormal and Pareto samplers match their analytic moments and quantiles", () => {
  const s = rng(6, "lognormal-pareto");
  const ln = new RunningStats();
  const m = -1;
  const sd = 0.5;
  for (let i = 0; i < 200_000; i++) ln.push(lognormal(s, m, sd));
  const lnMean = Math.exp(m + (sd * sd) / 2);
  const lnVar = Math.expm1(sd * sd) * Math.exp(2 * m + sd * sd);
  assertAgreement(momentChecks("lognormal(−1, 0.5)", ln, lnMean, lnVar));

  // Pareto α = 5 (finite 4th moment): mean αu/(α−1), variance αu²/((α−1)²(α−2)).
  const pa = new RunningStats();
  for (let i = 0; i < 200_000; i++) pa.push(pareto(s, 5, 2));
  assertAgreement(momentChecks("Pareto(5, 2)", pa, (5 * 2) / 4, (5 * 4) / (16 * 3)));
  // Heavy tail α = 1.2: check P(X > x) at a few x instead of moments.
  const n = 200_000;
  const levels = [2, 5, 20, 100];
  const above = levels.map(() => 0);
  for (let i = 0; i < n; i++) {
    const x = pareto(s, 1.2, 1);
    levels.forEach((level, j) => {
      if (x > level) above[j]++;
    });
  }
  assertAgreement(
    levels.map((level, j) => {
      const p = level ** -1.2;
      return check({
        label: `Pareto(1.2): P(X > ${level})`,
        estimate: above[j] / n,
        stderr: Math.sqrt((p * (1 - p)) / n),
        expected: p,
      });
    }),
  );
});

test("geometric wait: pmf chi-square at n = 10, moments at n = 1e9, n = 1 always 1", () => {
  const s = rng(7, "geometric");
  const n = 10;
  const draws = 200_000;
  const bins = 40; // t = 1..39 and a tail bin t ≥ 40
  for (const [label, sample] of [
    ["geometric()", () => geometric(s, n)],
    [
      "GeometricSampler",
      (
        (g) => () =>
          g.sample(s)
      )(new GeometricSampler({ n })),
    ],
  ] as const) {
    const observed = new Float64Array(bins);
    for (let i = 0; i < draws; i++) observed[Math.min(bins, sample()) - 1]++;
    const expected = new Float64Array(bins);
    for (let t = 1; t < bins; t++) expected[t - 1] = draws * (1 / n) * (1 - 1 / n) ** (t - 1);
    expected[bins - 1] = draws * (1 - 1 / n) ** (bins - 1);
    assertChiSquare(`${label} pmf at n = 10`, observed, expected);
  }

  // n = 1e9: E[T] = n, Var(T) = n(n − 1); P(T = 1) = 1e-9 so T − 1 is never tiny by accident.
  const big = 1e9;
  const results: CheckResult[] = [];
  for (const [label, sample] of [
    ["geometric(1e9)", () => geometric(s, big)],
    [
      "GeometricSampler(1e9)",
      (
        (g) => () =>
          g.sample(s)
      )(new GeometricSampler({ n: big })),
    ],
  ] as const) {
    const stats = new RunningStats();
    let allIntegers = true;
    for (let i = 0; i < 200_000; i++) {
      const t = sample();
      if (!Number.isInteger(t) || t < 1) allIntegers = false;
      stats.push(t);
    }
    assert.ok(allIntegers, `${label}: every draw is an integer ≥ 1`);
    results.push(...momentChecks(label, stats, big, big * (big - 1)));
  }
  assertAgreement(results);

  for (let i = 0; i < 1000; i++) {
    assert.equal(geometric(s, 1), 1);
    assert.equal(new GeometricSampler({ n: 1 }).sample(s), 1);
  }
  assert.throws(() => geometric(s, 2.5), /n must be/);
  assert.throws(() => geometric(s, 0), /n must be/);
  assert.throws(() => new GeometricSampler({ n: NaN }), /n must be/);
});

test("alias table: chi-square against its weights; uniformIndex covers [0, size)", () => {
  const s = rng(8, "alias");
  const weights = [5, 0, 1, 3, 0.5, 10, 2];
  const table = new AliasTable({ weights });
  const total = weights.reduce((a, b) => a + b, 0);
  const draws = 500_000;
  const counts = new Float64Array(weights.length);
  for (let i = 0; i < draws; i++) counts[table.sample(s)]++;
  assert.equal(counts[1], 0, "a zero weight is never drawn");
  const keep = weights.map((_, i) => i).filter((i) => weights[i] > 0);
  assertChiSquare(
    "alias table",
    keep.map((i) => counts[i]),
    keep.map((i) => (draws * weights[i]) / total),
  );
  assert.equal(table.probability(5), 10 / total);

  const idx = new Float64Array(5);
  for (let i = 0; i < 100_000; i++) idx[uniformIndex(s, 5)]++;
  assertChiSquare("uniformIndex", idx, new Float64Array(5).fill(20_000));

  assert.throws(() => new AliasTable({ weights: [] }), /weights must be/);
  assert.throws(() => new AliasTable({ weights: [1, -1] }), /weights\[1\] must be/);
  assert.throws(() => new AliasTable({ weights: [0, 0] }), /sum of weights must be/);
  assert.throws(() => new AliasTable({ weights: [1, NaN] }), /weights\[1\] must be/);
});
