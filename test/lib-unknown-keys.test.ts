/**
 * A misspelt option is refused with the closest valid name instead of running with the default:
 * mechanism specs, reward models and processes, the mainnet fit, and the market task's sweep grid
 * (where a misspelt key would also have changed every cell's random stream).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { homogeneousBuyers, marketTaskRef, simulateAgentMarket } from "../lib/market";
import { fitMainnet, rewardProcesses, rewards } from "../lib/rewards";
import { runSweep } from "../lib/sweep";
import { knownKeys } from "../lib/validate";

const market = (mechanism: unknown) =>
  simulateAgentMarket({
    buyers: homogeneousBuyers({ count: 2, r: 0.01 }),
    mechanism: mechanism as never,
    n: 10,
    d: 0.01,
    reward: rewards.exponential(1),
    seed: 1,
    tolerance: 0.05,
  });

test("a misspelt mechanism option names the mechanism and the closest option", () => {
  assert.throws(
    () => market({ kind: "fixed-price", prcie: 5 }),
    /mechanism \(fixed-price\)\.prcie is not a known key; did you mean price\? \(known: kind, price, priceFactor\)/,
  );
  assert.throws(() => market({ kind: "eip1559", adjustFactr: 8 }), /did you mean adjustFactor\?/);
  assert.ok(Number.isFinite(market({ kind: "fixed-price", price: 0.5 }).metrics.capture));
});

test("reward models, processes and the fit refuse unknown options", () => {
  assert.throws(
    () => rewards.mainnet({ cpa: 100 } as never),
    /rewards\.mainnet options\.cpa is not a known key; did you mean cap\?/,
  );
  assert.throws(
    () => rewards.pareto({ alpha: 1.5, scale: 1, capp: 3 } as never),
    /rewards\.pareto options\.capp .* did you mean cap\?/,
  );
  assert.throws(
    () => rewards.lognormal({ meanLog: 0, sdlog: 1 } as never),
    /rewards\.lognormal options\.sdlog .* did you mean sdLog\?/,
  );
  assert.throws(
    () => rewardProcesses.ar1({ mean: 1, sdLog: 1, phi: 0.5 } as never),
    /rewardProcesses\.ar1 options\.mean is not a known key \(known: mu, sdLog, phi\)/,
  );
  assert.throws(
    () =>
      rewardProcesses.regimeSwitching({
        calm: rewards.exponential(1),
        storm: rewards.exponential(3),
        pCalmToStorm: 0.1,
        pStormToClam: 0.2,
      } as never),
    /pStormToClam .* did you mean pStormToCalm\?/,
  );
  assert.throws(
    () => fitMainnet({ tailmass: 0.05 } as never),
    /fitMainnet options\.tailmass .* did you mean tailMass\?/,
  );
});

test("a misspelt sweep grid key is refused before it can change the random streams", async () => {
  await assert.rejects(
    runSweep({
      task: marketTaskRef(),
      grid: { mechanism: ["second-price"], nn: [10], d: [0.01], tolerance: [0.1] },
      replications: 1,
      seed: 1,
      workers: 0,
    }),
    /grid\.nn is not a known key; did you mean n\?/,
  );
  // An option that only some mechanisms take is fine in a grid: each takes what it has.
  const rows = await runSweep({
    task: marketTaskRef(),
    grid: { mechanism: ["fixed-price", "second-price"], n: [5], d: [0.05], tolerance: [0.1], priceFactor: [0.9] },
    replications: 1,
    seed: 1,
    workers: 0,
  });
  assert.equal(rows.length, 2);
});

test("knownKeys says which key, which object and the known ones; suggests only close names", () => {
  assert.throws(
    () => knownKeys("options", { sdd: 1 }, ["mu", "sd"]),
    /^RangeError: options\.sdd is not a known key; did you mean sd\? \(known: mu, sd\)$/,
  );
  assert.throws(
    () => knownKeys("options", { zzzz: 1 }, ["mu", "sd"]),
    /^RangeError: options\.zzzz is not a known key \(known: mu, sd\)$/,
  );
  knownKeys("options", { mu: 1 }, ["mu", "sd"]);
});
