/**
 * A finite mixture of reward distributions: with probability wᵢ the slot's reward is drawn from
 * component i. Used for the per-slot mainnet law (MEV-Boost payment or locally built block).
 */
import type { Rng } from "../random/rng";
import { findRoot } from "../stats/find-root";
import * as validate from "../validate";
import type { RewardDistribution } from "./reward-model";
import { short } from "./format";

/** One component of a {@link MixtureReward}. */
export interface MixtureComponent {
  /** Probability of the component, > 0; the weights must sum to 1. */
  weight: number;
  /** Its law. */
  model: RewardDistribution;
  /** A label for tables (default: the model's name). */
  label?: string;
}

/**
 * Σ wᵢ·Fᵢ: moments are the weighted moments, the variance by the law of total variance.
 *
 * @example
 * const halves = [rewards.constant(0), rewards.exponential(2)].map((model) => ({ weight: 0.5, model }));
 * new MixtureReward(halves).variance; // → 3
 */
export class MixtureReward implements RewardDistribution {
  readonly name: string;
  readonly mean: number;
  readonly variance: number;
  readonly secondMoment: number;
  readonly params: Readonly<Record<string, number | string>>;
  readonly components: readonly Readonly<MixtureComponent>[];

  constructor(components: readonly MixtureComponent[]) {
    if (!Array.isArray(components) || components.length === 0) {
      throw new RangeError(`components must be a non-empty array; received ${String(components)}`);
    }
    components.forEach((c, i) => {
      validate.knownKeys(`components[${i}]`, c ?? {}, ["weight", "model", "label"]);
      validate.inRange(`components[${i}].weight`, c.weight, Number.MIN_VALUE, 1);
      if (typeof c.model?.cdf !== "function" || typeof c.model?.quantile !== "function") {
        throw new RangeError(`components[${i}].model must be a reward distribution (with cdf and quantile)`);
      }
    });
    const total = components.reduce((s, c) => s + c.weight, 0);
    if (Math.abs(total - 1) > 1e-12) throw new RangeError(`components' weights must sum to 1; they sum to ${total}`);
    this.components = Object.freeze(components.map((c) => Object.freeze({ ...c })));
    this.mean = components.reduce((s, c) => s + c.weight * c.model.mean, 0);
    this.secondMoment = components.reduce((s, c) => s + c.weight * c.model.secondMoment, 0);
    this.variance = components.reduce((s, c) => s + c.weight * (c.model.variance + (c.model.mean - this.mean) ** 2), 0);
    this.name = components.map((c) => `${short(100 * c.weight)}% ${c.label ?? c.model.name}`).join(" + ");
    const params: Record<string, number | string> = { family: "mixture" };
    components.forEach((c, i) => {
      params[`weight${i}`] = c.weight;
      params[`component${i}`] = c.model.name;
    });
    this.params = Object.freeze(params);
  }

  sample(rng: Rng): number {
    let u = rng.next();
    for (const c of this.components) {
      if (u < c.weight) return c.model.sample(rng);
      u -= c.weight;
    }
    return this.components[this.components.length - 1].model.sample(rng);
  }

  cdf(x: number): number {
    return this.components.reduce((s, c) => s + c.weight * c.model.cdf(x), 0);
  }

  /** The mixture's p-quantile lies between its components' p-quantiles: bisection there. */
  quantile(p: number): number {
    validate.inRange("p", p, 0, 1);
    const qs = this.components.map((c) => c.model.quantile(p));
    const lo = Math.min(...qs);
    const hi = Math.max(...qs);
    if (!(hi > lo)) return lo;
    if (!Number.isFinite(hi)) return hi;
    return findRoot({ name: `the ${p}-quantile`, lo, hi, f: (x) => this.cdf(x) - p, tolerance: 1e-15 * hi });
  }
}
