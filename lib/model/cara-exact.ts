/**
 * Exact risk measures of one reward R for any law with a distribution function, by quadrature
 * (../../docs/derivations/extensions.md#exact-cara). CARA: the certainty equivalent
 * CE = −(1/γ)·ln E[e^{−γR}] exists for every law on [0, ∞), heavy-tailed or not, because e^{−γR} ≤ 1.
 * We integrate 1 − E[e^{−γR}] = ∫₀^∞ γ e^{−γx} P(R > x) dx (by parts) in x = e^y, where the
 * integrand is smooth and decays double-exponentially, so nothing cancels when γ is small.
 * Expected shortfall: ES_q = E[R | R ≤ VaR_q] = VaR_q − (1/q)∫₀^{VaR_q} F(x) dx.
 */
import * as validate from "../validate";

/** What the quadratures need of a law (a `RewardDistribution` has it). */
export interface LawWithCdf {
  /** E[R]. */
  readonly mean: number;
  /** P(R ≤ x). */
  cdf(x: number): number;
  /** The smallest x with P(R ≤ x) ≥ p. */
  quantile(p: number): number;
}

function checkLaw(law: unknown): void {
  const l = law as Partial<LawWithCdf> | null | undefined;
  if (typeof l?.cdf !== "function" || typeof l?.quantile !== "function" || typeof l?.mean !== "number") {
    throw new RangeError(`law must be a reward distribution (mean, cdf, quantile); received ${String(law)}`);
  }
}

/** Composite Simpson's rule on [a, b] with `panels` (even) panels. */
function simpson(f: (x: number) => number, a: number, b: number, panels: number): number {
  const h = (b - a) / panels;
  let sum = f(a) + f(b);
  for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/** 1 − E[e^{−sR}] for s > 0, by quadrature in y = ln x (no cancellation for small s). */
function laplaceComplement(law: LawWithCdf, s: number): number {
  const survival = (x: number) => Math.max(0, 1 - law.cdf(x));
  // From where the integrand is below 1e-18 of its scale (x·s ≈ 1e-18) to where e^{−sx} has vanished.
  const lo = Math.log(1e-18 / s);
  const hi = Math.log(745 / s);
  return simpson(
    (y) => {
      const x = Math.exp(y);
      return s * x * Math.exp(-s * x) * survival(x);
    },
    lo,
    hi,
    1 << 14,
  );
}

/** Input of {@link caraCertaintyEquivalentOfReward}. */
export interface CaraCertaintyEquivalentOfRewardOptions {
  /** The reward's law. */
  law: LawWithCdf;
  /** Absolute risk aversion γ > 0, per ETH. */
  gamma: number;
  /**
   * Members of an equal-share pool (default 1): each holds 1/m of m independent rewards, and its
   * certainty equivalent per reward is −(m/γ)·ln E[e^{−(γ/m)R}].
   */
  members?: number;
}

/**
 * The exact CARA certainty equivalent of one reward (or of a pool member's share, per reward).
 * For a ticket at realistic d, the ticket's CE differs from the reward's by at most a fraction
 * of order n·d (the discount over the wait), e.g. 1.5e-4 at n = 10⁴ and 4 %/yr.
 *
 * @example
 * caraCertaintyEquivalentOfReward({ law: rewards.exponential(1), gamma: 0.5 }); // → 0.81093
 */
export function caraCertaintyEquivalentOfReward(options: CaraCertaintyEquivalentOfRewardOptions): number {
  validate.knownKeys("caraCertaintyEquivalentOfReward options", options ?? {}, ["law", "gamma", "members"]);
  const { law, gamma, members = 1 } = options;
  checkLaw(law);
  validate.positive("gamma", gamma);
  validate.inRange("members", members, 1, 1e12);
  const s = gamma / members;
  return -Math.log1p(-laplaceComplement(law, s)) / s;
}

/** Input of {@link poolSizeForCaraPremium}. */
export interface PoolSizeForCaraPremiumOptions {
  law: LawWithCdf;
  gamma: number;
  /** Risk premium per reward as a share of the mean, in (0, 1). */
  targetPremium: number;
  /** Largest pool searched (default 10⁹); above it the answer is Infinity. */
  maxMembers?: number;
}

/**
 * The smallest pool (members, real-valued) whose exact CARA premium 1 − CE/μ is at most the target;
 * Infinity when even `maxMembers` do not reach it (as with a tail index ≤ 1, whose premium decays
 * slower than any power that would reach it).
 *
 * @example
 * poolSizeForCaraPremium({ law: rewards.exponential(1), gamma: 1, targetPremium: 0.01 }); // → 49.3344
 */
export function poolSizeForCaraPremium(options: PoolSizeForCaraPremiumOptions): number {
  validate.knownKeys("poolSizeForCaraPremium options", options ?? {}, ["law", "gamma", "targetPremium", "maxMembers"]);
  const { law, gamma, targetPremium, maxMembers = 1e9 } = options;
  validate.inOpenRange("targetPremium", targetPremium, 0, 1);
  validate.inRange("maxMembers", maxMembers, 1, 1e12);
  const premium = (m: number) => 1 - caraCertaintyEquivalentOfReward({ law, gamma, members: m }) / law.mean;
  if (premium(1) <= targetPremium) return 1;
  if (premium(maxMembers) > targetPremium) return Infinity;
  let lo = 0;
  let hi = Math.log(maxMembers);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (premium(Math.exp(mid)) > targetPremium) lo = mid;
    else hi = mid;
  }
  return Math.exp(hi);
}

/** Input of {@link expectedShortfall}. */
export interface ExpectedShortfallOptions {
  law: LawWithCdf;
  /** Tail probability q in (0, 1): the mean of the worst (lowest) q of outcomes. */
  level: number;
}

/**
 * Lower-tail expected shortfall ES_q = E[R | R ≤ VaR_q] (a coherent risk measure: what a buyer who
 * fears the lean outcomes expects from them), by quadrature of the distribution function.
 *
 * @example
 * expectedShortfall({ law: rewards.exponential(1), level: 0.5 }); // → 0.306853
 */
export function expectedShortfall(options: ExpectedShortfallOptions): number {
  validate.knownKeys("expectedShortfall options", options ?? {}, ["law", "level"]);
  const { law, level } = options;
  checkLaw(law);
  validate.inOpenRange("level", level, 0, 1);
  const valueAtRisk = law.quantile(level);
  if (!(valueAtRisk > 0)) return 0;
  // ∫₀^VaR F(x) dx in y = ln x: F(e^y) e^y is smooth and vanishes as y → −∞.
  const lo = Math.log(valueAtRisk) - 45;
  const integral = simpson(
    (y) => {
      const x = Math.exp(y);
      return Math.min(level, law.cdf(x)) * x;
    },
    lo,
    Math.log(valueAtRisk),
    1 << 14,
  );
  return valueAtRisk - integral / level;
}
