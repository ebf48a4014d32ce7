/**
 * Just-in-time against ahead-of-time sale of one slot (../../../docs/derivations/new-results.md#jit-against-ahead-of-time,
 * [derived there]).
 *
 * k builders value the slot at X_1..X_k. A just-in-time (JIT) second-price auction runs when the
 * values are known: the highest value wins and pays the second highest, so it earns E[X_(2)]. An
 * ahead-of-time (AOT) second-price sale runs m slots earlier, when each builder knows only its law:
 * builder i bids its certainty equivalent CE_γ(X_i)·(1+d)^{−m}, and the sale earns the second highest
 * of those. Two value models:
 * - **private** (i.i.d.): X_i ~ Exp(mean μ) or U[0, 2μ]. Then
 *     exponential: E[X_(1)] = μ·H_k, E[X_(2)] = μ·(H_k − 1), CE_γ = ln(1+γμ)/γ;
 *     uniform:     E[X_(1)] = 2μ·k/(k+1), E[X_(2)] = 2μ·(k−1)/(k+1), CE_γ = −ln((1 − e^{−2γμ})/(2γμ))/γ;
 *   H_k = 1 + 1/2 + … + 1/k. With every builder alike the AOT bids tie at CE_γ (one of them wins at
 *   random). JIT earns less than AOT at k = 2 for both laws (μ/2 and 2μ/3 against μ when γ = 0):
 *   the realised second-highest value falls below the mean. The order statistic reaches the mean at
 *   k = 4 (exponential) or k = 3 (uniform, a tie; above it from k = 4).
 * - **common** (X_i = c_i·R, skill × the slot's MEV, R with mean μ): the JIT winner is always the most
 *   skilled builder and pays c_(2)·R, so E = c_(2)·μ; AOT earns c_(2)·CE_{γc_(2)}(R)·(1+d)^{−m}, at most
 *   that, and equal when γ = 0 and m = 0. Without private noise the timing of the sale changes who
 *   wins nothing and what it earns only through risk and the wait.
 */
import * as validate from "../../validate";

/** The law of the slot values: exponential with mean μ, or uniform on [0, 2μ]. */
export type SlotValueLaw = "exponential" | "uniform";

const LAWS: readonly SlotValueLaw[] = ["exponential", "uniform"];

/** Input of {@link jitVersusAheadOfTime}. */
export interface JitVersusAheadOfTimeOptions {
  /** Number of builders k (integer ≥ 2). */
  builders: number;
  /** Mean value of the slot to each builder, μ > 0. */
  mu: number;
  /** The law of each builder's value (i.i.d. across builders and slots). */
  law: SlotValueLaw;
  /** Builders' absolute risk aversion γ ≥ 0 (per unit of value); default 0 (risk neutral). */
  gamma?: number;
  /** Slots between the ahead-of-time sale and the block, m (integer ≥ 0); default 0. */
  lead?: number;
  /** Per-slot discount rate d ≥ 0 applied over the lead; default 0. */
  d?: number;
}

/** Output of {@link jitVersusAheadOfTime}. */
export interface JitVersusAheadOfTimeResult {
  /** E[X_(2)]: the just-in-time second-price revenue. */
  jitRevenue: number;
  /** E[X_(1)]: what the just-in-time winner's value is on average (the value extracted). */
  jitWinnerValue: number;
  /** CE_γ(X)·(1+d)^{−m}: the ahead-of-time second-price revenue (every bid ties at it). */
  aheadOfTimeRevenue: number;
  /** jitRevenue − aheadOfTimeRevenue (positive: selling late earns more). */
  gap: number;
  /** jitRevenue / aheadOfTimeRevenue. */
  ratio: number;
}

/** H_k = Σ_{i=1}^{k} 1/i, summed from the small terms up. */
function harmonic(k: number): number {
  let sum = 0;
  for (let i = k; i >= 1; i--) sum += 1 / i;
  return sum;
}

/** ln(sinh g / g) for 0 < g ≤ 20 without cancellation: a series while g is small. */
function logSinhOverArgument(g: number): number {
  if (g < 0.01) {
    const g2 = g * g;
    // sinh(g)/g − 1 = g²/6 + g⁴/120 + g⁶/5040 + …; the next term is below 1e-22 here.
    return Math.log1p(g2 / 6 + (g2 * g2) / 120 + (g2 * g2 * g2) / 5040);
  }
  return Math.log(Math.sinh(g) / g);
}

