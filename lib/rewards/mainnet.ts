/**
 * The mainnet reward model (../../docs/derivations/calibration.md#fits): a lognormal body below a threshold u and a
 * Pareto tail above it, optionally broken at a knee k (index α below k, α_far beyond) and truncated at a cap.
 *
 *   density = (1 − w)·f_LN(x)/Φ(z_u)                 for 0 < x ≤ u   (lognormal(m, s) below u)
 *           = w·α u^α x^(−α−1)/(1 − (u/c)^α)          for u < x ≤ c   (Pareto tail, mass w; no knee)
 *
 * with z_u = (ln u − m)/s. By default u is the lognormal's own (1 − w)-quantile, so the body is
 * exactly the lognormal below u and the composite keeps the lognormal's median and quartiles.
 * Defaults: m = −2.975, s = 0.850 (ephema quartiles), w = 5 %, α = 1.18 (Aubury P90→P95), no knee, no
 * cap. The calibrated law the scenarios use comes from `calibrateMainnet` (a knee, α ≈ 1.2 then ≈ 2.9).
 * Moments are exact: E[X^k; body] uses the lognormal partial moments
 * E[X^k 1{X ≤ u}] = e^(km + k²s²/2)·Φ(z_u − ks).
 */
import type { Rng } from "../random/rng";
import { normal } from "../random/normal";
import { normalCdf, normalQuantile } from "../stats/normal-distribution";
import * as validate from "../validate";
import type { RewardDistribution } from "./reward-model";
import { BrokenPareto } from "./broken-pareto";
import { short } from "./format";

/** Input of `rewards.mainnet`; every field has the default of ../../docs/derivations/calibration.md#fits. */
export interface MainnetOptions {
  /** m = E[ln R] of the lognormal body (default −2.975 = ln 0.05106). */
  meanLog?: number;
  /** s = sd(ln R) of the body (default 0.850, from the ephema interquartile range). */
  sdLog?: number;
  /** w = probability mass of the Pareto tail, in (0, 1) (default 0.05). */
  tailMass?: number;
  /** Tail index α > 0 (default 1.18: infinite variance unless capped). */
  alpha?: number;
  /** Threshold u > 0 between body and tail (default: the body lognormal's (1 − w)-quantile ≈ 0.2066). */
  threshold?: number;
  /** Optional cap c > u truncating the tail (e.g. 692 ETH, the largest observed payment); omit for none. */
  cap?: number;
  /** Optional knee k > u where the tail index changes from `alpha` to `alphaFar`; omit for one index. */
  knee?: number;
  /** Tail index beyond the knee (default: `alpha`). */
  alphaFar?: number;
}

/** Where the acceptance rate of "draw a normal until it falls below z_u" is too low, invert instead. */
const MIN_REJECTION_ACCEPTANCE = 0.2;

/**
 * The lognormal-body + Pareto-tail composite.
 *
 * @example
 * new MainnetReward({ cap: 691.96 }).mean; // → 0.109645
 * new MainnetReward().variance; // → Infinity
 */
export class MainnetReward implements RewardDistribution {
  readonly name: string;
  readonly mean: number;
  readonly variance: number;
  readonly secondMoment: number;
  readonly params: Readonly<Record<string, number | string>>;
  readonly meanLog: number;
  readonly sdLog: number;
  readonly tailMass: number;
  readonly alpha: number;
  readonly threshold: number;
  readonly cap: number;
  /** Knee of the tail (Infinity without one). */
  readonly knee: number;
  /** Tail index beyond the knee (= alpha without one). */
  readonly alphaFar: number;
  /** The tail law (conditional on R > u). */
  readonly tail: BrokenPareto;
  /** z_u = (ln u − m)/s. */
  private readonly zThreshold: number;
  /** Φ(z_u): the lognormal's mass below u. */
  private readonly bodyNormalMass: number;

