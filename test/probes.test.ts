/**
 * The probe suite (issue 19, item 9): bad inputs and faults across the library, the runner's
 * in-process parts, the exporter and the sweep, as a new user would try them. Each probe asserts a
 * clear error — a RangeError/Error whose message names the parameter, shows the value received and
 * says what is allowed — or the correct result. The last test counts the probes per area and outcome.
 * (Process-level faults — kill -9, signals, lost output — have their own tests: runner-orphans,
 * export-orphans, runner-output-complete, runner-cli-edges.)
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import * as model from "../lib/model";
import { rewards, MixtureReward, BrokenPareto, calibrateMainnet, mainnetPerSlot } from "../lib/rewards";
import { useScenario } from "../lib/scenarios";
import { sampleTicketValues, simulateNpv, simulateTicketPool, sampleWaits } from "../lib/sim";
import { simulateAgentMarket, homogeneousBuyers, tieredBuyers, buyerValuation } from "../lib/market";
import { marketTask } from "../lib/market/task";
import { check, findRoot, minimiseOnInterval } from "../lib/stats";
import { parseShard, validateGrid, runSweep } from "../lib/sweep";
import { wasmInt } from "../lib/wasm/narrow";
import { readExecutedNotebook } from "../tools/export/read-notebook";
import { exportSite } from "../tools/export/export-site";
import { typeProblem, parameterLiteral } from "../tools/nb/parameter-types";
import { outputDirProblem } from "../tools/nb/cli-paths";

type Outcome = "clear error" | "correct result";
interface Probe {
  area: string;
  name: string;
  run: () => unknown;
  /** A clear error: the message must match (it names the parameter, the value and what is allowed). */
  error?: RegExp;
  /** A correct result: the value must pass this check. */
  result?: (value: unknown) => boolean;
}

const probes: Probe[] = [];
const refuse = (area: string, name: string, run: () => unknown, error: RegExp) =>
  probes.push({ area, name, run, error });
const accept = (area: string, name: string, run: () => unknown, result: (v: unknown) => boolean) =>
  probes.push({ area, name, run, result });

/** "<name> must be …; received <value>": the validators' message shape. */
const named = (name: string, value?: string) =>
  new RegExp(
    `${name.replace(/[.[\]]/g, "\\$&")} must be .+; received ${value === undefined ? "" : value.replace(/[.+()[\]]/g, "\\$&")}`,
  );

// ---- lib/model: closed forms, each numeric parameter with the usual bad values ----
const closedForms: [string, (p: Record<string, unknown>) => unknown, Record<string, unknown>, string[]][] = [
  ["npvOfRewards", (p) => model.npvOfRewards(p as never), { mu: 1, d: 0.01 }, ["mu", "d"]],
  ["npvVariance", (p) => model.npvVariance(p as never), { sigma2: 1, d: 0.01 }, ["sigma2", "d"]],
  ["ticketValue", (p) => model.ticketValue(p as never), { mu: 1, n: 10, d: 0.01 }, ["mu", "n", "d"]],
  ["issuedValue", (p) => model.issuedValue(p as never), { mu: 1, n: 10, d: 0.01 }, ["mu", "n", "d"]],
  [
    "ticketVariance",
    (p) => model.ticketVariance(p as never),
    { mu: 1, sigma2: 1, n: 10, d: 0.01 },
    ["mu", "sigma2", "n", "d"],
  ],
  ["expectedWait", (p) => model.expectedWait(p as never), { n: 10 }, ["n"]],
  ["perSlotRate", (p) => model.perSlotRate(p as never), { annualRate: 0.04 }, ["annualRate"]],
  ["holdingVariance", (p) => model.holdingVariance(p as never), { mu: 1, sigma2: 1, n: 10, d: 0.01, k: 3 }, ["k"]],
  ["captureRatio", (p) => model.captureRatio(p as never), { n: 10, d: 0.01, r: 0.02 }, ["n", "d", "r"]],
  ["unissuedValue", (p) => model.unissuedValue(p as never), { mu: 1, n: 10, d: 0.01 }, ["mu", "n", "d"]],
  ["waitVariance", (p) => model.waitVariance(p as never), { n: 10 }, ["n"]],
  ["leakageThreshold", (p) => model.leakageThreshold(p as never), { d: 0.01, r: 0.02, leakage: 0.1 }, ["leakage"]],
  [
    "capitalCostTicketPrice",
    (p) => model.capitalCostTicketPrice(p as never),
    { mu: 1, n: 10, r: 0.02 },
    ["mu", "n", "r"],
  ],
];
for (const [fn, call, valid, params] of closedForms) {
  for (const param of params) {
    for (const [label, bad] of [
      ["NaN", Number.NaN],
      ["-1", -1],
      ["Infinity", Number.POSITIVE_INFINITY],
      ['"1"', "1"],
    ] as const) {
      refuse(
        "library: closed forms",
        `${fn}({ ${param}: ${label} })`,
        () => call({ ...valid, [param]: bad }),
        named(param),
      );
    }
  }
}
accept(
  "library: closed forms",
  "ticketValue at n = 1e9, d = 1e-9 (log1p path)",
  () => model.ticketValue({ mu: 1, n: 1e9, d: 1e-9 }),
  (v) => Math.abs((v as number) - 0.5) < 1e-15,
);
accept(
  "library: closed forms",
  "npvOfRewards at d = 1e-9",
  () => model.npvOfRewards({ mu: 0.1, d: 1e-9 }),
  (v) => Math.abs((v as number) / 1e8 - 1) < 1e-12,
);

