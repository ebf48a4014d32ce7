/**
 * Bad input for every public function of lib/model (table-driven): NaN, ±Infinity, negatives, zero
 * where not allowed, non-integer n/k/m/t, k > n, share > 1, wrong types, missing parameters. Each
 * must throw a RangeError whose message names the parameter ("<name> must be …; received …").
 * A guard test fails when a new function is exported without a row here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as model from "../lib/model";

type Params = Record<string, unknown>;

/** A reward law for the quadrature functions (an exponential of mean 1, written out here). */
const exponentialLaw = {
  mean: 1,
  cdf: (x: number) => (x <= 0 ? 0 : -Math.expm1(-x)),
  quantile: (p: number) => -Math.log1p(-p),
};
type Kind =
  | "nonNegative"
  | "positive"
  | "finite"
  | "ticketCount"
  | "pairCount"
  | "holding"
  | "poolHolding"
  | "share"
  | "probability"
  | "openUnit"
  | "slot"
  | "lookahead"
  | "members"
  | "tolerance"
  | "rewards"
  | "method";

/** Values each kind of parameter must reject (besides a missing parameter, checked for all). */
function badValues(kind: Kind, params: Params): unknown[] {
  const common = [NaN, Infinity, -Infinity, "1", null];
  const n = params.n as number;
  switch (kind) {
    case "nonNegative":
      return [...common, -1, -1e-300];
    case "positive":
      return [...common, 0, -0, -1e-12];
    case "finite":
      return common;
    case "ticketCount":
      return [...common, 0, -3, 2.5, 2 ** 53 + 2];
    case "pairCount":
      return [...common, 1, 0, 2.5];
    case "holding":
      return [...common, -1, 1.5, n + 1];
    case "poolHolding":
      return [...common, 0, 1.5, n + 1];
    case "share":
      return [...common, -0.1, 1.1];
    case "probability":
      return [...common, -0.1, 1.1];
    case "openUnit":
      return [...common, 0, 1, -0.5, 1.5];
    case "slot":
    case "lookahead":
      return [...common, -1, 0.5];
    case "members":
      return [...common, 0, 1.5];
    case "tolerance":
      return [NaN, Infinity, "1", 0, 1e-20, 0.5];
    case "rewards":
      return ["normal", 1, null];
    case "method":
      return ["fast", 1];
  }
}

interface Row {
  call: (params: Params) => unknown;
  valid: Params;
  kinds: Record<string, Kind>;
  /** Parameters that may be left out (they have defaults). */
  optional?: string[];
}

const base = { mu: 1.5, sigma2: 0.7, n: 10, d: 0.01 };
const fn = (f: (p: never) => unknown) => (p: Params) => f(p as never);

