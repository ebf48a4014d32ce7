/**
 * A broken power law above a scale u: Pareto with index α₁ from u to a knee k, and with index α₂
 * beyond k, optionally truncated at a cap c. The untruncated survival function is continuous:
 *
 *   S₀(x) = (x/u)^(−α₁)               for u ≤ x ≤ k
 *         = (k/u)^(−α₁)·(x/k)^(−α₂)   for x > k,
 *
 * and with a cap S(x) = (S₀(x) − S₀(c))/(1 − S₀(c)). A knee at or beyond the cap (or at ∞) is the
 * ordinary (truncated) Pareto law. Why two indices: the mainnet payments' mean needs a heavy tail
 * near the body (α₁ ≈ 1) while their largest value needs a lighter far tail (α₂ > 2); see
 * ../../docs/derivations/calibration.md#broken-tail.
 */
import * as validate from "../validate";

/** ∫_a^b x^k dF for a Pareto piece with index α and survival (x/a)^(−α) on [a, b]: α a^k·((b/a)^(k−α) − 1)/(k − α). */
function pieceMoment(alpha: number, a: number, b: number, k: number): number {
  if (!(b > a)) return 0;
  if (b === Infinity) return alpha > k ? (alpha * a ** k) / (alpha - k) : Infinity;
  const e = k - alpha;
  const logRatio = Math.log(b / a);
  const growth = Math.abs(e) < 1e-12 ? logRatio : Math.expm1(e * logRatio) / e;
  return alpha * a ** k * growth;
}

/**
 * The mathematics of a two-index Pareto tail, conditional on exceeding its scale.
 *
 * @example
 * new BrokenPareto({ alpha: 1.2, scale: 0.15, knee: 100, alphaFar: 3, cap: 692 }).rawMoment(1); // → 0.714846
 */
export class BrokenPareto {
  readonly alpha: number;
  readonly alphaFar: number;
  readonly scale: number;
  readonly knee: number;
  readonly cap: number;
  /** S₀(k): untruncated mass beyond the knee. */
  readonly massBeyondKnee: number;
  /** S₀(c): untruncated mass beyond the cap (0 without a cap). */
  readonly massBeyondCap: number;

  constructor(options: { alpha: number; scale: number; knee?: number; alphaFar?: number; cap?: number }) {
    const { alpha, scale, knee = Infinity, cap = Infinity } = options;
    this.alpha = validate.positive("alpha", alpha);
    this.scale = validate.positive("scale", scale);
    this.alphaFar = options.alphaFar === undefined ? alpha : validate.positive("alphaFar", options.alphaFar);
    if (!(knee > scale)) throw new RangeError(`knee must be > scale (= ${scale}); received ${knee}`);
    if (!(cap > scale)) throw new RangeError(`cap must be > scale (= ${scale}); received ${cap}`);
    this.knee = Math.min(knee, cap);
    this.cap = cap;
    this.massBeyondKnee = this.knee === Infinity ? 0 : this.untruncatedSurvival(this.knee);
    this.massBeyondCap = cap === Infinity ? 0 : this.untruncatedSurvival(cap);
  }

  /** S₀(x) for x ≥ u, in logs so that tiny masses do not underflow early. */
  untruncatedSurvival(x: number): number {
    if (x <= this.scale) return 1;
    if (x <= this.knee) return Math.exp(-this.alpha * Math.log(x / this.scale));
    return Math.exp(-this.alpha * Math.log(this.knee / this.scale) - this.alphaFar * Math.log(x / this.knee));
  }

  /** E[X^k] (Infinity when it diverges). */
  rawMoment(k: number): number {
    const near = pieceMoment(this.alpha, this.scale, this.knee, k);
    const far = this.knee < this.cap ? this.massBeyondKnee * pieceMoment(this.alphaFar, this.knee, this.cap, k) : 0;
    return (near + far) / (1 - this.massBeyondCap);
  }

  /** Var(X) (Infinity when the second moment diverges). */
  variance(): number {
    const second = this.rawMoment(2);
    if (second === Infinity) return Infinity;
    const mean = this.rawMoment(1);
    return Math.max(0, second - mean * mean);
  }

  /** P(X > x). */
  survival(x: number): number {
    if (x <= this.scale) return 1;
    if (x >= this.cap) return 0;
    const r = this.massBeyondCap;
    return (this.untruncatedSurvival(x) - r) / (1 - r);
  }

  /** The x with P(X > x) = s, for s in [0, 1]. */
  quantileFromSurvival(s: number): number {
    if (s <= 0) return this.cap;
    const r = this.massBeyondCap;
    const target = r + s * (1 - r);
    if (target >= this.massBeyondKnee) return this.scale * Math.exp(-Math.log(target) / this.alpha);
    return this.knee * Math.exp(-Math.log(target / this.massBeyondKnee) / this.alphaFar);
  }
}
