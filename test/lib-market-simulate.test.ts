import { test } from "node:test";
import assert from "node:assert/strict";
import {
  MECHANISM_KINDS,
  buyerValuation,
  competitiveCapture,
  homogeneousBuyers,
  simulateAgentMarket,
  tieredBuyers,
  type AgentMarketOptions,
} from "../lib/market";
import { rewards } from "../lib/rewards";
import { RunningStats, assertAgreement, check } from "../lib/stats";

const d = 0.01;
const n = 20;
const close = (a: number, b: number, rel = 1e-10) =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);
/** Σ_{t=1}^{H} x^t, x = 1/(1+d). */
const slotsPV = (H: number, rate = d) => -Math.expm1(-H * Math.log1p(rate)) / rate;

test("homogeneous risk-neutral buyers, r = d, second price: capture is exactly the finite-horizon 1 (constant R)", () => {
  const buyers = homogeneousBuyers({ count: 50, r: d });
  const { metrics } = simulateAgentMarket({
    buyers,
    mechanism: "second-price",
    n,
    d,
    reward: rewards.constant(1),
    seed: 1,
  });
  const H = metrics.horizonSlots;
  const theory = competitiveCapture({ buyers, mu: 1, sigma2: 0, n, d, horizon: H });
  // Ties at the common value v = μ/(1+nd): every ticket sells at the fair price, so
  // capture = (n + S)/((1+nd)S) = 1 + nd·x^H/((1+nd)(1 − x^H)): 1 up to the reported truncation.
  assert.ok(close(metrics.capture, theory.capture), `${metrics.capture} vs ${theory.capture}`);
  assert.ok(Math.abs(metrics.capture - 1) < 2 * n * d * metrics.truncation);
  assert.ok(close(metrics.priceMean, metrics.fairPrice, 1e-12));
  assert.ok(close(metrics.proceedsPV, metrics.fairPrice * (n + slotsPV(H))));
  assert.ok(metrics.truncation <= 1e-6);
  assert.equal(metrics.emptySlots, 0);
  assert.equal(metrics.outstandingMin, n);
  assert.equal(metrics.outstandingMax, n);
});

test("homogeneous buyers, exponential R: capture ≈ 1 and PV of rewards ≈ μ(1−x^H)/d within 5 stderr; ownership spreads", () => {
  const buyers = homogeneousBuyers({ count: 50, r: d });
  const capture = new RunningStats();
  const rewardsPV = new RunningStats();
  const hhi = new RunningStats();
  let H = 0;
  for (let rep = 0; rep < 30; rep++) {
    const { metrics } = simulateAgentMarket({
      buyers,
      mechanism: "second-price",
      n,
      d,
      reward: rewards.exponential(1),
      seed: `homog-${rep}`,
    });
    capture.push(metrics.capture);
    rewardsPV.push(metrics.rewardsPV);
    hhi.push(metrics.hhiMean);
    H = metrics.horizonSlots;
  }
  const theory = competitiveCapture({ buyers, mu: 1, sigma2: 1, n, d, horizon: H });
  // The mean of a ratio has a bias of relative order CV²(PV of R) ≈ d/2 = 0.005, far below 5 stderr here.
  assertAgreement([
    check({ label: "capture", estimate: capture.mean, stderr: capture.stderr, expected: theory.capture }),
    check({ label: "PV of rewards", estimate: rewardsPV.mean, stderr: rewardsPV.stderr, expected: slotsPV(H) }),
  ]);
  assert.ok(hhi.mean < 1_000, `mean HHI ${hhi.mean}: random tie-breaking spreads 20 tickets over 50 buyers`);
});

