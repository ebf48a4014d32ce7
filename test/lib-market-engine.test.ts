/**
 * The agent-based market's engine: the tournament tree of bids against a plain scan, the eligible set
 * against a list, whole runs against fingerprints of the engine before either existed
 * (test/fixtures/market-engine-fingerprints.json) on the WebAssembly and the JavaScript loop, the two
 * loops against each other option by option; and the slot-steps a market sweep reports in its progress.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { BidTree } from "../lib/market/bid-tree";
import { EligibleSet } from "../lib/market/eligible-set";
import { homogeneousBuyers, MECHANISM_KINDS, marketTaskRef, simulateAgentMarket, tieredBuyers } from "../lib/market";
import { formatProgress, runSweep, type SweepProgress } from "../lib/sweep";
import { rng } from "../lib/random";
import { rewards } from "../lib/rewards";
import { setSimulationEngine, simulationEngine } from "../lib/wasm";

/** What the tree must answer, by a pass over every bid (the engine's former scan). */
function scan(bids: Float64Array) {
  let top = -Infinity;
  let second = -Infinity;
  let best = -1;
  let participants = 0;
  const ties: number[] = [];
  bids.forEach((bid, b) => {
    if (!(bid > 0)) return;
    participants++;
    if (bid > top) {
      second = top;
      top = bid;
      best = b;
      ties.length = 0;
      ties.push(b);
    } else {
      if (bid === top) ties.push(b);
      if (bid > second) second = bid;
    }
  });
  return { best, top, second, participants, ties };
}

function treeAnswer(tree: BidTree, out: Int32Array) {
  const top = tree.topBid();
  const best = tree.top();
  const count = best >= 0 ? tree.buyersBidding(top, out) : 0;
  return {
    best,
    top,
    second: tree.secondBid(),
    participants: tree.participants,
    ties: Array.from(out.subarray(0, count)),
  };
}

test("the bid tree answers what a scan of every bid answers, through fills and single changes", () => {
  const stream = rng("bid-tree", "test");
  // few distinct values, so ties are common; non-positive and NaN bids do not take part
  const values = [Number.NaN, -1, 0, 0.5, 1, 1, 2, 3, 3, 7];
  const pick = () => values[Math.floor(stream.next() * values.length)];
  for (const size of [1, 2, 3, 5, 8, 13, 100, 1000]) {
    const bids = new Float64Array(size).map(pick);
    const tree = new BidTree(size);
    const out = new Int32Array(size);
    tree.fill(bids);
    assert.deepEqual(treeAnswer(tree, out), scan(bids), `fill, ${size} buyers`);
    for (let step = 0; step < 400; step++) {
      const b = Math.floor(stream.next() * size);
      bids[b] = pick();
      tree.set(b, bids[b]);
      assert.deepEqual(treeAnswer(tree, out), scan(bids), `${size} buyers, step ${step}`);
    }
  }
});

test("the eligible set counts and orders its members as a list of them does, through fills and single changes", () => {
  const stream = rng("eligible-set", "test");
  for (const size of [1, 2, 3, 7, 8, 9, 100, 1000]) {
    const members = Array.from({ length: size }, () => stream.next() < 0.3);
    const set = new EligibleSet(size);
    set.fill(Uint8Array.from(members, (member) => (member ? 1 : 0)));
    for (let step = 0; step <= 300; step++) {
      const list = members.flatMap((member, b) => (member ? [b] : []));
      assert.equal(set.count, list.length, `${size} buyers, step ${step}`);
      list.forEach((b, k) => assert.equal(set.nth(k), b, `${size} buyers, step ${step}, k = ${k}`));
      const b = Math.floor(stream.next() * size);
      members[b] = stream.next() < 0.5;
      set.set(b, members[b]);
    }
  }
});

const FIXTURE = path.join(__dirname, "fixtures", "market-engine-fingerprints.json");

/** The grid of the fixture: every mechanism, three populations, with and without budgets, three extras. */
function fingerprints(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const mechanism of MECHANISM_KINDS)
    for (const population of ["tiered-10", "tiered-100", "homogeneous-4"])
      for (const budgets of [false, true])
        for (const extra of ["plain", "bonus", "secondary"]) {
          const [kind, count] = population.split("-");
          const buyers =
            kind === "tiered"
              ? tieredBuyers({
                  count: Number(count),
                  seed: 7,
                  r: [5e-4, 2e-3],
                  gamma: [0, 0.5],
                  budgetUnit: budgets ? 1 / 30 : undefined,
                })
              : homogeneousBuyers({ count: Number(count), r: 1e-3, budget: budgets ? 20 : Infinity });
          const result = simulateAgentMarket({
            buyers,
            mechanism,
            n: 200,
            d: 1e-3,
            reward: rewards.exponential(1),
            seed: `golden-${mechanism}`,
            horizon: 5000,
            bonus: extra === "bonus" ? { beta: 0.5 } : undefined,
            secondary: extra === "secondary",
            trace: { every: 1000 },
          });
          const key = `${mechanism}/${population}/${budgets ? "budgets" : "free"}/${extra}`;
          out[key] = createHash("sha256").update(JSON.stringify(result)).digest("hex").slice(0, 16);
        }
  return out;
}

