import { test } from "node:test";
import assert from "node:assert/strict";
import {
  centralisationThreshold,
  competitiveCapture,
  customBuyers,
  expectedRuns,
  expectedRunsOfLength,
  homogeneousBuyers,
  marginalShareValue,
  paiResnick,
  shareValueWithBonus,
  simulatePaiResnick,
  simulateRuns,
  simulateShareWithBonus,
  type MultiBlockBonus,
} from "../lib/market";
import { perSlotRate, ticketValue } from "../lib/model";
import { rewards } from "../lib/rewards";
import { assertAgreement, check, type CheckResult } from "../lib/stats";

const close = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

test("competitive capture: 1 for homogeneous buyers at r = d; (1+nd)/(1+nr) with capital costs; α(2) with skills", () => {
  const d = 0.01;
  assert.ok(
    close(competitiveCapture({ buyers: homogeneousBuyers({ count: 3, r: d }), mu: 2, sigma2: 1, n: 40, d }).capture, 1),
  );
  // docs/derivations/extensions.md: d = 3 %/yr, r = 10 %/yr, n = 1e7 → χ = 0.816; n = 1e4 → 0.99975
  const social = perSlotRate(0.03);
  const cost = perSlotRate(0.1);
  const buyers = customBuyers({
    buyers: [
      { alpha: 1, r: cost },
      { alpha: 1, r: cost },
    ],
  });
  const chi = (n: number) => competitiveCapture({ buyers, mu: 1, sigma2: 0, n, d: social }).capture;
  assert.ok(close(chi(1e7), (1 + 1e7 * social) / (1 + 1e7 * cost), 1e-12));
  assert.equal(chi(1e7).toFixed(3), "0.816");
  assert.equal(chi(1e4).toFixed(5), "0.99975");
  const skills = customBuyers({
    buyers: [
      { alpha: 0.7, r: d },
      { alpha: 0.9, r: d },
      { alpha: 0.8, r: d },
    ],
  });
  const result = competitiveCapture({ buyers: skills, mu: 1, sigma2: 1, n: 10, d });
  assert.equal(result.top, 1);
  assert.equal(result.runnerUp, 2);
  assert.ok(close(result.capture, 0.8));
  assert.ok(close(result.valuationRatio, 0.8 / 0.9));
  assert.ok(close(result.captureOfExtracted, 0.8 / 0.9));
  // a single buyer pays nothing in a second-price sale
  assert.equal(competitiveCapture({ buyers: [skills[0]], mu: 1, sigma2: 1, n: 10, d }).capture, 0);
});

test("Pai–Resnick closed forms: 0.5→0.816, 0.667→0.877, 0.333→0.755; the ex-ante stronger bidder wins the sale", () => {
  const cases: Array<[number, number, string, string]> = [
    [1, 1, "0.500", "0.816"],
    [1, 2, "0.667", "0.877"],
    [1, 0.5, "0.333", "0.755"],
  ];
  for (const [lambda1, lambda2, before, after] of cases) {
    const r = paiResnick({ lambda1, lambda2 });
    assert.equal(r.perSlotShare.toFixed(3), before);
    assert.equal(r.aheadOfTimeShare.toFixed(3), after);
    assert.ok(close(r.aheadOfTimeShare + r.resaleProbability, 1));
    assert.equal(r.aheadOfTimeWinner, lambda1 <= lambda2 ? 1 : 2);
    // the gap of willingness to pay is (1/λ1 − 1/λ2)(1 − 2/e)
    assert.ok(
      Math.abs(r.willingnessToPay[0] - r.willingnessToPay[1] - (1 / lambda1 - 1 / lambda2) * (1 - 2 / Math.E)) < 1e-12,
    );
  }
});

test("Pai–Resnick closed forms agree with the simulated two-bidder game (5 stderr)", () => {
  const checks: CheckResult[] = [];
  for (const [lambda1, lambda2] of [
    [1, 1],
    [1, 2],
    [1, 0.5],
    [0.3, 2],
  ]) {
    const theory = paiResnick({ lambda1, lambda2 });
    const sim = simulatePaiResnick({ lambda1, lambda2, samples: 200_000, seed: `pr-${lambda1}-${lambda2}` });
    const add = (label: string, est: { mean: number; stderr: number }, expected: number) =>
      checks.push(
        check({ label: `${label} (λ1=${lambda1}, λ2=${lambda2})`, estimate: est.mean, stderr: est.stderr, expected }),
      );
    add("per-slot share", sim.perSlotShare, theory.perSlotShare);
    add("ahead-of-time share", sim.aheadOfTimeShare, theory.aheadOfTimeShare);
    add("resale probability", sim.resaleProbability, theory.resaleProbability);
    add("holder value U1", sim.holderValue, theory.holderValue);
    add("per-slot revenue", sim.perSlotRevenue, theory.perSlotRevenue);
    add("willingness to pay", sim.willingnessToPay, theory.willingnessToPay[0]);
  }
  assertAgreement(checks);
});

