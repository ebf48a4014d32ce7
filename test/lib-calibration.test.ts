/**
 * The calibrated mainnet law (issue 22): the broken Pareto tail against quadrature, the calibration
 * against an independent solve (Python/scipy, values below), the per-slot mixture and the exact
 * risk measures against closed forms, the referee's independent numbers and simulation.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  BrokenPareto,
  MixtureReward,
  calibrateMainnet,
  mainnetPerSlot,
  mainnetStatistics,
  rewards,
} from "../lib/rewards";
import { caraCertaintyEquivalentOfReward, expectedShortfall, poolSizeForCaraPremium } from "../lib/model";
import { normalCdf, normalQuantile } from "../lib/stats";
import { rng } from "../lib/random";

function close(label: string, actual: number, expected: number, relative: number): void {
  assert.ok(Math.abs(actual / expected - 1) <= relative, `${label}: ${actual} vs ${expected} (±${relative})`);
}

/** ∫ f on [a, b] in log space with many Simpson panels: an independent quadrature for the tests. */
function logQuad(f: (x: number) => number, a: number, b: number, panels = 200_000): number {
  const la = Math.log(a);
  const h = (Math.log(b) - la) / panels;
  let sum = 0;
  for (let i = 0; i <= panels; i++) {
    const x = Math.exp(la + i * h);
    sum += (i === 0 || i === panels ? 1 : i % 2 ? 4 : 2) * f(x) * x;
  }
  return (sum * h) / 3;
}

test("BrokenPareto: moments equal the integral of the survival function; quantiles invert it", () => {
  const t = new BrokenPareto({ alpha: 1.2, scale: 0.15, knee: 100, alphaFar: 3, cap: 692 });
  // E[X] = u + ∫_u^c S, E[X²] = u² + ∫_u^c 2x S (split at the knee, where S has a kink).
  const m1 = 0.15 + logQuad((x) => t.survival(x), 0.15, 100) + logQuad((x) => t.survival(x), 100, 692);
  const m2 =
    0.15 ** 2 + logQuad((x) => 2 * x * t.survival(x), 0.15, 100) + logQuad((x) => 2 * x * t.survival(x), 100, 692);
  close("E[X]", t.rawMoment(1), m1, 1e-9);
  close("E[X²]", t.rawMoment(2), m2, 1e-9);
  for (const s of [0.9, 0.1, 1e-3, 1e-5, 1e-7]) close(`S(Q(${s}))`, t.survival(t.quantileFromSurvival(s)), s, 1e-9);
  // No knee: the ordinary Pareto; uncapped with α_far ≤ 2: infinite variance.
  close("one index", new BrokenPareto({ alpha: 3, scale: 1 }).rawMoment(1), 1.5, 1e-15);
  assert.equal(new BrokenPareto({ alpha: 1.2, scale: 1, knee: 10, alphaFar: 1.9 }).variance(), Infinity);
  assert.throws(
    () => new BrokenPareto({ alpha: 1, scale: 1, knee: 0.5 }),
    /knee must be > scale \(= 1\); received 0.5/,
  );
});

test("the single-index composite of the earlier fit is rejected by the sample maximum (the referee's numbers)", () => {
  const { ephema } = mainnetStatistics();
  const old = rewards.mainnet();
  const expected = ephema.count * (1 - old.cdf(ephema.max));
  close("payments expected above the maximum", expected, 13.2, 0.02);
  assert.ok(Math.exp(-expected) < 3e-6);
});

test("calibrateMainnet at w = 5 % reproduces mean, sd and the maximum-likelihood condition, as an independent solve finds", () => {
  const c = calibrateMainnet({ tailMass: 0.05 });
  const { ephema } = mainnetStatistics();
  // scipy (brentq on the same three conditions, written separately): α 1.0444312, knee 59.03339, α_far 2.6076116.
  close("α", c.options.alpha, 1.0444312, 1e-6);
  close("knee", c.options.knee, 59.03339, 1e-5);
  close("α_far", c.options.alphaFar, 2.6076116, 1e-6);
  close("mean", c.model.mean, ephema.mean, 1e-10);
  close("sd", Math.sqrt(c.model.variance), ephema.sd, 1e-9);
  // ML of the maximum: 1/α_far = (1 − λ) ln(M/k).
  const lambda = c.maximum.expectedAbove;
  close("ML condition", 1 / c.options.alphaFar, (1 - lambda) * Math.log(ephema.max / c.options.knee), 1e-8);
  assert.ok(c.intervals.alphaFar[0] < c.options.alphaFar && c.options.alphaFar < c.intervals.alphaFar[1]);
  assert.ok(c.maximum.probabilityAtMost > 0.05, "the calibrated law is not rejected by the maximum");
  assert.throws(() => calibrateMainnet({ tailMass: 0.9 }), /tailMass must be a number in \[0.01, 0.3\]; received 0.9/);
});

