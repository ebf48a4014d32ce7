/**
 * Property tests (fast-check, fixed seed): monotonicity in n, the exact identity
 * issued + unissued = μ/d, signs and bounds of the second moments, the capture ratio's range,
 * and internal consistency of the wait distribution, rates and pool sizes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  ticketValue,
  issuedValue,
  unissuedValue,
  npvOfRewards,
  ticketVariance,
  ticketSecondMoment,
  ticketCovariance,
  holdingVariance,
  stakeValue,
  stakeVariance,
  maintainedStakeVariance,
  grossStakeStream,
  captureRatio,
  captureLeakage,
  leakageThreshold,
  waitPmf,
  waitCdf,
  waitQuantile,
  perSlotRate,
  annualRate,
  poolRiskPremium,
  poolSizeForPremium,
  pooledTicketVariance,
  certaintyEquivalent,
  meanVarianceCertaintyEquivalent,
} from "../lib/model";

const SEED = 20240307;
const runs = { seed: SEED, numRuns: 300 };
/** Unit roundoff of a double: every correctly rounded operation has relative error ≤ U. */
const U = Number.EPSILON / 2;

/** A log-uniform positive double in [10^lo, 10^hi]. */
const logUniform = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);
/** n: small counts and anything up to 2^53. */
const ticketCount = fc.oneof(
  fc.integer({ min: 1, max: 1000 }),
  fc.maxSafeNat().map((v) => v + 1),
  logUniform(0, 12).map(Math.round),
);
const discount = logUniform(-12, 1);
const mean = logUniform(-6, 6);
const variance = fc.oneof(fc.constant(0), logUniform(-8, 8));

test("E[V] is non-increasing and issued value non-decreasing in n (exactly, in floating point)", () => {
  fc.assert(
    fc.property(mean, ticketCount, ticketCount, discount, (mu, a, b, d) => {
      const [n1, n2] = a <= b ? [a, b] : [b, a];
      assert.ok(ticketValue({ mu, n: n2, d }) <= ticketValue({ mu, n: n1, d }));
      assert.ok(issuedValue({ mu, n: n2, d }) >= issuedValue({ mu, n: n1, d }));
      assert.ok(stakeValue({ mu, n: n2, d, share: 0.3 }) >= stakeValue({ mu, n: n1, d, share: 0.3 }));
      // Strictly, where the change is resolvable: E[V](n) − E[V](n+1) = μd/((nd+1)((n+1)d+1)).
      if (n1 < 2 ** 40 && d > 1e-6) assert.ok(ticketValue({ mu, n: n1 + 1, d }) < ticketValue({ mu, n: n1, d }));
    }),
    runs,
  );
});

test("issued + unissued = μ/d for every n and d, to the rounding error of the three formulas", () => {
  // issued = μ/(d + 1/n): 3 roundings; unissued = μ/(d(nd + 1)): 4 roundings (nd + 1 is a sum of
  // positives); their sum: 1 more; μ/d: 1. All terms are positive (condition number 1), so the two
  // sides differ by at most (3 + 4 + 1 + 1)·U relative, to first order.
  const tolerance = 10 * U;
  fc.assert(
    fc.property(mean, ticketCount, discount, (mu, n, d) => {
      const total = issuedValue({ mu, n, d }) + unissuedValue({ mu, n, d });
      const expected = npvOfRewards({ mu, d });
      assert.ok(Math.abs(total - expected) <= tolerance * expected, `n=${n} d=${d}: ${total} vs ${expected}`);
    }),
    runs,
  );
});

test("second moments: 0 ≤ Var(V) ≤ E[V²], Cov ≤ 0 with |Cov| ≤ Var, holdings and stakes ≥ 0", () => {
  fc.assert(
    fc.property(
      logUniform(-3, 3),
      variance,
      ticketCount,
      discount,
      fc.double({ min: 0, max: 1, noNaN: true }),
      (mu, sigma2, n, d, share) => {
        const v = ticketVariance({ mu, sigma2, n, d });
        assert.ok(Number.isFinite(v) && v >= 0);
        assert.ok(v <= ticketSecondMoment({ mu, sigma2, n, d }) * (1 + 4 * U));
        if (n >= 2) {
          const c = ticketCovariance({ mu, n, d });
          assert.ok(c <= 0 && -c <= v * (1 + 4 * U), `Cov ${c} vs Var ${v}`);
        }
        const k = Math.min(n, Math.round(share * Math.min(n, 1e6)));
        assert.ok(holdingVariance({ mu, sigma2, n, d, k }) >= 0);
        assert.ok(stakeVariance({ mu, sigma2, n, d, share }) >= 0);
        assert.ok(maintainedStakeVariance({ mu, sigma2, n, d, share }) >= 0);
        if (k >= 1) assert.ok(pooledTicketVariance({ mu, sigma2, n, d, k }) <= v * (1 + 8 * U));
      },
    ),
    runs,
  );
});

test("capture ∈ (0, 1] when r ≥ d, and capture + leakage = 1", () => {
  fc.assert(
    fc.property(ticketCount, discount, logUniform(0, 3), (n, d, factor) => {
      const r = d * factor;
      const chi = captureRatio({ n, d, r });
      assert.ok(chi > 0 && chi <= 1, `χ = ${chi}`);
      const leak = captureLeakage({ n, d, r });
      assert.ok(leak >= 0 && Math.abs(chi + leak - 1) <= 8 * U);
    }),
    runs,
  );
});