test("heterogeneous buyers, second price: the strongest takes every ticket and pays v(2): capture → v(2)/v(1)", () => {
  const buyers = tieredBuyers({ count: 10, seed: 3, r: d });
  const theory = competitiveCapture({ buyers, mu: 1, sigma2: 1, n, d });
  const ofExtracted = new RunningStats();
  const capture = new RunningStats();
  let H = 0;
  for (let rep = 0; rep < 30; rep++) {
    const { metrics, perBuyer } = simulateAgentMarket({
      buyers,
      mechanism: "second-price",
      n,
      d,
      reward: rewards.exponential(1),
      seed: rep,
    });
    assert.equal(metrics.largestShare, 1);
    assert.equal(metrics.largestWinShare, 1);
    assert.equal(metrics.hhi, 10_000);
    assert.equal(metrics.nakamoto, 1);
    assert.equal(metrics.holders, 1);
    assert.equal(metrics.topWinner, theory.top);
    assert.equal(perBuyer.held[theory.top], n);
    assert.ok(close(metrics.priceMean, theory.runnerUpValue, 1e-12));
    ofExtracted.push(metrics.captureOfExtracted);
    capture.push(metrics.capture);
    H = metrics.horizonSlots;
  }
  const finite = competitiveCapture({ buyers, mu: 1, sigma2: 1, n, d, horizon: H });
  assert.ok(Math.abs(finite.captureOfExtracted - theory.valuationRatio) < 1e-5); // truncation only
  assertAgreement([
    check({
      label: "capture of extracted → v(2)/v(1)",
      estimate: ofExtracted.mean,
      stderr: ofExtracted.stderr,
      expected: finite.captureOfExtracted,
    }),
    check({ label: "capture → α(2)", estimate: capture.mean, stderr: capture.stderr, expected: finite.capture }),
  ]);
  assert.ok(close(theory.capture, buyers[theory.runnerUp].alpha, 1e-12)); // r = d, γ = 0
});

test("first price: (N−1)/N shading pays (N−1)/N of the top value; 'competitive' reproduces the second-price run", () => {
  const buyers = tieredBuyers({ count: 10, seed: 3, r: d });
  const base = { buyers, n, d, reward: rewards.constant(1), seed: 5, horizon: 500 } as const;
  const shaded = simulateAgentMarket({ ...base, mechanism: { kind: "first-price" } }).metrics;
  const top = competitiveCapture({ buyers, mu: 1, sigma2: 0, n, d });
  assert.ok(close(shaded.priceMean, (top.topValue * 9) / 10, 1e-12));
  assert.ok(close(shaded.proceedsPV, ((top.topValue * 9) / 10) * (n + slotsPV(500))));
  const competitive = simulateAgentMarket({ ...base, mechanism: { kind: "first-price", shading: "competitive" } });
  const second = simulateAgentMarket({ ...base, mechanism: "second-price" });
  assert.deepEqual(competitive.metrics, second.metrics);
  assert.deepEqual(competitive.perBuyer, second.perBuyer);
  // a reserve above the shaded bid lifts the price to the reserve
  const reserve = 0.99 * top.topValue;
  const reserved = simulateAgentMarket({ ...base, mechanism: { kind: "first-price", reserve } }).metrics;
  assert.ok(close(reserved.priceMean, reserve, 1e-12));
});

test("fixed price: served at the posted price while someone's value reaches it; nothing sold above every value", () => {
  const buyers = homogeneousBuyers({ count: 5, r: d });
  const ok = simulateAgentMarket({
    buyers,
    mechanism: { kind: "fixed-price", price: 0.3 },
    n,
    d,
    reward: rewards.constant(1),
    seed: 2,
    horizon: 800,
  }).metrics;
  assert.ok(close(ok.proceedsPV, 0.3 * (n + slotsPV(800))));
  assert.equal(ok.ticketsSold, n + 800);
  assert.ok(ok.hhiMean < 3_000); // random rationing among 5 equal buyers
  const high = simulateAgentMarket({
    buyers,
    mechanism: { kind: "fixed-price", price: 2 },
    n,
    d,
    reward: rewards.constant(1),
    seed: 2,
    horizon: 800,
  }).metrics;
  assert.equal(high.ticketsSold, 0);
  assert.equal(high.emptySlots, 800);
  assert.equal(high.capture, 0);
  assert.ok(Number.isNaN(high.hhi) && Number.isNaN(high.largestShare) && Number.isNaN(high.priceMean));
  // default: 0.8 × the fair price
  const dflt = simulateAgentMarket({
    buyers,
    mechanism: "fixed-price",
    n,
    d,
    reward: rewards.constant(1),
    seed: 2,
    horizon: 50,
  }).metrics;
  assert.ok(close(dflt.priceFinal, 0.8 * dflt.fairPrice, 1e-12));
});

test("EIP-1559 controller keeps the outstanding count at its target and finds the buyers' value", () => {
  const buyers = homogeneousBuyers({ count: 10, r: d });
  for (const priceFactor of [0.2, 0.8, 3]) {
    for (const antiWindup of [true, false]) {
      const target = 50;
      const res = simulateAgentMarket({
        buyers,
        mechanism: { kind: "eip1559", priceFactor, antiWindup },
        n: target,
        d,
        reward: rewards.constant(1),
        seed: 4,
        horizon: 4_000,
        trace: { every: 1 },
      });
      const late = res.trace!.outstanding.slice(2_000);
      const mean = late.reduce((a, b) => a + b, 0) / late.length;
      assert.ok(
        Math.abs(mean - target) <= 1,
        `priceFactor ${priceFactor}, antiWindup ${antiWindup}: mean count ${mean}`,
      );
      assert.ok(
        Math.min(...late) >= target - 2 && Math.max(...late) <= target + 4,
        `count range ${Math.min(...late)}..${Math.max(...late)}`,
      );
      const value = buyerValuation({ buyer: buyers[0], mu: 1, sigma2: 0, pool: target });
      assert.ok(
        Math.abs(res.metrics.priceFinal / value - 1) < 0.01,
        `final price ${res.metrics.priceFinal} vs value ${value}`,
      );
    }
  }
});

