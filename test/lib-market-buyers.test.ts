import { test } from "node:test";
import assert from "node:assert/strict";
import { buyerValuation, customBuyers, EPHEMA_TIERS, homogeneousBuyers, tieredBuyers } from "../lib/market";
import { lookaheadTicketVariance, ticketValue, ticketVariance } from "../lib/model";

test("homogeneous buyers are identical copies", () => {
  const buyers = homogeneousBuyers({ count: 3, alpha: 0.9, r: 0.01, gamma: 2, budget: 5 });
  assert.equal(buyers.length, 3);
  for (const b of buyers)
    assert.deepEqual({ ...b, label: undefined }, { alpha: 0.9, r: 0.01, gamma: 2, budget: 5, label: undefined });
  assert.equal(homogeneousBuyers({ count: 1, r: 0.01 })[0].budget, Infinity);
});

test("tiered buyers follow the ephema tiers: 2/4/4 of 10, capture ranges, deterministic", () => {
  const buyers = tieredBuyers({ count: 10, seed: 7, r: 0.01 });
  assert.deepEqual(
    buyers.map((b) => b.label),
    ["top", "top", ...Array(4).fill("middle"), ...Array(4).fill("tail")],
  );
  buyers.forEach((b) => {
    const tier = EPHEMA_TIERS.find((t) => t.label === b.label)!;
    assert.ok(b.alpha >= tier.alpha[0] && b.alpha <= tier.alpha[1], `${b.label} alpha ${b.alpha}`);
    assert.equal(b.r, 0.01);
    assert.equal(b.budget, Infinity);
  });
  assert.deepEqual(tieredBuyers({ count: 10, seed: 7, r: 0.01 }), buyers);
  assert.notDeepEqual(tieredBuyers({ count: 10, seed: 8, r: 0.01 }), buyers);
  // budgets scale the tier funds; r and gamma ranges are drawn per buyer
  const funded = tieredBuyers({ count: 5, seed: 1, r: [0.01, 0.02], gamma: [0, 1], budgetUnit: 2 });
  assert.deepEqual(
    funded.map((b) => b.label),
    ["top", "middle", "middle", "tail", "tail"],
  );
  funded.forEach((b) => {
    const tier = EPHEMA_TIERS.find((t) => t.label === b.label)!;
    assert.ok(b.budget >= 2 * tier.funds[0] && b.budget <= 2 * tier.funds[1]);
    assert.ok(b.r >= 0.01 && b.r <= 0.02 && b.gamma >= 0 && b.gamma <= 1);
  });
});

test("custom buyers fill defaults", () => {
  assert.deepEqual(customBuyers({ buyers: [{ alpha: 1, r: 0.1 }] }), [
    { alpha: 1, r: 0.1, gamma: 0, budget: Infinity },
  ]);
});

test("valuation: α·μ·x^m/(1+N r) − (γ/2)α²x^{2m}Var, bonus factor 1 + β(held+1)/N (or marginal 1 + 2β·held/N)", () => {
  const buyer = { alpha: 0.8, r: 0.02, gamma: 0, budget: Infinity };
  const v = buyerValuation({ buyer, mu: 2, sigma2: 4, pool: 50 });
  assert.ok(Math.abs(v - 0.8 * ticketValue({ mu: 2, n: 50, d: 0.02 })) < 1e-15);
  const risky = { ...buyer, gamma: 0.5 };
  const premium = 0.25 * 0.64 * ticketVariance({ mu: 2, sigma2: 4, n: 50, d: 0.02 });
  assert.ok(Math.abs(buyerValuation({ buyer: risky, mu: 2, sigma2: 4, pool: 50 }) - (v - premium)) < 1e-14);
  const m = 7;
  const x = Math.exp(-m * Math.log1p(0.02));
  const withLookahead = buyerValuation({ buyer: risky, mu: 2, sigma2: 4, pool: 50, lookahead: m });
  const expected = v * x - 0.25 * 0.64 * lookaheadTicketVariance({ mu: 2, sigma2: 4, n: 50, d: 0.02, m });
  assert.ok(Math.abs(withLookahead - expected) < 1e-14);
  const aware = buyerValuation({ buyer, mu: 2, sigma2: 4, pool: 50, held: 10, bonus: { kind: "linear", beta: 0.5 } });
  assert.ok(Math.abs(aware - v * (1 + (0.5 * 11) / 50)) < 1e-14);
  const marginal = buyerValuation({
    buyer,
    mu: 2,
    sigma2: 4,
    pool: 50,
    held: 10,
    bonus: { kind: "linear", beta: 0.5 },
    bonusValuation: "marginal",
  });
  assert.ok(Math.abs(marginal - v * (1 + (2 * 0.5 * 10) / 50)) < 1e-14);
  assert.equal(buyerValuation({ buyer: risky, mu: 2, sigma2: Infinity, pool: 50 }), -Infinity);
  assert.ok(Math.abs(buyerValuation({ buyer, mu: 2, sigma2: Infinity, pool: 50 }) - v) < 1e-15);
});

