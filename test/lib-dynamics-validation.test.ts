/** lib/dynamics: bad input is rejected with a RangeError that names the parameter. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rewards, rewardProcesses } from "../lib/rewards";
import {
  processTicketValue,
  processTicketMoments,
  stormCalmTicketValues,
  processNpv,
  processNpvVariance,
  processTicketCovariance,
  processHoldingVariance,
  markovTicketValue,
  markovNpv,
  rateRegimeComparison,
  stationaryDistribution,
  birthDeathTransition,
  simulateProcessHolding,
  simulateProcessNpv,
  simulateMarkovTicket,
  simulateMarkovNpv,
  sampleRewardPath,
  autocorrelationEstimates,
} from "../lib/dynamics";
import type { RegimeSwitchingProcess, RewardProcess } from "../lib/rewards";

const storms = rewardProcesses.regimeSwitching({
  calm: rewards.exponential(1),
  storm: rewards.exponential(4),
  pCalmToStorm: 0.1,
  pStormToCalm: 0.2,
});
const ar1 = rewardProcesses.ar1({ mu: 1, sdLog: 0.5, phi: 0.5 });
const transition = [
  [0.9, 0.1],
  [0.2, 0.8],
];

function rejects(fn: () => unknown, name: string): void {
  assert.throws(
    fn,
    (err: unknown) => err instanceof RangeError && err.message.startsWith(`${name} `),
    `expected a RangeError naming ${name}`,
  );
}

test("closed forms of correlated rewards reject bad n, d, state and process", () => {
  rejects(() => processTicketValue({ process: storms, n: 0, d: 0.01 }), "n");
  rejects(() => processTicketValue({ process: storms, n: 2.5, d: 0.01 }), "n");
  rejects(() => processTicketValue({ process: storms, n: 10, d: 0 }), "d");
  rejects(() => processTicketValue({ process: storms, n: 10, d: 0.01, state: 2 }), "state");
  rejects(() => processTicketValue({ process: ar1, n: 10, d: 0.01, state: NaN }), "state");
  rejects(() => processTicketMoments({ process: storms, n: 10, d: -1 }), "d");
  rejects(
    () => processTicketValue({ process: { name: "custom" } as unknown as RewardProcess, n: 10, d: 0.01 }),
    "process",
  );
  rejects(
    () => stormCalmTicketValues({ process: ar1 as unknown as RegimeSwitchingProcess, n: 10, d: 0.01 }),
    "process",
  );
  rejects(() => processNpv({ process: ar1, d: Infinity }), "d");
  rejects(() => processNpv({ process: storms, d: 0.01, state: 0.5 }), "state");
  rejects(() => processNpvVariance({ process: ar1, d: 0 }), "d");
  rejects(() => processTicketCovariance({ process: storms, n: 1, d: 0.01 }), "n");
  rejects(() => processHoldingVariance({ process: storms, n: 10, d: 0.01, k: 11 }), "k");
  rejects(() => processHoldingVariance({ process: storms, n: 10, d: 0.01, k: -1 }), "k");
});

test("regime chains reject malformed transition matrices, rates, means and sizes", () => {
  rejects(() => markovTicketValue({ transition: [], rates: 0.01, means: 1, n: 5 }), "transition");
  rejects(() => markovTicketValue({ transition: [[1, 0]], rates: 0.01, means: 1, n: 5 }), "transition[0]");
  rejects(
    () =>
      markovTicketValue({
        transition: [
          [0.5, 0.4],
          [0.2, 0.8],
        ],
        rates: 0.01,
        means: 1,
        n: 5,
      }),
    "transition[0]",
  );
  rejects(
    () =>
      markovTicketValue({
        transition: [
          [1.2, -0.2],
          [0.2, 0.8],
        ],
        rates: 0.01,
        means: 1,
        n: 5,
      }),
    "transition[0][0]",
  );
  rejects(() => markovTicketValue({ transition, rates: [0.01], means: 1, n: 5 }), "rates");
  rejects(() => markovTicketValue({ transition, rates: [0.01, 0], means: 1, n: 5 }), "rates[1]");
  rejects(() => markovTicketValue({ transition, rates: 0.01, means: [1, -1], n: 5 }), "means[1]");
  rejects(() => markovTicketValue({ transition, rates: 0.01, means: 1, n: 0 }), "n");
  rejects(() => markovNpv({ transition, rates: -0.01, means: 1 }), "rates");
  rejects(() => rateRegimeComparison({ transition, rates: [0.01, 0.02], mu: -1, n: 5 }), "mu");
  rejects(
    () =>
      stationaryDistribution({
        transition: [
          [1, 0],
          [0, 1],
        ],
      }),
    "transition",
  );
  rejects(() => birthDeathTransition({ size: 1, up: 0.1, down: 0.1 }), "size");
  rejects(() => birthDeathTransition({ size: 3, up: 0.7, down: 0.5 }), "down");
  rejects(() => birthDeathTransition({ size: 3, up: NaN, down: 0.5 }), "up");
});

test("simulators reject bad sizes, seeds, states, estimators and tolerances", () => {
  rejects(() => simulateProcessHolding({ process: storms, n: 10, d: 0.01, paths: 1, seed: 1 }), "paths");
  rejects(() => simulateProcessHolding({ process: storms, n: 10, d: 0.01, paths: 100, seed: "" }), "seed");
  rejects(() => simulateProcessHolding({ process: storms, n: 10, d: 0.01, k: 0, paths: 100, seed: 1 }), "k");
  rejects(() => simulateProcessHolding({ process: storms, n: 10, d: 0.01, paths: 100, seed: 1, state: 3 }), "state");
  rejects(() => simulateProcessNpv({ process: ar1, d: 0.01, paths: 100, seed: 1, tolerance: 0 }), "tolerance");
  rejects(
    () =>
      simulateMarkovTicket({
        transition,
        rates: 0.01,
        rewards: rewards.exponential(1),
        n: 10,
        paths: 100,
        seed: 1,
        state: 2,
      }),
    "state",
  );
  rejects(
    () =>
      simulateMarkovTicket({
        transition,
        rates: 0.01,
        rewards: rewards.exponential(1),
        n: 10,
        paths: 100,
        seed: 1,
        estimator: "fast" as "direct",
      }),
    "estimator",
  );
  rejects(
    () =>
      simulateMarkovTicket({ transition, rates: 0.01, rewards: [rewards.exponential(1)], n: 10, paths: 100, seed: 1 }),
    "rewards",
  );
  rejects(
    () =>
      simulateMarkovNpv({
        transition,
        rates: 0.01,
        rewards: rewards.exponential(1),
        paths: 100,
        seed: 1,
        tolerance: 2,
      }),
    "tolerance",
  );
  rejects(() => sampleRewardPath({ process: ar1, length: 0, seed: 1 }), "length");
  rejects(() => sampleRewardPath({ process: null as unknown as RewardProcess, length: 5, seed: 1 }), "process");
  rejects(
    () => autocorrelationEstimates({ series: [1, 2, 3, 4, 5, 6, 7, 8], lags: [3], mean: 0, variance: 1 }),
    "lags[0]",
  );
  rejects(() => autocorrelationEstimates({ series: [1, 2, 3], lags: [1], mean: 0, variance: 0 }), "variance");
});
