/**
 * Closed forms against independent computations in high-precision arithmetic: the defining series of
 * docs/derivations/observations.md summed term by term in 40-digit decimal arithmetic (mathjs BigNumber) with a
 * proven tail bound, and the exact rational golden values of docs/derivations/observations.md#golden-values-exact-rationals-used-by-the-tests (mathjs Fraction).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type * as MathJs from "mathjs";
import {
  npvOfRewards,
  npvVariance,
  ticketValue,
  issuedValue,
  unissuedValue,
  issuedShare,
  ticketSecondMoment,
  ticketVariance,
  ticketCovariance,
  holdingValue,
  holdingVariance,
  stakeValue,
  stakeVariance,
  maintainedStakeValue,
  maintainedStakeVariance,
  grossStakeStream,
  grossStakeVariance,
  lookaheadTicketValue,
  lookaheadTicketVariance,
  executionAuctionValue,
  executionAuctionVariance,
  captureRatio,
  pooledTicketVariance,
  expectedWait,
  waitVariance,
} from "../lib/model";

type Big = MathJs.BigNumber;
interface BigCtor {
  new (value: number | string | Big): Big;
}
// The single-file build of mathjs (same code as the package entry, much faster to load).
const mathjs = require("mathjs/lib/browser/math.js") as typeof MathJs & {
  BigNumber: { clone(config: { precision: number }): BigCtor };
};
const Decimal = mathjs.BigNumber.clone({ precision: 40 });
const big = (v: number | string) => new Decimal(v);
const ONE = big(1);

/** Target for every series tail (relative): far below double precision. */
const TAIL = big("1e-30");

/**
 * Σ_{t≥1} first·ratio^{t−1}·… summed term by term: `term(t)` must be positive and satisfy
 * term(t+1) ≤ ratioBound·term(t), so the tail after t terms is ≤ term(t)·r/(1−r). Returns the sum
 * and asserts the bound reached TAIL (relative).
 */
function series(term: (t: number, previous: Big | undefined) => Big, ratioBound: Big): Big {
  const tailFactor = ratioBound.div(ONE.minus(ratioBound));
  let sum = big(0);
  let previous: Big | undefined;
  for (let t = 1; t < 200_000; t++) {
    const value = term(t, previous);
    sum = sum.plus(value);
    // The bound holds after every term; checking it every 32 terms only adds a few terms.
    if (t % 32 === 0 && value.times(tailFactor).lte(sum.times(TAIL))) return sum;
    previous = value;
  }
  throw new Error("series did not reach its tail bound");
}

const cache = new Map<string, ReturnType<typeof computeExactModel>>();
/** The model's primitives for one parameter set (memoized: the series are the slow part). */
function exactModel(muText: string, sigma2Text: string, n: number, dText: string) {
  const key = `${muText}|${sigma2Text}|${n}|${dText}`;
  let model = cache.get(key);
  if (!model) {
    model = computeExactModel(muText, sigma2Text, n, dText);
    cache.set(key, model);
  }
  return model;
}

/** The model's primitives for one parameter set, from their defining series (decimal strings → 40 digits). */
function computeExactModel(muText: string, sigma2Text: string, n: number, dText: string) {
  const mu = big(muText);
  const sigma2 = big(sigma2Text);
  const d = big(dText);
  const x = ONE.div(ONE.plus(d));
  const p = ONE.div(n);
  const q = ONE.minus(p);
  // E[x^{jT}] = Σ_t p q^{t−1} x^{jt}, by recurrence term(t+1) = term(t)·q·x^j.
  const momentOfDiscount = (j: number) => {
    const xj = x.pow(j);
    return series((_t, prev) => (prev ? prev.times(q).times(xj) : p.times(xj)), q.times(xj));
  };
  const ex = momentOfDiscount(1);
  const ex2 = momentOfDiscount(2);
  const value = mu.times(ex);
  const second = sigma2.plus(mu.times(mu)).times(ex2);
  const variance = second.minus(value.times(value));
  // Two distinct tickets: P(T_i = s, T_j = s+u) = ((n−2)/n)^{s−1}(1/n)·q^{u−1}(1/n), times 2 for the
  // order; E[x^{T_i+T_j}] = 2·Σ_s ((n−2)/n)^{s−1} p x^{2s} · Σ_u q^{u−1} p x^u.
  let covariance: Big | undefined;
  if (n >= 2) {
    const r2 = big(n - 2).div(n);
    const x2 = x.times(x);
    const first = series((_t, prev) => (prev ? prev.times(r2).times(x2) : p.times(x2)), r2.times(x2));
    const after = series((_t, prev) => (prev ? prev.times(q).times(x) : p.times(x)), q.times(x));
    const joint = big(2).times(first).times(after);
    covariance = mu.times(mu).times(joint.minus(ex.times(ex)));
    // The joint pmf sums to 1: 2·Σ_s ((n−2)/n)^{s−1}/n · Σ_u q^{u−1}/n = 1.
    const mass = big(2).times(p.div(ONE.minus(r2)));
    assert.ok(mass.minus(1).abs().lt("1e-35"));
  }
  // Σ_{t≥1} x^t and Σ_{t≥1} x^{2t}.
  const discountSum = series((_t, prev) => (prev ? prev.times(x) : x), x);
  const discountSquareSum = series((_t, prev) => (prev ? prev.times(x).times(x) : x.times(x)), x.times(x));
  // Issued: the slot-t winner is an original ticket with probability q^{t−1}.
  const issued = mu.times(series((_t, prev) => (prev ? prev.times(q).times(x) : x), q.times(x)));
  // Unissued: the ticket minted at the end of slot s is worth μE[x^T] at s.
  const unissued = discountSum.times(value);
  return {
    mu,
    sigma2,
    d,
    x,
    p,
    q,
    ex,
    ex2,
    value,
    second,
    variance,
    covariance,
    discountSum,
    discountSquareSum,
    issued,
    unissued,
  };
}

