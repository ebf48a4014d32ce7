/**
 * The wait distribution, rate conversion, and the issue-5 closed forms (capital cost, risk aversion,
 * pooling, lookahead) against independent computations: exact series in 40-digit arithmetic, the
 * cumulant expansion of the CARA certainty equivalent, and the numbers quoted in docs/derivations/extensions.md.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type * as MathJs from "mathjs";
import {
  SLOTS_PER_YEAR,
  perSlotRate,
  annualRate,
  expectedWait,
  waitVariance,
  waitPmf,
  waitCdf,
  waitQuantile,
  ticketValue,
  ticketVariance,
  ticketCovariance,
  capitalCostTicketPrice,
  captureRatio,
  captureLeakage,
  leakageThreshold,
  protocolCapture,
  meanVarianceCertaintyEquivalent,
  certaintyEquivalent,
  certaintyEquivalentDetails,
  poolRiskPremium,
  poolSizeForPremium,
  pooledTicketVariance,
  holdingVariance,
  lookaheadTicketValue,
  lookaheadTicketVariance,
  executionAuctionValue,
  executionAuctionVariance,
} from "../lib/model";

type Big = MathJs.BigNumber;
interface BigCtor {
  new (value: number | string | Big): Big;
}
const mathjs = require("mathjs/lib/browser/math.js") as typeof MathJs & {
  BigNumber: { clone(config: { precision: number }): BigCtor };
};
const Decimal = mathjs.BigNumber.clone({ precision: 40 });
const big = (v: number | string) => new Decimal(v);
const ONE = big(1);
const U = Number.EPSILON / 2;
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

test("wait: moments, pmf and cdf against direct sums; quantiles", () => {
  for (const n of [1, 2, 5, 40]) {
    let mass = 0;
    let mean = 0;
    let square = 0;
    let cdf = 0;
    for (let t = 1; t <= 4000; t++) {
      const pmf = waitPmf({ n, t });
      mass += pmf;
      mean += t * pmf;
      square += t * t * pmf;
      cdf += pmf;
      if (t <= 200) assert.ok(Math.abs(waitCdf({ n, t }) - cdf) <= 1e-14, `cdf n=${n} t=${t}`);
    }
    // Tail beyond 4000 slots: (1 − 1/n)^4000 ≤ e^{−100} for n ≤ 40.
    assert.ok(Math.abs(mass - 1) < 1e-13);
    assert.ok(relative(mean, expectedWait({ n })) < 1e-12);
    assert.ok(Math.abs(square - mean * mean - waitVariance({ n })) < 1e-9 * Math.max(1, waitVariance({ n })));
  }
  assert.equal(waitPmf({ n: 4, t: 0 }), 0);
  assert.equal(waitCdf({ n: 4, t: 0 }), 0);
  // Exact: P(T ≤ 2) = 1 − (3/4)² = 7/16 at n = 4, so the 7/16-quantile is 2 and just above it is 3.
  assert.equal(waitQuantile({ n: 4, p: 7 / 16 }), 2);
  assert.equal(waitQuantile({ n: 4, p: 7 / 16 + 1e-12 }), 3);
  assert.equal(waitQuantile({ n: 4, p: 0 }), 1);
  assert.equal(waitQuantile({ n: 4, p: 1 }), Infinity);
  assert.equal(waitQuantile({ n: 2, p: 0.5 }), 1);
  // P(T ≤ 29) = 1 − 2^−29 at n = 2 (exact in doubles): the raw ceiling of log1p(−p)/log1p(−1/2)
  // gives 30, and the log-space correction must bring it back to 29.
  assert.equal(waitQuantile({ n: 2, p: waitCdf({ n: 2, t: 29 }) }), 29);
  assert.equal(waitQuantile({ n: 2, p: waitCdf({ n: 2, t: 47 }) }), 47);
});

test("rates: 365-day year of 12-second slots; docs/derivations/calibration.md#discount-rate-per-slot table", () => {
  assert.equal(SLOTS_PER_YEAR, 2_628_000);
  const table: Array<[number, string, string]> = [
    // annual r, d per slot (as printed), 1/d in years of slots (as printed)
    [0.02, "7.535e-9", "50.5"],
    [0.03, "1.1248e-8", "33.8"],
    [0.035, "1.3090e-8", "29.1"],
    [0.04, "1.4924e-8", "25.5"],
    [0.05, "1.8566e-8", "20.5"],
  ];
  const halfUnit = (text: string) => {
    const [m, e = "0"] = text.split("e");
    return 0.5 * 10 ** (Number(e) - (m.split(".")[1] ?? "").length);
  };
  for (const [r, dText, yearsText] of table) {
    const d = perSlotRate(r);
    assert.ok(Math.abs(d - Number(dText)) <= halfUnit(dText), `d at ${r}: ${d}`);
    assert.ok(Math.abs(1 / d / SLOTS_PER_YEAR - Number(yearsText)) <= halfUnit(yearsText), `1/d at ${r}`);
    // Against 40-digit arithmetic: d = exp(ln(1+r)/S) − 1.
    const exact = big(r).plus(1).ln().div(SLOTS_PER_YEAR).exp().minus(1);
    assert.ok(relative(d, exact.toNumber()) <= 4 * U);
    assert.ok(relative(annualRate(d), r) <= 8 * U);
  }
  // Slot length matters: 6-second slots halve d (to first order).
  assert.ok(relative(perSlotRate(0.04, 6), perSlotRate(0.04) / 2) < 1e-8);
  assert.equal(perSlotRate(0), 0);
});

test("capital cost: the examples of docs/derivations/extensions.md", () => {
  const d = perSlotRate(0.03);
  const r = perSlotRate(0.1);
  const near = (actual: number, printed: number, digits: number) => Math.abs(actual - printed) <= 0.5 * 10 ** -digits;
  assert.ok(near(captureRatio({ n: 1e7, d, r }), 0.816, 3));
  assert.ok(near(captureRatio({ n: 1e4, d, r }), 0.99975, 5));
  // 1 − χ ≈ n(r − d) for nr ≪ 1, computed without cancellation.
  assert.ok(relative(captureLeakage({ n: 1e4, d, r }), 1e4 * (r - d)) < 1e4 * r * 1.01);
  assert.ok(relative(captureLeakage({ n: 10, d, r }), (10 * (r - d)) / (1 + 10 * r)) <= 4 * U);
  // The limit d/r and the asymptote of the leakage threshold.
  assert.ok(relative(captureRatio({ n: 2 ** 53, d, r }), d / r) < 1e-6);
  assert.equal(leakageThreshold({ d, r, leakage: 1 - d / r + 1e-6 }), Infinity);
  assert.equal(leakageThreshold({ d: 0.02, r: 0.01, leakage: 0.01 }), Infinity);
  for (const leakage of [0.01, 0.1]) {
    const threshold = leakageThreshold({ d, r, leakage });
    const below = Math.floor(threshold);
    assert.ok(captureLeakage({ n: below, d, r }) <= leakage && captureLeakage({ n: below + 1, d, r }) > leakage);
  }
  // protocolCapture at the capital-cost price is the capture ratio; at the fair price it is 1.
  for (const n of [1, 100, 1e7]) {
    const price = capitalCostTicketPrice({ mu: 0.12, n, r });
    assert.ok(relative(protocolCapture({ price, mu: 0.12, n, d }), captureRatio({ n, d, r })) <= 8 * U);
    assert.ok(relative(protocolCapture({ price: ticketValue({ mu: 0.12, n, d }), mu: 0.12, n, d }), 1) <= 8 * U);
  }
  assert.equal(capitalCostTicketPrice({ mu: 1, n: 10, r: 0.1 }), 0.5);
});

/** E[e^{−γV}] for exponential rewards, summed in 40-digit arithmetic over the win slot. */
function exactCaraExpectation(mu: number, n: number, dText: string, gamma: number): Big {
  const a = big(gamma).times(mu);
  const x = ONE.div(ONE.plus(big(dText)));
  const p = ONE.div(n);
  const q = ONE.minus(p);
  // Terms p q^{t−1}/(1 + a x^t) ≤ p q^{t−1}: the tail after t terms is ≤ q^t.
  let sum = big(0);
  let weight = p;
  let discount = x;
  let tail = q;
  for (let t = 1; t < 100_000; t++) {
    sum = sum.plus(weight.div(ONE.plus(a.times(discount))));
    if (tail.lt("1e-32")) return sum;
    weight = weight.times(q);
    discount = discount.times(x);
    tail = tail.times(q);
  }
  throw new Error("exact CARA sum did not converge");
}

