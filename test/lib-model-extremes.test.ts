/**
 * Realistic and extreme scales (d ≈ 1e-9 … 1.5e-8 per slot, n up to 1e9 and beyond): the closed
 * forms stay finite and accurate. References: 50-digit evaluations of the post's own (cancelling)
 * formulas, the small-d expansions of docs/derivations/observations.md#observation-5-the-variance-of-one-ticket, the n → ∞ limits, the n = 1 case, and the
 * realistic-scale tables of docs/derivations/calibration.md#consequence-at-realistic-scale-discounting-is-tiny.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type * as MathJs from "mathjs";
import {
  ticketValue,
  issuedValue,
  unissuedValue,
  issuedShare,
  ticketVariance,
  ticketSecondMoment,
  ticketCovariance,
  holdingVariance,
  stakeValue,
  stakeVariance,
  maintainedStakeVariance,
  grossStakeVariance,
  npvOfRewards,
  npvVariance,
  captureRatio,
  perSlotRate,
  waitPmf,
  waitCdf,
  waitQuantile,
  lookaheadTicketValue,
  executionAuctionValue,
} from "../lib/model";

type Big = MathJs.BigNumber;
interface BigCtor {
  new (value: number | string | Big): Big;
}
const mathjs = require("mathjs/lib/browser/math.js") as typeof MathJs & {
  BigNumber: { clone(config: { precision: number }): BigCtor };
};
const Decimal = mathjs.BigNumber.clone({ precision: 50 });
/** A double as a decimal (its shortest round-trip representation: within half an ulp of the double). */
const big = (v: number) => new Decimal(v);
const _ONE = big(1);

/**
 * The post's formulas, evaluated naively (with their cancelling differences) in 50-digit arithmetic
 * at exactly the doubles the functions receive: 50 digits absorb the ≤ 20 digits that cancel.
 */
function reference(mu: number, sigma2: number, n: number, d: number) {
  const [M, S, N, D] = [big(mu), big(sigma2), big(n), big(d)];
  const d1 = N.times(D).plus(1);
  const d2 = N.times(D).times(D).plus(N.times(D).times(2)).plus(1);
  const d3 = d2.plus(1);
  const value = M.div(d1);
  const second = S.plus(M.times(M)).div(d2);
  const variance = second.minus(M.times(M).div(N.times(N).times(D).times(D).plus(N.times(D).times(2)).plus(1)));
  const covariance = M.times(M).times(2).div(d1.times(d3)).minus(value.times(value));
  return { M, S, N, D, value, second, variance, covariance };
}

function relativeError(actual: number, expected: Big): number {
  return expected.isZero() ? Math.abs(actual) : Math.abs(big(actual).minus(expected).div(expected).toNumber());
}

const TIGHT = 1e-14;
/** Per-slot d at 4 %/yr, and the d's asked for by the issue. */
const REALISTIC_D = [1e-9, 1.5e-8, perSlotRate(0.04)];
const REALISTIC_N = [1, 2, 32, 1000, 1e6, 1e7, 1e9, 2 ** 53];

test("realistic scale: every moment matches a 50-digit evaluation of the post's formula", () => {
  for (const d of REALISTIC_D) {
    for (const n of REALISTIC_N) {
      for (const [mu, sigma2] of [
        [0.1246, 1.446 ** 2],
        [1, 0],
        [1, 1],
      ]) {
        const ref = reference(mu, sigma2, n, d);
        const label = `μ=${mu} σ²=${sigma2} n=${n} d=${d}`;
        const checks: Array<[string, number, Big]> = [
          ["ticketValue", ticketValue({ mu, n, d }), ref.value],
          ["issuedValue", issuedValue({ mu, n, d }), ref.value.times(ref.N)],
          ["unissuedValue", unissuedValue({ mu, n, d }), ref.value.div(ref.D)],
          ["issuedShare", issuedShare({ n, d }), ref.N.times(ref.D).div(ref.N.times(ref.D).plus(1))],
          ["ticketSecondMoment", ticketSecondMoment({ mu, sigma2, n, d }), ref.second],
          ["ticketVariance", ticketVariance({ mu, sigma2, n, d }), ref.variance],
        ];
        if (n >= 2) checks.push(["ticketCovariance", ticketCovariance({ mu, n, d }), ref.covariance]);
        for (const [name, actual, expected] of checks) {
          assert.ok(Number.isFinite(actual), `${name} finite (${label})`);
          assert.ok(
            relativeError(actual, expected) <= TIGHT,
            `${name} (${label}): ${actual} vs ${expected.toSignificantDigits(17)}`,
          );
        }
      }
    }
  }
});