/** |actual − expected| ≤ tolerance·|expected| (expected exact). */
function close(actual: number, expected: Big, tolerance: number, label: string): void {
  const e = expected.toNumber();
  const error = Math.abs(actual - e);
  assert.ok(
    error <= tolerance * Math.abs(e) || (e === 0 && error === 0),
    `${label}: got ${actual}, exact ${expected.toSignificantDigits(20).toString()}, relative error ${error / Math.abs(e)}`,
  );
}

/** A few ulps: every function is a handful of correctly rounded operations on positive terms. */
const ULPS = 16 * Number.EPSILON;

const CASES = [
  { mu: "1", sigma2: "1", n: 100, d: "0.01" },
  { mu: "1", sigma2: "1", n: 10, d: "0.05" },
  { mu: "1", sigma2: "1", n: 1, d: "0.1" },
  { mu: "1", sigma2: "1", n: 2, d: "0.5" },
  { mu: "0.05", sigma2: "0.0025", n: 20, d: "0.02" },
  { mu: "2.5", sigma2: "0.3", n: 7, d: "0.3" },
  { mu: "1", sigma2: "0", n: 50, d: "0.04" },
];

for (const c of CASES) {
  const label = `μ=${c.mu} σ²=${c.sigma2} n=${c.n} d=${c.d}`;
  const mu = Number(c.mu);
  const sigma2 = Number(c.sigma2);
  const d = Number(c.d);
  const n = c.n;

  test(`closed forms equal the defining series (${label})`, () => {
    const exact = exactModel(c.mu, c.sigma2, n, c.d);
    close(npvOfRewards({ mu, d }), exact.mu.times(exact.discountSum), ULPS, "npvOfRewards");
    close(npvVariance({ sigma2, d }), exact.sigma2.times(exact.discountSquareSum), ULPS, "npvVariance");
    close(ticketValue({ mu, n, d }), exact.value, ULPS, "ticketValue");
    close(issuedValue({ mu, n, d }), exact.issued, ULPS, "issuedValue");
    close(unissuedValue({ mu, n, d }), exact.unissued, ULPS, "unissuedValue");
    close(issuedShare({ n, d }), exact.issued.div(exact.issued.plus(exact.unissued)), ULPS, "issuedShare");
    close(ticketSecondMoment({ mu, sigma2, n, d }), exact.second, ULPS, "ticketSecondMoment");
    close(ticketVariance({ mu, sigma2, n, d }), exact.variance, ULPS, "ticketVariance");
    if (exact.covariance) close(ticketCovariance({ mu, n, d }), exact.covariance, ULPS, "ticketCovariance");
    else assert.throws(() => ticketCovariance({ mu, n, d }), RangeError);
  });

  test(`holdings and stakes equal k·Var + k(k−1)·Cov and the per-slot flow series (${label})`, () => {
    const exact = exactModel(c.mu, c.sigma2, n, c.d);
    const cov = exact.covariance ?? big(0);
    const holding = (k: Big) => k.times(exact.variance).plus(k.times(k.minus(1)).times(cov));
    for (const k of new Set([0, 1, 2, Math.floor(n / 2), n].filter((k) => k <= n))) {
      close(holdingValue({ mu, n, d, k }), exact.value.times(k), ULPS, `holdingValue k=${k}`);
      close(holdingVariance({ mu, sigma2, n, d, k }), holding(big(k)), ULPS, `holdingVariance k=${k}`);
      if (k >= 1) {
        close(pooledTicketVariance({ mu, sigma2, n, d, k }), holding(big(k)).div(k * k), ULPS, `pooled k=${k}`);
      }
    }
    for (const shareText of ["0", "0.1", "0.37", "1"]) {
      const share = Number(shareText);
      const P = big(shareText);
      const k = P.times(n); // real k (non-integer for share 0.37)
      close(stakeValue({ mu, n, d, share }), exact.value.times(k), ULPS, `stakeValue P=${share}`);
      if (n >= 2) close(stakeVariance({ mu, sigma2, n, d, share }), holding(k), ULPS, `stakeVariance P=${share}`);
      // Maintained share: per-slot flow Y = I·(R − c), I ~ Bernoulli(P), c = μE[x^T] the fair price.
      const margin = exact.mu.minus(exact.value);
      const netMean = P.times(margin);
      const netSecond = P.times(exact.sigma2.plus(margin.times(margin)));
      close(maintainedStakeValue({ mu, n, d, share }), netMean.times(exact.discountSum), ULPS, `maintained P=${share}`);
      close(
        maintainedStakeVariance({ mu, sigma2, n, d, share }),
        netSecond.minus(netMean.times(netMean)).times(exact.discountSquareSum),
        ULPS,
        `maintainedStakeVariance P=${share}`,
      );
      const grossMean = P.times(exact.mu);
      const grossSecond = P.times(exact.sigma2.plus(exact.mu.times(exact.mu)));
      close(grossStakeStream({ mu, d, share }), grossMean.times(exact.discountSum), ULPS, `gross P=${share}`);
      close(
        grossStakeVariance({ mu, sigma2, d, share }),
        grossSecond.minus(grossMean.times(grossMean)).times(exact.discountSquareSum),
        ULPS,
        `grossStakeVariance P=${share}`,
      );
    }
  });

  test(`lookahead and execution-auction values equal the shifted series (${label})`, () => {
    const exact = exactModel(c.mu, c.sigma2, n, c.d);
    for (const m of [0, 1, 7]) {
      const xm = exact.x.pow(m);
      close(lookaheadTicketValue({ mu, n, d, m }), exact.value.times(xm), ULPS, `lookahead m=${m}`);
      close(
        lookaheadTicketVariance({ mu, sigma2, n, d, m }),
        exact.variance.times(xm).times(xm),
        ULPS,
        `lookahead var m=${m}`,
      );
      close(executionAuctionValue({ mu, d, m }), exact.mu.times(xm), ULPS, `EA m=${m}`);
      close(executionAuctionVariance({ sigma2, d, m }), exact.sigma2.times(xm).times(xm), ULPS, `EA var m=${m}`);
    }
  });
}

