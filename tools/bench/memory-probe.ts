/**
 * Child process of the benchmark: runs the given amount of work and prints the process's peak
 * resident set size, so that runs of different sizes can be compared (memory must stay flat).
 *
 *   memory-probe.ts <samples>          the ticket sampler, <samples> ticket values
 *   memory-probe.ts market <slots>     the agent-based market, <slots> slot-steps (100 buyers with budgets)
 */
import { sampleTicketValues } from "../../lib/sim";
import { simulateAgentMarket, tieredBuyers } from "../../lib/market";
import { rewards } from "../../lib/rewards";
import { TICKET } from "./config";

function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

if (process.argv[2] === "market") {
  const slots = Number(process.argv[3]);
  const buyers = tieredBuyers({ count: 100, seed: "bench", r: 1e-3, budgetUnit: 1 / 30 });
  const { metrics } = simulateAgentMarket({
    buyers,
    mechanism: "second-price",
    n: 1000,
    d: 1e-3,
    reward: rewards.exponential(1),
    seed: 1,
    horizon: slots,
  });
  process.stdout.write(`${JSON.stringify({ slots, maxRssBytes: peakRssBytes(), capture: metrics.capture })}\n`);
} else {
  const samples = Number(process.argv[2]);
  const summary = sampleTicketValues({
    n: TICKET.n,
    d: TICKET.d,
    reward: rewards.exponential(TICKET.mu),
    samples,
    seed: 1,
  });
  process.stdout.write(`${JSON.stringify({ samples, maxRssBytes: peakRssBytes(), mean: summary.mean })}\n`);
}