test("the default calibration picks w by the Aubury shape and is not rejected by the mean, the sd or the maximum", () => {
  const c = calibrateMainnet();
  assert.ok(c.options.tailMass > 0.02 && c.options.tailMass < 0.2);
  assert.ok(c.options.alphaFar > 2, "a finite-variance far tail");
  for (const row of c.table.filter((r) => r.statistic.startsWith("mean") || r.statistic.startsWith("sd"))) {
    assert.ok(Math.abs(row.relativeError) < 1e-9, row.statistic);
  }
});

test("MixtureReward: moments, cdf and quantile agree, and its draws have its mean (5 SE)", () => {
  const { reward, payment, local } = mainnetPerSlot();
  const q = reward.components[0].weight;
  close("mean", reward.mean, q * payment.mean + (1 - q) * local.mean, 1e-14);
  for (const p of [0.01, 0.3, 0.5, 0.9, 0.999]) close(`F(Q(${p}))`, reward.cdf(reward.quantile(p)), p, 1e-9);
  // A light mixture for the simulation (the capped heavy tail's sample mean converges too slowly to be a sharp test).
  const mix = new MixtureReward([
    { weight: 0.3, model: rewards.exponential(1) },
    { weight: 0.7, model: rewards.lognormal({ meanLog: 0, sdLog: 0.5 }) },
  ]);
  const r = rng(22);
  let s = 0;
  let s2 = 0;
  const N = 200_000;
  for (let i = 0; i < N; i++) {
    const x = mix.sample(r);
    s += x;
    s2 += x * x;
  }
  const mean = s / N;
  const se = Math.sqrt((s2 / N - mean * mean) / N);
  assert.ok(Math.abs(mean - mix.mean) < 5 * se, `${mean} vs ${mix.mean} (SE ${se})`);
  assert.throws(() => new MixtureReward([{ weight: 0.5, model: rewards.constant(1) }]), /weights must sum to 1/);
});

test("exact CARA: the exponential closed form, the referee's capped-composite premiums, and simulation", () => {
  for (const gamma of [0.01, 1, 10]) {
    const ce = caraCertaintyEquivalentOfReward({ law: rewards.exponential(0.1246), gamma });
    close(`exponential γ=${gamma}`, ce, Math.log1p(gamma * 0.1246) / gamma, 1e-10);
  }
  // The referee's exact CARA for the capped single-index composite (issue 22): 0.290, 0.152, 0.056, 0.0099.
  const old = rewards.mainnet({ cap: 691.96 });
  const premium = (m: number) => 1 - caraCertaintyEquivalentOfReward({ law: old, gamma: 1, members: m }) / old.mean;
  close("m = 1", premium(1), 0.29, 0.005);
  close("m = 10", premium(10), 0.152, 0.005);
  close("m = 100", premium(100), 0.056, 0.005);
  close("m = 1000", premium(1000), 0.0099, 0.01);
  const size = poolSizeForCaraPremium({ law: old, gamma: 1, targetPremium: 0.01 });
  assert.ok(size > 950 && size < 1000, `≈ 1,000 members for 1 %: ${size}`);
  // Simulation: E[e^{−γR}] for the calibrated per-slot law, with its standard error.
  const law = mainnetPerSlot().reward;
  const r = rng(2201);
  const N = 400_000;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < N; i++) {
    const e = Math.exp(-law.sample(r));
    s += e;
    s2 += e * e;
  }
  const mean = s / N;
  const se = Math.sqrt((s2 / N - mean * mean) / N);
  const exact = Math.exp(-caraCertaintyEquivalentOfReward({ law, gamma: 1 }));
  assert.ok(Math.abs(mean - exact) < 5 * se, `E[e^{−R}] ${mean} vs ${exact} (SE ${se})`);
});

test("expected shortfall: the lognormal closed form and the exponential's", () => {
  for (const level of [0.01, 0.1, 0.5]) {
    const es = expectedShortfall({ law: rewards.lognormal({ meanLog: -2.975, sdLog: 0.85 }), level });
    const exact = (Math.exp(-2.975 + 0.85 ** 2 / 2) * normalCdf({ x: normalQuantile({ p: level }) - 0.85 })) / level;
    close(`lognormal ES_${level}`, es, exact, 1e-9);
    // Exponential(1): ES_q = 1 + ln(1 − q)(1 − q)/q.
    close(
      `exponential ES_${level}`,
      expectedShortfall({ law: rewards.exponential(1), level }),
      1 + (Math.log1p(-level) * (1 - level)) / level,
      1e-9,
    );
  }
  assert.throws(
    () => expectedShortfall({ law: rewards.exponential(1), level: 1 }),
    /level must be a number in \(0, 1\); received 1/,
  );
});