test("capture ratio equals protocol revenue over μ/d, both summed as series", () => {
  for (const [n, dText, rText] of [
    [10, "0.01", "0.05"],
    [40, "0.02", "0.02"],
    [3, "0.1", "0.04"],
  ] as const) {
    const d = big(dText);
    const r = big(rText);
    const p = ONE.div(n);
    const q = ONE.minus(p);
    const x = ONE.div(ONE.plus(d));
    const xr = ONE.div(ONE.plus(r));
    // A buyer discounting at r pays μE_r[x_r^T] (μ = 1); the protocol sells n tickets now and one
    // per slot from slot 1 on, all at that price; the rewards are worth Σ_t x^t.
    const price = series((_t, prev) => (prev ? prev.times(q).times(xr) : p.times(xr)), q.times(xr));
    const discountSum = series((_t, prev) => (prev ? prev.times(x) : x), x);
    const chi = price.times(n).plus(price.times(discountSum)).div(discountSum);
    close(captureRatio({ n, d: Number(dText), r: Number(rText) }), chi, ULPS, `capture n=${n}`);
  }
});

test("golden values of docs/derivations/observations.md#golden-values-exact-rationals-used-by-the-tests (exact rationals)", () => {
  const f = (a: number, b = 1) => mathjs.fraction(a, b);
  const rows = [
    {
      mu: 1,
      sigma2: 1,
      n: 100,
      d: [1, 100],
      value: f(1, 2),
      issued: f(50),
      unissued: f(50),
      npv: f(100),
      variance: f(499, 1204),
      cov: -6.2344e-4,
    },
    {
      mu: 1,
      sigma2: 1,
      n: 10,
      d: [1, 20],
      value: f(2, 3),
      issued: f(20, 3),
      unissued: f(40, 3),
      npv: f(20),
      variance: f(44, 81),
      cov: -3.6731e-3,
    },
    {
      mu: 1,
      sigma2: 4,
      n: 1000,
      d: [1, 1000],
      value: f(1, 2),
      issued: f(500),
      unissued: f(500),
      npv: f(1000),
      variance: f(16999, 12004),
      cov: -6.2484e-5,
    },
    {
      mu: 1,
      sigma2: 1,
      n: 1,
      d: [1, 10],
      value: f(10, 11),
      issued: f(10, 11),
      unissued: f(100, 11),
      npv: f(10),
      variance: f(100, 121),
      cov: undefined,
    },
  ];
  const exactly = (actual: number, expected: MathJs.Fraction, label: string) => {
    const e = Number(expected.valueOf());
    assert.ok(Math.abs(actual - e) <= ULPS * Math.abs(e), `${label}: ${actual} vs ${expected.toFraction()}`);
  };
  for (const row of rows) {
    const d = row.d[0] / row.d[1];
    const { mu, sigma2, n } = row;
    exactly(ticketValue({ mu, n, d }), row.value, `E[V] n=${n}`);
    exactly(issuedValue({ mu, n, d }), row.issued, `issued n=${n}`);
    exactly(unissuedValue({ mu, n, d }), row.unissued, `unissued n=${n}`);
    exactly(npvOfRewards({ mu, d }), row.npv, `μ/d n=${n}`);
    exactly(ticketVariance({ mu, sigma2, n, d }), row.variance, `Var n=${n}`);
    if (row.cov === undefined) assert.throws(() => ticketCovariance({ mu, n, d }), /^RangeError: n must be/);
    else assert.ok(Math.abs(ticketCovariance({ mu, n, d }) / row.cov - 1) < 1e-4, `Cov n=${n}`);
  }
  // The Observation-5 sanity case of docs/derivations/observations.md#observation-5-the-variance-of-one-ticket: n = 1 gives σ²/(1+d)².
  exactly(ticketVariance({ mu: 3, sigma2: 2, n: 1, d: 0.25 }), f(2 * 16, 25), "n=1");
  // The covariance at n = 2, checked by hand in docs/derivations/observations.md#two-tickets-covariance: E[x^{T_i+T_j}] = 1/((1+d)²(1+2d)).
  const d2 = 0.25;
  // At d = 1/4: 1/((5/4)²(3/2)) − (1/(1 + 2d))² = 32/75 − 4/9 = −4/225.
  exactly(ticketCovariance({ mu: 1, n: 2, d: d2 }), f(32, 75).sub(f(4, 9)), "n=2 covariance");
  assert.equal(expectedWait({ n: 40 }), 40);
  assert.equal(waitVariance({ n: 40 }), 1560);
});