refuse(
  "library: closed forms",
  "ticketValue with a misspelt key",
  () => model.ticketValue({ mu: 1, n: 10, dd: 0.01 } as never),
  /ticketValue options\.dd is not a known key; did you mean d\?/,
);
refuse(
  "library: closed forms",
  "ticketVariance with a stray key",
  () => model.ticketVariance({ mu: 1, sigma2: 1, n: 10, d: 0.01, k: 2 } as never),
  /ticketVariance options\.k is not a known key/,
);
refuse(
  "library: closed forms",
  "perSlotRate with a misspelt key",
  () => model.perSlotRate({ annualrate: 0.04 } as never),
  /perSlotRate options\.annualrate is not a known key; did you mean annualRate\?/,
);
accept(
  "library: closed forms",
  "formulas.X.pick takes a function's own arguments from a larger scope",
  () => model.ticketValue(model.formulas.ticketValue.pick({ mu: 1, n: 1, d: 1, sigma2: 9, k: 3 })),
  (v) => v === 0.5,
);

// ---- lib/model: quadratures ----
const law = rewards.exponential(1);
refuse(
  "library: risk",
  "caraCertaintyEquivalentOfReward without a law",
  () => model.caraCertaintyEquivalentOfReward({ gamma: 1 } as never),
  named("law"),
);
refuse(
  "library: risk",
  "caraCertaintyEquivalentOfReward gamma 0",
  () => model.caraCertaintyEquivalentOfReward({ law, gamma: 0 }),
  named("gamma", "0"),
);
refuse(
  "library: risk",
  "caraCertaintyEquivalentOfReward members 0.5",
  () => model.caraCertaintyEquivalentOfReward({ law, gamma: 1, members: 0.5 }),
  named("members", "0.5"),
);
refuse(
  "library: risk",
  "expectedShortfall level 0",
  () => model.expectedShortfall({ law, level: 0 }),
  named("level", "0"),
);
refuse(
  "library: risk",
  "poolSizeForCaraPremium target 1",
  () => model.poolSizeForCaraPremium({ law, gamma: 1, targetPremium: 1 }),
  named("targetPremium", "1"),
);
accept(
  "library: risk",
  "CARA of an infinite-mean law is finite",
  () => model.caraCertaintyEquivalentOfReward({ law: rewards.mainnet({ alpha: 0.9 }), gamma: 1 }),
  (v) => Number.isFinite(v) && (v as number) > 0,
);
accept(
  "library: risk",
  "a pool that can never reach 1 % says Infinity",
  () =>
    model.poolSizeForCaraPremium({
      law: rewards.mainnet({ alpha: 0.95 }),
      gamma: 1,
      targetPremium: 0.01,
      maxMembers: 1e6,
    }),
  (v) => v === Number.POSITIVE_INFINITY,
);

