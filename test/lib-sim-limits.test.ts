/**
 * No plausible wrong number at the edges: a horizon the engines cannot count (their WebAssembly
 * kernels count slots in 32 bits) or work beyond the budget is refused at once, naming d and what to
 * do instead; before this, simulateTicketPool({ n: 10, d: 1e-12 }) returned a total near 1.5e9 where
 * μ/d = 1e12, because the horizon wrapped modulo 2^32.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_HORIZON, checkWorkBudget, resolveHorizon, simulateNpv, simulateTicketPool } from "../lib/sim";
import { homogeneousBuyers, simulateAgentMarket } from "../lib/market";
import { rewards } from "../lib/rewards";

const reward = rewards.exponential(1);

test("a tolerance that needs more than 2^31 − 1 slots is refused at once, naming d and the way out", () => {
  const started = performance.now();
  assert.throws(
    () => simulateTicketPool({ n: 10, d: 1e-12, reward, paths: 10, seed: 1 }),
    /d = 1e-12 with tolerance 1e-12 needs a horizon of 2\.763e\+13 slots, beyond the 2147483647 the engines can count; use the closed form/,
  );
  assert.throws(() => simulateNpv({ d: 1e-12, reward, paths: 10, seed: 1 }), /d = 1e-12 .* needs a horizon/);
  assert.throws(
    () =>
      simulateAgentMarket({
        buyers: homogeneousBuyers({ count: 2, r: 1e-12 }),
        mechanism: { kind: "second-price" },
        n: 10,
        d: 1e-12,
        reward,
        seed: 1,
      }),
    /d = 1e-12 with tolerance 0\.000001 needs a horizon of 1\.382e\+13 slots/,
  );
  assert.ok(performance.now() - started < 1000, "refused before any work");
});

test("an explicit horizon beyond 2^31 − 1 is refused with the allowed range", () => {
  assert.equal(MAX_HORIZON, 2147483647);
  assert.throws(
    () => simulateTicketPool({ n: 10, d: 1e-12, reward, paths: 1, seed: 1, horizon: 2 ** 32 + 5 }),
    /horizon must be an integer with 1 ≤ horizon ≤ 2147483647; received 4294967301/,
  );
  assert.equal(resolveHorizon(1e-12, { horizon: MAX_HORIZON }), MAX_HORIZON);
});

test("work beyond the budget is refused before it starts; the budget can be raised", () => {
  assert.throws(
    () => simulateNpv({ d: 1e-6, reward, paths: 10_000, seed: 1 }),
    /10000 paths × 27631035 slots = 2\.763e\+11 slot-steps \(the horizon set by d = 0\.000001\) exceed the work budget of 1\.0e\+11/,
  );
  assert.throws(
    () => simulateTicketPool({ n: 10, d: 0.01, reward, paths: 100, seed: 1, workBudget: 1000 }),
    /exceed the work budget of 1\.0e\+3/,
  );
  assert.equal(checkWorkBudget({ d: 0.01, horizon: 2764, paths: 1000 }), 2_764_000);
  assert.throws(
    () => checkWorkBudget({ d: 0.01, horizon: 10, paths: 1, workBudget: -1 }),
    /workBudget must be a finite number > 0/,
  );
  // Within budget the engines run as before.
  const r = simulateTicketPool({ n: 10, d: 0.05, reward, paths: 50, seed: 1, tolerance: 1e-6, workBudget: 50 * 300 });
  assert.equal(r.paths, 50);
});

test("estimates from non-negative samples are never negative; equal samples have no spread", async () => {
  const { sampleTicketValues } = await import("../lib/sim");
  for (const n of [1e15, 2 ** 53]) {
    // x^T underflows to 0 for every draw: the samples are all exactly 0.
    const r = sampleTicketValues({ n, d: 1e-9, reward, samples: 1000, seed: 1 });
    assert.equal(r.mean, 0, `n = ${n}: mean`);
    assert.deepEqual(r.ci95, [0, 0], `n = ${n}: interval`);
  }
});

test("the mean of large finite data is finite, and an infinite-mean model is refused saying so", async () => {
  const { sampleTicketValues } = await import("../lib/sim");
  const big = rewards.empirical([1e308, 1e308]);
  assert.equal(big.mean, 1e308);
  assert.equal(big.variance, 0);
  assert.throws(
    () =>
      sampleTicketValues({ n: 10, d: 0.01, reward: rewards.pareto({ alpha: 0.9, scale: 1 }), samples: 10, seed: 1 }),
    /reward must be a RewardModel .*; received pareto\(α=0\.9, u=1\), whose mean is infinite/,
  );
  assert.throws(
    () => sampleTicketValues({ n: 10, d: 0.01, reward: { mean: 1 } as never, samples: 10, seed: 1 }),
    /received \{"mean":1\}$/,
  );
});