  constructor(options: MainnetOptions = {}) {
    validate.knownKeys("rewards.mainnet options", options ?? {}, [
      "meanLog",
      "sdLog",
      "tailMass",
      "alpha",
      "threshold",
      "cap",
      "knee",
      "alphaFar",
    ]);
    const { meanLog = -2.975, sdLog = 0.85, tailMass = 0.05, alpha = 1.18, cap = Infinity } = options ?? {};
    validate.finite("meanLog", meanLog);
    validate.positive("sdLog", sdLog);
    validate.inOpenRange("tailMass", tailMass, 0, 1);
    validate.positive("alpha", alpha);
    const threshold =
      options?.threshold === undefined
        ? Math.exp(meanLog + sdLog * normalQuantile({ p: 1 - tailMass }))
        : validate.positive("threshold", options.threshold);
    if (cap !== Infinity) {
      validate.finite("cap", cap);
      if (!(cap > threshold)) throw new RangeError(`cap must be > threshold (= ${threshold}); received ${cap}`);
    }
    this.meanLog = meanLog;
    this.sdLog = sdLog;
    this.tailMass = tailMass;
    this.alpha = alpha;
    this.threshold = threshold;
    this.cap = cap;
    const knee = options?.knee === undefined ? Infinity : validate.positive("knee", options.knee);
    if (knee !== Infinity && !(knee > threshold)) {
      throw new RangeError(`knee must be > threshold (= ${threshold}); received ${knee}`);
    }
    const alphaFar = options?.alphaFar === undefined ? alpha : validate.positive("alphaFar", options.alphaFar);
    this.knee = knee;
    this.alphaFar = alphaFar;
    this.tail = new BrokenPareto({ alpha, scale: threshold, knee, alphaFar, cap });
    this.zThreshold = (Math.log(threshold) - meanLog) / sdLog;
    this.bodyNormalMass = normalCdf({ x: this.zThreshold });
    if (!(this.bodyNormalMass > 0)) {
      throw new RangeError(`threshold must leave the lognormal body some mass below it; received ${threshold}`);
    }

    const bodyMean = this.bodyMoment(1);
    const tailMean = this.tail.rawMoment(1);
    const bodyVariance = Math.max(0, this.bodyMoment(2) - bodyMean * bodyMean);
    const tailVariance = this.tail.variance();
    const w = tailMass;
    this.mean = (1 - w) * bodyMean + w * tailMean;
    this.secondMoment = (1 - w) * this.bodyMoment(2) + w * this.tail.rawMoment(2);
    // Law of total variance: no E[R²] − E[R]² cancellation.
    this.variance = (1 - w) * bodyVariance + w * tailVariance + w * (1 - w) * (tailMean - bodyMean) ** 2;

    const capText = cap === Infinity ? "" : `, cap=${short(cap)}`;
    const kneeText = knee === Infinity ? "" : `, α=${short(alphaFar)} beyond ${short(knee)}`;
    this.name = `mainnet(lognormal(${short(meanLog)}, ${short(sdLog)}) + ${short(100 * w)}% pareto(α=${short(alpha)}) above ${short(threshold)}${kneeText}${capText})`;
    this.params = Object.freeze({
      family: "mainnet",
      meanLog,
      sdLog,
      tailMass,
      alpha,
      threshold,
      cap: cap === Infinity ? "none" : cap,
      ...(knee === Infinity ? {} : { knee, alphaFar }),
    });
  }

  /** E[R^k | R ≤ u] for the body: e^(km + k²s²/2)·Φ(z_u − ks)/Φ(z_u). */
  bodyMoment(k: number): number {
    const { meanLog: m, sdLog: s } = this;
    return (Math.exp(k * m + (k * k * s * s) / 2) * normalCdf({ x: this.zThreshold - k * s })) / this.bodyNormalMass;
  }

  sample(rng: Rng): number {
    const u = rng.next();
    const bodyMass = 1 - this.tailMass;
    if (u >= bodyMass) return this.tail.quantileFromSurvival((1 - u) / this.tailMass);
    if (this.bodyNormalMass >= MIN_REJECTION_ACCEPTANCE) {
      // Exact: a lognormal draw conditioned on ≤ u by rejection (accepts with probability Φ(z_u)).
      let z: number;
      do z = normal(rng);
      while (z > this.zThreshold);
      return Math.exp(this.meanLog + this.sdLog * z);
    }
    return this.quantile(u);
  }

  cdf(x: number): number {
    if (x <= 0) return 0;
    if (x <= this.threshold) {
      return ((1 - this.tailMass) * normalCdf({ x: (Math.log(x) - this.meanLog) / this.sdLog })) / this.bodyNormalMass;
    }
    return 1 - this.tailMass * this.tail.survival(x);
  }

  quantile(p: number): number {
    validate.inRange("p", p, 0, 1);
    const bodyMass = 1 - this.tailMass;
    if (p <= bodyMass) {
      if (p === 0) return 0;
      const z = normalQuantile({ p: (p / bodyMass) * this.bodyNormalMass });
      return Math.min(this.threshold, Math.exp(this.meanLog + this.sdLog * z));
    }
    return this.tail.quantileFromSurvival((1 - p) / this.tailMass);
  }
}