// ---- lib/rewards ----
refuse("library: rewards", "exponential(-1)", () => rewards.exponential(-1), named("mu", "-1"));
refuse("library: rewards", "exponential(NaN)", () => rewards.exponential(Number.NaN), named("mu", "NaN"));
refuse("library: rewards", "gamma(0, 1)", () => rewards.gamma(0, 1), named("shape", "0"));
refuse("library: rewards", "gamma(1, -2)", () => rewards.gamma(1, -2), named("scale", "-2"));
refuse(
  "library: rewards",
  "lognormal sdLog -1",
  () => rewards.lognormal({ meanLog: 0, sdLog: -1 }),
  named("sdLog", "-1"),
);
refuse(
  "library: rewards",
  "lognormal misspelt key",
  () => rewards.lognormal({ meanLog: 0, sdlog: 1 } as never),
  /sdlog is not a known key; did you mean sdLog\?/,
);
refuse("library: rewards", "pareto alpha 0", () => rewards.pareto({ alpha: 0, scale: 1 }), named("alpha", "0"));
refuse("library: rewards", "mainnet tailMass 1", () => rewards.mainnet({ tailMass: 1 }), named("tailMass", "1"));
refuse(
  "library: rewards",
  "mainnet misspelt key",
  () => rewards.mainnet({ tailMas: 0.1 } as never),
  /tailMas is not a known key; did you mean tailMass\?/,
);
refuse(
  "library: rewards",
  "mainnet knee below the threshold",
  () => rewards.mainnet({ knee: 0.01 }),
  /knee must be > threshold/,
);
refuse(
  "library: rewards",
  "mainnet cap below the threshold",
  () => rewards.mainnet({ cap: 0.01 }),
  /cap must be > threshold/,
);
refuse("library: rewards", "empirical of nothing", () => rewards.empirical([]), /values/);
refuse("library: rewards", "empirical with a negative", () => rewards.empirical([1, -2]), /values\[1\]/);
accept(
  "library: rewards",
  "empirical([1e308, 1e308]) has a finite mean",
  () => rewards.empirical([1e308, 1e308]).mean,
  (v) => v === 1e308,
);
refuse("library: rewards", "scaled by -1", () => rewards.scaled(law, -1), named("factor", "-1"));
refuse(
  "library: rewards",
  "mixture weights not summing to 1",
  () => new MixtureReward([{ weight: 0.4, model: law }]),
  /weights must sum to 1; they sum to 0.4/,
);
refuse(
  "library: rewards",
  "mixture of a model without a cdf",
  () => new MixtureReward([{ weight: 1, model: { mean: 1 } as never }]),
  /components\[0\]\.model must be a reward distribution/,
);
refuse(
  "library: rewards",
  "BrokenPareto knee below scale",
  () => new BrokenPareto({ alpha: 1, scale: 2, knee: 1 }),
  /knee must be > scale \(= 2\); received 1/,
);
refuse(
  "library: rewards",
  "calibrateMainnet tailMass 0.5",
  () => calibrateMainnet({ tailMass: 0.5 }),
  named("tailMass", "0.5"),
);
refuse(
  "library: rewards",
  "calibrateMainnet misspelt key",
  () => calibrateMainnet({ tailmass: 0.1 } as never),
  /tailmass is not a known key; did you mean tailMass\?/,
);
refuse("library: rewards", "mainnetPerSlot level 0", () => mainnetPerSlot({ level: 0 }), named("level", "0"));
refuse(
  "library: rewards",
  "mainnetPerSlot boostShare 2",
  () => mainnetPerSlot({ boostShare: 2 }),
  named("boostShare", "2"),
);
accept(
  "library: rewards",
  "the calibrated law's mean is the sample mean",
  () => calibrateMainnet().model.mean,
  (v) => Math.abs((v as number) - 0.1246) < 1e-12,
);

