import { test } from "node:test";
import assert from "node:assert/strict";
import { rng } from "../lib/random";
import { rewards, rewardProcesses, CALM, STORM, type RewardProcess } from "../lib/rewards";
import { RunningStats, batchMeans, check, assertAgreement, type CheckResult } from "../lib/stats";

/**
 * Stationary checks on one long path: the mean, the variance (series (R − μ)²) and the
 * autocorrelation at each lag (series (R_t − μ)(R_{t+k} − μ)/σ²), each with a batch-means
 * standard error because the series are correlated.
 */
function stationaryChecks(process: RewardProcess, seedName: string, length: number, lags: number[]): CheckResult[] {
  const path = process.start(rng(31, "processes", seedName));
  const r = new Float64Array(length);
  for (let t = 0; t < length; t++) r[t] = path.next();
  const mu = process.stationaryMean;
  const variance = process.stationaryVariance;
  const batches = 50;
  const results: CheckResult[] = [];
  const mean = batchMeans({ series: r, batches });
  results.push(
    check({ label: `${process.name}: stationary mean`, estimate: mean.mean, stderr: mean.stderr, expected: mu }),
  );
  const squares = batchMeans({ series: r.map((x) => (x - mu) ** 2), batches });
  results.push(
    check({
      label: `${process.name}: stationary variance`,
      estimate: squares.mean,
      stderr: squares.stderr,
      expected: variance,
    }),
  );
  for (const k of lags) {
    const products = new Float64Array(length - k);
    for (let t = 0; t + k < length; t++) products[t] = ((r[t] - mu) * (r[t + k] - mu)) / variance;
    const acf = batchMeans({ series: products, batches });
    results.push(
      check({
        label: `${process.name}: ACF(${k})`,
        estimate: acf.mean,
        stderr: acf.stderr,
        expected: process.autocorrelation(k),
      }),
    );
  }
  return results;
}

/** E[R_t | initial state] from many independent short paths. */
function conditionalChecks(
  process: RewardProcess,
  seedName: string,
  initialState: number,
  steps: number[],
): CheckResult[] {
  const s = rng(32, "conditional", seedName);
  const horizon = Math.max(...steps);
  const stats = steps.map(() => new RunningStats());
  for (let i = 0; i < 40_000; i++) {
    const path = process.start(s, initialState);
    for (let t = 1; t <= horizon; t++) {
      const x = path.next();
      const j = steps.indexOf(t);
      if (j >= 0) stats[j].push(x);
    }
  }
  return steps.map((t, j) =>
    check({
      label: `${process.name}: E[R_${t} | S_0 = ${initialState.toFixed(3)}]`,
      estimate: stats[j].mean,
      stderr: stats[j].stderr,
      expected: process.conditionalMean(t, initialState),
    }),
  );
}

test("AR(1) log-rewards: stationary mean, variance and autocorrelation against simulation (batch means)", () => {
  const process = rewardProcesses.ar1({ mu: 0.1, sdLog: 0.5, phi: 0.6 });
  assert.equal(process.stationaryMean, 0.1);
  assert.ok(Math.abs(process.stationaryVariance - 0.01 * Math.expm1(0.25)) < 1e-15);
  assert.equal(process.autocorrelation(0), 1);
  // The ACF of R is below φ^k (the ACF of ln R) and decays geometrically for small s.
  assert.ok(process.autocorrelation(1) < 0.6 && process.autocorrelation(1) > 0.55);
  assertAgreement([
    ...stationaryChecks(process, "ar1", 300_000, [1, 2, 5]),
    ...conditionalChecks(process, "ar1", process.meanLog + 2 * process.sdLog, [1, 3, 10]),
  ]);
  const iid = rewardProcesses.ar1({ sdLog: 0.3, phi: 0 });
  assert.equal(iid.autocorrelation(3), 0);
  assert.equal(iid.stationaryMean, 1);
});

test("regime switching: stationary mean, storm share, variance, autocorrelation, E[R_t | storm]", () => {
  const process = rewardProcesses.regimeSwitching({
    calm: rewards.exponential(0.05),
    storm: rewards.exponential(0.5),
    pCalmToStorm: 0.01,
    pStormToCalm: 0.1,
  });
  const pi = 0.01 / 0.11;
  assert.ok(Math.abs(process.stormProbability - pi) < 1e-15);
  assert.ok(Math.abs(process.stationaryMean - ((1 - pi) * 0.05 + pi * 0.5)) < 1e-15);
  // Storm share of the hidden state along one path (batch means).
  const path = process.start(rng(33, "storm-share"));
  const storms = new Float64Array(200_000);
  for (let t = 0; t < storms.length; t++) {
    path.next();
    storms[t] = path.state === STORM ? 1 : 0;
  }
  const share = batchMeans({ series: storms, batches: 50 });
  assertAgreement([
    check({ label: "storm share", estimate: share.mean, stderr: share.stderr, expected: pi }),
    ...stationaryChecks(process, "regimes", 400_000, [1, 5, 20]),
    ...conditionalChecks(process, "regimes-storm", STORM, [1, 5, 15]),
    ...conditionalChecks(process, "regimes-calm", CALM, [1, 15]),
  ]);
});

test("processes validate their input (RangeError naming the parameter)", () => {
  const expectThrow = (fn: () => unknown, name: string) =>
    assert.throws(fn, (e: unknown) => e instanceof RangeError && e.message.startsWith(`${name} must be`), name);
  expectThrow(() => rewardProcesses.ar1({ sdLog: 0.5, phi: 1 }), "phi");
  expectThrow(() => rewardProcesses.ar1({ sdLog: 0.5, phi: NaN }), "phi");
  expectThrow(() => rewardProcesses.ar1({ sdLog: -1, phi: 0.5 }), "sdLog");
  expectThrow(() => rewardProcesses.ar1({ mu: 0, sdLog: 1, phi: 0.5 }), "mu");
  const calm = rewards.exponential(1);
  expectThrow(
    () => rewardProcesses.regimeSwitching({ calm, storm: calm, pCalmToStorm: 0, pStormToCalm: 0.5 }),
    "pCalmToStorm",
  );
  expectThrow(
    () => rewardProcesses.regimeSwitching({ calm, storm: calm, pCalmToStorm: 0.5, pStormToCalm: 1.5 }),
    "pStormToCalm",
  );
  expectThrow(
    () =>
      rewardProcesses.regimeSwitching({ calm: undefined as never, storm: calm, pCalmToStorm: 0.5, pStormToCalm: 0.5 }),
    "calm",
  );
  const p = rewardProcesses.regimeSwitching({ calm, storm: calm, pCalmToStorm: 0.5, pStormToCalm: 0.5 });
  expectThrow(() => p.autocorrelation(-1), "lag");
  expectThrow(() => p.conditionalMean(0, CALM), "steps");
  expectThrow(() => p.start(rng(1), 2), "initialState");
  assert.ok(
    Number.isNaN(
      rewardProcesses
        .regimeSwitching({ calm, storm: rewards.mainnet(), pCalmToStorm: 0.1, pStormToCalm: 0.1 })
        .autocorrelation(1),
    ),
  );
});