test("buyer generators and valuation reject bad input (RangeError naming the parameter)", () => {
  assert.throws(() => homogeneousBuyers({ count: 0, r: 0.1 }), /count/);
  assert.throws(() => homogeneousBuyers({ count: 2.5, r: 0.1 }), /count/);
  assert.throws(() => homogeneousBuyers({ count: 2, r: 0 }), /buyer\.r/);
  assert.throws(() => homogeneousBuyers({ count: 2, r: 0.1, alpha: 1.5 }), /buyer\.alpha/);
  assert.throws(() => homogeneousBuyers({ count: 2, r: 0.1, gamma: -1 }), /buyer\.gamma/);
  assert.throws(() => homogeneousBuyers({ count: 2, r: 0.1, budget: -1 }), /buyer\.budget/);
  assert.throws(() => tieredBuyers({ count: 10, seed: "", r: 0.1 }), /seed/);
  assert.throws(() => tieredBuyers({ count: 10, seed: 1, r: NaN }), /\br\b/);
  assert.throws(() => tieredBuyers({ count: 10, seed: 1, r: [0.2, 0.1] }), /\br must be a range/);
  assert.throws(() => tieredBuyers({ count: 10, seed: 1, r: 0.1, gamma: [-1, 1] }), /gamma\[0\]/);
  assert.throws(() => tieredBuyers({ count: 10, seed: 1, r: 0.1, budgetUnit: 0 }), /budgetUnit/);
  assert.throws(() => tieredBuyers({ count: 10, seed: 1, r: 0.1, tiers: [] }), /tiers/);
  assert.throws(
    () =>
      tieredBuyers({ count: 10, seed: 1, r: 0.1, tiers: [{ label: "x", share: 1, alpha: [0.5, 1.2], funds: [1, 2] }] }),
    /tiers\[0\]\.alpha\[1\]/,
  );
  assert.throws(() => customBuyers({ buyers: [] }), /buyers/);
  assert.throws(() => customBuyers({ buyers: [{ alpha: 1, r: -1 }] }), /buyers\[0\]\.r/);
  const buyer = { alpha: 1, r: 0.1, gamma: 0, budget: Infinity };
  assert.throws(() => buyerValuation({ buyer: { ...buyer, alpha: -0.1 }, mu: 1, sigma2: 1, pool: 1 }), /buyer\.alpha/);
  assert.throws(() => buyerValuation({ buyer, mu: -1, sigma2: 1, pool: 1 }), /mu/);
  assert.throws(() => buyerValuation({ buyer, mu: 1, sigma2: -1, pool: 1 }), /sigma2/);
  assert.throws(() => buyerValuation({ buyer, mu: 1, sigma2: 1, pool: 0 }), /pool/);
  assert.throws(() => buyerValuation({ buyer, mu: 1, sigma2: 1, pool: 1, lookahead: 1.5 }), /lookahead/);
  assert.throws(() => buyerValuation({ buyer, mu: 1, sigma2: 1, pool: 1, held: -1 }), /held/);
  assert.throws(
    () => buyerValuation({ buyer, mu: 1, sigma2: 1, pool: 1, bonus: { kind: "linear", beta: -1 } }),
    /bonus\.beta/,
  );
  assert.throws(
    () => buyerValuation({ buyer, mu: 1, sigma2: 1, pool: 1, bonus: { kind: "geometric", beta: 1 } }),
    /bonus\.kind/,
  );
});
