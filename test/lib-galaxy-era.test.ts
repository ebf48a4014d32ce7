/**
 * The Galaxy Era model (lib/market/galaxy-era): each mechanism against hand-computed rounds, the
 * metrics against hand-computed values, accounting identities of whole runs, a statistical check
 * of the MEV path, determinism and input validation.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { galaxyEra, nakamotoCoefficient, type GalaxyEraParams } from "../lib/market";
import { normal, rng } from "../lib/random";
import { RunningStats } from "../lib/stats";

const close = (actual: number, expected: number, tol = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${actual} ≠ ${expected}`);

test("a three-agent first-price round: the highest bid wins and pays itself", () => {
  assert.deepEqual(galaxyEra.auctionRound({ bids: [20, 25, 22], rule: "first_price" }), { winner: 1, price: 25 });
});

test("a three-agent second-price round: the highest bid wins and pays the second; a lone bidder pays 1", () => {
  assert.deepEqual(galaxyEra.auctionRound({ bids: [20, 25, 22], rule: "second_price" }), { winner: 1, price: 22 });
  assert.deepEqual(galaxyEra.auctionRound({ bids: [0, 25, 0], rule: "second_price" }), { winner: 1, price: 1 });
  assert.deepEqual(galaxyEra.auctionRound({ bids: [0, 0, 0], rule: "second_price" }), { winner: -1, price: 0 });
  // A tie goes to the bidder first in the random order; it pays the tied bid.
  assert.deepEqual(galaxyEra.auctionRound({ bids: [25, 25, 22], rule: "second_price", order: [1, 0, 2] }), {
    winner: 1,
    price: 25,
  });
});

test("one EIP-1559 price update: 20 × (1 + (75 − 50)/50/8) = 21.25; below target the price falls", () => {
  close(galaxyEra.eip1559Price({ price: 20, held: 75, maxTickets: 100, adjustFactor: 8 }), 21.25);
  close(galaxyEra.eip1559Price({ price: 20, held: 25, maxTickets: 100, adjustFactor: 8 }), 18.75);
  close(galaxyEra.eip1559Price({ price: 20, held: 50, maxTickets: 100, adjustFactor: 8 }), 20);
});

test("one AMM price: e^6·(e^{(x+1)/25} − e^{x/25}) with x = held − M/2", () => {
  for (const held of [50, 51, 10, 99]) {
    const x = held - 50;
    const direct = Math.exp(6) * (Math.exp((x + 1) / 25) - Math.exp(x / 25));
    close(galaxyEra.ammPrice({ held, maxTickets: 100, adjustFactor: 25 }), direct, 1e-12);
  }
  close(galaxyEra.ammPrice({ held: 50, maxTickets: 100, adjustFactor: 25 }), 16.4643, 1e-5);
});

test("one secondary-market sale: the top other bidder buys at the second bid; a top seller keeps", () => {
  assert.deepEqual(galaxyEra.secondarySale({ seller: 0, bids: [22, 27, 24] }), { buyer: 1, price: 24 });
  // The seller's own bid is the reserve: it sets the price when it is second.
  assert.deepEqual(galaxyEra.secondarySale({ seller: 2, bids: [22, 27, 24] }), { buyer: 1, price: 24 });
  assert.equal(galaxyEra.secondarySale({ seller: 1, bids: [22, 27, 24] }), null);
});

test("Garman–Klass volatility and the variance of price deltas on hand-computed paths", () => {
  // One period: O = 10, H = 12, L = 8, C = 10 → σ² = ½·ln(1.5)².
  close(galaxyEra.garmanKlassVolatility({ prices: [10, 12, 8, 10], period: 4 }), Math.sqrt(0.5) * Math.log(1.5));
  // Two periods: [10, 11] (σ² = ½ln(1.1)² − (2ln2−1)ln(1.1)²) and [11, 11] (σ² = 0); the mean is taken before the root.
  const l = Math.log(1.1);
  const s2 = 0.5 * l * l - (2 * Math.LN2 - 1) * l * l;
  close(galaxyEra.garmanKlassVolatility({ prices: [10, 11, 11, 11], period: 2 }), Math.sqrt(s2 / 2));
  // Deltas 2, −4, 2: mean 0, variance (4 + 16 + 4)/3 = 8.
  close(galaxyEra.varianceOfDeltas({ prices: [10, 12, 8, 10] }), 8);
  assert.ok(Number.isNaN(galaxyEra.varianceOfDeltas({ prices: [10] })));
  assert.ok(Number.isNaN(galaxyEra.garmanKlassVolatility({ prices: [0, 0], period: 2 })));
});

test("Nakamoto at 51 % counts a coalition reaching exactly the threshold (Galaxy Era) only when inclusive", () => {
  assert.equal(nakamotoCoefficient({ holdings: [51, 49], threshold: 0.51, inclusive: true }), 1);
  assert.equal(nakamotoCoefficient({ holdings: [51, 49], threshold: 0.51 }), 2);
});

test("valuations by strategy, the expiry factor and the volatility multiplier", () => {
  const agent = { capture: 0.9, funds: 500, aggressiveness: 0.1, volatilitySpecialisation: 1, tier: "top" };
  const base = { mechanism: "first_price", secondaryMarket: false, mevScale: 30, holders: 10, factor: 1 } as const;
  const u = { next: () => 0.5 };
  close(galaxyEra.strategyValue(agent, { ...base, strategy: "hist_obs_of_dist" }, u), 30 * 0.9 * 0.9);
  close(galaxyEra.strategyValue(agent, { ...base, strategy: "naive_hist_obs_of_dist" }, u), 30 * 0.9);
  close(galaxyEra.strategyValue(agent, { ...base, strategy: "optimal_heuristic_bidding" }, u), 30 * 0.9 * 0.9 * 0.9);
  close(
    galaxyEra.strategyValue(agent, { ...base, mechanism: "second_price", strategy: "optimal_heuristic_bidding" }, u),
    30 * 0.9 * 0.9,
  );
  close(galaxyEra.strategyValue(agent, { ...base, strategy: "random_evenly_10_50" }, u), 30 * 0.9);
  close(
    galaxyEra.strategyValue(agent, { ...base, strategy: "hist_obs_of_dist", factor: 0.5 }, u),
    30 * 0.9 * 0.9 * 0.5,
  );
  // 32 of 64 tickets assigned per epoch, two epochs to expiry: 1 − (1/2)² = 0.75.
  close(galaxyEra.expiryFactor({ expiryPeriod: 64, slotsPerEpoch: 32, maxTickets: 64 }), 0.75);
  assert.equal(galaxyEra.expiryFactor({ expiryPeriod: 32, slotsPerEpoch: 32, maxTickets: 32 }), 1);
  assert.equal(galaxyEra.expiryFactor({ expiryPeriod: null, slotsPerEpoch: 32, maxTickets: 100 }), 1);
  close(galaxyEra.volatilityMultiplier({ sigmaSlot: 1.5, sigmaMean: 1, specialisation: 2 }), 2);
  assert.equal(galaxyEra.volatilityMultiplier({ sigmaSlot: 0, sigmaMean: 1, specialisation: 2 }), 0);
});

test("tiers by agent id as Galaxy Era splits them (10 → 3/4/3)", () => {
  assert.deepEqual(galaxyEra.tierCounts(10), [3, 4, 3]);
  assert.deepEqual(galaxyEra.tierCounts(5), [2, 2, 1]);
  assert.deepEqual(galaxyEra.tierCounts(1), [1, 0, 0]);
  const run = galaxyEra.simulate({
    params: { sellingMechanism: "second_price", maxTickets: 8 },
    runs: 1,
    slots: 5,
    seed: 3,
  });
  assert.deepEqual(
    run.perRun[0].agents.map((a) => a.tier),
    ["top", "top", "top", "middle", "middle", "middle", "middle", "tail", "tail", "tail"],
  );
  for (const [i, { funds: f }] of run.perRun[0].agents.entries()) {
    const [lo, hi] = i < 3 ? [400, 1000] : i < 7 ? [300, 700] : [200, 500];
    assert.ok(f >= lo && f <= hi, `agent ${i} funds ${f}`);
  }
});

const ALL_SETUPS: GalaxyEraParams[] = [
  { sellingMechanism: "second_price", maxTickets: 100, secondaryMarket: true },
  { sellingMechanism: "first_price", maxTickets: 32, biddingStrategy: "optimal_heuristic_bidding", expiryPeriod: 32 },
  { sellingMechanism: "EIP-1559", maxTickets: 100 },
  { sellingMechanism: "AMM-style", maxTickets: 100, reimbursementFactor: 0.1 },
  { sellingMechanism: "second_price", maxTickets: 1, jit: true, secondaryMarket: false },
  { sellingMechanism: "first_price", maxTickets: 64, biddingStrategy: "conservative_min", secondaryMarket: true },
  { sellingMechanism: "second_price", maxTickets: 64, biddingStrategy: "random_evenly_10_50" },
];

test("money is conserved in every setup: final funds = initial − proceeds + earnings", () => {
  for (const params of ALL_SETUPS) {
    const run = galaxyEra.simulate({ params, runs: 2, slots: 400, seed: 11 });
    for (const r of run.perRun) {
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const expected = sum(r.agents.map((a) => a.funds)) - r.proceeds + r.holderRevenue;
      close(sum(r.finalFunds), expected, 1e-9);
      assert.ok(
        r.finalFunds.every((f) => f >= -1e-9),
        `${JSON.stringify(params)}: negative funds`,
      );
      close(r.objectives.protocolShare, r.proceeds / r.totalMev);
      assert.equal(r.prices.length, 400);
    }
  }
});

test("second price without volatility in bids: every sale is priced at the second-highest S·c·(1−a)", () => {
  // hist_obs_of_dist bids are constants per agent; funds refill, so they never bind at M = 20.
  const params: GalaxyEraParams = { sellingMechanism: "second_price", maxTickets: 20 };
  const run = galaxyEra.simulate({ params, runs: 1, slots: 300, seed: 5 }).perRun[0];
  const { agents } = run;
  const values = agents.map((a) => 30 * a.capture * (1 - a.aggressiveness)).sort((a, b) => b - a);
  const sold = run.prices.filter((p, t) => t > 0 && p !== 20).length;
  assert.ok(sold > 0);
  for (const p of run.prices) assert.ok(p === 20 || Math.abs(p - values[1]) < 1e-9, `price ${p} vs ${values[1]}`);
  // Proceeds: 19 initial tickets at 20, then one ticket per redeemed slot at the second value.
  const redeemed = 300 - run.emptySlots;
  const minted = run.proceeds - 19 * 20;
  const tickets = minted / values[1];
  assert.ok(
    Math.abs(tickets - Math.round(tickets)) < 1e-6 && Math.abs(tickets - redeemed) <= 1,
    `${tickets} vs ${redeemed}`,
  );
});

test("the MEV path: mean S·E[σ] per slot within 5 standard errors (multiplicative volatility)", () => {
  const slots = 20_000;
  const run = galaxyEra.simulate({
    params: { sellingMechanism: "second_price", maxTickets: 1, jit: true },
    runs: 1,
    slots,
    seed: 9,
  }).perRun[0];
  const s = 30;
  const e1 = Math.exp(0.02); // E[σ] = exp(σ²/2), σ = 0.2
  const e2 = Math.exp(0.08); // E[σ²]
  const mean = s * e1;
  const sd = Math.sqrt(2 * s * s * e2 - mean * mean); // E[X²] = 2S² for an exponential
  const z = (run.totalMev / slots - mean) / (sd / Math.sqrt(slots));
  assert.ok(Math.abs(z) < 5, `z = ${z}`);
});

test("deterministic from the seed; another seed gives other numbers; runs are independent of how many are asked for", () => {
  const params: GalaxyEraParams = { sellingMechanism: "AMM-style", maxTickets: 50, secondaryMarket: true };
  const a = galaxyEra.simulate({ params, runs: 3, slots: 300, seed: 1 });
  const b = galaxyEra.simulate({ params, runs: 3, slots: 300, seed: 1 });
  assert.deepEqual(a, b);
  const c = galaxyEra.simulate({ params, runs: 3, slots: 300, seed: 2 });
  assert.notDeepEqual(a.objectives, c.objectives);
  const one = galaxyEra.simulate({ params, runs: 1, slots: 300, seed: 1 });
  assert.deepEqual(one.perRun[0], a.perRun[0]);
});

test("bad inputs get a RangeError naming the parameter, its value and what is allowed", () => {
  const ok = { sellingMechanism: "second_price", maxTickets: 10 } as const;
  const run = (params: unknown, extra: object = {}) =>
    galaxyEra.simulate({ params: params as GalaxyEraParams, runs: 1, slots: 10, seed: 1, ...extra });
  assert.throws(() => run({ ...ok, sellingMechanism: "dutch" }), /params\.sellingMechanism.*"first_price"/);
  assert.throws(() => run({ ...ok, maxTickets: 0 }), /params\.maxTickets/);
  assert.throws(() => run({ ...ok, max_tickets: 10 }), /max_tickets/);
  assert.throws(() => run({ ...ok, sellingMechanism: "EIP-1559", jit: true }), /params\.jit/);
  assert.throws(() => run({ ...ok, priceVolatility: { mean: 0 } }), /params\.priceVolatility\.sigma/);
  assert.throws(() => run({ ...ok, assumptions: { winnerEarns: "all" } }), /params\.assumptions\.winnerEarns/);
  assert.throws(() => run({ ...ok, expiryPeriod: -1 }), /params\.expiryPeriod/);
  assert.throws(() => run(ok, { runs: 0 }), /runs/);
  assert.throws(() => run(ok, { seed: Number.NaN }), /seed/);
  assert.throws(() => run(ok, { slot: 3 }), /slot/);
});

test("E[w_(2)] and E[w_(1)] by quadrature agree with a direct Monte Carlo of the agents' c·(1 − a) (5 standard errors)", () => {
  const e1 = galaxyEra.expectedShadedValue({ holders: 10, rank: 1 });
  const e2 = galaxyEra.expectedShadedValue({ holders: 10, rank: 2 });
  // Independent: draw the ten agents the documented way with the test's own stream, sort, take the top two.
  const u = rng(77, "test", "shaded-values");
  const tiers = [
    [3, 0.85, 0.95],
    [4, 0.75, 0.85],
    [3, 0.6, 0.75],
  ] as const;
  const samples = 40_000;
  const s1 = new RunningStats();
  const s2 = new RunningStats();
  for (let i = 0; i < samples; i++) {
    const w: number[] = [];
    for (const [count, lo, hi] of tiers) {
      for (let j = 0; j < count; j++) w.push((lo + (hi - lo) * u.next()) * (1 - (0.15 + 0.02 * normal(u))));
    }
    w.sort((a, b) => b - a);
    s1.push(w[0]);
    s2.push(w[1]);
  }
  for (const [stats, expected] of [
    [s1, e1],
    [s2, e2],
  ] as const) {
    const { mean, stderr } = stats.estimate();
    assert.ok(Math.abs(mean - expected) < 5 * stderr, `${mean} ± ${stderr} vs ${expected}`);
  }
  assert.ok(e1 > e2 && e2 > 0.7 && e1 < 0.85);
});

test("JIT auctions at known MEV earn E[w_(2)] (second price) and E[w_(1)] (first price) of the MEV, each excluding the other", () => {
  const runs = 300;
  for (const [rule, rank, other] of [
    ["second_price", 2, 1],
    ["first_price", 1, 2],
  ] as const) {
    const result = galaxyEra.simulate({
      params: { sellingMechanism: rule, maxTickets: 1, jit: true, priceVolatility: { mean: 0, sigma: 0 } },
      runs,
      slots: 100,
      seed: 21,
    });
    const mean = result.objectives.protocolShare;
    const se = result.standardErrors.protocolShare;
    const expected = galaxyEra.expectedShadedValue({ holders: 10, rank });
    const alternative = galaxyEra.expectedShadedValue({ holders: 10, rank: other });
    assert.ok(Math.abs(mean - expected) < 5 * se, `${rule}: ${mean} ± ${se} vs ${expected}`);
    assert.ok(Math.abs(mean - alternative) > 5 * se, `${rule}: cannot exclude ${alternative}`);
  }
});

test("paired differences and the sensitivity table", () => {
  const run = (secondaryMarket: boolean) =>
    galaxyEra.simulate({
      params: { sellingMechanism: "second_price", maxTickets: 50, secondaryMarket },
      runs: 6,
      slots: 300,
      seed: 4,
    });
  const a = run(false);
  const b = run(true);
  const d = galaxyEra.pairedDifference({ a, b, objective: "highestShare" });
  const byHand = a.perRun.map((r, k) => b.perRun[k].objectives.highestShare - r.objectives.highestShare);
  close(d.difference, byHand.reduce((s, x) => s + x, 0) / 6);
  assert.throws(() => galaxyEra.pairedDifference({ a, b: run(true), objective: "hh" as "hhi" }), /objective/);
  const { rows } = galaxyEra.sensitivity({
    params: { sellingMechanism: "AMM-style", maxTickets: 40 },
    runs: 2,
    slots: 100,
    seed: 1,
  });
  assert.deepEqual(
    rows.map((r) => `${r.assumption}=${r.value}`),
    [
      "volatilityInMev=none",
      "winnerEarns=volatility-adjusted",
      "earningsRefillFunds=false",
      "concentrationOver=tickets-held",
      "initialHolding=target",
    ],
  );
});

test("the namespace's parts refuse bad input by name (the slot loop uses unchecked copies)", () => {
  assert.throws(() => galaxyEra.auctionRound({ bids: [1, Number.NaN], rule: "first_price" }), /bids\[1\]/);
  assert.throws(() => galaxyEra.auctionRound({ bids: [1, 2], rule: "dutch" as "first_price" }), /rule/);
  assert.throws(
    () => galaxyEra.auctionRound({ bids: [1, 2], rule: "first_price", order: [0, 0] }),
    /order must be a permutation/,
  );
  assert.throws(() => galaxyEra.secondarySale({ seller: 3, bids: [1, 2] }), /seller/);
  assert.throws(() => galaxyEra.eip1559Price({ price: 20, held: 101, maxTickets: 100, adjustFactor: 8 }), /held/);
  assert.throws(
    () => galaxyEra.eip1559Price({ price: 20, held: 10, maxTickets: 100, adjustFactor: 1 }),
    /adjustFactor/,
  );
  assert.throws(
    () => galaxyEra.ammPrice({ held: 1, maxTickets: 10, adjustFactor: 25, b: 6 } as never),
    /b is not a known key/,
  );
  assert.throws(() => galaxyEra.garmanKlassVolatility({ prices: [1, -2], period: 2 }), /prices\[1\]/);
  assert.throws(() => galaxyEra.expiryFactor({ expiryPeriod: 0, slotsPerEpoch: 32, maxTickets: 32 }), /expiryPeriod/);
  assert.throws(() => galaxyEra.volatilityMultiplier({ sigmaSlot: 1, sigmaMean: 0, specialisation: 1 }), /sigmaMean/);
  const agent = { capture: 1.5, funds: 1, aggressiveness: 0.1, volatilitySpecialisation: 1, tier: "top" };
  const context = {
    strategy: "hist_obs_of_dist",
    mechanism: "second_price",
    secondaryMarket: false,
    mevScale: 30,
    holders: 10,
    factor: 1,
  } as const;
  assert.throws(() => galaxyEra.strategyValue(agent, context, { next: () => 0.5 }), /agent\.capture/);
  assert.throws(() => galaxyEra.expectedShadedValue({ holders: 10, rank: 3 as 1 }), /rank/);
});