const TABLE: Record<string, Row> = {
  npvOfRewards: {
    call: fn(model.npvOfRewards),
    valid: { mu: 1, d: 0.01 },
    kinds: { mu: "nonNegative", d: "positive" },
  },
  npvVariance: {
    call: fn(model.npvVariance),
    valid: { sigma2: 1, d: 0.01 },
    kinds: { sigma2: "nonNegative", d: "positive" },
  },
  ticketValue: {
    call: fn(model.ticketValue),
    valid: { mu: 1, n: 10, d: 0.01 },
    kinds: { mu: "nonNegative", n: "ticketCount", d: "positive" },
  },
  issuedValue: {
    call: fn(model.issuedValue),
    valid: { mu: 1, n: 10, d: 0.01 },
    kinds: { mu: "nonNegative", n: "ticketCount", d: "positive" },
  },
  unissuedValue: {
    call: fn(model.unissuedValue),
    valid: { mu: 1, n: 10, d: 0.01 },
    kinds: { mu: "nonNegative", n: "ticketCount", d: "positive" },
  },
  issuedShare: { call: fn(model.issuedShare), valid: { n: 10, d: 0.01 }, kinds: { n: "ticketCount", d: "positive" } },
  expectedWait: { call: fn(model.expectedWait), valid: { n: 10 }, kinds: { n: "ticketCount" } },
  waitVariance: { call: fn(model.waitVariance), valid: { n: 10 }, kinds: { n: "ticketCount" } },
  waitPmf: { call: fn(model.waitPmf), valid: { n: 10, t: 3 }, kinds: { n: "ticketCount", t: "slot" } },
  waitCdf: { call: fn(model.waitCdf), valid: { n: 10, t: 3 }, kinds: { n: "ticketCount", t: "slot" } },
  waitQuantile: {
    call: fn(model.waitQuantile),
    valid: { n: 10, p: 0.5 },
    kinds: { n: "ticketCount", p: "probability" },
  },
  ticketSecondMoment: {
    call: fn(model.ticketSecondMoment),
    valid: base,
    kinds: { mu: "nonNegative", sigma2: "nonNegative", n: "ticketCount", d: "positive" },
  },
  ticketVariance: {
    call: fn(model.ticketVariance),
    valid: base,
    kinds: { mu: "nonNegative", sigma2: "nonNegative", n: "ticketCount", d: "positive" },
  },
  ticketCovariance: {
    call: fn(model.ticketCovariance),
    valid: { mu: 1, n: 10, d: 0.01 },
    kinds: { mu: "nonNegative", n: "pairCount", d: "positive" },
  },
  holdingValue: {
    call: fn(model.holdingValue),
    valid: { mu: 1, n: 10, d: 0.01, k: 4 },
    kinds: { mu: "nonNegative", n: "ticketCount", d: "positive", k: "holding" },
  },
  holdingVariance: {
    call: fn(model.holdingVariance),
    valid: { ...base, k: 4 },
    kinds: { mu: "nonNegative", sigma2: "nonNegative", n: "ticketCount", d: "positive", k: "holding" },
  },
  stakeValue: {
    call: fn(model.stakeValue),
    valid: { mu: 1, n: 10, d: 0.01, share: 0.3 },
    kinds: { mu: "nonNegative", n: "ticketCount", d: "positive", share: "share" },
  },
  stakeVariance: {
    call: fn(model.stakeVariance),
    valid: { ...base, share: 0.3 },
    kinds: { mu: "nonNegative", sigma2: "nonNegative", n: "ticketCount", d: "positive", share: "share" },
  },
  maintainedStakeValue: {
    call: fn(model.maintainedStakeValue),
    valid: { mu: 1, n: 10, d: 0.01, share: 0.3 },
    kinds: { mu: "nonNegative", n: "ticketCount", d: "positive", share: "share" },
  },
  maintainedStakeVariance: {
    call: fn(model.maintainedStakeVariance),
    valid: { ...base, share: 0.3 },
    kinds: { mu: "nonNegative", sigma2: "nonNegative", n: "ticketCount", d: "positive", share: "share" },
  },
  grossStakeStream: {
    call: fn(model.grossStakeStream),
    valid: { mu: 1, d: 0.01, share: 0.3 },
    kinds: { mu: "nonNegative", d: "positive", share: "share" },
  },
  grossStakeVariance: {
    call: fn(model.grossStakeVariance),
    valid: { mu: 1, sigma2: 1, d: 0.01, share: 0.3 },
    kinds: { mu: "nonNegative", sigma2: "nonNegative", d: "positive", share: "share" },
  },
  perSlotRate: {
    call: fn(model.perSlotRate as (p: model.PerSlotRateOptions) => number),
    valid: { annualRate: 0.04, slotSeconds: 12 },
    kinds: { annualRate: "nonNegative", slotSeconds: "positive" },
    optional: ["slotSeconds"],
  },
  annualRate: {
    call: fn(model.annualRate as (p: model.AnnualRateOptions) => number),
    valid: { d: 1.5e-8, slotSeconds: 12 },
    kinds: { d: "nonNegative", slotSeconds: "positive" },
    optional: ["slotSeconds"],
  },
  capitalCostTicketPrice: {
    call: fn(model.capitalCostTicketPrice),
    valid: { mu: 1, n: 10, r: 0.02 },
    kinds: { mu: "nonNegative", n: "ticketCount", r: "positive" },
  },
  captureRatio: {
    call: fn(model.captureRatio),
    valid: { n: 10, d: 0.01, r: 0.02 },
    kinds: { n: "ticketCount", d: "positive", r: "positive" },
  },
  captureLeakage: {
    call: fn(model.captureLeakage),
    valid: { n: 10, d: 0.01, r: 0.02 },
    kinds: { n: "ticketCount", d: "positive", r: "positive" },
  },
  leakageThreshold: {
    call: fn(model.leakageThreshold),
    valid: { d: 0.01, r: 0.02, leakage: 0.1 },
    kinds: { d: "positive", r: "positive", leakage: "openUnit" },
  },
  protocolCapture: {
    call: fn(model.protocolCapture),
    valid: { price: 0.5, mu: 1, n: 10, d: 0.01 },
    kinds: { price: "nonNegative", mu: "positive", n: "ticketCount", d: "positive" },
  },
  meanVarianceCertaintyEquivalent: {
    call: fn(model.meanVarianceCertaintyEquivalent),
    valid: { mean: 1, variance: 0.5, gamma: 0.3 },
    kinds: { mean: "finite", variance: "nonNegative", gamma: "nonNegative" },
  },
  caraCertaintyEquivalentOfReward: {
    call: fn(model.caraCertaintyEquivalentOfReward),
    valid: { law: exponentialLaw, gamma: 1, members: 10 },
    kinds: { gamma: "positive", members: "finite" },
    optional: ["members"],
  },
  poolSizeForCaraPremium: {
    call: fn(model.poolSizeForCaraPremium),
    valid: { law: exponentialLaw, gamma: 1, targetPremium: 0.01, maxMembers: 1e6 },
    kinds: { gamma: "positive", targetPremium: "openUnit", maxMembers: "finite" },
    optional: ["maxMembers"],
  },
  expectedShortfall: {
    call: fn(model.expectedShortfall),
    valid: { law: exponentialLaw, level: 0.1 },
    kinds: { level: "openUnit" },
  },
  certaintyEquivalent: {
    call: fn(model.certaintyEquivalent),
    valid: { mu: 1, n: 10, d: 0.01, gamma: 0.5, rewards: "exponential", method: "auto", tolerance: 1e-12 },
    kinds: {
      mu: "nonNegative",
      n: "ticketCount",
      d: "positive",
      gamma: "nonNegative",
      rewards: "rewards",
      method: "method",
      tolerance: "tolerance",
    },
    optional: ["method", "tolerance"],
  },
  certaintyEquivalentDetails: {
    call: fn(model.certaintyEquivalentDetails),
    valid: { mu: 1, n: 10, d: 0.01, gamma: 0.5, rewards: "exponential" },
    kinds: { mu: "nonNegative", n: "ticketCount", d: "positive", gamma: "nonNegative", rewards: "rewards" },
  },
  poolRiskPremium: {
    call: fn(model.poolRiskPremium),
    valid: { variance: 1, gamma: 0.5, members: 3 },
    kinds: { variance: "nonNegative", gamma: "nonNegative", members: "members" },
  },
  poolSizeForPremium: {
    call: fn(model.poolSizeForPremium),
    valid: { variance: 1, gamma: 0.5, targetPremium: 0.01 },
    kinds: { variance: "nonNegative", gamma: "nonNegative", targetPremium: "positive" },
  },
  pooledTicketVariance: {
    call: fn(model.pooledTicketVariance),
    valid: { ...base, k: 4 },
    kinds: { mu: "nonNegative", sigma2: "nonNegative", n: "ticketCount", d: "positive", k: "poolHolding" },
  },
  lookaheadTicketValue: {
    call: fn(model.lookaheadTicketValue),
    valid: { mu: 1, n: 10, d: 0.01, m: 32 },
    kinds: { mu: "nonNegative", n: "ticketCount", d: "positive", m: "lookahead" },
  },
  lookaheadTicketVariance: {
    call: fn(model.lookaheadTicketVariance),
    valid: { ...base, m: 32 },
    kinds: { mu: "nonNegative", sigma2: "nonNegative", n: "ticketCount", d: "positive", m: "lookahead" },
  },
  executionAuctionValue: {
    call: fn(model.executionAuctionValue),
    valid: { mu: 1, d: 0.01, m: 32 },
    kinds: { mu: "nonNegative", d: "positive", m: "lookahead" },
  },
  executionAuctionVariance: {
    call: fn(model.executionAuctionVariance),
    valid: { sigma2: 1, d: 0.01, m: 32 },
    kinds: { sigma2: "nonNegative", d: "positive", m: "lookahead" },
  },
};