/**
 * −ln E[e^{−γX}]/γ for the law with mean μ (μ when γμ = 0). For the uniform law on [0, 2μ],
 * E[e^{−γX}] = (1 − e^{−2g})/(2g) = e^{−g}·sinh(g)/g with g = γμ, so CE = (g − ln(sinh g/g))/γ.
 */
function certaintyEquivalentOf(law: SlotValueLaw, mu: number, gamma: number): number {
  const g = gamma * mu;
  if (g === 0) return mu;
  if (law === "exponential") return Math.log1p(g) / gamma;
  // Past g = 20, ln(sinh g/g) = g − ln(2g) + ln(1 − e^{−2g}): take the difference in closed form.
  if (g > 20) return (Math.log(2 * g) - Math.log1p(-Math.exp(-2 * g))) / gamma;
  return (g - logSinhOverArgument(g)) / gamma;
}

/** Input of {@link slotValueCertaintyEquivalent}. */
export interface SlotValueCertaintyEquivalentOptions {
  /** The law of the value. */
  law: SlotValueLaw;
  /** Its mean μ ≥ 0. */
  mu: number;
  /** Absolute risk aversion γ ≥ 0. */
  gamma: number;
}

/**
 * A CARA builder's certainty equivalent of one slot value, −ln E[e^{−γX}]/γ (μ when γ = 0):
 * ln(1+γμ)/γ for the exponential law, −ln((1 − e^{−2γμ})/(2γμ))/γ for the uniform one.
 *
 * @example
 * slotValueCertaintyEquivalent({ law: "exponential", mu: 1, gamma: 1 }); // → 0.693147
 */
export function slotValueCertaintyEquivalent(options: SlotValueCertaintyEquivalentOptions): number {
  validate.knownKeys("slotValueCertaintyEquivalent options", options ?? {}, ["law", "mu", "gamma"]);
  const { law, mu, gamma } = options;
  validate.oneOf("law", law, LAWS);
  validate.nonNegative("mu", mu);
  validate.nonNegative("gamma", gamma);
  return certaintyEquivalentOf(law, mu, gamma);
}

/** (1+d)^{−m}, through log1p. */
function leadDiscount(d: number, lead: number): number {
  return Math.exp(-lead * Math.log1p(d));
}

/** The optional risk, lead and discount options, validated, with their defaults. */
function readRiskAndLead(options: { gamma?: number; lead?: number; d?: number }) {
  const { gamma = 0, lead = 0, d = 0 } = options;
  validate.nonNegative("gamma", gamma);
  validate.integer("lead", lead, 0);
  validate.nonNegative("d", d);
  return { gamma, lead, d };
}

/**
 * JIT against AOT revenue for k builders with i.i.d. private values (see the module comment).
 *
 * @example
 * jitVersusAheadOfTime({ builders: 2, mu: 1, law: "exponential" }).jitRevenue; // → 0.5
 * jitVersusAheadOfTime({ builders: 5, mu: 1, law: "exponential" }).gap; // → 0.283333
 * jitVersusAheadOfTime({ builders: 3, mu: 1, law: "uniform" }).gap; // → 0
 */
export function jitVersusAheadOfTime(options: JitVersusAheadOfTimeOptions): JitVersusAheadOfTimeResult {
  validate.knownKeys("jitVersusAheadOfTime options", options ?? {}, ["builders", "mu", "law", "gamma", "lead", "d"]);
  const { builders: k, mu, law } = options;
  validate.integer("builders", k, 2);
  validate.positive("mu", mu);
  validate.oneOf("law", law, LAWS);
  const { gamma, lead, d } = readRiskAndLead(options);
  const h = harmonic(k);
  const jitRevenue = law === "exponential" ? mu * (h - 1) : (2 * mu * (k - 1)) / (k + 1);
  const jitWinnerValue = law === "exponential" ? mu * h : (2 * mu * k) / (k + 1);
  const aheadOfTimeRevenue = certaintyEquivalentOf(law, mu, gamma) * leadDiscount(d, lead);
  return {
    jitRevenue,
    jitWinnerValue,
    aheadOfTimeRevenue,
    gap: jitRevenue - aheadOfTimeRevenue,
    ratio: jitRevenue / aheadOfTimeRevenue,
  };
}

/** Input of {@link jitBreakEvenBuilders}. */
export type JitBreakEvenOptions = Omit<JitVersusAheadOfTimeOptions, "builders">;

/** Largest k the break-even search looks at: H_k − 1 passes any mean of an exponential CE by then. */
const MAX_BUILDERS = 1e7;