test("runs of consecutive slots: exact expectations, the S(1−P)P^k approximation, and simulation (5 stderr)", () => {
  // docs/derivations/extensions.md#runs-of-consecutive-slots: about 4,470 runs of ≥ 5 slots a year at P = 0.3
  const year = expectedRuns({ share: 0.3, slots: 2_628_000, minLength: 5 });
  assert.equal(Math.round(year), 4_470);
  assert.ok(Math.abs(year - 2_628_000 * 0.7 * 0.3 ** 5) < 1);
  // tiny exhaustive case: S = 3, P = 1/2 → enumerate the 8 outcomes
  let runsAtLeast2 = 0;
  let runsExactly1 = 0;
  for (let mask = 0; mask < 8; mask++) {
    const bits = [0, 1, 2].map((i) => (mask >> i) & 1);
    const runs: number[] = [];
    let run = 0;
    for (const b of [...bits, 0]) {
      if (b) run++;
      else if (run) {
        runs.push(run);
        run = 0;
      }
    }
    runsAtLeast2 += runs.filter((r) => r >= 2).length / 8;
    runsExactly1 += runs.filter((r) => r === 1).length / 8;
  }
  assert.ok(close(expectedRuns({ share: 0.5, slots: 3, minLength: 2 }), runsAtLeast2));
  assert.ok(close(expectedRunsOfLength({ share: 0.5, slots: 3, length: 1 }), runsExactly1));
  assert.equal(expectedRuns({ share: 0.5, slots: 3, minLength: 4 }), 0);
  assert.equal(expectedRunsOfLength({ share: 0.5, slots: 3, length: 3 }), 0.125);
  // against the lottery with a maintained share of 3 of 10 tickets
  const slots = 2_000;
  const sim = simulateRuns({ n: 10, held: 3, slots, replications: 200, seed: "runs", maxLength: 12 });
  const checks: CheckResult[] = [];
  for (let k = 1; k <= 8; k++) {
    checks.push(
      check({
        label: `runs ≥ ${k}`,
        estimate: sim.atLeast[k - 1].mean,
        stderr: sim.atLeast[k - 1].stderr,
        expected: expectedRuns({ share: 0.3, slots, minLength: k }),
      }),
    );
    checks.push(
      check({
        label: `runs = ${k}`,
        estimate: sim.exactly[k - 1].mean,
        stderr: sim.exactly[k - 1].stderr,
        expected: expectedRunsOfLength({ share: 0.3, slots, length: k }),
      }),
    );
  }
  checks.push(check({ label: "wins", estimate: sim.wins.mean, stderr: sim.wins.stderr, expected: 0.3 * slots }));
  assertAgreement(checks);
});

test("value of a maintained share with a bonus: closed forms against simulation (5 stderr)", () => {
  const d = 0.05;
  const reward = rewards.exponential(1);
  const checks: CheckResult[] = [];
  for (const bonus of [
    { kind: "linear", beta: 0.5 },
    { kind: "geometric", beta: 0.5 },
    { kind: "linear", beta: 0 },
  ] as MultiBlockBonus[]) {
    const sim = simulateShareWithBonus({
      reward,
      n: 10,
      held: 4,
      d,
      bonus,
      paths: 3_000,
      seed: `bonus-${bonus.kind}-${bonus.beta}`,
    });
    checks.push(
      check({
        label: `${bonus.kind} β=${bonus.beta}`,
        estimate: sim.mean,
        stderr: sim.stderr,
        expected: shareValueWithBonus({ mu: 1, share: 0.4, d, bonus }),
      }),
    );
  }
  assertAgreement(checks);
  // β = 0: both shapes give μP/d; geometric is infinite once (1+β)P ≥ 1+d
  for (const kind of ["linear", "geometric"] as const) {
    assert.ok(close(shareValueWithBonus({ mu: 2, share: 0.3, d, bonus: { kind, beta: 0 } }), (2 * 0.3) / d));
    assert.ok(close(marginalShareValue({ mu: 2, share: 0.3, d, bonus: { kind, beta: 0 } }), 2 / d));
  }
  assert.equal(shareValueWithBonus({ mu: 1, share: 0.8, d, bonus: { kind: "geometric", beta: 0.5 } }), Infinity);
});