test("every exported function has a bad-input row", () => {
  const exported = Object.entries(model)
    .filter(([, value]) => typeof value === "function")
    .map(([name]) => name)
    .sort();
  assert.deepEqual(exported, Object.keys(TABLE).sort());
});

/** Matches the message of validate.ts: "<name> must be <allowed>; received <value>". */
const named = (name: string) => new RegExp(`^${name} must be .+; received `);
/** A validator for assert.throws: a RangeError whose message names the parameter. */
const rangeErrorNaming = (name: string) => (error: unknown) =>
  error instanceof RangeError && named(name).test(error.message);

for (const [name, row] of Object.entries(TABLE)) {
  test(`${name}: valid input gives a finite number; each bad parameter throws a RangeError naming it`, () => {
    const result = row.call({ ...row.valid });
    assert.ok(typeof result === "number" || typeof result === "object", `${name} returned ${typeof result}`);
    if (typeof result === "number") assert.ok(Number.isFinite(result), `${name}(valid) = ${result}`);
    for (const [param, kind] of Object.entries(row.kinds)) {
      for (const bad of badValues(kind, row.valid)) {
        assert.throws(
          () => row.call({ ...row.valid, [param]: bad }),
          rangeErrorNaming(param),
          `${name}({ ${param}: ${String(bad)} }) should throw a RangeError naming ${param}`,
        );
      }
      if (!row.optional?.includes(param)) {
        const missing = { ...row.valid };
        delete missing[param];
        assert.throws(() => row.call(missing), rangeErrorNaming(param), `${name} without ${param}`);
      }
    }
  });
}