// ---- lib/scenarios ----
refuse(
  "library: scenarios",
  "a misspelt scenario",
  () => useScenario({ name: "mainet" }),
  /name must be one of "mainnet", "mainnet-2026"; received "mainet"/,
);
refuse(
  "library: scenarios",
  "a misspelt override",
  () => useScenario({ name: "mainnet", overrides: { sdd: 1 } as never }),
  /overrides\.sdd is not a known key; did you mean sd\?/,
);
refuse(
  "library: scenarios",
  "mu -1",
  () => useScenario({ name: "mainnet", overrides: { mu: -1 } }),
  named("overrides.mu", "-1"),
);
refuse(
  "library: scenarios",
  "tailMass 2",
  () => useScenario({ name: "mainnet", overrides: { tailMass: 2 } }),
  named("overrides.tailMass", "2"),
);
refuse(
  "library: scenarios",
  "ar1Phi 1",
  () => useScenario({ name: "mainnet", overrides: { ar1Phi: 1 } }),
  named("overrides.ar1Phi", "1"),
);
refuse(
  "library: scenarios",
  "annualRates not an array",
  () => useScenario({ name: "mainnet", overrides: { annualRates: "0.04" as never } }),
  /overrides\.annualRates/,
);
refuse(
  "library: scenarios",
  "buyerRates with a negative",
  () => useScenario({ name: "mainnet", overrides: { buyerRates: [0.04, -1] } }),
  /overrides\.buyerRates\[1\]/,
);
refuse(
  "library: scenarios",
  "level 0",
  () => useScenario({ name: "mainnet", overrides: { level: 0 } }),
  named("overrides.level", "0"),
);
accept(
  "library: scenarios",
  "null keeps the scenario's value",
  () => useScenario({ name: "mainnet", overrides: { mu: null } }).overridden.length,
  (v) => v === 0,
);

// ---- lib/sim: engines at the edges ----
refuse(
  "library: engines",
  "sampleTicketValues n 0",
  () => sampleTicketValues({ n: 0, d: 0.01, reward: law, samples: 10, seed: 1 }),
  named("n", "0"),
);
refuse(
  "library: engines",
  "sampleTicketValues d 0",
  () => sampleTicketValues({ n: 10, d: 0, reward: law, samples: 10, seed: 1 }),
  named("d", "0"),
);
refuse(
  "library: engines",
  "sampleTicketValues samples 0",
  () => sampleTicketValues({ n: 10, d: 0.01, reward: law, samples: 0, seed: 1 }),
  named("samples", "0"),
);
refuse(
  "library: engines",
  "sampleTicketValues estimator typo",
  () => sampleTicketValues({ n: 10, d: 0.01, reward: law, samples: 10, seed: 1, estimator: "condtional" as never }),
  named("estimator"),
);
refuse(
  "library: engines",
  "sampleTicketValues seed NaN",
  () => sampleTicketValues({ n: 10, d: 0.01, reward: law, samples: 10, seed: Number.NaN }),
  named("seed", "NaN"),
);
refuse(
  "library: engines",
  "sampleTicketValues reward not a model",
  () => sampleTicketValues({ n: 10, d: 0.01, reward: {} as never, samples: 10, seed: 1 }),
  /reward must be/,
);
refuse(
  "library: engines",
  "sampleTicketValues infinite-mean reward",
  () => sampleTicketValues({ n: 10, d: 0.01, reward: rewards.mainnet({ alpha: 0.9 }), samples: 10, seed: 1 }),
  /mean is infinite/,
);
refuse(
  "library: engines",
  "simulateTicketPool at d = 1e-12 (a 2.8e13-slot horizon)",
  () => simulateTicketPool({ n: 10, d: 1e-12, reward: law, paths: 1, seed: 1 }),
  /horizon|work/,
);
refuse(
  "library: engines",
  "simulateNpv at d = 1e-12",
  () => simulateNpv({ d: 1e-12, reward: law, paths: 1, seed: 1 }),
  /horizon|work/,
);
refuse(
  "library: engines",
  "simulateTicketPool paths 0",
  () => simulateTicketPool({ n: 10, d: 0.1, reward: law, paths: 0, seed: 1 }),
  named("paths", "0"),
);
refuse("library: engines", "sampleWaits n 1.5", () => sampleWaits({ n: 1.5, samples: 10, seed: 1 }), named("n", "1.5"));
accept(
  "library: engines",
  "samples that are all 0 give a mean of exactly 0",
  () => sampleTicketValues({ n: 10, d: 0.01, reward: rewards.constant(0), samples: 1000, seed: 1 }).mean,
  (v) => v === 0,
);
accept(
  "library: engines",
  "the same seed gives the same numbers",
  () => {
    const run = () => sampleTicketValues({ n: 50, d: 0.01, reward: law, samples: 5000, seed: 9 }).mean;
    const first = run();
    return first === run();
  },
  (v) => v === true,
);
for (const [label, value] of [
  ["2^31", 2 ** 31],
  ["2^32 + 5", 2 ** 32 + 5],
  ["-1", -1],
  ["1.5", 1.5],
  ["NaN", Number.NaN],
] as const) {
  refuse(
    "library: engines",
    `a WebAssembly horizon of ${label}`,
    () => wasmInt({ name: "horizon", value }),
    /horizon must be an integer in \[0, 2147483647\] to reach the WebAssembly kernel/,
  );
}

