/**
 * Benchmark of the Galaxy Era model (lib/market/galaxy-era): the wall-clock time of Galaxy Era's
 * own experiment size (10 runs × 1,000 slots, N = 10) for the two published setups and each
 * mechanism, best of five after one warm-up, and the slot-steps per second it implies. Called by
 * `npm run bench`; `tsx tools/bench/galaxy-era.ts` prints the records directly.
 */
import { performance } from "node:perf_hooks";
import { galaxyEra, type GalaxyEraParams } from "../../lib/market";

/** One benchmark record (JSON-able). */
export interface GalaxyEraBenchRecord {
  figure: "galaxy_era_10x1000_seconds" | "galaxy_era_slot_steps_per_s";
  impl: "js-1thread";
  setup: string;
  value: number;
  unit: "s" | "1/s";
}

const SETUPS: { setup: string; params: GalaxyEraParams }[] = [
  {
    setup: "A: second price, M = 100, secondary market",
    params: { sellingMechanism: "second_price", maxTickets: 100, secondaryMarket: true },
  },
  {
    setup: "B: first price, M = 32, expiry 32",
    params: {
      sellingMechanism: "first_price",
      maxTickets: 32,
      biddingStrategy: "optimal_heuristic_bidding",
      expiryPeriod: 32,
    },
  },
  { setup: "EIP-1559, M = 100", params: { sellingMechanism: "EIP-1559", maxTickets: 100 } },
  {
    setup: "AMM, M = 100, refunds 0.1",
    params: { sellingMechanism: "AMM-style", maxTickets: 100, reimbursementFactor: 0.1 },
  },
  { setup: "JIT second price", params: { sellingMechanism: "second_price", maxTickets: 1, jit: true } },
];

/** Seconds of the 10 × 1,000-slot experiment and slot-steps per second, per setup. */
export function benchGalaxyEra({ repeats = 5 }: { repeats?: number } = {}): GalaxyEraBenchRecord[] {
  const runs = 10;
  const slots = 1000;
  const records: GalaxyEraBenchRecord[] = [];
  for (const { setup, params } of SETUPS) {
    galaxyEra.simulate({ params, runs, slots, seed: "bench-warm-up" });
    let best = Infinity;
    for (let k = 0; k < repeats; k++) {
      const start = performance.now();
      galaxyEra.simulate({ params, runs, slots, seed: `bench-${k}` });
      best = Math.min(best, (performance.now() - start) / 1000);
    }
    records.push({ figure: "galaxy_era_10x1000_seconds", impl: "js-1thread", setup, value: best, unit: "s" });
    records.push({
      figure: "galaxy_era_slot_steps_per_s",
      impl: "js-1thread",
      setup,
      value: (runs * slots) / best,
      unit: "1/s",
    });
  }
  return records;
}

if (require.main === module) for (const record of benchGalaxyEra()) console.log(JSON.stringify(record));
