/**
 * Ticket-level sampler against the closed forms of Observations 2 and 5 (docs/derivations/observations.md#golden-values-exact-rationals-used-by-the-tests table
 * points), the Rao–Blackwell estimator against the direct one, lookahead, and the negative control
 * that rejects the "first draw at t = 0" convention.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { sampleTicketValues } from "../lib/sim";
import { rewards } from "../lib/rewards";
import { check, type CheckResult } from "../lib/stats";
import { ticketValue, ticketVariance, lookaheadTicketValue, lookaheadTicketVariance } from "../lib/model";

const reward = rewards.exponential(1); // μ = σ² = 1
const SAMPLES = 200_000;
const POINTS = [
  { n: 10, d: 0.05 },
  { n: 100, d: 0.01 },
  { n: 20, d: 0.1 },
];

function assertPass(result: CheckResult): void {
  assert.ok(
    result.pass,
    `${result.label}: estimate ${result.estimate} ± ${result.stderr}, expected ${result.expected}, z = ${result.z}`,
  );
}

for (const estimator of ["direct", "conditional"] as const) {
  for (const { n, d } of POINTS) {
    test(`${estimator} estimator: E[V] and Var(V) at n = ${n}, d = ${d} match μ/(nd+1) and Observation 5`, () => {
      const s = sampleTicketValues({ n, d, reward, samples: SAMPLES, seed: `tickets-${n}-${d}`, estimator });
      assert.equal(s.count, SAMPLES);
      assert.equal(s.estimator, estimator);
      assertPass(check({ label: "E[V]", estimate: s.mean, stderr: s.stderr, expected: ticketValue({ mu: 1, n, d }) }));
      assertPass(
        check({
          label: "Var(V)",
          estimate: s.variance,
          stderr: s.varianceStderr,
          expected: ticketVariance({ mu: 1, sigma2: 1, n, d }),
        }),
      );
      assert.ok(s.ci95[0] < s.mean && s.mean < s.ci95[1]);
    });
  }
}

test("conditional (Rao–Blackwell) estimator agrees with the direct one and has smaller standard errors", () => {
  const options = { n: 20, d: 0.1, reward, samples: SAMPLES, seed: 11 };
  const direct = sampleTicketValues({ ...options, estimator: "direct" });
  const conditional = sampleTicketValues({ ...options, estimator: "conditional" });
  // Independent T sequences (the direct sampler interleaves R draws), so the difference has
  // standard error √(se₁² + se₂²).
  assertPass(
    check({
      label: "direct − conditional mean",
      estimate: direct.mean - conditional.mean,
      stderr: Math.hypot(direct.stderr, conditional.stderr),
      expected: 0,
    }),
  );
  assertPass(
    check({
      label: "direct − conditional variance",
      estimate: direct.variance - conditional.variance,
      stderr: Math.hypot(direct.varianceStderr, conditional.varianceStderr),
      expected: 0,
    }),
  );
  // Theory at this point: stderr ratio √(μ²Var(x^T)/Var(V)) = √(0.0812/0.2735) ≈ 0.545.
  assert.ok(conditional.stderr < 0.6 * direct.stderr, "Rao–Blackwell should cut the mean's stderr");
  assert.ok(conditional.varianceStderr < 0.5 * direct.varianceStderr, "and the variance's stderr");
});

test("gamma rewards (μ = σ = 0.05): the conditional variance uses E[R²] of the model", () => {
  const gamma = rewards.gamma(1, 0.05);
  const s = sampleTicketValues({ n: 50, d: 0.002, reward: gamma, samples: SAMPLES, seed: 3, estimator: "conditional" });
  assertPass(
    check({ label: "E[V]", estimate: s.mean, stderr: s.stderr, expected: ticketValue({ mu: 0.05, n: 50, d: 0.002 }) }),
  );
  assertPass(
    check({
      label: "Var(V)",
      estimate: s.variance,
      stderr: s.varianceStderr,
      expected: ticketVariance({ mu: 0.05, sigma2: 0.0025, n: 50, d: 0.002 }),
    }),
  );
});

test("lookahead L discounts every value by (1+d)^(−L)", () => {
  for (const estimator of ["direct", "conditional"] as const) {
    const s = sampleTicketValues({ n: 10, d: 0.05, reward, samples: SAMPLES, seed: 5, estimator, lookahead: 7 });
    const p = { mu: 1, sigma2: 1, n: 10, d: 0.05, m: 7 };
    assertPass(
      check({
        label: `${estimator} E[V_L]`,
        estimate: s.mean,
        stderr: s.stderr,
        expected: lookaheadTicketValue({ mu: p.mu, n: p.n, d: p.d, m: p.m }),
      }),
    );
    assertPass(
      check({
        label: `${estimator} Var(V_L)`,
        estimate: s.variance,
        stderr: s.varianceStderr,
        expected: lookaheadTicketVariance(p),
      }),
    );
  }
});

test("n = 1: V = R/(1+d) exactly in the timing, so Var(V) = σ²/(1+d)² (conditional: zero timing noise)", () => {
  const s = sampleTicketValues({ n: 1, d: 0.1, reward, samples: 1000, seed: 1, estimator: "conditional" });
  assert.equal(s.mean, 1 / 1.1); // every T = 1
  assert.equal(s.stderr, 0);
  assert.ok(Math.abs(s.variance - 1 / 1.21) < 1e-15);
});

test("negative control: the t = 0 convention (values ×(1+d), variances ×(1+d)²) is rejected at n = 20, d = 0.1", () => {
  const n = 20;
  const d = 0.1;
  const s = sampleTicketValues({ n, d, reward, samples: SAMPLES, seed: "negative-control" });
  const wrongMean = check({
    label: "E[V], t = 0",
    estimate: s.mean,
    stderr: s.stderr,
    expected: ticketValue({ mu: 1, n, d }) * (1 + d),
  });
  const wrongVariance = check({
    label: "Var(V), t = 0",
    estimate: s.variance,
    stderr: s.varianceStderr,
    expected: ticketVariance({ mu: 1, sigma2: 1, n, d }) * (1 + d) ** 2,
  });
  assert.ok(Math.abs(wrongMean.z) > 5, `mean z = ${wrongMean.z}`);
  assert.ok(Math.abs(wrongVariance.z) > 5, `variance z = ${wrongVariance.z}`);
  // … while the t ≥ 1 convention passes on the same sample.
  assertPass(
    check({ label: "E[V], t ≥ 1", estimate: s.mean, stderr: s.stderr, expected: ticketValue({ mu: 1, n, d }) }),
  );
});

test("realistic scale: n = 1e9, d = 1.5e-8 (nd = 15; win slots beyond the discount table's 2^24)", () => {
  const n = 1e9;
  const d = 1.5e-8;
  for (const estimator of ["direct", "conditional"] as const) {
    const s = sampleTicketValues({ n, d, reward, samples: 50_000, seed: "realistic", estimator });
    assertPass(
      check({ label: `${estimator} E[V]`, estimate: s.mean, stderr: s.stderr, expected: ticketValue({ mu: 1, n, d }) }),
    );
    assertPass(
      check({
        label: `${estimator} Var(V)`,
        estimate: s.variance,
        stderr: s.varianceStderr,
        expected: ticketVariance({ mu: 1, sigma2: 1, n, d }),
      }),
    );
  }
});