test("perSlotRate and annualRate also take the contract's positional form", () => {
  assert.equal(model.perSlotRate(0.04), model.perSlotRate({ annualRate: 0.04 }));
  assert.equal(model.perSlotRate(0.04, 6), model.perSlotRate({ annualRate: 0.04, slotSeconds: 6 }));
  assert.equal(model.annualRate(1.5e-8), model.annualRate({ d: 1.5e-8 }));
  assert.throws(() => model.perSlotRate(-0.01), rangeErrorNaming("annualRate"));
  assert.throws(() => model.perSlotRate(0.04, 0), rangeErrorNaming("slotSeconds"));
  assert.throws(() => model.annualRate(NaN), rangeErrorNaming("d"));
});

test("the CARA work budget is reported as a RangeError naming gamma (auto) or method (forced)", () => {
  assert.throws(
    () => model.certaintyEquivalent({ mu: 1, n: 1e9, d: 1e-9, gamma: 1e7, rewards: "exponential" }),
    rangeErrorNaming("gamma"),
  );
  assert.throws(
    () => model.certaintyEquivalent({ mu: 1, n: 1e9, d: 1e-9, gamma: 1, rewards: "exponential", method: "direct" }),
    rangeErrorNaming("method"),
  );
});

test("formula.evaluate rejects missing or non-finite variables by name", () => {
  assert.throws(() => model.formulas.ticketValue.evaluate({ mu: 1, n: 10 } as never), rangeErrorNaming("d"));
  assert.throws(() => model.formulas.ticketValue.evaluate({ mu: NaN, n: 10, d: 0.1 }), rangeErrorNaming("mu"));
});
