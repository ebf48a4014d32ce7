/**
 * lib/dynamics simulators against the closed forms: fixed seeds, tolerance 5 standard errors. The
 * simulators step the processes and chains slot by slot and never call the closed forms, so each
 * check is an independent test of both. One check per group is run against a wrong value to show
 * that it can fail.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rewards, rewardProcesses, CALM, STORM } from "../lib/rewards";
import { check, assertAgreement, type CheckResult } from "../lib/stats";
import { holdingVariance, ticketValue } from "../lib/model";
import {
  processTicketValue,
  processTicketMoments,
  processNpv,
  processNpvVariance,
  processHoldingVariance,
  markovTicketValue,
  markovNpv,
  birthDeathTransition,
  simulateProcessHolding,
  simulateProcessNpv,
  simulateMarkovTicket,
  simulateMarkovNpv,
  sampleRewardPath,
  autocorrelationEstimates,
} from "../lib/dynamics";

const storms = rewardProcesses.regimeSwitching({
  calm: rewards.exponential(1),
  storm: rewards.exponential(6),
  pCalmToStorm: 0.03,
  pStormToCalm: 0.15,
});
const ar1 = rewardProcesses.ar1({ mu: 1, sdLog: 0.8, phi: 0.85 });

test("one ticket bought in calm, in a storm and at a random time (regimes): simulated E[V] and Var(V) within 5 standard errors", () => {
  const n = 15;
  const d = 0.02;
  const results: CheckResult[] = [];
  for (const state of [CALM, STORM, undefined]) {
    const sim = simulateProcessHolding({ process: storms, n, d, paths: 40_000, seed: `regime/${state}`, state });
    const exact = processTicketMoments({ process: storms, n, d, state });
    results.push(check({ label: `E[V | ${state}]`, estimate: sim.mean, stderr: sim.stderr, expected: exact.mean }));
    results.push(
      check({
        label: `Var(V | ${state})`,
        estimate: sim.variance,
        stderr: sim.varianceStderr,
        expected: exact.variance,
      }),
    );
    assert.ok(Math.abs(sim.meanSlots - n) < 5 * Math.sqrt((n * (n - 1)) / 40_000), "paths last n slots on average");
  }
  assertAgreement(results);
  // Power: the storm-bought ticket is clearly not worth the unconditional μ/(nd+1).
  const storm = simulateProcessHolding({ process: storms, n, d, paths: 40_000, seed: "regime/1", state: STORM });
  assert.ok(
    Math.abs(
      check({
        label: "power",
        estimate: storm.mean,
        stderr: storm.stderr,
        expected: ticketValue({ mu: storms.stationaryMean, n, d }),
      }).z,
    ) > 5,
  );
});

test("AR(1) log-rewards: E[V | L_0] for a high and a low start, and the stationary E[V]", () => {
  const n = 10;
  const d = 0.01;
  const results: CheckResult[] = [];
  for (const state of [ar1.meanLog + 1.6, ar1.meanLog - 1.6, undefined]) {
    const sim = simulateProcessHolding({ process: ar1, n, d, paths: 40_000, seed: `ar1/${state}`, state });
    results.push(
      check({
        label: `E[V | L0=${state}]`,
        estimate: sim.mean,
        stderr: sim.stderr,
        expected: processTicketValue({ process: ar1, n, d, state }),
      }),
    );
  }
  assertAgreement(results);
});

test("holding of k tickets under storms: variance inflated as processHoldingVariance says, and the i.i.d. value is rejected", () => {
  const [n, d, k] = [10, 0.05, 5];
  const sim = simulateProcessHolding({ process: storms, n, d, k, paths: 60_000, seed: "holding" });
  assertAgreement(
    check({
      label: "holding variance",
      estimate: sim.variance,
      stderr: sim.varianceStderr,
      expected: processHoldingVariance({ process: storms, n, d, k }),
    }),
  );
  const iid = holdingVariance({ mu: storms.stationaryMean, sigma2: storms.stationaryVariance, n, d, k });
  assert.ok(check({ label: "iid", estimate: sim.variance, stderr: sim.varianceStderr, expected: iid }).z > 5);
});

test("NPV of all rewards with memory: conditional mean and stationary variance (AR(1) and regimes)", () => {
  const d = 0.05;
  const results: CheckResult[] = [];
  for (const process of [ar1, storms]) {
    const state = process === ar1 ? ar1.meanLog + 1.5 : STORM;
    const conditional = simulateProcessNpv({ process, d, paths: 3000, seed: `npv/${process.name}`, state });
    results.push(
      check({
        label: `${process.name}: E[NPV | S0]`,
        estimate: conditional.mean,
        stderr: conditional.stderr,
        expected: processNpv({ process, d, state }),
      }),
    );
    const stationary = simulateProcessNpv({ process, d, paths: 3000, seed: `npv-var/${process.name}` });
    results.push(
      check({
        label: `${process.name}: Var(NPV)`,
        estimate: stationary.variance,
        stderr: stationary.varianceStderr,
        expected: processNpvVariance({ process, d }),
      }),
    );
  }
  assertAgreement(results);
});

test("rate regimes (hikes and cuts): simulated ticket value and NPV by starting regime against the linear systems", () => {
  const transition = birthDeathTransition({ size: 3, up: 0.01, down: 0.015 });
  const rates = [0.01, 0.02, 0.05];
  const n = 40;
  const exactTicket = markovTicketValue({ transition, rates, means: 1, n });
  const exactNpv = markovNpv({ transition, rates, means: 1 });
  const results: CheckResult[] = [];
  for (const state of [0, 2]) {
    const ticket = simulateMarkovTicket({
      transition,
      rates,
      rewards: rewards.exponential(1),
      n,
      paths: 40_000,
      seed: `rates/${state}`,
      state,
    });
    results.push(
      check({
        label: `ticket, regime ${state}`,
        estimate: ticket.mean,
        stderr: ticket.stderr,
        expected: exactTicket[state],
      }),
    );
    const npv = simulateMarkovNpv({
      transition,
      rates,
      rewards: rewards.exponential(1),
      paths: 1500,
      seed: `rates-npv/${state}`,
      state,
      estimator: "conditional",
    });
    results.push(
      check({ label: `NPV, regime ${state}`, estimate: npv.mean, stderr: npv.stderr, expected: exactNpv[state] }),
    );
  }
  assertAgreement(results);
  // Power: the constant-rate formula at the starting rate is rejected for the low-rate start.
  const low = simulateMarkovNpv({
    transition,
    rates,
    rewards: rewards.exponential(1),
    paths: 1500,
    seed: "rates-npv/0",
    state: 0,
    estimator: "conditional",
  });
  assert.ok(Math.abs(check({ label: "power", estimate: low.mean, stderr: low.stderr, expected: 1 / rates[0] }).z) > 5);
});

test("reward regimes through the general chain simulator agree with the storm closed form (conditional estimator)", () => {
  const transition = [
    [1 - storms.pCalmToStorm, storms.pCalmToStorm],
    [storms.pStormToCalm, 1 - storms.pStormToCalm],
  ];
  const sim = simulateMarkovTicket({
    transition,
    rates: 0.02,
    rewards: [storms.calm, storms.storm],
    n: 15,
    paths: 40_000,
    seed: "chain",
    state: STORM,
    estimator: "conditional",
  });
  assertAgreement(
    check({
      label: "storm via chain",
      estimate: sim.mean,
      stderr: sim.stderr,
      expected: processTicketValue({ process: storms, n: 15, d: 0.02, state: STORM }),
    }),
  );
});

test("autocorrelationEstimates recover the processes' autocorrelation (batch means)", () => {
  const results: CheckResult[] = [];
  for (const process of [ar1, storms]) {
    const series = sampleRewardPath({ process, length: 200_000, seed: `acf/${process.name}` });
    const lags = [1, 3, 10];
    autocorrelationEstimates({
      series,
      lags,
      mean: process.stationaryMean,
      variance: process.stationaryVariance,
    }).forEach((e, i) =>
      results.push(
        check({
          label: `${process.name} ρ(${lags[i]})`,
          estimate: e.mean,
          stderr: e.stderr,
          expected: process.autocorrelation(lags[i]),
        }),
      ),
    );
  }
  assertAgreement(results);
});

test("simulators are deterministic in (seed, paths)", () => {
  const a = simulateProcessHolding({ process: ar1, n: 5, d: 0.01, paths: 500, seed: 9 });
  const b = simulateProcessHolding({ process: ar1, n: 5, d: 0.01, paths: 500, seed: 9 });
  assert.deepEqual(a, b);
  const c = simulateProcessHolding({ process: ar1, n: 5, d: 0.01, paths: 500, seed: 10 });
  assert.notEqual(a.mean, c.mean);
  assert.deepEqual(
    sampleRewardPath({ process: storms, length: 50, seed: 1 }),
    sampleRewardPath({ process: storms, length: 50, seed: 1 }),
  );
});