test("the cancellation is real: the post's formula in doubles loses the timing-risk term", () => {
  // Pure timing risk (σ² = 0): Var(V) ≈ μ²n(n−1)d² ≈ 1e-12 beside terms of size 1.
  const [mu, sigma2, n, d] = [1, 0, 1000, 1e-9];
  const naive = (sigma2 + mu * mu) / (n * d * d + 2 * n * d + 1) - (mu * mu) / (n * d + 1) ** 2;
  const exact = reference(mu, sigma2, n, d).variance;
  assert.ok(relativeError(naive, exact) > 1e-6, `naive double evaluation happens to be accurate: ${naive}`);
  assert.ok(relativeError(ticketVariance({ mu, sigma2, n, d }), exact) <= TIGHT);
});

test("holdings and stakes at realistic d: k·Var + k(k−1)·Cov without cancellation", () => {
  for (const [n, d] of [
    [1000, 1e-9],
    [1000, 1.5e-8],
    [1e9, 1e-9],
    [1e9, 1.5e-8],
  ]) {
    for (const [mu, sigma2] of [
      [1, 0],
      [0.1246, 2.09],
    ]) {
      const ref = reference(mu, sigma2, n, d);
      for (const k of [...new Set([1, 2, 1000, n / 2, n])].filter((k) => k <= n)) {
        const K = big(k);
        const expected = K.times(ref.variance).plus(K.times(K.minus(1)).times(ref.covariance));
        const actual = holdingVariance({ mu, sigma2, n, d, k });
        assert.ok(
          relativeError(actual, expected) <= TIGHT,
          `holdingVariance k=${k} d=${d}: ${actual} vs ${expected.toSignificantDigits(17)}`,
        );
      }
      for (const share of [0.1, 0.5, 1]) {
        const K = big(share).times(ref.N);
        const expected = K.times(ref.variance).plus(K.times(K.minus(1)).times(ref.covariance));
        const actual = stakeVariance({ mu, sigma2, n, d, share });
        assert.ok(relativeError(actual, expected) <= TIGHT, `stakeVariance P=${share} d=${d}`);
        // Maintained share: [P(σ² + (μ−c)²) − P²(μ−c)²]/(d(2+d)), c = μ/(nd+1).
        const P = big(share);
        const margin = ref.M.minus(ref.value);
        const net = P.times(ref.S.plus(margin.times(margin))).minus(P.times(P).times(margin).times(margin));
        const expectedNet = net.div(ref.D.times(ref.D.plus(2)));
        assert.ok(
          relativeError(maintainedStakeVariance({ mu, sigma2, n, d, share }), expectedNet) <= TIGHT,
          `net P=${share}`,
        );
      }
    }
  }
});

test("small-d expansions of docs/derivations/observations.md#observation-5-the-variance-of-one-ticket hold to O(d³)", () => {
  const d = 1e-9;
  for (const n of [1, 10, 1000, 1e5]) {
    for (const [mu, sigma2] of [
      [1, 1],
      [0.1246, 2.09],
      [1, 0],
    ]) {
      const nd = n * d;
      // Var = σ² − 2ndσ² + d²[(n²−n)μ² + (4n²−n)σ²] + O(d³); the O(d³) terms are at most a few
      // (nd)³(σ² + μ²) (the next terms of 1/(1+nd(2+d)) and of μ²n(n−1)d²/((nd+1)²D2)).
      const expansion = sigma2 - 2 * nd * sigma2 + d * d * ((n * n - n) * mu * mu + (4 * n * n - n) * sigma2);
      const bound = 20 * nd ** 3 * (sigma2 + mu * mu) + 4 * Number.EPSILON * (sigma2 + mu * mu);
      assert.ok(Math.abs(ticketVariance({ mu, sigma2, n, d }) - expansion) <= bound, `Var n=${n} μ=${mu} σ²=${sigma2}`);
      // The timing part alone: μ²·n(n−1)d² to leading order.
      if (sigma2 === 0 && n > 1) {
        const timing = ticketVariance({ mu, sigma2, n, d });
        assert.ok(Math.abs(timing / (mu * mu * n * (n - 1) * d * d) - 1) <= 10 * nd, `timing risk n=${n}`);
      }
      // E[V] = μ(1 − nd + (nd)² − …).
      assert.ok(Math.abs(ticketValue({ mu, n, d }) - mu * (1 - nd + nd * nd)) <= mu * (nd ** 3 + 2 * Number.EPSILON));
      // Issued share nd/(nd+1) = nd − (nd)² + …, with full relative precision even at nd = 1e-9.
      assert.ok(Math.abs(issuedShare({ n, d }) / (nd * (1 - nd)) - 1) <= nd * nd + 4 * Number.EPSILON);
    }
  }
});

