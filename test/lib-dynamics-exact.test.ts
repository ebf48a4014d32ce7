/**
 * lib/dynamics closed forms against independent computations: brute-force sums over the win-slot
 * law (using only the processes' own conditionalMean or the transition matrix), the 2-state closed
 * form against the general linear-system solver, reductions to the baseline Observations, and
 * accuracy at realistic scale (d ≈ 1.5e-8, n up to 1e9).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rewards, rewardProcesses, CALM, STORM, type RewardProcess } from "../lib/rewards";
import {
  ticketValue,
  ticketVariance,
  ticketCovariance,
  npvOfRewards,
  npvVariance,
  holdingVariance,
  perSlotRate,
} from "../lib/model";
import {
  processTicketValue,
  processTicketMoments,
  stormCalmTicketValues,
  processNpv,
  processNpvVariance,
  npvVarianceInflation,
  processTicketCovariance,
  processHoldingVariance,
  holdingVarianceInflation,
  markovTicketValue,
  markovNpv,
  rateRegimeComparison,
  stationaryDistribution,
  birthDeathTransition,
  dynamicsFormulas,
} from "../lib/dynamics";
import { solveLeakySystem } from "../lib/dynamics/m-matrix";
import { sumDecayingSeries } from "../lib/dynamics/series";

const storms = rewardProcesses.regimeSwitching({
  calm: rewards.exponential(1),
  storm: rewards.gamma(2, 2.5), // mean 5, second moment 37.5
  pCalmToStorm: 0.02,
  pStormToCalm: 0.1,
});
/** λ < 0: the regime tends to flip every slot. */
const flipping = rewardProcesses.regimeSwitching({
  calm: rewards.exponential(1),
  storm: rewards.exponential(3),
  pCalmToStorm: 0.7,
  pStormToCalm: 0.9,
});
const ar1 = rewardProcesses.ar1({ mu: 0.5, sdLog: 0.9, phi: 0.8 });
const ar1Negative = rewardProcesses.ar1({ mu: 2, sdLog: 0.6, phi: -0.5 });

function close(actual: number, expected: number, relative: number, label: string): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  assert.ok(
    Math.abs(actual - expected) <= relative * scale,
    `${label}: ${actual} vs ${expected} (relative ${Math.abs(actual - expected) / scale})`,
  );
}

/** Σ_{t ≤ horizon} p q^{t−1} x^{kt} f(t), term by term. */
function winSlotSum(n: number, d: number, k: number, f: (t: number) => number, horizon = 40_000): number {
  const p = 1 / n;
  let s = 0;
  for (let t = 1; t <= horizon; t++) {
    const w = p * (1 - p) ** (t - 1) * (1 + d) ** (-k * t);
    if (w < 1e-24) break; // f is bounded here, so the rest is below 1e-20 of the sum
    s += w * f(t);
  }
  return s;
}

/** E[R_t² | S_0 = i] for a regime process, stepping the regime distribution t times. */
function regimeSecondMoments(process: typeof storms, i: number, horizon: number): number[] {
  const a = process.pCalmToStorm;
  const b = process.pStormToCalm;
  let dist = i === CALM ? [1, 0] : [0, 1];
  const out: number[] = [NaN];
  for (let t = 1; t <= horizon; t++) {
    dist = [dist[0] * (1 - a) + dist[1] * b, dist[0] * a + dist[1] * (1 - b)];
    out.push(dist[0] * process.calm.secondMoment + dist[1] * process.storm.secondMoment);
  }
  return out;
}

/** Autocovariance γ(u) from the processes' published autocorrelation. */
const gamma = (process: RewardProcess, u: number) => process.autocorrelation(u) * process.stationaryVariance;

test("E[V | state] equals the brute-force sum Σ p q^{t−1} x^t E[R_t | S_0] (regimes, λ > 0 and λ < 0, AR(1), φ > 0 and φ < 0)", () => {
  const cases: [RewardProcess, number[]][] = [
    [storms, [CALM, STORM]],
    [flipping, [CALM, STORM]],
    [ar1, [ar1.meanLog - 2, ar1.meanLog, ar1.meanLog + 1.7]],
    [ar1Negative, [ar1Negative.meanLog - 1, ar1Negative.meanLog + 2]],
  ];
  for (const [process, states] of cases) {
    for (const [n, d] of [
      [1, 0.05],
      [7, 0.02],
      [60, 0.003],
    ]) {
      for (const state of states) {
        const expected = winSlotSum(n, d, 1, (t) => process.conditionalMean(t, state));
        close(
          processTicketValue({ process, n, d, state }),
          expected,
          1e-12,
          `${process.name} n=${n} d=${d} state=${state}`,
        );
      }
    }
  }
});