test("bonding curve: the count settles where the top bid meets the curve", () => {
  const buyers = homogeneousBuyers({ count: 3, r: d });
  const basePrice = 0.4;
  const steepness = 2;
  const res = simulateAgentMarket({
    buyers,
    mechanism: { kind: "bonding-curve", basePrice, steepness },
    n,
    d,
    reward: rewards.constant(1),
    seed: 1,
    horizon: 1_000,
    trace: { every: 1 },
  });
  const price = (N: number) => basePrice * Math.exp((steepness * (N - n)) / n);
  const value = (N: number) => buyerValuation({ buyer: buyers[0], mu: 1, sigma2: 0, pool: N });
  let settled = 0;
  while (price(settled) <= value(settled + 1)) settled++;
  assert.ok(settled > n, "with these numbers the curve lets the count rise above n");
  assert.deepEqual(new Set(res.trace!.outstanding.slice(500)), new Set([settled]));
  assert.ok(close(res.metrics.priceFinal, price(settled), 1e-12));
});

test("secondary market moves tickets to stronger buyers without changing the protocol's proceeds", () => {
  const buyers = tieredBuyers({ count: 10, seed: 3, r: d });
  const base: AgentMarketOptions = {
    buyers,
    mechanism: "fixed-price",
    n,
    d,
    reward: rewards.exponential(1),
    seed: 9,
    horizon: 2_000,
  };
  const without = simulateAgentMarket(base).metrics;
  const withResale = simulateAgentMarket({ ...base, secondary: true }).metrics;
  assert.equal(without.trades, 0);
  assert.ok(withResale.trades > 0);
  assert.equal(withResale.proceedsPV, without.proceedsPV);
  assert.ok(withResale.largestShare > without.largestShare);
  assert.ok(withResale.extractedPV > without.extractedPV);
  assert.ok(withResale.buyerProfitTotal > without.buyerProfitTotal);
});

test("multi-block bonus: a monopolist continues every run; bonus PV = βμ Σ_{t≥2} x^t; aware buyers snowball", () => {
  const buyers = tieredBuyers({ count: 10, seed: 3, r: d });
  const H = 600;
  const beta = 0.5;
  const { metrics } = simulateAgentMarket({
    buyers,
    mechanism: "second-price",
    n,
    d,
    reward: rewards.constant(1),
    seed: 1,
    horizon: H,
    bonus: { beta, aware: false },
  });
  const top = competitiveCapture({ buyers, mu: 1, sigma2: 0, n, d }).top;
  assert.equal(metrics.continuationSlots, H - 1);
  assert.equal(metrics.longestRun, H);
  const expectedBonus = beta * (slotsPV(H) - 1 / (1 + d));
  assert.ok(close(metrics.bonusPV, expectedBonus));
  assert.ok(close(metrics.extractedPV, buyers[top].alpha * (slotsPV(H) + expectedBonus)));
  const homog = homogeneousBuyers({ count: 10, r: d });
  const run = (aware: boolean) =>
    simulateAgentMarket({
      buyers: homog,
      mechanism: "second-price",
      n,
      d,
      reward: rewards.constant(1),
      seed: 1,
      horizon: H,
      bonus: { beta, aware },
    }).metrics;
  assert.equal(run(true).largestShare, 1); // the first ticket's holder values the next one more, and so on
  assert.ok(run(false).largestShare < 0.5);
});

test("lookahead m delays every payout by m slots: PV of rewards and proceeds scale by x^m, capture unchanged", () => {
  const buyers = homogeneousBuyers({ count: 4, r: d });
  const base = {
    buyers,
    mechanism: "second-price",
    n,
    d,
    reward: rewards.exponential(1),
    seed: 3,
    horizon: 700,
  } as const;
  const m = 6;
  const now = simulateAgentMarket(base).metrics;
  const later = simulateAgentMarket({ ...base, lookahead: m }).metrics;
  const x = Math.exp(-m * Math.log1p(d));
  assert.ok(close(later.rewardsPV, x * now.rewardsPV, 1e-12));
  assert.ok(close(later.proceedsPV, x * now.proceedsPV, 1e-12));
  assert.ok(close(later.capture, now.capture, 1e-12));
});