test("CARA certainty equivalent against the exact series (40 digits)", () => {
  // μ and γ enter only through a = γμ, so varying γ at two μ covers the range.
  for (const [n, dText] of [
    [1, "0.1"],
    [2, "0.5"],
    [3, "0.1"],
    [10, "0.05"],
    [40, "0.05"],
  ] as const) {
    for (const gamma of [0.01, 0.5, 2, 10]) {
      for (const mu of gamma < 1 ? [1] : [0.3]) {
        const expectation = exactCaraExpectation(mu, n, dText, gamma);
        const exact = expectation.ln().neg().div(gamma).toNumber();
        const d = Number(dText);
        for (const method of ["auto", "direct", "series"] as const) {
          if (n === 1 && method !== "auto") continue;
          const details = certaintyEquivalentDetails({ mu, n, d, gamma, rewards: "exponential", method });
          assert.ok(
            relative(details.value, exact) <= 1e-13,
            `n=${n} d=${d} γ=${gamma} μ=${mu} ${method}: ${details.value} vs ${exact}`,
          );
          assert.ok(details.truncationBound <= 1e-14 * exact);
        }
      }
    }
  }
});

test("CARA: the direct sum and the binomial series agree where both are feasible", () => {
  for (const [n, d] of [
    [1e4, 1e-4],
    [300, 1e-3],
    [50, 2e-2],
  ]) {
    for (const gamma of [1e-3, 1, 20]) {
      const direct = certaintyEquivalentDetails({ mu: 1, n, d, gamma, rewards: "exponential", method: "direct" });
      const series = certaintyEquivalentDetails({ mu: 1, n, d, gamma, rewards: "exponential", method: "series" });
      assert.ok(
        relative(direct.value, series.value) <= 1e-12,
        `n=${n} d=${d} γ=${gamma}: ${direct.value} vs ${series.value}`,
      );
    }
  }
});