/**
 * The smallest number of builders k ≥ 2 at which the just-in-time auction earns at least as much as
 * the ahead-of-time sale (when γ = 0 and m = 0: 4 for exponential values, 3 for uniform ones, where the two tie;
 * fewer with risk aversion).
 *
 * @example
 * jitBreakEvenBuilders({ mu: 1, law: "exponential" }); // → 4
 * jitBreakEvenBuilders({ mu: 1, law: "exponential", gamma: 3 }); // → 2
 */
export function jitBreakEvenBuilders(options: JitBreakEvenOptions): number {
  validate.knownKeys("jitBreakEvenBuilders options", options ?? {}, ["mu", "law", "gamma", "lead", "d"]);
  const { mu, law } = options;
  validate.positive("mu", mu);
  validate.oneOf("law", law, LAWS);
  const { gamma, lead, d } = readRiskAndLead(options);
  const target = certaintyEquivalentOf(law, mu, gamma) * leadDiscount(d, lead);
  if (law === "uniform") {
    // 2μ(k−1)/(k+1) ≥ target ⇔ k ≥ (2μ + target)/(2μ − target); target ≤ μ < 2μ.
    return Math.max(2, Math.ceil((2 * mu + target) / (2 * mu - target) - 1e-12));
  }
  let h = 1.5;
  for (let k = 2; k <= MAX_BUILDERS; k++) {
    if (mu * (h - 1) >= target) return k;
    h += 1 / (k + 1);
  }
  throw new RangeError(`jitBreakEvenBuilders: no k ≤ ${MAX_BUILDERS} reaches the ahead-of-time revenue ${target}`);
}

/** Input of {@link commonValueSale}. */
export interface CommonValueSaleOptions {
  /** Each builder's skill c_i ≥ 0 (its value is c_i·R); at least two. */
  skills: readonly number[];
  /** Mean of the slot's MEV R, μ > 0. */
  mu: number;
  /** The law of R (exponential with mean μ or uniform on [0, 2μ]). */
  law: SlotValueLaw;
  /** Builders' absolute risk aversion γ ≥ 0; default 0. */
  gamma?: number;
  /** Slots between the ahead-of-time sale and the block, m ≥ 0; default 0. */
  lead?: number;
  /** Per-slot discount rate d ≥ 0 over the lead; default 0. */
  d?: number;
}

/** Output of {@link commonValueSale}. */
export interface CommonValueSaleResult {
  /** Index of the most skilled builder (lowest index on a tie): the winner of both sales. */
  winner: number;
  /** c_(2)·μ: the just-in-time second-price revenue. */
  jitRevenue: number;
  /** c_(2)·CE_{γc_(2)}(R)·(1+d)^{−m}: the ahead-of-time revenue. */
  aheadOfTimeRevenue: number;
}

/**
 * JIT against AOT when the builders share the slot's MEV R and differ in skill (see the module comment).
 *
 * @example
 * commonValueSale({ skills: [0.9, 0.8, 0.6], mu: 1, law: "exponential" }).jitRevenue; // → 0.8
 * commonValueSale({ skills: [0.9, 0.8, 0.6], mu: 1, law: "exponential", gamma: 1 }).aheadOfTimeRevenue; // → 0.587787
 */
export function commonValueSale(options: CommonValueSaleOptions): CommonValueSaleResult {
  validate.knownKeys("commonValueSale options", options ?? {}, ["skills", "mu", "law", "gamma", "lead", "d"]);
  const { skills, mu, law } = options;
  if (!Array.isArray(skills) || skills.length < 2) {
    throw new RangeError(`skills must be an array of at least two numbers ≥ 0; received ${JSON.stringify(skills)}`);
  }
  skills.forEach((c, i) => validate.nonNegative(`skills[${i}]`, c));
  validate.positive("mu", mu);
  validate.oneOf("law", law, LAWS);
  const { gamma, lead, d } = readRiskAndLead(options);
  let winner = 0;
  for (let i = 1; i < skills.length; i++) if (skills[i] > skills[winner]) winner = i;
  const runnerUp = Math.max(...skills.filter((_, i) => i !== winner));
  const ahead = runnerUp === 0 ? 0 : runnerUp * certaintyEquivalentOf(law, mu, gamma * runnerUp);
  return { winner, jitRevenue: runnerUp * mu, aheadOfTimeRevenue: ahead * leadDiscount(d, lead) };
}
