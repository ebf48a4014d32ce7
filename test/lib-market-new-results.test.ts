/**
 * Issue 17's closed forms (lib/market/theory: jit-versus-ahead, independent-values-auction,
 * tullock-contest) against independent computations (exact sums, quadrature, the definition of an
 * equilibrium) and against seeded simulation (5 standard errors, with the plausible wrong value excluded).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  commonValueSale,
  contestBestResponses,
  independentValuesAuction,
  mevBurnVersusTickets,
  simulateMevBurn,
  slotAuctionChain,
  simulateSlotAuctionChain,
  centralisationBonus,
  lotteryRevenue,
  jitBreakEvenBuilders,
  jitVersusAheadOfTime,
  simulateProportionalLottery,
  simulateSlotAuctions,
  slotValueCertaintyEquivalent,
  tullockEquilibrium,
} from "../lib/market";
import { captureLeakage, certaintyEquivalent, protocolCapture } from "../lib/model";
import { assertAgreement, check } from "../lib/stats";

const close = (a: number, b: number, rel: number) =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);

/** Composite Simpson on [a, b] with 2^16 panels (the test's own quadrature). */
function simpson(f: (x: number) => number, a: number, b: number): number {
  const panels = 1 << 16;
  const h = (b - a) / panels;
  let sum = f(a) + f(b);
  for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/** Subsets of {0..k−1} as bit masks, with a callback per non-empty subset. */
function forEachSubset(k: number, visit: (members: number[]) => void): void {
  for (let mask = 1; mask < 1 << k; mask++)
    visit(Array.from({ length: k }, (_, i) => i).filter((i) => mask & (1 << i)));
}

test("JIT revenue E[X_(2)] for i.i.d. values: μ(H_k − 1) and 2μ(k−1)/(k+1) against quadrature of P(X_(2) > x)", () => {
  const mu = 1.7;
  for (let k = 2; k <= 12; k++) {
    // P(X_(2) ≤ x) = F^k + k(1−F)F^{k−1}.
    const second = (F: (x: number) => number) => (x: number) => 1 - F(x) ** k - k * (1 - F(x)) * F(x) ** (k - 1);
    const expo = simpson(
      second((x) => -Math.expm1(-x / mu)),
      0,
      60 * mu,
    );
    const unif = simpson(
      second((x) => x / (2 * mu)),
      0,
      2 * mu,
    );
    assert.ok(
      close(jitVersusAheadOfTime({ builders: k, mu, law: "exponential" }).jitRevenue, expo, 1e-10),
      `exponential k = ${k}`,
    );
    assert.ok(
      close(jitVersusAheadOfTime({ builders: k, mu, law: "uniform" }).jitRevenue, unif, 1e-10),
      `uniform k = ${k}`,
    );
    const max = simpson((x) => 1 - (-Math.expm1(-x / mu)) ** k, 0, 60 * mu);
    assert.ok(close(jitVersusAheadOfTime({ builders: k, mu, law: "exponential" }).jitWinnerValue, max, 1e-10));
  }
});

test("the JIT/AOT gap changes sign with k: below the mean at k = 2, 3, at or above from 4 (exponential) and 3 (uniform)", () => {
  const gap = (k: number, law: "exponential" | "uniform") => jitVersusAheadOfTime({ builders: k, mu: 1, law }).gap;
  assert.ok(gap(2, "exponential") < 0 && gap(3, "exponential") < 0 && gap(4, "exponential") > 0);
  assert.ok(gap(2, "uniform") < 0 && Math.abs(gap(3, "uniform")) < 1e-15 && gap(4, "uniform") > 0);
  assert.equal(jitBreakEvenBuilders({ mu: 1, law: "exponential" }), 4);
  assert.equal(jitBreakEvenBuilders({ mu: 1, law: "uniform" }), 3);
  // The break-even against a linear scan, with risk aversion and a lead.
  for (const law of ["exponential", "uniform"] as const) {
    for (const gamma of [0, 0.3, 2, 10]) {
      let k = 2;
      while (jitVersusAheadOfTime({ builders: k, mu: 1, law, gamma, lead: 32, d: 1e-3 }).gap < 0) k++;
      assert.equal(jitBreakEvenBuilders({ mu: 1, law, gamma, lead: 32, d: 1e-3 }), k, `${law} γ = ${gamma}`);
    }
  }
});

test("certainty equivalents: closed forms against quadrature of E[e^{−γX}], and the limits γ → 0 and large γ", () => {
  for (const gamma of [1e-3, 0.1, 1, 7]) {
    const mu = 0.8;
    const expo = simpson((x) => (Math.exp(-gamma * x) * Math.exp(-x / mu)) / mu, 0, 80 * mu);
    const unif = simpson((x) => Math.exp(-gamma * x) / (2 * mu), 0, 2 * mu);
    assert.ok(close(slotValueCertaintyEquivalent({ law: "exponential", mu, gamma }), -Math.log(expo) / gamma, 1e-9));
    assert.ok(close(slotValueCertaintyEquivalent({ law: "uniform", mu, gamma }), -Math.log(unif) / gamma, 1e-9));
  }
  // Small γ: CE ≈ μ − γσ²/2 (σ² = μ² and μ²/3), where the naive logarithms lose every digit.
  for (const gamma of [1e-9, 1e-12]) {
    assert.ok(close(slotValueCertaintyEquivalent({ law: "exponential", mu: 1, gamma }), 1 - gamma / 2, 1e-15));
    assert.ok(close(slotValueCertaintyEquivalent({ law: "uniform", mu: 1, gamma }), 1 - gamma / 6, 1e-15));
  }
  // Large γ: the uniform CE → (ln(2γμ))/γ (the bidder fears a value near 0).
  const g = 1e6;
  assert.ok(close(slotValueCertaintyEquivalent({ law: "uniform", mu: 1, gamma: g }), Math.log(2 * g) / g, 1e-12));
  assert.equal(slotValueCertaintyEquivalent({ law: "uniform", mu: 2, gamma: 0 }), 2);
});

test("independent exponential builders: JIT revenue, winner value and shares against inclusion–exclusion sums", () => {
  for (const means of [
    [1, 1],
    [2, 1],
    [3, 1.5, 0.7],
    [1, 0.9, 0.8, 0.5, 0.2],
    [5, 0.01, 1, 2, 2, 0.3],
  ]) {
    const rates = means.map((m) => 1 / m);
    const k = means.length;
    let max = 0;
    let second = 0;
    forEachSubset(k, (s) => {
      const rate = s.reduce((a, i) => a + rates[i], 0);
      max += (s.length % 2 === 1 ? 1 : -1) / rate;
      // 1{N ≥ 2} = Σ_{j ≥ 2} (−1)^j (j − 1) C(N, j).
      if (s.length >= 2) second += ((s.length % 2 === 0 ? 1 : -1) * (s.length - 1)) / rate;
    });
    const shares = means.map((_, i) => {
      let p = 0;
      const others = means.map((_, j) => j).filter((j) => j !== i);
      for (let mask = 0; mask < 1 << others.length; mask++) {
        const chosen = others.filter((_, b) => mask & (1 << b));
        p += ((chosen.length % 2 === 0 ? 1 : -1) * rates[i]) / (rates[i] + chosen.reduce((a, j) => a + rates[j], 0));
      }
      return p;
    });
    const r = independentValuesAuction({ means });
    assert.ok(close(r.jitWinnerValue, max, 1e-9), `E[max] ${means}`);
    assert.ok(close(r.jitRevenue, second, 1e-7), `E[second] ${means}: ${r.jitRevenue} vs ${second}`);
    r.jitShares.forEach((p, i) => assert.ok(Math.abs(p - shares[i]) < 1e-8, `share ${i} of ${means}`));
    assert.equal(r.aheadOfTimeWinner, means.indexOf(Math.max(...means)));
  }
});

test("simulated JIT auctions agree with the closed forms (5 s.e.), and exclude the plausible wrong values", () => {
  const slots = 200_000;
  const iid = simulateSlotAuctions({
    scales: [1, 1, 1, 1, 1],
    law: "exponential",
    values: "private",
    slots,
    seed: 17,
    gamma: 0.7,
  });
  const closed = jitVersusAheadOfTime({ builders: 5, mu: 1, law: "exponential", gamma: 0.7 });
  const unif = simulateSlotAuctions({ scales: [1, 1], law: "uniform", values: "private", slots, seed: 18 });
  const hetero = [2, 1, 0.5];
  const het = simulateSlotAuctions({ scales: hetero, law: "exponential", values: "private", slots, seed: 19 });
  const exact = independentValuesAuction({ means: hetero });
  const common = simulateSlotAuctions({
    scales: [0.9, 0.8, 0.6],
    law: "exponential",
    values: "common",
    slots,
    seed: 20,
  });
  // The runner-up's certainty equivalent of its value 0.8·R: builder 0 of a market of two such builders.
  const runnerUp = simulateSlotAuctions({
    scales: [0.8, 0.8],
    law: "exponential",
    values: "common",
    slots,
    seed: 21,
    gamma: 1.5,
  });
  const commonClosed = commonValueSale({ skills: [0.9, 0.8, 0.6], mu: 1, law: "exponential", gamma: 1.5 });
  const ce = (sim: typeof iid) => ({
    mean: sim.certaintyEquivalent?.mean ?? Number.NaN,
    stderr: sim.certaintyEquivalent?.stderr ?? 0,
  });
  // [what, estimate, closed form, the plausible wrong value it must exclude]
  const cases: [string, { mean: number; stderr: number }, number, string, number][] = [
    ["E[X_(2)], k = 5", iid.jitRevenue, closed.jitRevenue, "the mean μ", 1],
    ["CE_γ(X), γ = 0.7", ce(iid), closed.aheadOfTimeRevenue, "μ − γσ²/2", 1 - 0.35],
    [
      "uniform E[X_(2)], k = 2",
      unif.jitRevenue,
      jitVersusAheadOfTime({ builders: 2, mu: 1, law: "uniform" }).jitRevenue,
      "the mean",
      1,
    ],
    ["heterogeneous E[X_(2)]", het.jitRevenue, exact.jitRevenue, "second largest mean", 1],
    ["heterogeneous share of the strongest", het.shares[0], exact.jitShares[0], "mean share 2/3.5", 2 / 3.5],
    ["common value: JIT revenue c_(2)μ", common.jitRevenue, commonClosed.jitRevenue, "c_(1)μ", 0.9],
    [
      "common value: AOT revenue c_(2)·CE(R)",
      ce(runnerUp),
      commonClosed.aheadOfTimeRevenue,
      "risk neutral c_(2)μ",
      0.8,
    ],
  ];
  const checks = cases.map(([label, { mean, stderr }, expected, wrong, value]) =>
    check({ label, estimate: mean, stderr, expected, alternative: { label: wrong, value } }),
  );
  assertAgreement(checks);
  assert.equal(common.shares[0].mean, 1, "with a common value the most skilled builder wins every slot");
});

test("Tullock α = 1: the two-buyer and identical-value closed forms, and the equilibrium conditions by definition", () => {
  const [v1, v2] = [3, 1.2];
  const two = tullockEquilibrium({ values: [v1, v2] });
  const s = v1 + v2;
  assert.ok(close(two.spending[0], (v1 * v1 * v2) / (s * s), 1e-14));
  assert.ok(close(two.spending[1], (v1 * v2 * v2) / (s * s), 1e-14));
  assert.ok(close(two.revenue, (v1 * v2) / s, 1e-14));
  assert.ok(close(two.shares[0], v1 / s, 1e-14));
  for (const k of [2, 3, 10, 100]) {
    const same = tullockEquilibrium({ values: Array(k).fill(2) });
    assert.ok(close(same.revenue, (2 * (k - 1)) / k, 1e-13));
    same.shares.forEach((p) => assert.ok(close(p, 1 / k, 1e-13)));
  }
  // Nash by definition: every buyer's spending maximises its payoff against the others' (a fine grid).
  for (const values of [
    [10, 3, 1, 0.2],
    [5, 4, 3, 2, 1],
    [1, 1, 0.4],
    [7, 0.1],
  ]) {
    const eq = tullockEquilibrium({ values });
    values.forEach((v, i) => {
      const others = eq.revenue - eq.spending[i];
      const payoff = (x: number) => (x + others > 0 ? (v * x) / (x + others) - x : 0);
      const best = payoff(eq.spending[i]);
      for (let j = 0; j <= 20_000; j++)
        assert.ok(payoff((j / 20_000) * v) <= best + 1e-12, `buyer ${i} of ${values} can gain`);
    });
    const sumShares = eq.shares.reduce((a, b) => a + b, 0);
    assert.ok(close(sumShares, 1, 1e-14));
  }
});

test("iterated best responses reach the closed form at α = 1 and the symmetric α(k−1)v/k below it", () => {
  for (const values of [
    [10, 3, 1, 0.2],
    [5, 4, 3, 2, 1],
    [2, 2],
    [1, 0.999, 0.5, 0.5, 0.01],
  ]) {
    const closed = tullockEquilibrium({ values });
    const iterated = contestBestResponses({ values });
    assert.ok(close(iterated.revenue, closed.revenue, 1e-10), `${values}`);
    iterated.shares.forEach((p, i) => assert.ok(Math.abs(p - closed.shares[i]) < 1e-10));
  }
  for (const alpha of [0.1, 0.5, 0.9]) {
    for (const k of [2, 5]) {
      const r = contestBestResponses({ values: Array(k).fill(3), exponent: alpha });
      assert.ok(close(r.revenue, (alpha * (k - 1) * 3) / k, 1e-10), `α = ${alpha}, k = ${k}`);
    }
  }
  // Lower α spreads the shares and lowers revenue (the frontier the notebook draws).
  const values = [10, 3, 1, 0.2];
  const a = contestBestResponses({ values, exponent: 0.3 });
  const b = contestBestResponses({ values, exponent: 1 });
  assert.ok(a.shares[0] < b.shares[0] && a.revenue < b.revenue);
});

test("a lottery awarding slots by the equilibrium shares wins them at those frequencies (5 s.e.)", () => {
  const eq = tullockEquilibrium({ values: [4, 2, 1, 1] });
  const wins = simulateProportionalLottery({ weights: eq.spending, slots: 200_000, seed: 23 });
  assertAgreement(
    wins.map((w, i) =>
      check({
        label: `buyer ${i}`,
        estimate: w.mean,
        stderr: w.stderr,
        expected: eq.shares[i],
        alternative: { label: "value share", value: [4, 2, 1, 1][i] / 8 },
      }),
    ),
  );
});

test("MEV-burn against tickets: the boundary is the capital-cost leakage for risk-neutral buyers, and the captures cross there", () => {
  for (const [n, d, r] of [
    [1000, 1e-4, 3e-4],
    [1e7, 1.5e-8, 3.8e-8],
    [1, 0.01, 0.01],
    [1e9, 1e-9, 2e-9],
  ]) {
    const at = (lambda: number, gamma = 0) =>
      mevBurnVersusTickets({ lateFraction: lambda, runnerUpSkill: 0.85, mu: 2, sigma2: 3, n, d, r, gamma });
    const base = at(0);
    assert.ok(
      close(base.boundaryLateFraction, captureLeakage({ n, d, r }), 1e-12) ||
        (base.boundaryLateFraction === 0 && r === d),
    );
    assert.ok(close(base.ticketCapture, protocolCapture({ price: (0.85 * 2) / (1 + n * r), mu: 2, n, d }), 1e-12));
    // At λ*, the two captures are equal (with risk aversion too).
    for (const gamma of [0, 0.3]) {
      const star = at(0, gamma).boundaryLateFraction;
      if (star > 0 && star < 1)
        assert.ok(close(at(star, gamma).burnCapture, at(star, gamma).ticketCapture, 1e-9), `n = ${n}, γ = ${gamma}`);
    }
  }
  // The ticket price with risk: CE_γ(c·V) = c·CE_{γc}(V), against certaintyEquivalent of the scaled reward.
  const risky = mevBurnVersusTickets({
    lateFraction: 0.1,
    runnerUpSkill: 0.5,
    mu: 1,
    sigma2: 1,
    n: 50,
    d: 0.001,
    r: 0.002,
    gamma: 0.8,
  });
  assert.ok(
    close(
      risky.ticketPrice,
      certaintyEquivalent({ mu: 0.5, n: 50, d: 0.002, gamma: 0.8, rewards: "exponential" }),
      1e-12,
    ),
  );
  // Variance: proportional (1−λ)², independent (1−λ); a year averages it down by √N.
  const v = (accrual: "proportional" | "independent") =>
    mevBurnVersusTickets({
      lateFraction: 0.3,
      runnerUpSkill: 1,
      mu: 1,
      sigma2: 2,
      accrual,
      n: 1,
      d: 1,
      r: 1,
      slotsPerYear: 100,
    });
  assert.ok(
    close(v("proportional").burnVariance, 0.49 * 2, 1e-14) && close(v("independent").burnVariance, 0.7 * 2, 1e-14),
  );
  assert.ok(close(v("independent").burnRelativeSdPerYear, Math.sqrt(1.4) / (0.7 * 10), 1e-14));
});

test("simulated in-slot accrual: burn mean and variance within 5 s.e. under both accruals, each excluding the other's variance", () => {
  const checks = (["independent", "proportional"] as const).flatMap((accrual) => {
    const sim = simulateMevBurn({
      lateFraction: 0.4,
      runnerUpSkill: 0.8,
      mu: 1.5,
      arrivalsPerSlot: 3,
      accrual,
      slots: 300_000,
      seed: `burn-${accrual}`,
    });
    const closed = (model: typeof accrual) =>
      mevBurnVersusTickets({
        lateFraction: 0.4,
        runnerUpSkill: 0.8,
        mu: 1.5,
        sigma2: sim.sigma2,
        accrual: model,
        n: 1,
        d: 1,
        r: 1,
      });
    const other = accrual === "independent" ? "proportional" : "independent";
    return [
      check({
        label: `mean ${accrual}`,
        estimate: sim.burn.mean,
        stderr: sim.burn.stderr,
        expected: closed(accrual).burnMean,
        alternative: { label: "c₂μ", value: 1.2 },
      }),
      check({
        label: `variance ${accrual}`,
        estimate: sim.burnVariance.mean,
        stderr: sim.burnVariance.stderr,
        expected: closed(accrual).burnVariance,
        alternative: { label: other, value: closed(other).burnVariance },
      }),
    ];
  });
  assertAgreement(checks);
});

test("slot-auction chain without a bonus: second price is the one-slot auction, the lottery its closed form", () => {
  const means = [3, 1.5, 1, 0.7, 0.2];
  const chain = slotAuctionChain({ means, mechanism: { kind: "second-price" } });
  const once = independentValuesAuction({ means });
  chain.shares.forEach((p, i) => assert.ok(Math.abs(p - once.jitShares[i]) < 1e-8, `share ${i}`));
  assert.ok(close(chain.revenue, once.jitRevenue, 1e-8));
  const [m1, m2] = [2, 0.5];
  const price = 0.8;
  const lottery = slotAuctionChain({ means: [m1, m2], mechanism: { kind: "threshold-lottery", price } });
  const [p1, p2] = [Math.exp(-price / m1), Math.exp(-price / m2)];
  assert.ok(close(lottery.shares[0], p1 * (1 - p2) + (p1 * p2) / 2, 1e-14));
  assert.ok(close(lottery.unsold, (1 - p1) * (1 - p2), 1e-12));
  assert.ok(close(lottery.revenue, lotteryRevenue({ means: [m1, m2], price }), 1e-12));
  assert.ok(close(lotteryRevenue({ means: [m1, m2], price }), price * (1 - (1 - p1) * (1 - p2)), 1e-14));
});

test("slot-auction chain with a bonus: the two-builder second-price chain in closed form", () => {
  const [m1, m2, b] = [1.2, 0.8, 0.9];
  const [a, c] = [1 / m1, 1 / m2];
  // P(X2 > X1 + b) = e^{−cb}·a/(a+c): the holder keeps the slot with 1 minus that.
  const keep1 = 1 - (Math.exp(-c * b) * a) / (a + c);
  const keep2 = 1 - (Math.exp(-a * b) * c) / (a + c);
  const pi1 = (1 - keep2) / (1 - keep2 + (1 - keep1));
  const chain = slotAuctionChain({ means: [m1, m2], bonus: b, mechanism: { kind: "second-price" } });
  assert.ok(Math.abs(chain.transitions[0][0] - keep1) < 1e-9 && Math.abs(chain.transitions[1][1] - keep2) < 1e-9);
  assert.ok(Math.abs(chain.shares[0] - pi1) < 1e-9);
  assert.ok(close(chain.meanRunLength[0], 1 / (1 - keep1), 1e-8));
  // The centralisation bonus is where the dominant builder's share of blocks crosses the target.
  const means = [1.5, 1, 1, 1, 0.5];
  const bStar = centralisationBonus({ means, mechanism: { kind: "second-price" } });
  const shareAt = (bonus: number) => slotAuctionChain({ means, bonus, mechanism: { kind: "second-price" } }).shares[0];
  assert.ok(bStar > 0 && Number.isFinite(bStar));
  assert.ok(shareAt(bStar) >= 0.5 && shareAt(bStar * 0.999) < 0.5);
  assert.equal(centralisationBonus({ means, mechanism: { kind: "threshold-lottery", price: 0.5 } }), Infinity);
});

test("simulated chains agree with the closed forms (batch means, 5 s.e.), with and without a bonus", () => {
  const means = [1.5, 1, 1, 0.5];
  const checks = [0, 1.5].flatMap((bonus) =>
    ([{ kind: "second-price" }, { kind: "threshold-lottery", price: 1 }] as const).flatMap((mechanism) => {
      const closed = slotAuctionChain({ means, bonus, mechanism });
      const sim = simulateSlotAuctionChain({
        means,
        bonus,
        mechanism,
        slots: 400_000,
        seed: `chain-${bonus}-${mechanism.kind}`,
      });
      const label = `${mechanism.kind}, b = ${bonus}`;
      return [
        check({
          label: `${label}: dominant share`,
          estimate: sim.shares[0].mean,
          stderr: sim.shares[0].stderr,
          expected: closed.shares[0],
          alternative: { label: "equal shares", value: 1 / means.length },
        }),
        check({
          label: `${label}: revenue`,
          estimate: sim.revenue.mean,
          stderr: Math.max(sim.revenue.stderr, 1e-12),
          expected: closed.revenue,
          ...(mechanism.kind === "second-price"
            ? {
                alternative: {
                  label: "the lottery's revenue",
                  value: slotAuctionChain({ means, bonus, mechanism: { kind: "threshold-lottery", price: 1 } }).revenue,
                },
              }
            : {}),
        }),
      ];
    }),
  );
  assertAgreement(checks);
});

test("bad input names the parameter, its value and what is allowed", () => {
  assert.throws(() => jitVersusAheadOfTime({ builders: 1, mu: 1, law: "exponential" }), /builders.*2.*1/s);
  assert.throws(() => jitVersusAheadOfTime({ builders: 3, mu: 1, law: "pareto" as "uniform" }), /law/);
  assert.throws(() => jitVersusAheadOfTime({ builders: 3, mu: -1, law: "uniform" }), /mu.*-1/);
  assert.throws(() => jitVersusAheadOfTime({ builders: 3, mu: 1, law: "uniform", lead: 1.5 }), /lead/);
  assert.throws(() => independentValuesAuction({ means: [1] }), /means.*at least two/);
  assert.throws(() => independentValuesAuction({ means: [1, 0] }), /means\[1\]/);
  assert.throws(() => tullockEquilibrium({ values: [1, 0, 0] }), /two positive/);
  assert.throws(() => contestBestResponses({ values: [1, 1], exponent: 1.5 }), /exponent.*1\.5/);
  assert.throws(() => commonValueSale({ skills: [1], mu: 1, law: "uniform" }), /skills/);
  assert.throws(() => simulateProportionalLottery({ weights: [0, 0], slots: 10, seed: 1 }), /positive total/);
  const burn = { lateFraction: 0.2, runnerUpSkill: 0.9, mu: 1, sigma2: 1, n: 10, d: 0.01, r: 0.02 };
  assert.throws(() => mevBurnVersusTickets({ ...burn, lateFraction: 1.2 }), /lateFraction.*1\.2/);
  assert.throws(() => mevBurnVersusTickets({ ...burn, runnerUpSkill: 0 }), /runnerUpSkill/);
  assert.throws(() => mevBurnVersusTickets({ ...burn, sigma2: -1 }), /sigma2.*-1/);
  assert.throws(() => mevBurnVersusTickets({ ...burn, accrual: "linear" as "independent" }), /accrual/);
  assert.throws(
    () =>
      simulateMevBurn({
        lateFraction: 0.2,
        runnerUpSkill: 1,
        mu: 1,
        arrivalsPerSlot: 0,
        accrual: "independent",
        slots: 10,
        seed: 1,
      }),
    /arrivalsPerSlot/,
  );
});