test("marginal value exceeds average value at every share once β > 0 (superadditive from the first ticket)", () => {
  for (const kind of ["linear", "geometric"] as const) {
    const bonus = { kind, beta: 0.4 };
    for (let P = 0.05; P <= 0.7; P += 0.05) {
      const V = shareValueWithBonus({ mu: 1, share: P, d: 0.02, bonus });
      const dV = marginalShareValue({ mu: 1, share: P, d: 0.02, bonus });
      assert.ok(dV > V / P, `${kind} P=${P}`);
      // the derivative matches a central difference
      const h = 1e-6;
      const numeric =
        (shareValueWithBonus({ mu: 1, share: P + h, d: 0.02, bonus }) -
          shareValueWithBonus({ mu: 1, share: P - h, d: 0.02, bonus })) /
        (2 * h);
      assert.ok(Math.abs(numeric / dV - 1) < 1e-6, `${kind} P=${P}: ${numeric} vs ${dV}`);
    }
  }
});

test("centralisation threshold: closed form (linear) = bisection; the break-even share balances value and cost", () => {
  const r = 0.01;
  const alpha = 0.9;
  const bonus: MultiBlockBonus = { kind: "linear", beta: 0.5 };
  const closed = centralisationThreshold({ mu: 1, n: 100, r, alpha, bonus });
  assert.equal(closed.method, "closed form");
  assert.ok(close(closed.averageShare!, ((1 + r) * (1 / alpha - 1)) / bonus.beta));
  assert.ok(close(closed.marginalShare!, closed.averageShare! / 2));
  const bisection = centralisationThreshold({ mu: 1, n: 100, r, alpha, bonus, method: "bisection" });
  assert.equal(bisection.method, "bisection");
  assert.ok(Math.abs(bisection.averageShare! - closed.averageShare!) < 1e-12);
  assert.ok(Math.abs(bisection.marginalShare! - closed.marginalShare!) < 1e-12);
  const price = ticketValue({ mu: 1, n: 100, d: r });
  assert.ok(close(closed.costPerShare, (price * (1 + 100 * r)) / r));
  // geometric bonus: at the break-even share the average value equals the cost per share
  const geo: MultiBlockBonus = { kind: "geometric", beta: 0.3 };
  const g = centralisationThreshold({ mu: 1, n: 100, r, alpha, bonus: geo });
  assert.equal(g.method, "bisection");
  const P = g.averageShare!;
  assert.ok(P > 0 && P < 1);
  assert.ok(close((alpha * shareValueWithBonus({ mu: 1, share: P, d: r, bonus: geo })) / P, g.costPerShare, 1e-9));
  assert.ok(g.marginalShare! < P);
  // no disadvantage → any share pays; no bonus and a disadvantage → none does; too weak a bonus → none ≤ 1
  assert.equal(centralisationThreshold({ mu: 1, n: 100, r, bonus }).averageShare, 0);
  assert.equal(
    centralisationThreshold({ mu: 1, n: 100, r, alpha, bonus: { kind: "linear", beta: 0 } }).averageShare,
    null,
  );
  assert.equal(
    centralisationThreshold({ mu: 1, n: 100, r, alpha: 0.5, bonus: { kind: "linear", beta: 0.1 } }).averageShare,
    null,
  );
});