refuse(
  "library: engines",
  "sampleTicketValues misspelt samples",
  () => sampleTicketValues({ n: 10, d: 0.01, reward: law, sampels: 10, seed: 1 } as never),
  /sampleTicketValues options\.sampels is not a known key; did you mean samples\?/,
);
refuse(
  "library: engines",
  "simulateTicketPool misspelt paths",
  () => simulateTicketPool({ n: 10, d: 0.1, reward: law, pahts: 1, seed: 1 } as never),
  /did you mean paths\?/,
);
refuse(
  "library: engines",
  "simulateNpv stray key",
  () => simulateNpv({ d: 0.1, reward: law, paths: 1, seed: 1, n: 10 } as never),
  /simulateNpv options\.n is not a known key/,
);
refuse(
  "library: engines",
  "sampleWaits misspelt bins",
  () => sampleWaits({ n: 10, samples: 10, seed: 1, bin: 5 } as never),
  /did you mean bins\?/,
);
refuse(
  "library: engines",
  "onProgress not a function",
  () => sampleTicketValues({ n: 10, d: 0.01, reward: law, samples: 10, seed: 1, onProgress: 5 } as never),
  /onProgress must be a function; received 5/,
);

// ---- lib/market ----
const buyers = homogeneousBuyers({ count: 3, r: 0.01 });
const market = (extra: Record<string, unknown>) => () =>
  simulateAgentMarket({
    buyers,
    mechanism: "second-price",
    n: 10,
    d: 0.01,
    reward: law,
    seed: 1,
    tolerance: 0.01,
    ...extra,
  } as never);
refuse("library: market", "a misspelt mechanism", market({ mechanism: "second-prize" }), /mechanism/);
refuse(
  "library: market",
  "fixed-price misspelt option",
  market({ mechanism: { kind: "fixed-price", prcie: 5 } }),
  /prcie is not a known key; did you mean price\?/,
);
refuse(
  "library: market",
  "eip1559 negative start price",
  market({ mechanism: { kind: "eip1559", initialPrice: -1 } }),
  /initialPrice/,
);
refuse(
  "library: market",
  "bonding-curve negative steepness",
  market({ mechanism: { kind: "bonding-curve", steepness: -1 } }),
  /steepness/,
);
refuse("library: market", "no buyers", market({ buyers: [] }), /buyers/);
refuse("library: market", "n 0", market({ n: 0 }), named("n", "0"));
refuse(
  "library: market",
  "bonus valuation typo",
  market({ bonus: { beta: 1, valuation: "mean" } }),
  /bonus\.valuation must be one of "average", "marginal"; received "mean"/,
);
refuse("library: market", "bonus misspelt key", market({ bonus: { beta: 1, awre: true } }), /awre is not a known key/);
refuse("library: market", "bonus beta -1", market({ bonus: { beta: -1 } }), named("bonus.beta", "-1"));
refuse(
  "library: market",
  "homogeneous buyers misspelt budget",
  () => homogeneousBuyers({ count: 2, r: 0.1, budjet: 5 } as never),
  /did you mean budget\?/,
);
refuse("library: market", "tiered buyers count 0", () => tieredBuyers({ count: 0, seed: 1 } as never), /count/);
refuse("library: market", "homogeneous buyers r NaN", () => homogeneousBuyers({ count: 2, r: Number.NaN }), /r/);
refuse(
  "library: market",
  "valuation with a bad bonus rule",
  () =>
    buyerValuation({
      buyer: buyers[0],
      mu: 1,
      sigma2: 1,
      pool: 10,
      bonus: { kind: "linear", beta: 1 },
      bonusValuation: "x" as never,
    }),
  named("bonusValuation"),
);
refuse(
  "library: market",
  "a misspelt task grid key",
  () => marketTask({ params: { mechanism: "second-price", n: 10, d: 0.01, bonusbeta: 1 }, replication: 0, seed: 1 }),
  /bonusbeta is not a known key; did you mean bonusBeta\?/,
);
accept(
  "library: market",
  'a task budget of "none" never binds',
  () =>
    marketTask({
      params: { mechanism: "second-price", n: 5, d: 0.05, tolerance: 0.01, buyers: "homogeneous", budget: "none" },
      replication: 0,
      seed: 1,
    }).capture,
  (v) => typeof v === "number" && Number.isFinite(v),
);

