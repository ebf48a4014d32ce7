/**
 * The slot-level market against Observations 1, 3 and 4(d) (docs/derivations/observations.md#two-tickets-covariance and §3):
 * total, issued and unissued value, static and maintained stakes, and runs of consecutive slots.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { simulateTicketPool, type TicketPoolResult, type SampleSummary } from "../lib/sim";
import { rewards } from "../lib/rewards";
import { check } from "../lib/stats";
import {
  npvOfRewards,
  npvVariance,
  issuedValue,
  unissuedValue,
  stakeValue,
  stakeVariance,
  maintainedStakeValue,
  maintainedStakeVariance,
  grossStakeStream,
  grossStakeVariance,
  holdingVariance,
} from "../lib/model";

const mu = 0.05;
const sigma2 = 0.05 ** 2; // gamma(1, 0.05): μ = σ = 0.05 (docs/derivations/observations.md#two-tickets-covariance)
const n = 20;
const d = 0.02;
const share = 0.25; // k = 5

/** The t = 0 convention lies ~10 s.e. away at 16,000 paths (the negative control below); at 4,000 only ~5. */
const PATHS = 16_000;

let cached: TicketPoolResult | undefined;
function market(): TicketPoolResult {
  cached ??= simulateTicketPool({
    n,
    d,
    reward: rewards.gamma(1, mu),
    paths: PATHS,
    seed: "market",
    share,
    trackRuns: true,
  });
  return cached;
}

function agree(label: string, estimate: number, stderr: number, expected: number): void {
  const r = check({ label, estimate, stderr, expected });
  assert.ok(r.pass, `${label}: ${estimate} ± ${stderr} vs ${expected} (z = ${r.z})`);
}
function agreeMean(label: string, s: SampleSummary, expected: number): void {
  agree(`${label} mean`, s.mean, s.stderr, expected);
}
function agreeVariance(label: string, s: SampleSummary, expected: number): void {
  agree(`${label} variance`, s.variance, s.varianceStderr, expected);
}

test("market: horizon from the tolerance, reported truncation bound, k and fair price", () => {
  const m = market();
  assert.equal(m.k, 5);
  assert.equal(m.share, 0.25);
  assert.equal(m.horizon, Math.ceil(Math.log(1e12) / Math.log1p(d)));
  assert.ok(m.truncationBound <= 1e-12 * (mu / d) * (1 + 1e-9));
  assert.equal(m.slotEvents, PATHS * m.horizon);
  assert.ok(Math.abs(m.price - mu / (n * d + 1)) < 1e-15);
});

test("market: total PV = μ/d with Var = σ²/(d(2+d)); issued = nμ/(nd+1) with Var of all n tickets; unissued = μ/(d(nd+1))", () => {
  const m = market();
  agreeMean("total", m.total, npvOfRewards({ mu, d }));
  agreeVariance("total", m.total, npvVariance({ sigma2, d }));
  agreeMean("issued", m.issued, issuedValue({ mu, n, d }));
  agreeVariance("issued", m.issued, holdingVariance({ mu, sigma2, n, d, k: n }));
  agreeMean("unissued", m.unissued, unissuedValue({ mu, n, d }));
});

test("market: static stake of k = 5 tickets: mean kμ/(nd+1), variance k·Var(V) + k(k−1)·Cov", () => {
  const m = market();
  agreeMean("static", m.staticStake, stakeValue({ mu, n, d, share }));
  agreeVariance("static", m.staticStake, stakeVariance({ mu, sigma2, n, d, share }));
});

test("market: maintained share, net of fair replacements = static value; gross = Pμ/d; both variances (§3)", () => {
  const m = market();
  agreeMean("maintained net", m.maintainedNet, maintainedStakeValue({ mu, n, d, share }));
  agreeVariance("maintained net", m.maintainedNet, maintainedStakeVariance({ mu, sigma2, n, d, share }));
  agreeMean("maintained gross", m.maintainedGross, grossStakeStream({ mu, d, share }));
  agreeVariance("maintained gross", m.maintainedGross, grossStakeVariance({ mu, sigma2, d, share }));
});

test("market: runs of ≥ m consecutive holder slots average P^m·[1 + (H − m)(1 − P)]", () => {
  const m = market();
  assert.ok(m.runs);
  assert.equal(m.runs.maxLength, 8);
  const H = m.horizon;
  m.runs.atLeast.forEach((s, i) => {
    const length = i + 1;
    agree(`runs ≥ ${length}`, s.mean, s.stderr, share ** length * (1 + (H - length) * (1 - share)));
  });
  // Counts of longer runs can only be smaller.
  for (let i = 1; i < m.runs.atLeast.length; i++) assert.ok(m.runs.atLeast[i].mean <= m.runs.atLeast[i - 1].mean);
});

test("market: exponential rewards at n = 100, d = 0.01, P = 25 % (docs/derivations/observations.md#two-tickets-covariance second column)", () => {
  const n2 = 100;
  const d2 = 0.01;
  const m = simulateTicketPool({
    n: n2,
    d: d2,
    reward: rewards.exponential(mu),
    paths: 1000,
    seed: 9,
    share,
    tolerance: 1e-9,
  });
  assert.equal(m.runs, undefined);
  agreeMean("total", m.total, npvOfRewards({ mu, d: d2 }));
  agreeMean("issued", m.issued, issuedValue({ mu, n: n2, d: d2 }));
  agreeMean("unissued", m.unissued, unissuedValue({ mu, n: n2, d: d2 }));
  agreeMean("static", m.staticStake, stakeValue({ mu, n: n2, d: d2, share }));
  agreeVariance("static", m.staticStake, stakeVariance({ mu, sigma2, n: n2, d: d2, share }));
  agreeMean("maintained net", m.maintainedNet, maintainedStakeValue({ mu, n: n2, d: d2, share }));
  agreeMean("maintained gross", m.maintainedGross, grossStakeStream({ mu, d: d2, share }));
});

test("market: negative control — a market whose new tickets could win in their own slot would change issued; the check rejects a 1-slot shift", () => {
  // Under the t = 0 convention every present value would be ×(1+d): rejected at 5σ.
  const m = market();
  const wrong = check({
    label: "issued, t = 0",
    estimate: m.issued.mean,
    stderr: m.issued.stderr,
    expected: issuedValue({ mu, n, d }) * (1 + d),
  });
  assert.ok(Math.abs(wrong.z) > 5, `z = ${wrong.z}`);
});

test("market: share 0 and share 1 are the edge cases (no stake; the whole pool)", () => {
  const none = simulateTicketPool({ n: 5, d: 0.1, reward: rewards.exponential(1), paths: 50, seed: 1, share: 0 });
  assert.equal(none.k, 0);
  assert.equal(none.staticStake.mean, 0);
  assert.equal(none.maintainedGross.mean, 0);
  const all = simulateTicketPool({ n: 5, d: 0.1, reward: rewards.exponential(1), paths: 50, seed: 1, share: 1 });
  assert.equal(all.k, 5);
  assert.ok(Math.abs(all.staticStake.mean - all.issued.mean) < 1e-12);
  assert.ok(Math.abs(all.maintainedGross.mean - all.total.mean) < 1e-12);
});
