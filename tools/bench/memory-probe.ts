/**
 * Child process of the benchmark: samples the given number of ticket values and prints the
 * process's peak resident set size, so that runs of 1e6 and 1e7 samples can be compared.
 */
import { sampleTicketValues } from "../../lib/sim";
import { rewards } from "../../lib/rewards";
import { TICKET } from "./config";

const samples = Number(process.argv[2]);
const summary = sampleTicketValues({
  n: TICKET.n,
  d: TICKET.d,
  reward: rewards.exponential(TICKET.mu),
  samples,
  seed: 1,
});
process.stdout.write(
  `${JSON.stringify({ samples, maxRssBytes: process.resourceUsage().maxRSS * 1024, mean: summary.mean })}\n`,
);
