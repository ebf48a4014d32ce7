/**
 * One-dimensional root finding and minimisation on a bracket, for the calibration's nested solves.
 * Bisection and golden-section search: slow but unconditionally convergent, and the calls are few.
 */
import * as validate from "../validate";

/** Input of {@link findRoot}. */
export interface FindRootOptions {
  /** A continuous function whose signs differ at `lo` and `hi`. */
  f: (x: number) => number;
  /** Lower end of the bracket. */
  lo: number;
  /** Upper end of the bracket (> lo). */
  hi: number;
  /** What the root is, for the error message when the bracket does not bracket one. */
  name?: string;
  /** Stop when the bracket is narrower than this (default 0: full double precision). */
  tolerance?: number;
}

/**
 * The root of f in [lo, hi] by bisection, to full double precision (≤ 200 halvings). Throws a
 * RangeError naming the quantity when f(lo) and f(hi) have the same sign.
 *
 * @example
 * findRoot({ f: (x) => x * x - 2, lo: 0, hi: 2 }); // → 1.41421
 */
export function findRoot(options: FindRootOptions): number {
  validate.knownKeys("findRoot options", options ?? {}, ["f", "lo", "hi", "name", "tolerance"]);
  const { f, lo, hi, name = "root", tolerance = 0 } = options;
  validate.finite("lo", lo);
  validate.finite("hi", hi);
  if (!(hi > lo)) throw new RangeError(`hi must be > lo (= ${lo}); received ${hi}`);
  let a = lo;
  let b = hi;
  let fa = f(a);
  const fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(Math.sign(fa) !== Math.sign(fb)) || Number.isNaN(fa) || Number.isNaN(fb)) {
    throw new RangeError(`no ${name} in [${lo}, ${hi}]: the function is ${fa} and ${fb} at the ends`);
  }
  for (let i = 0; i < 200 && b - a > tolerance; i++) {
    const m = a + (b - a) / 2;
    if (m <= a || m >= b) break;
    const fm = f(m);
    if (fm === 0) return m;
    if (Math.sign(fm) === Math.sign(fa)) {
      a = m;
      fa = fm;
    } else b = m;
  }
  return a + (b - a) / 2;
}

/** Input of {@link minimiseOnInterval}. */
export interface MinimiseOnIntervalOptions {
  /** A function with one minimum in [lo, hi] (unimodal). */
  f: (x: number) => number;
  lo: number;
  hi: number;
  /** Absolute tolerance on the minimiser (default 1e-9·(hi − lo)). */
  tolerance?: number;
}

/**
 * The minimiser of a unimodal f on [lo, hi] by golden-section search.
 *
 * @example
 * minimiseOnInterval({ f: (x) => (x - 0.3) ** 2, lo: 0, hi: 1 }); // → 0.3
 */
export function minimiseOnInterval(options: MinimiseOnIntervalOptions): number {
  validate.knownKeys("minimiseOnInterval options", options ?? {}, ["f", "lo", "hi", "tolerance"]);
  const { f, lo, hi, tolerance } = options;
  validate.finite("lo", lo);
  validate.finite("hi", hi);
  if (!(hi > lo)) throw new RangeError(`hi must be > lo (= ${lo}); received ${hi}`);
  const tol = tolerance ?? 1e-9 * (hi - lo);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tol) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}
