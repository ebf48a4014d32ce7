import { test } from "node:test";
import assert from "node:assert/strict";
import { MECHANISM_KINDS, marketParamsFromTask, marketTask, marketTaskRef, simulateAgentMarket } from "../lib/market";
import { runSweep } from "../lib/sweep";

const grid = { mechanism: [...MECHANISM_KINDS], n: [10], d: [0.02], horizon: [300] };

test("marketTask returns the run's metrics as a flat row (NaN → null, no clash with parameters)", () => {
  const params = { mechanism: "fixed-price", n: 10, d: 0.02, horizon: 200, price: 100 };
  const row = marketTask({ params, replication: 0, seed: "abc" });
  assert.equal(row.ticketsSold, 0);
  assert.equal(row.hhi, null);
  assert.equal(row.capture, 0);
  assert.ok(!("horizon" in row) && !("n" in row));
  const { metrics } = simulateAgentMarket(marketParamsFromTask({ params, replication: 0, seed: "abc" }));
  assert.equal(row.rewardsPV, metrics.rewardsPV);
});

test("runSweep runs the market task inline and on worker threads with identical rows", async () => {
  const ref = marketTaskRef();
  assert.match(ref.version, /^[0-9a-f]{16}$/);
  const inline = await runSweep({ task: ref, grid, replications: 2, seed: 11, workers: 0 });
  assert.equal(inline.length, MECHANISM_KINDS.length * 2);
  for (const row of inline) {
    assert.equal(typeof row.capture, "number");
    assert.equal(row.horizonSlots, 300);
  }
  const threaded = await runSweep({ task: ref, grid, replications: 2, seed: 11, workers: 2 });
  assert.deepEqual(threaded, inline);
});

test("commonSeed gives every mechanism the same population and reward path per replication", async () => {
  const rows = await runSweep({
    task: marketTaskRef(),
    grid: { ...grid, commonSeed: [5] },
    replications: 2,
    seed: 1,
    workers: 0,
  });
  for (const rep of [0, 1]) {
    const pvs = new Set(rows.filter((r) => r.replication === rep).map((r) => r.rewardsPV));
    assert.equal(pvs.size, 1);
  }
  assert.notEqual(rows.find((r) => r.replication === 0)!.rewardsPV, rows.find((r) => r.replication === 1)!.rewardsPV);
});

test("task parameters are validated (RangeError naming the parameter)", () => {
  const ok = { mechanism: "second-price", n: 10, d: 0.02 };
  const cases: Array<[Record<string, number | string | boolean>, RegExp]> = [
    [{ ...ok, mechanism: "dutch" }, /mechanism/],
    [{ n: 10, d: 0.02 }, /mechanism/],
    [{ ...ok, n: 0 }, /\bn\b/],
    [{ mechanism: "second-price", n: 10 }, /\bd\b/],
    [{ ...ok, buyers: "random" }, /buyers/],
    [{ ...ok, buyerCount: 0 }, /buyerCount/],
    [{ ...ok, reward: "pareto" }, /reward/],
    [{ ...ok, mu: 0 }, /mu/],
    [{ ...ok, secondary: "yes" }, /secondary/],
    [{ ...ok, bonusBeta: 0.5, bonusAware: 1 }, /bonusAware/],
    [{ ...ok, r: "high" }, /\br\b/],
  ];
  for (const [params, pattern] of cases) {
    assert.throws(
      () => marketTask({ params, replication: 0, seed: 1 }),
      (e: unknown) => e instanceof RangeError && pattern.test(e.message),
      JSON.stringify(params),
    );
  }
  assert.throws(() => marketTask({ params: ok, replication: -1, seed: 1 }), /replication/);
  assert.throws(() => marketTask({ params: ok, replication: 0, seed: "" }), /seed/);
});

test("rMaxFactor draws tiered costs of capital from U(r, rMaxFactor·d): the same buyers as rMax = rMaxFactor·d; both at once is refused", () => {
  const base = { mechanism: "second-price", n: 30, d: 0.004, tolerance: 0.05 };
  const byFactor = marketParamsFromTask({ params: { ...base, rMaxFactor: 3 }, replication: 2, seed: 9 });
  const byValue = marketParamsFromTask({ params: { ...base, rMax: 3 * 0.004 }, replication: 2, seed: 9 });
  assert.deepEqual(byFactor.buyers, byValue.buyers);
  const rs = byFactor.buyers.map((b) => b.r);
  assert.ok(
    rs.every((r) => r >= 0.004 && r <= 0.012) && new Set(rs).size > 1,
    `r within [d, 3d], not all equal: ${rs}`,
  );
  assert.throws(
    () => marketTask({ params: { ...base, rMax: 0.01, rMaxFactor: 2 }, replication: 0, seed: 1 }),
    /give rMax \(0\.01\) or rMaxFactor \(2\), not both/,
  );
});
