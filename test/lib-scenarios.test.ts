/**
 * lib/scenarios: the mainnet scenario's values are the numbers in data/ (read here straight from the
 * JSON files, not through the library's loaders), every value has a source, overrides replace one
 * value at a time, and bad overrides are refused naming the key.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { scenario, scenarioNames, scenarioRows, useScenario } from "../lib/scenarios";

const DATA = path.resolve(__dirname, "..", "data");
const payments = JSON.parse(fs.readFileSync(path.join(DATA, "mev-boost-payments.json"), "utf8")) as {
  statistics: { id: string; value: number }[];
};
const rates = JSON.parse(fs.readFileSync(path.join(DATA, "discount-rates.json"), "utf8")) as {
  slotsPerYear: { value: number };
  rates: { id: string; annualRate: number }[];
};
const stat = (id: string) => payments.statistics.find((s) => s.id === id)?.value;
const annual = (id: string) => rates.rates.find((r) => r.id === id)?.annualRate;

test("mainnet's μ is per slot: the payment mean on MEV-Boost slots and a local block's mean on the others", () => {
  const s = scenario("mainnet");
  const q = (stat("ephema.count") as number) / (stat("ephema.slots") as number);
  // The calibrated payment law reproduces the sample mean; local blocks: the quartile lognormal over 2.66.
  const sdLog = Math.log((stat("ephema.p75") as number) / (stat("ephema.p25") as number)) / (2 * 0.6744897501960817);
  const localMean =
    ((stat("ephema.median") as number) / (stat("rated.medianMevBoostToLocalRatio") as number)) *
    Math.exp((sdLog * sdLog) / 2);
  const expected = q * (stat("ephema.mean") as number) + (1 - q) * localMean;
  assert.ok(Math.abs(s.mu / expected - 1) < 1e-12, `${s.mu} vs ${expected}`);
  assert.ok(Math.abs(s.payment.mean / (stat("ephema.mean") as number) - 1) < 1e-12);
  assert.equal(s.mu, s.reward.mean);
  assert.equal(s.sd, Math.sqrt(s.reward.variance));
  assert.equal(s.cap, stat("ephema.max"));
  assert.equal(s.sigma2, s.sd * s.sd);
  assert.ok(s.capGrid.includes(s.cap));
});

test("mainnet-2026 is mainnet at the level of Aubury's mean over ephema's, every reward scaled", () => {
  const a = scenario("mainnet");
  const b = scenario("mainnet-2026");
  const level = (stat("aubury.mean") as number) / (stat("ephema.mean") as number);
  assert.ok(Math.abs(b.level / level - 1) < 1e-15);
  assert.ok(Math.abs(b.mu / (a.mu * level) - 1) < 1e-9, `${b.mu} vs ${a.mu * level}`);
  assert.ok(Math.abs(b.sd / (a.sd * level) - 1) < 1e-9);
  assert.notEqual(a.period, b.period);
});

test("overriding an input of the law moves μ and sd with it; overriding μ itself leaves the law", () => {
  const base = scenario("mainnet");
  const none = useScenario({ name: "mainnet", overrides: { boostShare: 1 } });
  assert.ok(Math.abs(none.mu / base.payment.mean - 1) < 1e-12);
  const mu = useScenario({ name: "mainnet", overrides: { mu: 0.2 } });
  assert.equal(mu.mu, 0.2);
  assert.equal(mu.reward.mean, base.reward.mean);
});

test("mainnet's rates are entries of data/discount-rates.json, and d is the per-slot rate of annualRate", () => {
  const s = scenario("mainnet");
  const known = new Set(rates.rates.map((r) => r.annualRate));
  for (const r of [
    s.annualRate,
    s.socialRate,
    ...s.annualRates,
    ...s.rateTable,
    ...s.alternativeRates,
    ...s.buyerRates,
    ...s.regimeRates,
  ]) {
    assert.ok(known.has(r), `${r} is a rate of data/discount-rates.json`);
  }
  assert.equal(s.annualRate, annual("scenario.4pct"));
  assert.equal(s.slotsPerYear, rates.slotsPerYear.value);
  // Independently: (1 + r)^(1/S) − 1 in the form that keeps d's digits.
  assert.equal(s.d, Math.expm1(Math.log1p(0.04) / 2_628_000));
  assert.ok(Math.abs(s.d / 1.4924e-8 - 1) < 5e-5);
});

test("every value of every scenario has a source, and every data id a source names exists", () => {
  const ids = new Set([...payments.statistics.map((s) => s.id), ...rates.rates.map((r) => r.id)]);
  for (const name of scenarioNames) {
    const s = scenario(name);
    const rows = scenarioRows(s);
    assert.ok(rows.length >= 18);
    for (const row of rows) {
      assert.ok(row.source.length > 10, `${name}.${row.parameter} has a source`);
      for (const m of row.source.matchAll(/\b(ephema\.\w+|scenario\.[\d.]+pct)\b/g)) {
        assert.ok(ids.has(m[1]), `${name}.${row.parameter}: ${m[1]} exists in data/`);
      }
    }
  }
});

test("overrides replace one value at a time; null keeps the scenario's", () => {
  const base = scenario("mainnet");
  const s = useScenario({ name: "mainnet", overrides: { mu: 0.11, annualRate: null, buyerRates: [0.2] } });
  assert.equal(s.mu, 0.11);
  assert.equal(s.annualRate, base.annualRate);
  assert.deepEqual(s.buyerRates, [0.2]);
  assert.deepEqual([...s.overridden].sort(), ["buyerRates", "mu"]);
  assert.match(s.sources.mu, /override/);
  assert.equal(s.sd, base.sd);
  const rate = useScenario({ name: "mainnet", overrides: { annualRate: 0.05 } });
  assert.equal(rate.d, Math.expm1(Math.log1p(0.05) / 2_628_000));
});

test("scenarios are frozen: a notebook cannot change them by accident", () => {
  const s = scenario("mainnet");
  assert.throws(() => {
    (s as { mu: number }).mu = 1;
  }, TypeError);
  assert.throws(() => {
    (s.annualRates as number[]).push(0.07);
  }, TypeError);
  assert.equal(scenario("mainnet").annualRates.length, 3);
});

test("bad names and overrides are refused, naming the key, the value and what is allowed", () => {
  assert.throws(
    () => useScenario({ name: "mainet" }),
    /name must be one of "mainnet", "mainnet-2026"; received "mainet"/,
  );
  assert.throws(
    () => useScenario({ name: "mainnet", overrides: { sdd: 1 } as never }),
    /overrides\.sdd is not a known key; did you mean sd\?/,
  );
  assert.throws(
    () => useScenario({ name: "mainnet", overrides: { mu: -1 } }),
    /overrides\.mu must be a finite number > 0; received -1/,
  );
  assert.throws(
    () => useScenario({ name: "mainnet", overrides: { tailMass: 1 } }),
    /overrides\.tailMass must be a number in \[0\.01, 0\.3\]; received 1/,
  );
  assert.throws(
    () => useScenario({ name: "mainnet", overrides: { annualRates: [0.03, Number.NaN] } }),
    /overrides\.annualRates\[1\] must be a finite number; received NaN/,
  );
  assert.throws(
    () => useScenario({ name: "mainnet", overrides: { rateTable: [] } }),
    /overrides\.rateTable must be a non-empty array/,
  );
});
