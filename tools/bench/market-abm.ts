/**
 * Benchmark of the agent-based ticket market (lib/market): slot-steps per second, single thread,
 * with 10 and 100 buyers, for each primary-sale mechanism. Called by the bench orchestrator
 * (`npm run bench`), which prints one JSON line per record; `tsx tools/bench/market-abm.ts` prints
 * them directly.
 *
 * Setup per figure: ephema-like tiered buyers (r = d), exponential rewards (μ = 1), n = 1000,
 * d = 1e-3, no secondary market. Scenario "unconstrained" (no budgets): bids cannot change between
 * slots, so the engine memoises the bid ranking and a slot costs O(1) whatever the number of buyers.
 * Scenario "budgets" (ephema funds; second price at 10, 100 and 1,000 buyers, fixed price at 100):
 * bids move with cash, and a sale reads a tournament tree of bids (the fixed price: a Fenwick tree of
 * the buyers who can pay), O(log buyers) per buyer whose cash changed (before, a sale passed over every
 * buyer). Scenario "budgets+secondary": second price at 100 buyers with one secondary trade per slot.
 * Each figure twice, back to back: the slot loop in WebAssembly (the default when the module is built)
 * and the JavaScript loop (ET_ENGINE=js), with their ratio. One untimed warm-up run, then timed runs
 * until at least `minSeconds` have elapsed; the figure is total slots / total time.
 */
import { performance } from "node:perf_hooks";
import { MECHANISM_KINDS, simulateAgentMarket, tieredBuyers, type MechanismKind } from "../../lib/market";
import { rewards } from "../../lib/rewards";
import * as validate from "../../lib/validate";
import { setSimulationEngine, simulationEngine, type SimulationEngine } from "../../lib/wasm";

/** Budgets or not, and the secondary market (one trade per slot) with budgets. */
type Scenario = "unconstrained" | "budgets" | "budgets+secondary";

/**
 * One benchmark record (JSON-able): slot-steps/s of the library as shipped ("js-1thread", its slot
 * loop in WebAssembly when built), of its JavaScript loop ("js-1thread-js-engine", ET_ENGINE=js), and
 * their ratio, measured back to back.
 */
export interface MarketAbmBenchRecord {
  figure: "abm_slot_steps_per_s";
  impl: "js-1thread" | "js-1thread-js-engine" | "ratio-js-1thread/js-engine";
  /** The engine that ran the slot loop ("wasm" or "js"); absent on the ratio. */
  engine?: SimulationEngine;
  buyers: number;
  mechanism: MechanismKind;
  scenario: Scenario;
  n: number;
  value: number;
  unit: "1/s" | "ratio";
}

/** Options of {@link benchMarketAbm}; the defaults are what `npm run bench` uses. */
export interface BenchMarketAbmOptions {
  /** Buyer counts to measure (default [10, 100]). */
  buyerCounts?: number[];
  /** Buyer counts of the budgets scenario (default [10, 100, 1000]: the realistic, costly case). */
  budgetBuyerCounts?: number[];
  /** Mechanisms to measure without budgets (default all five). */
  mechanisms?: readonly MechanismKind[];
  /** Slots per timed run (default 200,000). */
  slots?: number;
  /** Minimum timed seconds per figure (default 0.5). */
  minSeconds?: number;
}

/** Slot-steps per second of simulateAgentMarket for each (buyer count, mechanism, scenario). */
export async function benchMarketAbm(options: BenchMarketAbmOptions = {}): Promise<MarketAbmBenchRecord[]> {
  const {
    buyerCounts = [10, 100],
    budgetBuyerCounts = [10, 100, 1000],
    mechanisms = MECHANISM_KINDS,
    slots = 200_000,
    minSeconds = 0.5,
  } = options;
  if (!Array.isArray(buyerCounts) || buyerCounts.length === 0) {
    throw new RangeError(`buyerCounts must be a non-empty array of integers; received ${JSON.stringify(buyerCounts)}`);
  }
  buyerCounts.forEach((c, i) => validate.integer(`buyerCounts[${i}]`, c, 1, 10_000));
  mechanisms.forEach((m, i) => validate.oneOf(`mechanisms[${i}]`, m, MECHANISM_KINDS));
  validate.integer("slots", slots, 1);
  validate.positive("minSeconds", minSeconds);
  const n = 1000;
  const d = 1e-3;
  const reward = rewards.exponential(1);
  const records: MarketAbmBenchRecord[] = [];
  budgetBuyerCounts.forEach((c, i) => validate.integer(`budgetBuyerCounts[${i}]`, c, 1, 10_000));
  const cases: Array<{ count: number; mechanism: MechanismKind; scenario: Scenario }> = [
    ...buyerCounts.flatMap((count) =>
      mechanisms.map((mechanism) => ({ count, mechanism, scenario: "unconstrained" as const })),
    ),
    ...budgetBuyerCounts.map((count) => ({ count, mechanism: "second-price" as const, scenario: "budgets" as const })),
    // the other paths that bids with budgets take: the fixed price's rationing, the secondary market
    { count: 100, mechanism: "fixed-price", scenario: "budgets" },
    { count: 100, mechanism: "second-price", scenario: "budgets+secondary" },
  ];
  for (const { count, mechanism, scenario } of cases) {
    // ephema funds: budgetUnit = μ/30 (its mean MEV per slot was 30 units)
    const buyers = tieredBuyers({
      count,
      seed: "bench",
      r: d,
      budgetUnit: scenario === "unconstrained" ? undefined : 1 / 30,
    });
    const secondary = scenario === "budgets+secondary";
    const run = (seed: number) =>
      simulateAgentMarket({ buyers, mechanism, n, d, reward, seed, horizon: slots, secondary });
    const rates: number[] = [];
    for (const engine of ["auto", "js"] as const) {
      setSimulationEngine(engine);
      try {
        run(0); // warm-up: JIT and caches
        let total = 0;
        let elapsed = 0;
        for (let seed = 1; elapsed < minSeconds * 1000; seed++) {
          const start = performance.now();
          run(seed);
          elapsed += performance.now() - start;
          total += slots;
          await new Promise((resolve) => setImmediate(resolve)); // keep the event loop responsive
        }
        const value = Math.round(total / (elapsed / 1000));
        rates.push(value);
        const impl = engine === "auto" ? "js-1thread" : "js-1thread-js-engine";
        const common = { figure: "abm_slot_steps_per_s" as const, buyers: count, mechanism, scenario, n };
        records.push({ ...common, impl, engine: simulationEngine(), value, unit: "1/s" });
      } finally {
        setSimulationEngine("auto");
      }
    }
    records.push({
      figure: "abm_slot_steps_per_s",
      impl: "ratio-js-1thread/js-engine",
      buyers: count,
      mechanism,
      scenario,
      n,
      value: rates[0] / rates[1],
      unit: "ratio",
    });
  }
  return records;
}

if (require.main === module) {
  benchMarketAbm().then(
    (records) => records.forEach((r) => console.log(JSON.stringify(r))),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