test("theory functions and simulators reject bad input (RangeError naming the parameter)", () => {
  const buyers = homogeneousBuyers({ count: 2, r: 0.01 });
  const cases: Array<[() => unknown, RegExp]> = [
    [() => competitiveCapture({ buyers: [], mu: 1, sigma2: 1, n: 1, d: 0.1 }), /buyers/],
    [() => competitiveCapture({ buyers, mu: -1, sigma2: 1, n: 1, d: 0.1 }), /mu/],
    [() => competitiveCapture({ buyers, mu: 1, sigma2: NaN, n: 1, d: 0.1 }), /sigma2/],
    [() => competitiveCapture({ buyers, mu: 1, sigma2: 1, n: 0, d: 0.1 }), /\bn\b/],
    [() => competitiveCapture({ buyers, mu: 1, sigma2: 1, n: 1, d: -0.1 }), /\bd\b/],
    [() => competitiveCapture({ buyers, mu: 1, sigma2: 1, n: 1, d: 0.1, lookahead: 0.5 }), /lookahead/],
    [() => competitiveCapture({ buyers, mu: 1, sigma2: 1, n: 1, d: 0.1, horizon: 0 }), /horizon/],
    [() => paiResnick({ lambda1: 0, lambda2: 1 }), /lambda1/],
    [() => paiResnick({ lambda1: 1, lambda2: Infinity }), /lambda2/],
    [() => simulatePaiResnick({ lambda1: 1, lambda2: 1, samples: 1, seed: 1 }), /samples/],
    [() => simulatePaiResnick({ lambda1: 1, lambda2: -1, samples: 10, seed: 1 }), /lambda2/],
    [() => simulatePaiResnick({ lambda1: 1, lambda2: 1, samples: 10, seed: NaN }), /seed/],
    [() => expectedRuns({ share: 1.1, slots: 10, minLength: 1 }), /share/],
    [() => expectedRuns({ share: 0.5, slots: 0, minLength: 1 }), /slots/],
    [() => expectedRuns({ share: 0.5, slots: 10, minLength: 0 }), /minLength/],
    [() => expectedRunsOfLength({ share: 0.5, slots: 10, length: 1.5 }), /length/],
    [() => simulateRuns({ n: 10, held: 11, slots: 10, replications: 2, seed: 1 }), /held/],
    [() => simulateRuns({ n: 10, held: 1, slots: 10, replications: 1, seed: 1 }), /replications/],
    [() => simulateRuns({ n: 10, held: 1, slots: 10, replications: 2, seed: 1, maxLength: 0 }), /maxLength/],
    [() => shareValueWithBonus({ mu: 1, share: -0.1, d: 0.1, bonus: { kind: "linear", beta: 1 } }), /share/],
    [() => shareValueWithBonus({ mu: 1, share: 0.1, d: 0, bonus: { kind: "linear", beta: 1 } }), /\bd\b/],
    [
      () => shareValueWithBonus({ mu: 1, share: 0.1, d: 0.1, bonus: { kind: "cubic" as never, beta: 1 } }),
      /bonus\.kind/,
    ],
    [() => marginalShareValue({ mu: 1, share: 0.1, d: 0.1, bonus: { kind: "linear", beta: -1 } }), /bonus\.beta/],
    [() => centralisationThreshold({ mu: 1, n: 10, r: 0, bonus: { kind: "linear", beta: 1 } }), /\br\b/],
    [() => centralisationThreshold({ mu: 1, n: 10, r: 0.1, alpha: 0, bonus: { kind: "linear", beta: 1 } }), /alpha/],
    [() => centralisationThreshold({ mu: 1, n: 10, r: 0.1, price: -1, bonus: { kind: "linear", beta: 1 } }), /price/],
    [
      () =>
        centralisationThreshold({
          mu: 1,
          n: 10,
          r: 0.1,
          bonus: { kind: "linear", beta: 1 },
          method: "newton" as never,
        }),
      /method/,
    ],
    [
      () =>
        simulateShareWithBonus({
          reward: rewards.exponential(1),
          n: 10,
          held: 4,
          d: 0.1,
          bonus: { kind: "linear", beta: 1 },
          paths: 1,
          seed: 1,
        }),
      /paths/,
    ],
    [
      () =>
        simulateShareWithBonus({
          reward: rewards.exponential(1),
          n: 10,
          held: 9,
          d: 0.1,
          bonus: { kind: "geometric", beta: 1 },
          paths: 2,
          seed: 1,
        }),
      /bonus\.beta/,
    ],
    [
      () =>
        simulateShareWithBonus({
          reward: null as never,
          n: 10,
          held: 4,
          d: 0.1,
          bonus: { kind: "linear", beta: 1 },
          paths: 2,
          seed: 1,
        }),
      /reward/,
    ],
  ];
  for (const [fn, pattern] of cases) {
    assert.throws(fn, (err: unknown) => err instanceof RangeError && pattern.test(err.message), String(fn));
  }
});
