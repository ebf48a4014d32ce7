/**
 * The 97.5% quantile of Student's t distribution, for 95% confidence intervals of a mean over
 * few replications (20 replications: 2.093, not the normal 1.960).
 */
import * as validate from "../validate";

/**
 * P(|T| ≤ t) for integer ν, with θ = atan(t/√ν), from the exact finite sums of
 * Abramowitz & Stegun 26.7.3–26.7.4.
 */
function centralProbability(theta: number, nu: number): number {
  const s = Math.sin(theta);
  const c2 = Math.cos(theta) ** 2;
  if (nu % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= (nu - 2) / 2; k++) {
      term *= (c2 * (2 * k - 1)) / (2 * k);
      sum += term;
    }
    return s * sum;
  }
  if (nu === 1) return (2 * theta) / Math.PI;
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= (nu - 3) / 2; k++) {
    term *= (c2 * (2 * k)) / (2 * k + 1);
    sum += term;
  }
  return (2 / Math.PI) * (theta + s * Math.cos(theta) * sum);
}

/** Input of {@link studentT975}. */
export interface StudentT975Options {
  /** Degrees of freedom, an integer ≥ 1. */
  df: number;
}

/**
 * The t quantile q with P(T ≤ q) = 0.975 for `df` degrees of freedom: bisection on the exact CDF
 * for df ≤ 10⁴, the Cornish–Fisher expansion (A&S 26.7.5, error far below 1e-12 there) beyond.
 *
 * @example
 * studentT975({ df: 10 }); // → 2.22814
 */
export function studentT975(options: StudentT975Options): number {
  validate.knownKeys("studentT975 options", options ?? {}, ["df"]);
  const { df } = options;
  validate.integer("df", df, 1);
  const z = 1.959963984540054;
  if (df > 1e4) {
    const z2 = z * z;
    const g1 = (z * (z2 + 1)) / 4;
    const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
    const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
    return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
  }
  // P(|T| ≤ q) = 0.95 and P(|T| ≤ t) increases with θ ∈ (0, π/2).
  let lo = 0;
  let hi = Math.PI / 2;
  for (let i = 0; i < 200 && hi - lo > 1e-16; i++) {
    const mid = (lo + hi) / 2;
    if (centralProbability(mid, df) < 0.95) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(df) * Math.tan((lo + hi) / 2);
}