test("CARA at realistic scale (n = 1e9, d = 1.5e-8) matches the cumulant expansion", () => {
  // CE = Σ_j (−γ)^{j−1} κ_j / j!; with R ~ Exp(μ), E[V^j] = j! μ^j E[x^{jT}], E[x^{jT}] = 1/(1 + n((1+d)^j − 1)).
  const mu = 1;
  for (const [n, d] of [
    [1e9, 1.5e-8],
    [1e9, 1e-9],
    [1e6, 1.5e-8],
  ]) {
    const moment = (j: number) => {
      let factorial = 1;
      for (let i = 2; i <= j; i++) factorial *= i;
      return (factorial * mu ** j) / (1 + n * Math.expm1(j * Math.log1p(d)));
    };
    const [m1, m2, m3, m4] = [1, 2, 3, 4].map(moment);
    const k2 = m2 - m1 * m1;
    const k3 = m3 - 3 * m2 * m1 + 2 * m1 ** 3;
    const k4 = m4 - 4 * m3 * m1 - 3 * m2 * m2 + 12 * m2 * m1 * m1 - 6 * m1 ** 4;
    assert.ok(relative(m1, ticketValue({ mu, n, d })) < 1e-12);
    assert.ok(relative(k2, ticketVariance({ mu, sigma2: mu * mu, n, d })) < 1e-6);
    for (const gamma of [1e-4, 1e-3]) {
      const ce = certaintyEquivalent({ mu, n, d, gamma, rewards: "exponential" });
      const expansion = m1 - (gamma * k2) / 2 + (gamma ** 2 * k3) / 6;
      // The first omitted term is γ³κ₄/24; allow 4× it plus rounding.
      const tolerance = (4 * gamma ** 3 * Math.abs(k4)) / 24 + 1e-14 * m1;
      assert.ok(Math.abs(ce - expansion) <= tolerance, `n=${n} d=${d} γ=${gamma}: ${ce} vs ${expansion}`);
      // …and the check can fail: the γ² term is far above the tolerance.
      assert.ok((gamma ** 2 * k3) / 6 > 10 * tolerance);
    }
  }
});

test("CARA: γ = 0 is risk neutral; n = 1 is closed form; mean–variance CE", () => {
  assert.equal(
    certaintyEquivalent({ mu: 2, n: 10, d: 0.1, gamma: 0, rewards: "exponential" }),
    ticketValue({ mu: 2, n: 10, d: 0.1 }),
  );
  const x = 1 / 1.1;
  assert.ok(
    relative(certaintyEquivalent({ mu: 2, n: 1, d: 0.1, gamma: 0.5, rewards: "exponential" }), Math.log1p(x) / 0.5) <=
      4 * U,
  );
  assert.equal(meanVarianceCertaintyEquivalent({ mean: 1, variance: 0.5, gamma: 2 }), 0.5);
  assert.equal(meanVarianceCertaintyEquivalent({ mean: -1, variance: 0, gamma: 2 }), -1);
});