test("E[V] for a stationary start is exactly μ/(nd+1), and the stationary average of E[V | state] recovers it", () => {
  for (const [n, d] of [
    [1, 0.1],
    [50, 0.01],
    [1e9, 1.5e-8],
  ]) {
    assert.equal(processTicketValue({ process: storms, n, d }), ticketValue({ mu: storms.stationaryMean, n, d }));
    const v = stormCalmTicketValues({ process: storms, n, d });
    const pi = storms.stormProbability;
    close((1 - pi) * v.calm + pi * v.storm, v.stationary, 1e-14, `stationary average n=${n}`);
  }
  // AR(1): average E[V | L_0] over L_0 ~ N(m, s²) by Gauss–Hermite-free quadrature on a fine grid.
  const { meanLog: m, sdLog: s } = ar1;
  let avg = 0;
  let weight = 0;
  for (let z = -9; z <= 9; z += 0.01) {
    const w = Math.exp((-z * z) / 2);
    avg += w * processTicketValue({ process: ar1, n: 20, d: 0.01, state: m + s * z });
    weight += w;
  }
  close(avg / weight, ticketValue({ mu: ar1.mu, n: 20, d: 0.01 }), 1e-9, "AR(1) stationary average");
});

test("E[V² | state] and Var(V | state) equal brute-force sums; without a state they are Observation 5's", () => {
  for (const [n, d] of [
    [1, 0.05],
    [12, 0.01],
  ]) {
    for (const state of [CALM, STORM]) {
      const m2 = regimeSecondMoments(storms, state, 40_000);
      const second = winSlotSum(n, d, 2, (t) => m2[t]);
      const mean = winSlotSum(n, d, 1, (t) => storms.conditionalMean(t, state));
      const moments = processTicketMoments({ process: storms, n, d, state });
      close(moments.secondMoment, second, 1e-12, `regime E[V²] n=${n} state=${state}`);
      close(moments.variance, second - mean * mean, 1e-11, `regime Var n=${n} state=${state}`);
    }
    const { meanLog: m, sdLog: s, phi } = ar1;
    for (const state of [m - 1, m + 1.5]) {
      const a = state - m;
      const second = winSlotSum(n, d, 2, (t) => Math.exp(2 * (m + phi ** t * a) + 2 * s * s * (1 - phi ** (2 * t))));
      const mean = winSlotSum(n, d, 1, (t) => ar1.conditionalMean(t, state));
      const moments = processTicketMoments({ process: ar1, n, d, state });
      close(moments.secondMoment, second, 1e-12, `AR(1) E[V²] n=${n}`);
      close(moments.variance, second - mean * mean, 1e-11, `AR(1) Var n=${n}`);
    }
    for (const process of [storms, ar1]) {
      const stationary = processTicketMoments({ process, n, d });
      assert.equal(
        stationary.variance,
        ticketVariance({ mu: process.stationaryMean, sigma2: process.stationaryVariance, n, d }),
      );
    }
  }
});

test("the storm premium closed form equals storm − calm, and decays like the storm length over n", () => {
  for (const [n, d] of [
    [1, 0.01],
    [30, 0.001],
    [1e6, 1.5e-8],
  ]) {
    const v = stormCalmTicketValues({ process: storms, n, d });
    close(v.premium, v.storm - v.calm, 1e-9, `premium n=${n}`);
    close(v.relativePremium, v.premium / v.stationary, 1e-15, "relative premium");
  }
  const big = stormCalmTicketValues({ process: storms, n: 1e8, d: 1e-12 });
  const switching = storms.pCalmToStorm + storms.pStormToCalm;
  close(
    big.premium,
    ((storms.storm.mean - storms.calm.mean) * storms.persistence) / (1e8 * switching),
    1e-6,
    "large-n asymptote",
  );
});

