/**
 * Truncating an infinite discounted stream. Every slot-level engine simulates slots 1..H only; the
 * expected present value of what happens after slot H is at most (μ/d)(1+d)^(−H) (the whole reward
 * stream from H+1 on, discounted), so H is chosen to make that tail a given fraction of μ/d.
 */
import * as validate from "../validate";

/** Input of {@link horizonForTolerance}. */
export interface HorizonForToleranceOptions {
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Largest allowed tail, relative to μ/d: (1+d)^(−H) ≤ tolerance. In (0, 1). */
  tolerance: number;
}

/**
 * The smallest horizon H with (1+d)^(−H) ≤ tolerance, i.e. H = ceil(ln(1/tolerance) / ln(1+d)).
 * @throws RangeError when d or tolerance is out of range, or H would exceed 2^53.
 *
 * @example
 * horizonForTolerance({ d: 0.01, tolerance: 1e-6 }); // → 1389
 */
export function horizonForTolerance(options: HorizonForToleranceOptions): number {
  validate.knownKeys("horizonForTolerance options", options ?? {}, ["d", "tolerance"]);
  const { d, tolerance } = options;
  validate.discountRate(d);
  validate.inOpenRange("tolerance", tolerance, 0, 1);
  const horizon = Math.max(1, Math.ceil(-Math.log(tolerance) / Math.log1p(d)));
  return validate.integer("horizon (from tolerance and d)", horizon, 1);
}

/** Input of {@link truncationBound}. */
export interface TruncationBoundOptions {
  /** E[R] ≥ 0 (use E|R| for rewards that can be negative). */
  mu: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Last simulated slot H ≥ 1. */
  horizon: number;
}

/**
 * Upper bound on the expected present value lost by stopping at slot H: Σ_{t>H} μ(1+d)^(−t)
 * = (μ/d)(1+d)^(−H). Bounds the truncation of every non-negative stream an engine tracks
 * (total, issued, unissued, stakes), since each is part of the total.
 *
 * @example
 * truncationBound({ mu: 1, d: 0.01, horizon: 1389 }); // → 0.0000994516
 */
export function truncationBound(options: TruncationBoundOptions): number {
  validate.knownKeys("truncationBound options", options ?? {}, ["mu", "d", "horizon"]);
  const { mu, d, horizon } = options;
  validate.nonNegative("mu", mu);
  validate.discountRate(d);
  validate.integer("horizon", horizon, 1);
  return (mu / d) * Math.exp(-horizon * Math.log1p(d));
}
