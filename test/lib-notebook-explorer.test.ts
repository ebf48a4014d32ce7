/**
 * Explorers in Node: the control arithmetic, every figure's curves against independent facts (an
 * identity between two curves, the law of total expectation, a closed-form crossover, a limit), the
 * library additions they use (winnerCrossover, exponentialStorms) and the market explorer's
 * simulation against its closed form. The same figures in a real browser: export-explorers and
 * notebooks-execute.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  checkControl,
  controlPosition,
  controlValue,
  EXPLORER_FIGURES,
  runExplorerSimulation,
} from "../lib/notebook/explorer";
import {
  competitiveCapture,
  customBuyers,
  perSlotRate,
  rewardProcesses,
  RunningStats,
  sampleRewardPath,
  winnerCrossover,
} from "../lib";

type Trace = { x: number[]; y: number[]; name: string };
const traces = (figure: string, values: Record<string, number | string>) =>
  EXPLORER_FIGURES[figure](values).data as unknown as Trace[];

test("controls: log positions invert, integers round, out-of-range values and bad ranges are refused by name", () => {
  const n = { name: "n", min: 1, max: 1e5, scale: "log" as const, integer: true };
  assert.equal(controlValue(n, 3.5), 3162);
  assert.equal(controlPosition({ name: "d", min: 1e-4, max: 0.5, scale: "log" }, 0.001), -3);
  assert.throws(() => checkControl(n, 2e5), /n is 200000, outside controls\.n \[1, 100000\]/);
  assert.throws(
    () => checkControl({ name: "d", min: 0, max: 1, scale: "log" }, 0.5),
    /controls\.d: a log scale needs min > 0/,
  );
  assert.throws(
    () => checkControl({ name: "m", choices: ["a"] }, "b"),
    /m is "b", not one of controls\.m\.choices \(a\)/,
  );
});

test("realistic-scale (06): E[V]/μ and the issued share add up to 1 at every n; Var(V)/Var(R) stays in (0, 1]", () => {
  const [value, issued, variance] = traces("realistic-scale", {
    annualRate: 0.04,
    mu: 0.11,
    sigma2: 0.3,
    nLogMax: 1e10,
  });
  value.y.forEach((v, i) => assert.ok(Math.abs(v + issued.y[i] - 1) <= 4e-16, `n = ${value.x[i]}`));
  assert.ok(variance.y.every((v) => v > 0 && v <= 1));
  assert.throws(
    () => traces("realistic-scale", { annualRate: "4 %", mu: 1, sigma2: 1, nLogMax: 10 }),
    /annualRate must be a finite number/,
  );
});

test("storm-premium (07): the stationary mix of the two regimes' ratios is 1 at every n (total expectation)", () => {
  const values = {
    mu: 1,
    d: 0.01,
    calmMean: 0.6,
    stormMean: 3,
    pCalmToStorm: 0.02,
    pStormToCalm: 0.1,
    premiumNMax: 1e5,
  };
  const [storm, calm] = traces("storm-premium", values);
  const pi = 0.02 / 0.12;
  storm.y.forEach((s, i) => assert.ok(Math.abs(pi * s + (1 - pi) * calm.y[i] - 1) <= 1e-12, `n = ${storm.x[i]}`));
  assert.ok(storm.y[0] > 1 && calm.y[0] < 1, "a storm ticket is worth more at n = 1");
});

test("exponentialStorms: stationary mean μ exactly, the means' ratio kept, a long path's batch mean within 5 s.e. of μ", () => {
  const storms = rewardProcesses.exponentialStorms({
    mu: 2,
    calmMean: 0.6,
    stormMean: 3,
    pCalmToStorm: 0.02,
    pStormToCalm: 0.1,
  });
  assert.ok(Math.abs(storms.stationaryMean - 2) <= 4e-16);
  assert.ok(Math.abs(storms.storm.mean / storms.calm.mean - 5) <= 1e-15);
  // Batches of 4,000 slots, far longer than the regime memory 1/(a+b) ≈ 8 slots: nearly independent.
  const path = sampleRewardPath({ process: storms, length: 400_000, seed: "explorer-storms" });
  const batches = new RunningStats();
  for (let b = 0; b < 100; b++) batches.push(path.subarray(b * 4000, (b + 1) * 4000).reduce((a, x) => a + x, 0) / 4000);
  const { mean, stderr } = batches.estimate();
  assert.ok(Math.abs(mean - 2) <= 5 * stderr, `${mean} ± ${stderr}`);
  assert.throws(
    () =>
      rewardProcesses.exponentialStorms({ mu: 1, calmMean: 0, stormMean: 3, pCalmToStorm: 0.02, pStormToCalm: 0.1 }),
    /calmMean/,
  );
  assert.throws(
    () => rewardProcesses.exponentialStorms({ mu: 1, calmMean: 1, stormMean: 3, pCalmToStorm: 0, pStormToCalm: 0.1 }),
    /pCalmToStorm/,
  );
});

test("one-buyer-capture (08): CARA never above risk neutral; γ → 0 gives the risk-neutral curve; both tend to d/r", () => {
  const values = { mu: 0.11, socialRate: 0.03, buyerRate: 0.05, gamma: 1, nLogMax: 1e9 };
  const [neutral, cara, limit] = traces("one-buyer-capture", values);
  cara.y.forEach((c, i) => assert.ok(c <= neutral.y[i] * (1 + 1e-12), `n = ${cara.x[i]}`));
  const [, tiny] = traces("one-buyer-capture", { ...values, gamma: 1e-9 });
  tiny.y.forEach((c, i) => assert.ok(Math.abs(c - neutral.y[i]) <= 1e-8, `n = ${tiny.x[i]}`));
  // (1+nd)/(1+nr) − d/r = (r − d)/(r(1+nr)): the distance to the limit at the largest n.
  const [d, r, n] = [perSlotRate(0.03), perSlotRate(0.05), neutral.x[neutral.x.length - 1]];
  const gap = neutral.y[neutral.y.length - 1] - limit.y[0];
  assert.ok(Math.abs(gap - (r - d) / (r * (1 + n * r))) <= 1e-12, `${gap}`);
  assert.ok(Math.abs(limit.y[0] - d / r) <= 1e-15);
});

test("winnerCrossover: risk-neutral pairs cross at ⌈(α_b − α_i)/(α_i r_b − α_b r_i)⌉; none when one buyer is better in both; a scan agrees with risk aversion", () => {
  const d = 0.001;
  for (const [ab, rb, ai, ri] of [
    [0.95, 3, 0.85, 1],
    [0.9, 5, 0.6, 1.5],
    [0.7, 2.5, 0.69, 2],
  ]) {
    const buyers = customBuyers({
      buyers: [
        { alpha: ab, r: rb * d },
        { alpha: ai, r: ri * d },
      ],
    });
    const exact = (ab - ai) / (ai * rb * d - ab * ri * d);
    // The closed form's ceiling, unless it is an integer (a tie, which the lower index wins).
    assert.equal(
      winnerCrossover({ buyers, mu: 1, sigma2: 0, d }),
      Math.floor(exact) + 1,
      `${ab}, ${rb}d vs ${ai}, ${ri}d`,
    );
  }
  const dominant = customBuyers({
    buyers: [
      { alpha: 0.95, r: d },
      { alpha: 0.85, r: 2 * d },
    ],
  });
  assert.equal(winnerCrossover({ buyers: dominant, mu: 1, sigma2: 0, d }), Infinity);
  const averse = customBuyers({
    buyers: [
      { alpha: 0.95, r: 3 * d, gamma: 0.05 },
      { alpha: 0.85, r: d },
    ],
  });
  const found = winnerCrossover({ buyers: averse, mu: 1, sigma2: 1, d, maxN: 5000 });
  const top = (n: number) => competitiveCapture({ buyers: averse, mu: 1, sigma2: 1, n, d }).top;
  let scanned = 1;
  while (scanned < 5000 && top(scanned) === top(1)) scanned++;
  assert.ok(found < 5000, `a crossover below 5000 (${found})`);
  assert.equal(found, scanned, "bisection and a linear scan find the same n");
  const [builder, investor] = traces("builder-investor", {
    mu: 1,
    d,
    builderAlpha: 0.95,
    builderRFactor: 3,
    investorAlpha: 0.85,
    investorRFactor: 1,
  });
  const i = builder.x.findIndex((n) => investor.y[builder.x.indexOf(n)] > builder.y[builder.x.indexOf(n)]);
  assert.ok(builder.x[i] >= 63 && builder.x[i - 1] < 63, "the figure's curves cross where winnerCrossover says (63)");
  assert.throws(() => winnerCrossover({ buyers: averse.slice(0, 1), mu: 1, sigma2: 1, d }), /at least two buyers/);
  assert.throws(() => winnerCrossover({ buyers: averse, mu: 1, sigma2: 1, d, maxN: 1.5 }), /maxN/);
});

test("market-capture (11): the worker's chunks give each cell's mean over its runs; second-price points lie within 5 s.e. of the closed form", () => {
  const values = {
    mu: 1,
    d: 0.01,
    tolerance: 1e-4,
    buyerCount: 5,
    rMaxFactor: 2,
    priceFactor: 0.8,
    replications: 12,
    nMax: 30,
    seed: 11,
  };
  const points = runExplorerSimulation("market-capture", values) ?? [];
  assert.equal(points.length, 5 * 4, "five mechanisms at n = 1, 3, 10, 30");
  const figure = EXPLORER_FIGURES["market-capture"](values, points).data as unknown as Trace[];
  const theory = figure[figure.length - 1];
  assert.deepEqual(theory.x, [1, 3, 10, 30]);
  for (const p of points.filter((q) => q.series === "second-price")) {
    const expected = theory.y[theory.x.indexOf(p.x)];
    assert.ok(
      Math.abs(p.mean - expected) <= 5 * p.stderr + 1e-12,
      `n = ${p.x}: ${p.mean} ± ${p.stderr} vs ${expected}`,
    );
    assert.equal(p.samples, 12);
  }
  assert.equal(figure.length, 6, "a line per mechanism and the closed form");
  assert.equal(EXPLORER_FIGURES["market-capture"](values).data.length, 1, "before the worker: the closed form only");
});