test("budgets cap bids: no buyer ever pays more than its cash, in every mechanism", () => {
  const buyers = tieredBuyers({ count: 6, seed: 2, r: d, budgetUnit: 1 / 30 });
  for (const mechanism of MECHANISM_KINDS) {
    for (const secondary of [false, true]) {
      const { perBuyer, metrics } = simulateAgentMarket({
        buyers,
        mechanism,
        n,
        d,
        reward: rewards.exponential(1),
        seed: 1,
        horizon: 1_500,
        secondary,
      });
      perBuyer.cash.forEach((c, i) => assert.ok(c >= -1e-9, `${mechanism}: buyer ${i} cash ${c}`));
      assert.ok(Number.isFinite(metrics.capture) && metrics.capture >= 0, `${mechanism}: capture ${metrics.capture}`);
    }
  }
});

test("determinism: the same seed gives identical results, another seed different ones", () => {
  const buyers = tieredBuyers({ count: 10, seed: 1, r: d });
  for (const mechanism of MECHANISM_KINDS) {
    const params: AgentMarketOptions = {
      buyers,
      mechanism,
      n,
      d,
      reward: rewards.exponential(1),
      seed: "same",
      horizon: 400,
      secondary: true,
      trace: { every: 50 },
    };
    assert.deepEqual(simulateAgentMarket(params), simulateAgentMarket(params));
    assert.notEqual(
      simulateAgentMarket({ ...params, seed: "other" }).metrics.rewardsPV,
      simulateAgentMarket(params).metrics.rewardsPV,
    );
  }
});

test("simulateAgentMarket rejects bad input (RangeError naming the parameter)", () => {
  const buyers = homogeneousBuyers({ count: 2, r: d });
  const ok: AgentMarketOptions = {
    buyers,
    mechanism: "second-price",
    n,
    d,
    reward: rewards.exponential(1),
    seed: 1,
    horizon: 10,
  };
  const bad: Array<[Partial<AgentMarketOptions> & Record<string, unknown>, RegExp]> = [
    [{ n: 0 }, /\bn\b/],
    [{ n: 2.5 }, /\bn\b/],
    [{ d: 0 }, /\bd\b/],
    [{ d: NaN }, /\bd\b/],
    [{ buyers: [] }, /buyers/],
    [{ buyers: [{ alpha: 2, r: d, gamma: 0, budget: 1 }] }, /buyers\[0\]\.alpha/],
    [{ reward: {} as never }, /reward/],
    [{ seed: "" }, /seed/],
    [{ horizon: 0 }, /horizon/],
    [{ horizon: undefined, tolerance: 1 }, /tolerance/],
    [{ lookahead: -1 }, /lookahead/],
    [{ secondary: { maxTradesPerSlot: 0 } }, /secondary\.maxTradesPerSlot/],
    [{ bonus: { beta: -1 } }, /bonus\.beta/],
    [{ bonus: { beta: 1, kind: "geometric" as never } }, /bonus\.kind/],
    [{ trace: { every: 0 } }, /trace\.every/],
    [{ mechanism: "dutch" as never }, /mechanism/],
    [{ mechanism: { kind: "fixed-price", price: -1 } }, /mechanism\.price/],
    [{ mechanism: { kind: "first-price", shading: "half" as never } }, /mechanism\.shading/],
    [{ mechanism: { kind: "second-price", reserve: -1 } }, /mechanism\.reserve/],
    [{ mechanism: { kind: "eip1559", adjustFactor: 1 } }, /mechanism\.adjustFactor/],
    [{ mechanism: { kind: "eip1559", maxPerSlot: 0 } }, /mechanism\.maxPerSlot/],
    [{ mechanism: { kind: "eip1559", maxOutstanding: n - 1 } }, /mechanism\.maxOutstanding/],
    [{ mechanism: { kind: "bonding-curve", steepness: -1 } }, /mechanism\.steepness/],
    [{ mechanism: { kind: "bonding-curve", basePrice: 0 } }, /mechanism\.basePrice/],
  ];
  for (const [change, pattern] of bad) {
    assert.throws(
      () => simulateAgentMarket({ ...ok, ...change } as AgentMarketOptions),
      (err: unknown) => err instanceof RangeError && pattern.test(err.message),
      JSON.stringify(change),
    );
  }
});