test("theory columns of docs/derivations/observations.md#two-tickets-covariance and §3 (stakes, 4–5 digits as printed)", () => {
  const mu = 0.05;
  const sigma2 = 0.05 * 0.05;
  const rows = [
    {
      n: 20,
      d: 0.02,
      k: 5,
      staticMean: 0.17857,
      staticVar: 7.377e-3,
      grossMean: 0.625,
      grossVar: 2.707e-2,
      netVar: 1.642e-2,
    },
    {
      n: 100,
      d: 0.01,
      k: 25,
      staticMean: 0.625,
      staticVar: 2.497e-2,
      grossMean: 1.25,
      grossVar: 5.442e-2,
      netVar: 3.693e-2,
    },
  ];
  const near = (actual: number, printed: number, label: string) =>
    assert.ok(Math.abs(actual / printed - 1) < 5e-4, `${label}: ${actual} vs printed ${printed}`);
  for (const r of rows) {
    const share = r.k / r.n;
    near(holdingValue({ mu, n: r.n, d: r.d, k: r.k }), r.staticMean, "static mean");
    near(holdingVariance({ mu, sigma2, n: r.n, d: r.d, k: r.k }), r.staticVar, "static variance");
    near(stakeVariance({ mu, sigma2, n: r.n, d: r.d, share }), r.staticVar, "stake variance");
    near(grossStakeStream({ mu, d: r.d, share }), r.grossMean, "gross mean");
    near(grossStakeVariance({ mu, sigma2, d: r.d, share }), r.grossVar, "gross variance");
    near(maintainedStakeVariance({ mu, sigma2, n: r.n, d: r.d, share }), r.netVar, "net variance");
  }
  // §3: A = Pnμ/(nd+1) with μ = 1, d = 0.01, P = 10 %.
  const table: Array<[number, number]> = [
    [1, 0.099],
    [10, 0.909],
    [50, 3.333],
    [100, 5.0],
    [200, 6.667],
    [500, 8.333],
    [1000, 9.091],
    [10_000, 9.901],
  ];
  for (const [n, printed] of table) {
    assert.ok(Math.abs(stakeValue({ mu: 1, n, d: 0.01, share: 0.1 }) - printed) < 6e-4, `A at n=${n}`);
  }
});