test("n → ∞ limits (docs/derivations/observations.md#observation-4-choosing-n, §2.5, §2.8, §3)", () => {
  const mu = 1.3;
  const sigma2 = 0.7;
  for (const d of [0.01, 1e-6, 1.5e-8]) {
    const n = 2 ** 53;
    const nd = n * d;
    const rel = (a: number, b: number) => Math.abs(a / b - 1);
    // Issued → μ/d; E[V] ~ μ/(nd); Var ~ (σ²+μ²)/(nd(2+d)); all with relative error O(1/(nd)).
    assert.ok(rel(issuedValue({ mu, n, d }), mu / d) <= 2 / nd);
    assert.ok(rel(ticketValue({ mu, n, d }) * nd, mu) <= 2 / nd);
    assert.ok(rel(ticketVariance({ mu, sigma2, n, d }) * nd * (2 + d), sigma2 + mu * mu) <= 4 / nd);
    // All issued tickets: Var → Var(NPV) = σ²/(d(2+d)).
    assert.ok(rel(holdingVariance({ mu, sigma2, n, d, k: n }), npvVariance({ sigma2, d })) <= 8 / nd);
    for (const share of [0.1, 0.5, 1]) {
      // Static stake → Pμ/d, and its variance → P(σ² + (1−P)μ²)/(d(2+d)) = Var of the gross stream.
      assert.ok(rel(stakeValue({ mu, n, d, share }), (share * mu) / d) <= 2 / nd);
      assert.ok(
        rel(stakeVariance({ mu, sigma2, n, d, share }), grossStakeVariance({ mu, sigma2, d, share })) <= 8 / nd,
      );
      assert.ok(
        rel(maintainedStakeVariance({ mu, sigma2, n, d, share }), grossStakeVariance({ mu, sigma2, d, share })) <=
          8 / nd,
      );
    }
    // Capture with capital cost → d/r.
    assert.ok(rel(captureRatio({ n, d, r: 3 * d }), 1 / 3) <= 2 / nd);
    assert.equal(issuedValue({ mu, n, d }) + unissuedValue({ mu, n, d }) <= (mu / d) * (1 + 1e-15), true);
  }
});

test("n = 1: the only ticket wins at t = 1", () => {
  const [mu, sigma2, d] = [2, 3, 0.1];
  const x = 1 / 1.1;
  const near = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 4 * Number.EPSILON * Math.abs(b), `${a} vs ${b}`);
  near(ticketValue({ mu, n: 1, d }), mu * x);
  near(ticketVariance({ mu, sigma2, n: 1, d }), sigma2 * x * x);
  near(issuedValue({ mu, n: 1, d }), mu * x);
  near(unissuedValue({ mu, n: 1, d }), npvOfRewards({ mu, d }) - mu * x);
  near(holdingVariance({ mu, sigma2, n: 1, d, k: 1 }), sigma2 * x * x);
  near(stakeVariance({ mu, sigma2, n: 1, d, share: 1 }), sigma2 * x * x);
  assert.equal(stakeVariance({ mu, sigma2, n: 1, d, share: 0 }), 0);
  assert.equal(waitPmf({ n: 1, t: 1 }), 1);
  assert.equal(waitPmf({ n: 1, t: 2 }), 0);
  assert.equal(waitCdf({ n: 1, t: 1 }), 1);
  assert.equal(waitQuantile({ n: 1, p: 0.999 }), 1);
  assert.throws(() => ticketCovariance({ mu, n: 1, d }), /^RangeError: n must be an integer with 2 ≤ n/);
});