// ---- lib/stats ----
refuse(
  "library: stats",
  "check with an empty label",
  () => check({ label: "", estimate: 1, stderr: 1, expected: 1 }),
  /label must be a non-empty string/,
);
refuse(
  "library: stats",
  "check with a negative stderr",
  () => check({ label: "x", estimate: 1, stderr: -1, expected: 1 }),
  named("stderr", "-1"),
);
refuse(
  "library: stats",
  "check with a NaN expected",
  () => check({ label: "x", estimate: 1, stderr: 1, expected: Number.NaN }),
  named("expected", "NaN"),
);
refuse(
  "library: stats",
  "check with a NaN alternative",
  () => check({ label: "x", estimate: 1, stderr: 1, expected: 1, alternative: { label: "y", value: Number.NaN } }),
  named("alternative.value", "NaN"),
);
refuse(
  "library: stats",
  "check with a misspelt alternative key",
  () => check({ label: "x", estimate: 1, stderr: 1, expected: 1, alternative: { label: "y", vaule: 1 } as never }),
  /vaule is not a known key/,
);
accept(
  "library: stats",
  "a check that cannot exclude its alternative fails",
  () => check({ label: "x", estimate: 1, stderr: 0.1, expected: 1, alternative: { label: "y", value: 1.1 } }).pass,
  (v) => v === false,
);
refuse(
  "library: stats",
  "findRoot without a bracket",
  () => findRoot({ f: (x) => x * x + 1, lo: -1, hi: 1, name: "the root" }),
  /no the root in \[-1, 1\]/,
);
refuse("library: stats", "findRoot hi < lo", () => findRoot({ f: (x) => x, lo: 1, hi: 0 }), /hi must be > lo/);
refuse(
  "library: stats",
  "minimiseOnInterval NaN bound",
  () => minimiseOnInterval({ f: (x) => x, lo: Number.NaN, hi: 1 }),
  named("lo", "NaN"),
);

// ---- lib/sweep ----
refuse("sweep", 'parseShard("3/2")', () => parseShard({ text: "3/2" }), /shard/);
refuse("sweep", 'parseShard("a/b")', () => parseShard({ text: "a/b" }), /shard/);
refuse("sweep", 'parseShard("0/0")', () => parseShard({ text: "0/0" }), /shard/);
refuse(
  "sweep",
  "an empty grid",
  () => validateGrid({ grid: {} }),
  /grid must be an object with at least one parameter/,
);
refuse(
  "sweep",
  "a grid with an empty list",
  () => validateGrid({ grid: { n: [] } }),
  /grid\.n must be a non-empty array/,
);
refuse(
  "sweep",
  "a grid repeating a value",
  () => validateGrid({ grid: { n: [1, 1] } }),
  /grid\.n must not repeat a value/,
);
refuse(
  "sweep",
  "a grid with null",
  () => validateGrid({ grid: { n: [null] } as never }),
  /grid\.n\[0\] must be a finite number, a string or a boolean/,
);
refuse("sweep", "a grid with NaN", () => validateGrid({ grid: { n: [Number.NaN] } }), /grid\.n\[0\]/);
refuse(
  "sweep",
  "the reserved replication column",
  () => validateGrid({ grid: { replication: [1] } }),
  /grid\.replication must not be used/,
);