test("the 2-state closed form and the general linear system agree (equal rates), also at realistic scale", () => {
  for (const process of [storms, flipping]) {
    const transition = [
      [1 - process.pCalmToStorm, process.pCalmToStorm],
      [process.pStormToCalm, 1 - process.pStormToCalm],
    ];
    for (const [n, d] of [
      [1, 0.05],
      [25, 0.01],
      [1e9, perSlotRate(0.04)],
    ]) {
      const system = markovTicketValue({ transition, rates: d, means: [process.calm.mean, process.storm.mean], n });
      close(system[CALM], processTicketValue({ process, n, d, state: CALM }), 1e-12, `calm n=${n}`);
      close(system[STORM], processTicketValue({ process, n, d, state: STORM }), 1e-12, `storm n=${n}`);
      const npv = markovNpv({ transition, rates: d, means: [process.calm.mean, process.storm.mean] });
      close(npv[STORM], processNpv({ process, d, state: STORM }), 1e-12, `NPV storm d=${d}`);
    }
  }
});

test("one regime (or identical regimes) reduces the systems to Observations 1 and 2 to a few ulps, even at n = 1e9, d = 1.5e-8", () => {
  const d = perSlotRate(0.04);
  for (const n of [1, 32, 1e6, 1e9]) {
    close(
      markovTicketValue({ transition: [[1]], rates: d, means: 0.1246, n })[0],
      ticketValue({ mu: 0.1246, n, d }),
      4e-16,
      `n=${n}`,
    );
    const three = markovTicketValue({
      transition: birthDeathTransition({ size: 3, up: 2e-7, down: 3e-7 }),
      rates: d,
      means: 0.1246,
      n,
    });
    for (const v of three) close(v, ticketValue({ mu: 0.1246, n, d }), 1e-15, `identical regimes n=${n}`);
  }
  close(
    markovNpv({
      transition: [
        [0.5, 0.5],
        [0.2, 0.8],
      ],
      rates: d,
      means: 0.1246,
    })[1],
    npvOfRewards({ mu: 0.1246, d }),
    1e-15,
    "NPV",
  );
});

test("rate regimes: the linear system equals a brute-force sum over chain paths (small chain, exact distribution propagation)", () => {
  const transition = [
    [0.9, 0.1, 0],
    [0.05, 0.9, 0.05],
    [0, 0.2, 0.8],
  ];
  const rates = [0.005, 0.02, 0.06];
  const means = [1, 2, 0.5];
  const n = 6;
  // Propagate the joint law of (regime, undiscounted mass) slot by slot: a[t][j] = E[D_t 1{S_t = j}].
  for (let start = 0; start < 3; start++) {
    let a = [0, 0, 0];
    a[start] = 1;
    let ticket = 0;
    let npv = 0;
    for (let t = 1; t <= 20_000; t++) {
      const next = [0, 0, 0];
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) next[j] += (a[i] / (1 + rates[i])) * transition[i][j];
      a = next;
      const paid = a.reduce((s, x, j) => s + x * means[j], 0);
      ticket += (1 / n) * (1 - 1 / n) ** (t - 1) * paid;
      npv += paid;
    }
    close(markovTicketValue({ transition, rates, means, n })[start], ticket, 1e-12, `ticket start ${start}`);
    close(markovNpv({ transition, rates, means })[start], npv, 1e-12, `NPV start ${start}`);
  }
});

test("rateRegimeComparison: consistent fields, and a non-negative Jensen gap that vanishes for equal rates", () => {
  const transition = birthDeathTransition({ size: 3, up: 0.01, down: 0.02 });
  const pi = stationaryDistribution({ transition });
  const c = rateRegimeComparison({ transition, rates: [0.005, 0.01, 0.02], mu: 1, n: 100 });
  close(c.averageRate, pi[0] * 0.005 + pi[1] * 0.01 + pi[2] * 0.02, 1e-15, "average rate");
  close(c.ticket.atAverageRate, ticketValue({ mu: 1, n: 100, d: c.averageRate }), 1e-15, "ticket at average rate");
  close(c.npv.atCurrentRate[2], 50, 1e-15, "NPV at the current rate");
  assert.ok(c.ticket.jensenGap > 0 && c.npv.jensenGap > 0);
  // Values fall with the starting rate, but less than the constant-rate formulas say (rates mean-revert).
  assert.ok(c.ticket.byState[0] > c.ticket.byState[1] && c.ticket.byState[1] > c.ticket.byState[2]);
  assert.ok(c.ticket.byState[0] < c.ticket.atCurrentRate[0] && c.ticket.byState[2] > c.ticket.atCurrentRate[2]);
  const flat = rateRegimeComparison({ transition, rates: 0.01, mu: 1, n: 100 });
  assert.ok(Math.abs(flat.ticket.jensenGap) < 1e-15 && Math.abs(flat.npv.jensenGap) < 1e-12);
});

