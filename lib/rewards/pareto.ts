/**
 * Pareto (type I) rewards above a scale u, optionally truncated at a cap c: the density
 * α u^α x^(−α−1) on [u, c], renormalised to mass 1. Without a cap the k-th moment is finite only
 * for α > k (α ≤ 2 ⇒ infinite variance); with a cap every moment is finite.
 */
import type { Rng } from "../random/rng";
import * as validate from "../validate";
import type { RewardDistribution } from "./reward-model";
import { short } from "./format";

/** −expm1(a·L)/a, with its limit −L at a = 0 (L = ln(u/c) ≤ 0). */
function expm1Ratio(a: number, logRatio: number): number {
  if (Math.abs(a) < 1e-12) return -logRatio;
  return -Math.expm1(a * logRatio) / a;
}

/**
 * The mathematics of a (possibly truncated) Pareto law, shared by `pareto` and `mainnet`.
 *
 * @example
 * new TruncatedPareto(1.18, 0.2066, 691.96).rawMoment(1); // → 1.04022
 */
export class TruncatedPareto {
  /** ln(u/c): −∞ without a cap. */
  private readonly logRatio: number;
  /** (u/c)^α: the mass the untruncated law puts beyond the cap (0 without a cap). */
  readonly massBeyondCap: number;

  constructor(
    readonly alpha: number,
    readonly scale: number,
    readonly cap: number,
  ) {
    this.logRatio = Math.log(scale / cap);
    this.massBeyondCap = cap === Infinity ? 0 : Math.exp(alpha * this.logRatio);
  }

  /** E[X^k] (Infinity when it diverges). */
  rawMoment(k: number): number {
    const { alpha, scale } = this;
    if (this.cap === Infinity) return alpha > k ? (alpha * scale ** k) / (alpha - k) : Infinity;
    return (alpha * scale ** k * expm1Ratio(alpha - k, this.logRatio)) / -Math.expm1(alpha * this.logRatio);
  }

  /** Var(X): the closed form α u²/((α−1)²(α−2)) without a cap. */
  variance(): number {
    const { alpha, scale } = this;
    if (this.cap === Infinity) {
      return alpha > 2 ? (alpha * scale * scale) / ((alpha - 1) ** 2 * (alpha - 2)) : Infinity;
    }
    const mean = this.rawMoment(1);
    return Math.max(0, this.rawMoment(2) - mean * mean);
  }

  /** P(X > x). */
  survival(x: number): number {
    if (x <= this.scale) return 1;
    if (x >= this.cap) return 0;
    const r = this.massBeyondCap;
    return (Math.exp(this.alpha * Math.log(this.scale / x)) - r) / (1 - r);
  }

  /** The x with P(X > x) = s, for s in [0, 1]: u·(r + s(1 − r))^(−1/α), no cancellation. */
  quantileFromSurvival(s: number): number {
    if (s <= 0) return this.cap;
    const r = this.massBeyondCap;
    return this.scale * Math.exp(-Math.log(r + s * (1 - r)) / this.alpha);
  }
}

/** Input of `rewards.pareto`. */
export interface ParetoOptions {
  /** Tail index α (finite, > 0). */
  alpha: number;
  /** Scale u = the minimum reward (finite, > 0). */
  scale: number;
  /** Optional truncation point c > scale (omit or Infinity for none). */
  cap?: number;
}

/**
 * Pareto(α, u) rewards, optionally truncated at a cap (inverse-CDF draws).
 *
 * @example
 * new ParetoReward({ alpha: 1.18, scale: 0.2066, cap: 691.96 }).mean; // → 1.04022
 */
export class ParetoReward implements RewardDistribution {
  readonly name: string;
  readonly mean: number;
  readonly variance: number;
  readonly secondMoment: number;
  readonly params: Readonly<Record<string, number | string>>;
  readonly law: TruncatedPareto;

  constructor(options: ParetoOptions) {
    validate.knownKeys("rewards.pareto options", options ?? {}, ["alpha", "scale", "cap"]);
    const { alpha, scale, cap = Infinity } = options;
    validate.positive("alpha", alpha);
    validate.positive("scale", scale);
    if (cap !== Infinity) {
      validate.finite("cap", cap);
      if (!(cap > scale)) throw new RangeError(`cap must be > scale (= ${scale}); received ${cap}`);
    }
    this.law = new TruncatedPareto(alpha, scale, cap);
    this.mean = this.law.rawMoment(1);
    this.secondMoment = this.law.rawMoment(2);
    this.variance = this.law.variance();
    const capText = cap === Infinity ? "" : `, cap=${short(cap)}`;
    this.name = `pareto(α=${short(alpha)}, u=${short(scale)}${capText})`;
    this.params = Object.freeze({ family: "pareto", alpha, scale, cap: cap === Infinity ? "none" : cap });
  }
  sample(rng: Rng): number {
    return this.law.quantileFromSurvival(rng.next());
  }
  cdf(x: number): number {
    return 1 - this.law.survival(x);
  }
  quantile(p: number): number {
    validate.inRange("p", p, 0, 1);
    return this.law.quantileFromSurvival(1 - p);
  }
}