test("whole market runs are identical to the engine before the bid trees and the WebAssembly loop, on both engines", () => {
  const expected = JSON.parse(readFileSync(FIXTURE, "utf8")).fingerprints as Record<string, string>;
  assert.equal(Object.keys(expected).length, 90);
  try {
    for (const engine of ["auto", "js"] as const) {
      setSimulationEngine(engine);
      assert.deepEqual(fingerprints(), expected, `engine ${simulationEngine()}`);
    }
  } finally {
    setSimulationEngine("auto");
  }
});

/** One run on each engine (the WebAssembly slot loop, then the JavaScript one). */
function onBothEngines(options: Parameters<typeof simulateAgentMarket>[0]) {
  try {
    setSimulationEngine("auto");
    const auto = simulateAgentMarket(options);
    setSimulationEngine("js");
    return { auto, js: simulateAgentMarket(options) };
  } finally {
    setSimulationEngine("auto");
  }
}

test("the WebAssembly slot loop gives the JavaScript loop's results bit for bit, option by option", () => {
  const tiered = (budgetUnit?: number) =>
    tieredBuyers({ count: 30, seed: 3, r: [5e-4, 3e-3], gamma: [0, 0.3], budgetUnit });
  const cases: Array<[string, Partial<Parameters<typeof simulateAgentMarket>[0]>]> = [
    ["lookahead 3, lognormal rewards", { lookahead: 3, reward: rewards.lognormal({ meanLog: -0.5, sdLog: 1 }) }],
    ["constant rewards, marginal bonus", { reward: rewards.constant(1), bonus: { beta: 1, valuation: "marginal" } }],
    ["unaware bonus", { bonus: { beta: 2, aware: false } }],
    ["fixed price with budgets", { mechanism: { kind: "fixed-price", priceFactor: 0.6 }, buyers: tiered(1 / 30) }],
    [
      "first price, competitive, reserve",
      { mechanism: { kind: "first-price", shading: "competitive", reserve: 0.004 } },
    ],
    ["second price with a binding reserve", { mechanism: { kind: "second-price", reserve: 0.0049 } }],
    [
      "EIP-1559 without anti-windup, 3 trades",
      { mechanism: { kind: "eip1559", antiWindup: false }, secondary: { maxTradesPerSlot: 3 } },
    ],
    [
      "bonding curve, budgets, bonus",
      { mechanism: { kind: "bonding-curve", steepness: 4 }, buyers: tiered(1 / 60), bonus: { beta: 0.5 } },
    ],
    ["EIP-1559, budgets, trace every 7", { mechanism: "eip1559", buyers: tiered(1 / 100), trace: { every: 7 } }],
  ];
  for (const [name, change] of cases) {
    const { auto, js } = onBothEngines({
      buyers: tiered(),
      mechanism: "second-price",
      n: 150,
      d: 2e-3,
      reward: rewards.exponential(1),
      seed: name,
      horizon: 4000,
      ...change,
    });
    assert.deepEqual(auto, js, name);
  }
  // past 2^24 slots the discount factors come from Math.exp instead of the tables
  const long = onBothEngines({
    buyers: homogeneousBuyers({ count: 2, r: 1e-9, budget: 3 }),
    mechanism: "second-price",
    n: 2,
    d: 1e-9,
    reward: rewards.exponential(1),
    seed: "long",
    horizon: 2 ** 24 + 500,
  });
  assert.deepEqual(long.auto, long.js, "2^24 + 500 slots");
});

test("a market sweep's progress counts the slot-steps it simulated and shows their rate per worker", async () => {
  const seen: SweepProgress[] = [];
  const rows = await runSweep({
    task: marketTaskRef(),
    grid: { mechanism: ["second-price", "eip1559"], n: [50], d: [0.01], horizon: [3000] },
    replications: 2,
    seed: "progress",
    workers: 1,
    onProgress: (progress) => seen.push(progress),
  });
  const last = seen[seen.length - 1];
  assert.equal(last.done, 4);
  assert.equal(
    last.slotSteps,
    rows.reduce((sum, row) => sum + Number(row.horizonSlots), 0),
  );
  assert.equal(last.slotSteps, 4 * 3000);
  assert.equal(last.workers, 1);
  assert.match(formatProgress({ progress: last, label: "sweep", width: 0 }), /, [\d.]+ [kM] slot-steps\/s per worker$/);
});