test("realistic-scale table of docs/derivations/calibration.md#consequence-at-realistic-scale-discounting-is-tiny (μ = 0.1246, sd 1.446, 4 %/yr)", () => {
  const mu = 0.1246;
  const sigma2 = 1.446 ** 2;
  const d = perSlotRate(0.04); // the table's d (1.4924e-8 printed) is exactly 4 %/yr
  /** Agrees with a printed number to within half a unit of its last printed digit. */
  const asPrinted = (actual: number, text: string) => {
    const [mantissa, exponent = "0"] = text.split("e");
    const decimals = (mantissa.split(".")[1] ?? "").length;
    const halfUnit = 0.5 * 10 ** (Number(exponent) - decimals);
    return Math.abs(actual - Number(text)) <= halfUnit * (1 + 1e-9);
  };
  const rows: Array<[number, string, string, string, string]> = [
    // n, E[V]/μ, issued share, Var(V), μ²n(n−1)d²
    [32, "0.9999995", "4.8e-7", "2.090914", "3.4e-15"],
    [1000, "0.999985", "1.49e-5", "2.090854", "3.5e-12"],
    [1e4, "0.99985", "1.49e-4", "2.090292", "3.5e-10"],
    [1e6, "0.98530", "1.47e-2", "2.030318", "3.5e-6"],
    [1e7, "0.87014", "0.130", "1.610477", "3.5e-4"],
    [Math.round(1 / d), "0.5", "0.5", "0.698266", "1.6e-2"],
  ];
  for (const [n, ratio, share, variance, timing] of rows) {
    assert.ok(asPrinted(ticketValue({ mu, n, d }) / mu, ratio), `E[V]/μ at n=${n}`);
    assert.ok(asPrinted(issuedShare({ n, d }), share), `issued share at n=${n}`);
    assert.ok(asPrinted(ticketVariance({ mu, sigma2, n, d }), variance), `Var at n=${n}`);
    // The pure timing-risk scale of the table's last column.
    assert.ok(
      asPrinted(ticketVariance({ mu, sigma2: 0, n, d }) * (n * d + 1) ** 2 * (1 + n * d * (2 + d)), timing),
      `timing at n=${n}`,
    );
  }
  assert.ok(asPrinted(npvOfRewards({ mu, d }), "8.35e6"));
});

test("waits at n = 1e9 keep full relative precision", () => {
  const n = 1e9;
  assert.ok(Math.abs(waitPmf({ n, t: 1 }) - 1e-9) <= 1e-9 * Number.EPSILON);
  // P(T ≤ 1) = 1/n exactly; 1 − (1 − 1/n) in doubles would be off in the 8th digit.
  assert.ok(Math.abs(waitCdf({ n, t: 1 }) / 1e-9 - 1) <= 4 * Number.EPSILON);
  assert.ok(Math.abs(waitCdf({ n, t: 1000 }) / (1 - (1 - 1e-9) ** 1000) - 1) < 1e-6);
  const median = waitQuantile({ n, p: 0.5 });
  assert.ok(Math.abs(median - n * Math.LN2) <= 1, `median ${median}`);
  assert.ok(waitCdf({ n, t: median }) >= 0.5 && waitCdf({ n, t: median - 1 }) < 0.5);
  // Lookahead and auctions at realistic d: (1+d)^(−32) = 1 − 32d + 528d² − O(d³).
  const d = 1.5e-8;
  const discount32 = 1 - 32 * d + 528 * d * d;
  assert.ok(Math.abs(executionAuctionValue({ mu: 1, d, m: 32 }) - discount32) <= 2 * Number.EPSILON);
  assert.ok(
    Math.abs(lookaheadTicketValue({ mu: 1, n, d, m: 32 }) / ticketValue({ mu: 1, n, d }) - discount32) <=
      4 * Number.EPSILON,
  );
});
