/**
 * Issue 22: bonus-aware buyers never bid above what a ticket is worth to them given their holdings.
 * With budgets that do not bind, every buyer's realised profit is ≥ 0 in expectation (mean over
 * independent replications, 5 standard errors), and the marginal-value rule the market used before
 * is shown to break it (the largest holder pays more than its position is worth).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { bonusBidFactor, buyerValuation, homogeneousBuyers, simulateAgentMarket, tieredBuyers } from "../lib/market";
import { rewards } from "../lib/rewards";
import { RunningStats } from "../lib/stats";

function profits(valuation: "average" | "marginal", mechanism: "eip1559" | "second-price", tiered: boolean) {
  const perBuyer: RunningStats[] = [];
  const capture = new RunningStats();
  const top = new RunningStats();
  for (let rep = 0; rep < 12; rep++) {
    const buyers = tiered
      ? tieredBuyers({ count: 10, seed: `rationality/${rep}`, r: 0.002 })
      : homogeneousBuyers({ count: 10, r: 0.002 });
    const result = simulateAgentMarket({
      buyers,
      mechanism,
      n: 100,
      d: 0.002,
      reward: rewards.exponential(1),
      seed: `rationality/${valuation}/${mechanism}/${rep}`,
      tolerance: 1e-3,
      bonus: { beta: 1, valuation },
    });
    result.perBuyer.profitPV.forEach((p, b) => {
      perBuyer[b] ??= new RunningStats();
      perBuyer[b].push(p);
    });
    capture.push(result.metrics.proceedsPV / (result.metrics.rewardsPV + result.metrics.bonusPV));
    top.push(result.metrics.topWinnerProfit);
  }
  return { perBuyer, capture, top };
}

test("the bid factor: average is the position's value per ticket, marginal its derivative", () => {
  // Position value of k tickets ∝ k(1 + βk/N): per ticket after buying one more, 1 + β(k+1)/N.
  assert.equal(bonusBidFactor("average", 1, 30, 100), 1 + 31 / 100);
  assert.equal(bonusBidFactor("marginal", 1, 30, 100), 1 + 60 / 100);
  const buyer = homogeneousBuyers({ count: 1, r: 0.01 })[0];
  const average = buyerValuation({ buyer, mu: 1, sigma2: 1, pool: 100, held: 30, bonus: { kind: "linear", beta: 1 } });
  assert.ok(Math.abs(average - 0.5 * 1.31) < 1e-12);
});

test("with non-binding budgets every bonus-aware buyer's profit is ≥ 0 in expectation (homogeneous and tiered buyers)", () => {
  for (const mechanism of ["eip1559", "second-price"] as const) {
    for (const tiered of [false, true]) {
      const { perBuyer, top } = profits("average", mechanism, tiered);
      assert.ok(top.mean >= -5 * top.stderr, `${mechanism}: the largest winner's profit ${top.mean} ± ${top.stderr}`);
      perBuyer.forEach((s, b) => {
        assert.ok(
          s.mean >= -5 * s.stderr - 1e-9,
          `${mechanism}, ${tiered ? "tiered" : "homogeneous"}, buyer ${b}: profit ${s.mean} ± ${s.stderr}`,
        );
      });
    }
  }
});

test("the marginal-value rule makes the largest holder lose money under the EIP-1559 controller (the referee's finding)", () => {
  const { top, capture } = profits("marginal", "eip1559", false);
  assert.ok(top.mean + 5 * top.stderr < 0, `the largest winner loses money: ${top.mean} ± ${top.stderr}`);
  assert.ok(capture.mean - 5 * capture.stderr > 1, `capture above 1: ${capture.mean}`);
  assert.throws(
    () =>
      simulateAgentMarket({
        buyers: homogeneousBuyers({ count: 2, r: 0.01 }),
        mechanism: "eip1559",
        n: 10,
        d: 0.01,
        reward: rewards.exponential(1),
        seed: 1,
        bonus: { beta: 1, valuation: "mean" as never },
      }),
    /bonus.valuation must be one of "average", "marginal"; received "mean"/,
  );
});