test("stationaryDistribution: the 2-state formula, πP = π, and accuracy with per-slot switching of 1e-9", () => {
  const [calm, storm] = stationaryDistribution({
    transition: [
      [0.98, 0.02],
      [0.1, 0.9],
    ],
  });
  close(storm, 0.02 / 0.12, 1e-15, "π_storm");
  close(calm, 0.1 / 0.12, 1e-15, "π_calm");
  const p = birthDeathTransition({ size: 4, up: 3e-9, down: 1e-9 });
  const pi = stationaryDistribution({ transition: p });
  // Detailed balance of a birth–death chain: π_{i+1}/π_i = up/down = 3.
  for (let i = 0; i < 3; i++) close(pi[i + 1] / pi[i], 3, 1e-12, `ratio ${i}`);
});

test("solveLeakySystem matches plain Gaussian elimination on random diagonally dominant systems", () => {
  let seed = 12345;
  const uniform = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let trial = 0; trial < 20; trial++) {
    const size = 1 + (trial % 6);
    const leak = Array.from({ length: size }, () => 0.01 + uniform());
    const weights = Array.from({ length: size }, (_, i) =>
      Array.from({ length: size }, (_, j) => (i === j ? 0 : uniform())),
    );
    const rhs = Array.from({ length: size }, () => uniform() * 3 - 1);
    const a = weights.map((row, i) => row.map((w, j) => (i === j ? leak[i] + row.reduce((s, x) => s + x, 0) : -w)));
    // Gaussian elimination with partial pivoting on [a | rhs].
    const m = a.map((row, i) => [...row, rhs[i]]);
    for (let k = 0; k < size; k++) {
      let best = k;
      for (let i = k + 1; i < size; i++) if (Math.abs(m[i][k]) > Math.abs(m[best][k])) best = i;
      [m[k], m[best]] = [m[best], m[k]];
      for (let i = k + 1; i < size; i++) {
        const f = m[i][k] / m[k][k];
        for (let j = k; j <= size; j++) m[i][j] -= f * m[k][j];
      }
    }
    const x = new Array<number>(size).fill(0);
    for (let k = size - 1; k >= 0; k--) {
      let s = m[k][size];
      for (let j = k + 1; j < size; j++) s -= m[k][j] * x[j];
      x[k] = s / m[k][k];
    }
    const v = solveLeakySystem({ leak, weights, rhs });
    v.forEach((vi, i) =>
      assert.ok(Math.abs(vi - x[i]) <= 1e-11 * (1 + Math.abs(x[i])), `trial ${trial}: ${vi} vs ${x[i]}`),
    );
  }
});

test("Var(NPV) equals the brute-force double sum Σ_t Σ_t' x^{t+t'} γ(|t − t'|), and is npvVariance for i.i.d. rewards", () => {
  const d = 0.05;
  const horizon = 900; // (1+d)^(-900) < 1e-19
  const x = Array.from({ length: 2 * horizon + 1 }, (_, t) => (1 + d) ** -t);
  for (const process of [storms, flipping, ar1, ar1Negative]) {
    const g = Array.from({ length: horizon }, (_, u) => gamma(process, u));
    let s = 0;
    for (let t = 1; t <= horizon; t++) {
      for (let t2 = 1; t2 <= horizon; t2++) s += x[t + t2] * g[Math.abs(t - t2)];
    }
    close(processNpvVariance({ process, d }), s, 1e-10, process.name);
    close(
      npvVarianceInflation({ process, d }),
      s / npvVariance({ sigma2: process.stationaryVariance, d }),
      1e-10,
      `${process.name} VIF`,
    );
  }
  const iid = rewardProcesses.ar1({ mu: 1, sdLog: 0.7, phi: 0 });
  assert.equal(npvVarianceInflation({ process: iid, d }), 1);
  // Regimes in closed form: 1 + 2π(1−π)Δ²/σ² · λ/(1 + d − λ).
  const pi = storms.stormProbability;
  const lambda = storms.persistence;
  const expected =
    1 +
    ((2 * pi * (1 - pi) * (storms.storm.mean - storms.calm.mean) ** 2) / storms.stationaryVariance) *
      (lambda / (1 + d - lambda));
  close(npvVarianceInflation({ process: storms, d }), expected, 1e-13, "regime VIF closed form");
});