test("leakage threshold: the leakage crosses L between floor(n*) and floor(n*) + 1", () => {
  fc.assert(
    fc.property(
      logUniform(-10, -2),
      logUniform(0.1, 2),
      fc.double({ min: 0.001, max: 0.5, noNaN: true }),
      (d, factor, leakage) => {
        const r = d * factor;
        const threshold = leakageThreshold({ d, r, leakage });
        if (leakage >= 1 - d / r) return assert.equal(threshold, Infinity);
        // Stay away from the asymptote, where n* is ill-conditioned, and from n* beyond 2^52.
        fc.pre(r * (1 - leakage) - d > 1e-6 * r && threshold < 2 ** 52);
        const below = Math.floor(threshold);
        if (below >= 1) assert.ok(captureLeakage({ n: below, d, r }) <= leakage * (1 + 1e-9));
        assert.ok(captureLeakage({ n: below + 1, d, r }) >= leakage * (1 - 1e-9));
      },
    ),
    runs,
  );
});

test("wait distribution: quantile inverts the cdf; pmf is the cdf's increment", () => {
  fc.assert(
    fc.property(ticketCount, fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, p) => {
      const t = waitQuantile({ n, p });
      assert.ok(Number.isInteger(t) && t >= 1);
      fc.pre(t <= 2 ** 53); // slots beyond 2^53 (3·10⁹ years) are not exact integers any more
      assert.ok(waitCdf({ n, t }) >= p * (1 - 2 * U), `cdf(${t}) < ${p}`);
      if (n >= 2) {
        // The defining inequalities, in log-survival space (exact where the cdf is flat in doubles):
        // t·ln q ≤ ln(1 − p) < (t − 1)·ln q.
        const logQ = Math.log1p(-1 / n);
        assert.ok(t * logQ <= Math.log1p(-p));
        if (t > 1) assert.ok((t - 1) * logQ > Math.log1p(-p));
      }
      const pmf = waitPmf({ n, t });
      if (n >= 2 && t > 1 && pmf > 1e-6 * waitCdf({ n, t })) {
        // The difference of two cdf values loses ≈ cdf/pmf of relative precision.
        const increment = waitCdf({ n, t }) - waitCdf({ n, t: t - 1 });
        assert.ok(Math.abs(increment - pmf) <= 8 * U * waitCdf({ n, t }) + 8 * U * pmf);
      }
    }),
    runs,
  );
});

test("perSlotRate and annualRate are inverse to each other", () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(12, 6, 1, 4), (r, slotSeconds) => {
      const d = perSlotRate({ annualRate: r, slotSeconds });
      const back = annualRate({ d, slotSeconds });
      // d carries a few ulps; going back multiplies that relative error by S·d(1+r)/r·… ≈ ln(1+r)(1+r)/r ≤ 1.3.
      assert.ok(Math.abs(back - r) <= 16 * U * Math.max(r, 1e-300) + 1e-300, `${r} → ${d} → ${back}`);
    }),
    runs,
  );
});

test("grossStakeStream does not depend on n; stakeValue tends to it from below", () => {
  fc.assert(
    fc.property(mean, ticketCount, discount, fc.double({ min: 0, max: 1, noNaN: true }), (mu, n, d, share) => {
      const gross = grossStakeStream({ mu, d, share });
      assert.ok(stakeValue({ mu, n, d, share }) <= gross * (1 + 4 * U));
    }),
    runs,
  );
});

test("pool size is the smallest m whose premium is within the target", () => {
  fc.assert(
    fc.property(logUniform(-4, 2), logUniform(-3, 2), logUniform(-4, 1), (v, gamma, target) => {
      const m = poolSizeForPremium({ variance: v, gamma, targetPremium: target });
      assert.ok(poolRiskPremium({ variance: v, gamma, members: m }) <= target);
      if (m > 1) assert.ok(poolRiskPremium({ variance: v, gamma, members: m - 1 }) > target);
    }),
    runs,
  );
});

test("CARA certainty equivalent: below E[V], decreasing in γ, and ≈ mean–variance for small γ", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.integer({ min: 1, max: 50 }), logUniform(2, 9).map(Math.round)),
      logUniform(-8, -0.5),
      logUniform(-3, 1),
      (n, d, gamma) => {
        const mu = 1;
        const value = ticketValue({ mu, n, d });
        const ce = certaintyEquivalent({ mu, n, d, gamma, rewards: "exponential" });
        const ceMore = certaintyEquivalent({ mu, n, d, gamma: gamma * 1.5, rewards: "exponential" });
        assert.ok(ce > 0 && ce <= value, `CE ${ce} vs E[V] ${value}`);
        assert.ok(ceMore <= ce);
        // Second-order expansion for tiny γ: CE = E[V] − (γ/2)Var(V) + (γ²/6)κ₃ − …
        const tiny = 1e-6;
        const ceTiny = certaintyEquivalent({ mu, n, d, gamma: tiny, rewards: "exponential" });
        const mv = meanVarianceCertaintyEquivalent({
          mean: value,
          variance: ticketVariance({ mu, sigma2: 1, n, d }),
          gamma: tiny,
        });
        // The remainder is ≤ γ²E[V³]/6 + γ³E[V⁴]/24 + … ≤ γ²(1 + γ + …)μ³ since E[R^j] = j!μ^j and x^{jT} ≤ 1.
        assert.ok(Math.abs(ceTiny - mv) <= tiny * tiny + 64 * U * value, `${ceTiny} vs ${mv}`);
      },
    ),
    { seed: SEED, numRuns: 100 },
  );
});
