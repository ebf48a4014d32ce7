/**
 * Observation 4(b): how long a ticket waits for its win. Each slot t = 1, 2, … draws one of n
 * tickets uniformly, so a given ticket's win slot is T ~ Geometric(p = 1/n) on {1, 2, …}:
 * P(T = t) = p q^{t−1}, q = 1 − p. Powers q^t are evaluated as exp(t·log1p(−1/n)), which keeps full
 * relative precision at n = 10⁹ (where forming q = 1 − 1/n would already lose 7 digits of 1/n).
 */
import * as validate from "../validate";

/** Input of {@link expectedWait} and {@link waitVariance}. */
export interface WaitMomentOptions {
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
}

/**
 * Observation 4(b): E[T] = 1/p = n slots (12 s each on Ethereum).
 *
 * @example
 * expectedWait({ n: 100 }); // → 100
 */
export function expectedWait(options: WaitMomentOptions): number {
  validate.knownKeys("expectedWait options", options ?? {}, ["n"]);
  const { n } = options;
  validate.ticketCount(n);
  return n;
}

/**
 * Var(T) = q/p² = n(n − 1) (../../docs/derivations/observations.md#observation-4-choosing-n); 0 at n = 1, where T = 1 surely.
 *
 * @example
 * waitVariance({ n: 100 }); // → 9900
 */
export function waitVariance(options: WaitMomentOptions): number {
  validate.knownKeys("waitVariance options", options ?? {}, ["n"]);
  const { n } = options;
  validate.ticketCount(n);
  return n * (n - 1);
}

/** Input of {@link waitPmf} and {@link waitCdf}. */
export interface WaitPointOptions {
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** Slot t (integer ≥ 0; t = 0 is outside the support {1, 2, …} and gets probability 0). */
  t: number;
}

/** ln q = log1p(−1/n); −Infinity at n = 1. */
function logStay(n: number): number {
  return Math.log1p(-1 / n);
}

/**
 * P(T = t) = (1/n)(1 − 1/n)^{t−1} for t ≥ 1 (0 for t = 0).
 *
 * @example
 * waitPmf({ n: 100, t: 1 }); // → 0.01
 */
export function waitPmf(options: WaitPointOptions): number {
  validate.knownKeys("waitPmf options", options ?? {}, ["n", "t"]);
  const { n, t } = options;
  validate.ticketCount(n);
  validate.integer("t", t, 0);
  if (t === 0) return 0;
  if (n === 1) return t === 1 ? 1 : 0;
  return Math.exp((t - 1) * logStay(n)) / n;
}

/**
 * P(T ≤ t) = 1 − q^t, evaluated as −expm1(t·log1p(−1/n)) (exact to a few ulps even when tiny).
 *
 * @example
 * waitCdf({ n: 100, t: 69 }); // → 0.500163
 */
export function waitCdf(options: WaitPointOptions): number {
  validate.knownKeys("waitCdf options", options ?? {}, ["n", "t"]);
  const { n, t } = options;
  validate.ticketCount(n);
  validate.integer("t", t, 0);
  if (t === 0) return 0;
  if (n === 1) return 1;
  return -Math.expm1(t * logStay(n));
}

/** Input of {@link waitQuantile}. */
export interface WaitQuantileOptions {
  /** Number of outstanding tickets n (integer, 1 ≤ n ≤ 2^53). */
  n: number;
  /** Probability level p ∈ [0, 1]. */
  p: number;
}

/**
 * The p-quantile of T: the smallest t ∈ {1, 2, …} with P(T ≤ t) ≥ p, i.e. (1 − 1/n)^t ≤ 1 − p, i.e.
 * t = max(1, ceil(log1p(−p)/log1p(−1/n))). The ceiling is then corrected by one step if rounding
 * put it on the wrong side of the condition, which is decided in log space
 * (t·log1p(−1/n) ≤ log1p(−p)): there it stays exact where the cdf itself is flat in floating point
 * (increments below one ulp of 1, e.g. deep in the tail at n ≈ 1e10). p = 0 gives 1; p = 1 gives
 * Infinity (for n ≥ 2). The median is ≈ n ln 2. For n near 2^53 and p near 1 the quantile can exceed
 * 2^53, where doubles no longer hold every integer (it is then rounded to a representable one).
 *
 * @example
 * waitQuantile({ n: 100, p: 0.5 }); // → 69
 */
export function waitQuantile(options: WaitQuantileOptions): number {
  validate.knownKeys("waitQuantile options", options ?? {}, ["n", "p"]);
  const { n, p } = options;
  validate.ticketCount(n);
  validate.inRange("p", p, 0, 1);
  if (n === 1 || p === 0) return 1;
  if (p === 1) return Infinity;
  const logStayPerSlot = logStay(n);
  const target = Math.log1p(-p);
  const reached = (t: number) => t * logStayPerSlot <= target;
  let t = Math.max(1, Math.ceil(target / logStayPerSlot));
  if (t > 1 && reached(t - 1)) t -= 1;
  else if (!reached(t)) t += 1;
  return t;
}