test("pooling: per-ticket variance Var/k + (1 − 1/k)Cov; premium γVar/(2m); pool size", () => {
  const [mu, sigma2, n, d] = [1, 1, 100, 0.01];
  const v = ticketVariance({ mu, sigma2, n, d });
  const c = ticketCovariance({ mu, n, d });
  for (const k of [1, 2, 10, 100]) {
    const expected = v / k + (1 - 1 / k) * c;
    assert.ok(relative(pooledTicketVariance({ mu, sigma2, n, d, k }), expected) <= 1e-14);
    assert.ok(
      relative(pooledTicketVariance({ mu, sigma2, n, d, k }) * k * k, holdingVariance({ mu, sigma2, n, d, k })) <=
        4 * U,
    );
  }
  assert.equal(pooledTicketVariance({ mu, sigma2, n, d, k: 1 }), v);
  assert.equal(poolRiskPremium({ variance: 2, gamma: 0.5, members: 5 }), 0.1);
  // γVar/(2·target) exactly an integer: that many members reach the target, one fewer does not.
  assert.equal(poolSizeForPremium({ variance: 1, gamma: 2, targetPremium: 0.25 }), 4);
  assert.equal(poolSizeForPremium({ variance: 1, gamma: 2, targetPremium: 0.2499 }), 5);
  assert.equal(poolSizeForPremium({ variance: 1, gamma: 2, targetPremium: 10 }), 1);
  assert.equal(poolSizeForPremium({ variance: 0, gamma: 2, targetPremium: 1e-9 }), 1);
  // Targets equal to a premium of m members, where the raw ceiling of γVar/(2·target) rounds to m + 1.
  for (const [variance, gamma, members] of [
    [6.867727123604961, 5.889766428568292, 931],
    [0.7268588294865839, 6.316347181013016, 885],
    [3.1903294116213585, 9.866421120179082, 494],
  ]) {
    const targetPremium = poolRiskPremium({ variance, gamma, members });
    assert.equal(poolSizeForPremium({ variance, gamma, targetPremium }), members);
  }
});

test("lookahead and execution auctions: m = 0 is the post's ticket; exact rationals at d = 1/10", () => {
  const [mu, sigma2, n, d] = [1, 2, 10, 0.1];
  assert.equal(lookaheadTicketValue({ mu, n, d, m: 0 }), ticketValue({ mu, n, d }));
  assert.equal(lookaheadTicketVariance({ mu, sigma2, n, d, m: 0 }), ticketVariance({ mu, sigma2, n, d }));
  // x^3 = 1000/1331; E[V] = 1/2 at n = 10, d = 1/10.
  assert.ok(relative(lookaheadTicketValue({ mu, n, d, m: 3 }), 500 / 1331) <= 8 * U);
  assert.ok(relative(executionAuctionValue({ mu, d, m: 3 }), 1000 / 1331) <= 8 * U);
  assert.ok(relative(executionAuctionVariance({ sigma2, d, m: 3 }), (2 * 1e6) / 1331 ** 2) <= 8 * U);
  assert.ok(
    relative(
      lookaheadTicketVariance({ mu, sigma2, n, d, m: 3 }),
      (ticketVariance({ mu, sigma2, n, d }) * 1e6) / 1331 ** 2,
    ) <=
      8 * U,
  );
  // The auction carries reward risk only: its squared coefficient of variation is σ²/μ² for every m,
  // while the ticket's is higher by (σ²+μ²)n(n−1)d²/(μ²(nd²+2nd+1)) (timing risk).
  for (const m of [0, 3, 32]) {
    const cv2Auction = executionAuctionVariance({ sigma2, d, m }) / executionAuctionValue({ mu, d, m }) ** 2;
    const cv2Ticket = lookaheadTicketVariance({ mu, sigma2, n, d, m }) / lookaheadTicketValue({ mu, n, d, m }) ** 2;
    assert.ok(relative(cv2Auction, sigma2 / mu ** 2) <= 8 * U);
    const timing = ((sigma2 + mu * mu) * n * (n - 1) * d * d) / (mu * mu * (n * d * d + 2 * n * d + 1));
    assert.ok(relative(cv2Ticket - cv2Auction, timing) <= 1e-13);
  }
});