// ---- runner (in-process parts): typed parameters and output paths ----
refuse(
  "runner",
  "a string for a number parameter",
  () => {
    const problem = typeProblem("100", { kind: "number" } as never);
    if (problem) throw new RangeError(problem);
  },
  /number/,
);
refuse(
  "runner",
  "a number for a boolean parameter",
  () => {
    const problem = typeProblem(1, { kind: "boolean" } as never);
    if (problem) throw new RangeError(problem);
  },
  /boolean/,
);
accept(
  "runner",
  "U+2028 is injected safely as a literal",
  () => parameterLiteral("a\u2028b"),
  (v) => typeof v === "string" && !(v as string).includes("\u2028"),
);
accept(
  "runner",
  "an output folder that is a file is refused before any work",
  () => {
    const file = path.join(os.tmpdir(), `probe-${process.pid}.txt`);
    fs.writeFileSync(file, "x");
    try {
      return outputDirProblem(file);
    } finally {
      fs.rmSync(file, { force: true });
    }
  },
  (v) => typeof v === "string" && /exists and is not a folder/.test(v as string),
);

// ---- exporter ----
const badNotebook = (name: string, text: string) => {
  const file = path.join(os.tmpdir(), `probe-${process.pid}-${name}.ipynb`);
  fs.writeFileSync(file, text);
  return file;
};
refuse(
  "exporter",
  "a notebook that is not JSON",
  () => readExecutedNotebook({ file: badNotebook("json", "{oops") }),
  /not a readable notebook/,
);
refuse(
  "exporter",
  "an nbformat 3 notebook",
  () => readExecutedNotebook({ file: badNotebook("v3", JSON.stringify({ nbformat: 3, cells: [] })) }),
  /not an nbformat 4 notebook/,
);
refuse(
  "exporter",
  "an unknown cell type",
  () =>
    readExecutedNotebook({
      file: badNotebook("cell", JSON.stringify({ nbformat: 4, cells: [{ cell_type: "widget" }] })),
    }),
  /cell 1 has an unknown cell_type "widget"/,
);
accept(
  "exporter",
  "an unsigned notebook is not trusted",
  () =>
    readExecutedNotebook({ file: badNotebook("unsigned", JSON.stringify({ nbformat: 4, metadata: {}, cells: [] })) })
      .signed,
  (v) => v === false,
);

// ---- running the probes ----
const results: { probe: Probe; outcome: Outcome }[] = [];
for (const probe of probes) {
  test(`probe [${probe.area}] ${probe.name}`, () => {
    if (probe.error) {
      assert.throws(probe.run, (err: unknown) => {
        const message = (err as Error)?.message ?? "";
        assert.match(message, probe.error as RegExp);
        assert.ok(!/\[object Object\]/.test(message), `the message shows a value, not [object Object]: ${message}`);
        return true;
      });
      results.push({ probe, outcome: "clear error" });
    } else {
      const value = probe.run();
      assert.ok(probe.result?.(value), `unexpected result ${String(value)}`);
      results.push({ probe, outcome: "correct result" });
    }
  });
}

test("async probes: runSweep and exportSite refuse bad input before any work", async () => {
  await assert.rejects(
    runSweep({
      task: { module: "lib/market/task.ts", export: "marketTask" },
      grid: { n: [] },
      replications: 1,
      seed: 1,
    } as never),
    /grid\.n must be a non-empty array/,
  );
  await assert.rejects(
    runSweep({
      task: { module: "lib/market/task.ts", export: "marketTask" },
      grid: { n: [1] },
      replications: 0,
      seed: 1,
    } as never),
    /replications/,
  );
  await assert.rejects(
    exportSite({ inDir: path.join(os.tmpdir(), `no-such-folder-${process.pid}`), outDir: os.tmpdir() }),
    /input folder .* does not exist/,
  );
  results.push(
    ...[1, 2, 3].map(() => ({
      probe: { area: "sweep and exporter (async)", name: "", run: () => 0 },
      outcome: "clear error" as Outcome,
    })),
  );
});

test("at least 200 probes, counted per area and outcome", () => {
  const counts = new Map<string, number>();
  for (const r of results)
    counts.set(`${r.probe.area} — ${r.outcome}`, (counts.get(`${r.probe.area} — ${r.outcome}`) ?? 0) + 1);
  const lines = [...counts].sort().map(([k, v]) => `${String(v).padStart(4)}  ${k}`);
  console.log(`probes: ${results.length}\n${lines.join("\n")}`);
  assert.equal(results.length, probes.length + 3, "every probe ran and held");
  assert.ok(results.length >= 200, `${results.length} probes`);
});
