/**
 * Child process of the benchmark: times one single-threaded figure in a fresh process (as numpy
 * runs in its own), so that earlier figures cannot influence its JIT state, and prints
 * { units, seconds, cpuSeconds, mean } as one JSON line. Argument: "direct", "direct-v1" (the
 * ticket sampler's engine version 1), "conditional" or "market".
 */
import { sampleTicketValues, simulateTicketPool, DEFAULT_ENGINE_VERSION } from "../../lib/sim";
import { rewards } from "../../lib/rewards";
import { TICKET, MARKET, REPEATS } from "./config";
import { bestOf } from "./measure";
import { simulationEngine } from "../../lib/wasm/wasm-module";

async function main(kind: string): Promise<void> {
  if (kind === "direct" || kind === "conditional" || kind === "direct-v1") {
    const reward = rewards.exponential(TICKET.mu);
    const estimator = kind === "conditional" ? "conditional" : "direct";
    const engineVersion = kind === "direct-v1" ? 1 : DEFAULT_ENGINE_VERSION;
    const run = (samples: number) =>
      sampleTicketValues({ n: TICKET.n, d: TICKET.d, reward, samples, seed: "bench", estimator, engineVersion });
    run(1_000_000); // warm-up: JIT
    const best = await bestOf(REPEATS, () => run(TICKET.samples));
    process.stdout.write(
      `${JSON.stringify({ units: TICKET.samples, seconds: best.seconds, cpuSeconds: best.cpuSeconds, mean: best.result.mean, engine: simulationEngine(), engineVersion })}\n`,
    );
    return;
  }
  if (kind === "market") {
    const reward = rewards.exponential(MARKET.mu);
    const run = (paths: number) =>
      simulateTicketPool({
        n: MARKET.n,
        d: MARKET.d,
        reward,
        share: MARKET.share,
        tolerance: MARKET.tolerance,
        paths,
        seed: "bench",
      });
    run(200);
    const best = await bestOf(REPEATS, () => run(MARKET.paths));
    const r = best.result;
    process.stdout.write(
      `${JSON.stringify({ units: r.slotEvents, seconds: best.seconds, cpuSeconds: best.cpuSeconds, mean: r.total.mean, horizon: r.horizon, engine: simulationEngine() })}\n`,
    );
    return;
  }
  throw new RangeError(
    `kind must be one of "direct", "direct-v1", "conditional", "market"; received ${JSON.stringify(kind)}`,
  );
}

main(process.argv[2] ?? "").catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
