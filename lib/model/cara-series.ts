/**
 * Numerics of the CARA certainty equivalent of one ticket with exponential rewards (internal).
 *
 * With R ~ Exponential(mean μ) independent of T, E[e^{−γ R y}] = 1/(1 + a y), a = γμ, so
 *   S := 1 − E[e^{−γV}] = E[h(x^T)],   h(y) = a y/(1 + a y),   T ~ Geometric(1/n) on {1, 2, …}.
 * S is summed as a series of positive terms (no cancellation) in one of two ways, and the caller
 * forms CE = −ln(1 − S)/γ = −log1p(−S)/γ. Both sums stop once a proven bound on the omitted tail is
 * at most `tolerance`·(partial sum).
 *
 * "direct": S = Σ_{t≥1} p q^{t−1} h(x^t), terms decreasing in t. Tail after N terms:
 *   Σ_{t>N} p q^{t−1} h(x^t) ≤ h(x^{N+1}) Σ_{t>N} p q^{t−1} = h(x^{N+1}) q^N.
 *   Cost ≈ ln(1/tolerance)/(ln(1/q) + ln(1+d)) terms: cheap unless both n and 1/d are large.
 *
 * "series" (for large n and 1/d, where the direct sum would need ~n terms): write T = Z + 1 with
 *   Z ~ Geometric on {0, 1, …} and w = ax/(1+ax) ∈ (0, 1). Then
 *   h(x^T) = w x^Z / (1 − w(1 − x^Z)) = Σ_{i≥0} w^{i+1} x^Z (1 − x^Z)^i, so
 *   S = p Σ_{i≥0} w^{i+1} A_i,   A_i = Σ_{z≥0} ρ^z (1 − x^z)^i,   ρ = qx.
 *   Using 1 − x^{z+1} = (1 − x) + x(1 − x^z) and the binomial theorem, A_0 = 1/(1 − ρ) and
 *   A_k (1 − ρ x^k) = ρ Σ_{j<k} C(k,j)(1−x)^{k−j} x^j A_j   (k ≥ 1),
 *   a recurrence with positive terms only. A_i is non-increasing in i, so the tail after K terms is
 *   ≤ p A_K Σ_{i>K} w^{i+1} = p A_K w^{K+2}(1 + ax). The binomial weights are generated downwards from
 *   j = k − 1 (ratio C(k,j−1)/C(k,j)·(1−x)/x = j·d/(k−j+1)); once that ratio is below ½ the rest of
 *   the inner sum is ≤ 2·(next weight)·A_0 and is dropped when that is below 1e-20 of the inner sum.
 *   Cost ≈ K·(inner length), K ≈ ln(1/tolerance)/ln(1/w): cheap unless a = γμ is very large.
 */

/** Result of one of the sums. */
export interface CaraSum {
  /** S = 1 − E[e^{−γV}] (up to the truncation). */
  s: number;
  /** Proven upper bound on the omitted tail of S (absolute). */
  tailBound: number;
  /** Terms summed (outer terms for "series"). */
  terms: number;
}

export interface CaraInputs {
  /** a = γμ > 0. */
  a: number;
  /** Number of tickets n ≥ 2. */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Relative truncation tolerance. */
  tolerance: number;
}

const INNER_TOLERANCE = 1e-20;
/** exp(−kδ) must not underflow for the binomial weights of the series recurrence. */
const MAX_LOG_DISCOUNT = 700;

/** Neumaier (compensated) summation. */
class CompensatedSum {
  private sum = 0;
  private compensation = 0;
  add(value: number): void {
    const t = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) this.compensation += this.sum - t + value;
    else this.compensation += value - t + this.sum;
    this.sum = t;
  }
  get value(): number {
    return this.sum + this.compensation;
  }
}

function rates(n: number, d: number): { lambda: number; delta: number } {
  return { lambda: -Math.log1p(-1 / n), delta: Math.log1p(d) };
}

/** Estimated work of each method (floating-point operations, roughly), Infinity if inapplicable. */
export function caraCosts({ a, n, d, tolerance }: CaraInputs): { direct: number; series: number } {
  const { lambda, delta } = rates(n, d);
  const digits = Math.log(1 / tolerance) + 5;
  const direct = (2 * (digits + Math.log1p(a))) / (lambda + delta);
  const x = Math.exp(-delta);
  const outer = digits / Math.log1p(1 / (a * x)) + 1;
  const kd = outer * d;
  const inner = Math.min(outer, 40 + 2 * kd + 10 * Math.sqrt(kd));
  const series = outer * delta > MAX_LOG_DISCOUNT ? Infinity : outer * inner;
  return { direct, series };
}

/** The direct sum over win slots (see the module comment). */
export function caraDirect({ a, n, d, tolerance }: CaraInputs, maxTerms: number): CaraSum {
  const { lambda, delta } = rates(n, d);
  const p = 1 / n;
  const h = (t: number) => {
    const ay = a * Math.exp(-delta * t);
    return ay / (1 + ay);
  };
  const sum = new CompensatedSum();
  let current = h(1);
  for (let t = 1; t <= maxTerms; t++) {
    sum.add(p * Math.exp(-lambda * (t - 1)) * current);
    const next = h(t + 1);
    const tailBound = next * Math.exp(-lambda * t);
    const s = sum.value;
    if (tailBound <= tolerance * s) return { s, tailBound, terms: t };
    current = next;
  }
  throw new RangeError(`CARA direct sum did not converge within ${maxTerms} terms`);
}

/** The binomial-recurrence series (see the module comment). */
export function caraSeries({ a, n, d, tolerance }: CaraInputs, maxTerms: number): CaraSum {
  const { lambda, delta } = rates(n, d);
  const p = 1 / n;
  const ax = a * Math.exp(-delta);
  const logW = -Math.log1p(1 / ax); // ln w, w = ax/(1+ax)
  const rho = Math.exp(-(lambda + delta));
  const a0 = 1 / -Math.expm1(-(lambda + delta));
  const A: number[] = [a0];
  const sum = new CompensatedSum();
  sum.add(p * Math.exp(logW) * a0);
  for (let k = 1; k <= maxTerms; k++) {
    if (k * delta > MAX_LOG_DISCOUNT) break;
    // inner = Σ_{j<k} C(k,j)(1−x)^{k−j} x^j A_j, from j = k−1 downwards.
    let weight = k * d * Math.exp(-k * delta); // C(k,k−1)(1−x)x^{k−1} = k d x^k
    let inner = 0;
    for (let j = k - 1; j >= 0; j--) {
      inner += weight * A[j];
      if (j === 0) break;
      const ratio = (j * d) / (k - j + 1);
      weight *= ratio;
      if (ratio < 0.5 && 2 * weight * a0 <= INNER_TOLERANCE * inner) break;
    }
    const ak = (rho * inner) / -Math.expm1(-(lambda + (k + 1) * delta));
    A.push(ak);
    sum.add(p * Math.exp((k + 1) * logW) * ak);
    const s = sum.value;
    const tailBound = p * ak * Math.exp((k + 2) * logW) * (1 + ax);
    if (tailBound <= tolerance * s) return { s, tailBound, terms: k + 1 };
  }
  throw new RangeError(`CARA series did not converge within ${maxTerms} terms`);
}