test("Cov(V_i, V_j) equals a brute-force double sum over the joint law of two win slots; holdings follow", () => {
  for (const process of [storms, flipping, ar1, ar1Negative]) {
    for (const [n, d] of [
      [2, 0.05],
      [9, 0.01],
    ]) {
      const x = 1 / (1 + d);
      const mu = process.stationaryMean;
      let cross = 0;
      let product = 0;
      for (let s = 1; s <= 4000; s++) {
        const first = ((n - 2) / n) ** (s - 1) / n;
        if (first < 1e-300) break;
        for (let u = 1; u <= 4000; u++) {
          const w = 2 * first * (((n - 1) / n) ** (u - 1) / n) * x ** (2 * s + u);
          if (w < 1e-22) break;
          cross += w * gamma(process, u);
          product += w * mu * mu;
        }
      }
      const mean = ticketValue({ mu, n, d });
      const expected = product + cross - mean * mean;
      close(processTicketCovariance({ process, n, d }), expected, 1e-9, `${process.name} n=${n}`);
      close(
        processTicketCovariance({ process, n, d }) - ticketCovariance({ mu, n, d }),
        cross,
        1e-9,
        `${process.name} correlation part`,
      );
      const k = n;
      const single = ticketVariance({ mu, sigma2: process.stationaryVariance, n, d });
      close(processHoldingVariance({ process, n, d, k }), k * single + k * (k - 1) * expected, 1e-9, "holding");
      close(
        holdingVarianceInflation({ process, n, d, k }),
        processHoldingVariance({ process, n, d, k }) /
          holdingVariance({ mu, sigma2: process.stationaryVariance, n, d, k }),
        1e-14,
        "holding VIF",
      );
    }
  }
  assert.equal(holdingVarianceInflation({ process: storms, n: 10, d: 0.01, k: 1 }), 1);
  assert.equal(processHoldingVariance({ process: storms, n: 10, d: 0.01, k: 0 }), 0);
});

test("infinite reward variance propagates as Infinity, not NaN", () => {
  const heavy = rewardProcesses.regimeSwitching({
    calm: rewards.exponential(1),
    storm: rewards.pareto({ alpha: 1.5, scale: 1 }),
    pCalmToStorm: 0.1,
    pStormToCalm: 0.5,
  });
  assert.equal(processTicketMoments({ process: heavy, n: 10, d: 0.01, state: STORM }).variance, Infinity);
  assert.equal(processNpvVariance({ process: heavy, d: 0.01 }), Infinity);
  assert.equal(processHoldingVariance({ process: heavy, n: 10, d: 0.01, k: 3 }), Infinity);
  assert.ok(Number.isFinite(processTicketValue({ process: heavy, n: 10, d: 0.01, state: STORM })));
});

test("sumDecayingSeries stops on its tail bound and refuses a series that does not decay", () => {
  const r = 0.5;
  const sum = sumDecayingSeries({
    label: "geometric",
    term: (t) => r ** t,
    tailBound: (t) => r ** (t + 1) / (1 - r),
    tolerance: 1e-17,
  });
  close(sum, 1, 1e-15, "Σ 2^{-t}");
  assert.throws(
    () =>
      sumDecayingSeries({
        label: "harmonic",
        term: (t) => 1 / t,
        tailBound: () => Infinity,
        tolerance: 1e-10,
        maxTerms: 1000,
      }),
    /harmonic did not converge within 1000 terms/,
  );
});

test("dynamicsFormulas: every entry names an exported function and carries LaTeX", async () => {
  const dynamics = await import("../lib/dynamics");
  for (const [key, f] of Object.entries(dynamicsFormulas)) {
    assert.equal(typeof (dynamics as Record<string, unknown>)[f.name], "function", `${key} → ${f.name}`);
    assert.ok(f.latex.length > 0 && f.equation.startsWith(f.symbol), key);
  }
});
