/**
 * MEV-burn against execution tickets: what each captures of a slot's MEV, and how much the
 * protocol's revenue varies (../../../docs/derivations/new-results.md#mev-burn-against-tickets, [derived there]).
 *
 * A slot's MEV R (mean μ, variance σ²) accrues during the slot; a fraction λ of it (in expectation)
 * arrives after MEV-burn's bid deadline. Builders differ in skill: the best extracts c₁R, the runner-up
 * c₂R (c₂ ≤ c₁).
 * - **MEV-burn**: attesters burn the highest bid seen at the deadline. Bids rise as MEV accrues and the
 *   best builder only has to top the runner-up, so the burn is c₂·E_t, E_t the MEV accrued by the
 *   deadline: E[burn] = c₂(1−λ)μ. Its variance per slot depends on how MEV accrues:
 *     "proportional" (E_t = (1−λ)R):                 Var = c₂²(1−λ)²σ²;
 *     "independent" (compound-Poisson arrivals, each before the deadline with probability 1−λ):
 *                                                     Var = c₂²(1−λ)σ².
 * - **Tickets**: one ticket is sold per slot, ahead of time, at the runner-up's valuation (notebook 12):
 *   a buyer with cost of capital r and CARA risk aversion γ prices the ticket at the certainty
 *   equivalent of c₂·R_T(1+r)^{−T} (exponential R: lib/model `certaintyEquivalent` at rate r). The
 *   protocol's capture of all MEV is that price·(1+nd)/μ (`protocolCapture`), and its revenue per slot
 *   is the price, which does not vary from slot to slot: the MEV's variance is borne by the buyers.
 * MEV-burn captures more iff c₂(1−λ) > ticket capture, i.e. iff λ < λ* = 1 − ticketCapture/c₂. With
 * risk-neutral buyers λ* = n(r−d)/(1+nr), the capital-cost leakage of notebook 08.
 */
import { certaintyEquivalent } from "../../model/risk-aversion";
import * as validate from "../../validate";

/** How the slot's MEV accrues up to the bid deadline. */
export type MevAccrual = "proportional" | "independent";

/** Input of {@link mevBurnVersusTickets}. */
export interface MevBurnVersusTicketsOptions {
  /** λ ∈ [0, 1]: expected fraction of the slot's MEV that arrives after the bid deadline. */
  lateFraction: number;
  /** The runner-up builder's skill c₂ ∈ (0, 1]: the share of MEV it could extract. */
  runnerUpSkill: number;
  /** Mean MEV per slot μ > 0. */
  mu: number;
  /** Variance of the MEV per slot σ² ≥ 0 (Infinity allowed: then the burn's variance is infinite). */
  sigma2: number;
  /** How MEV accrues: "proportional" (a fixed share by the deadline) or "independent" arrivals. Default "independent". */
  accrual?: MevAccrual;
  /** Tickets outstanding n (integer ≥ 1). */
  n: number;
  /** The protocol's discount rate per slot d > 0. */
  d: number;
  /** Ticket buyers' cost of capital per slot r > 0 (r = d: no leakage). */
  r: number;
  /** Ticket buyers' CARA risk aversion γ ≥ 0 per unit of MEV (exponential MEV when γ > 0); default 0. */
  gamma?: number;
  /** Slots per year, for the annual figures; default 2,628,000 (12-second slots). */
  slotsPerYear?: number;
}

/** Output of {@link mevBurnVersusTickets}. */
export interface MevBurnVersusTicketsResult {
  /** E[burn] per slot, c₂(1−λ)μ. */
  burnMean: number;
  /** Var(burn) per slot. */
  burnVariance: number;
  /** MEV-burn's capture of all MEV, c₂(1−λ). */
  burnCapture: number;
  /** The ticket's price, the protocol's (constant) revenue per slot. */
  ticketPrice: number;
  /** Tickets' capture of all MEV, price·(1+nd)/μ. */
  ticketCapture: number;
  /** λ* = 1 − ticketCapture/c₂: MEV-burn captures more for λ below it (negative: never). */
  boundaryLateFraction: number;
  /** Standard deviation of a year's burn, relative to its mean: √Var/(μ'·√slots). */
  burnRelativeSdPerYear: number;
}

const ACCRUALS: readonly MevAccrual[] = ["proportional", "independent"];

/**
 * Captures and revenue variance of MEV-burn and of tickets for one market (see the module comment).
 *
 * @example
 * mevBurnVersusTickets({ lateFraction: 0.2, runnerUpSkill: 0.9, mu: 1, sigma2: 1, n: 1000, d: 1e-4, r: 3e-4 }).boundaryLateFraction; // → 0.153846
 */
export function mevBurnVersusTickets(options: MevBurnVersusTicketsOptions): MevBurnVersusTicketsResult {
  validate.knownKeys("mevBurnVersusTickets options", options ?? {}, [
    "lateFraction",
    "runnerUpSkill",
    "mu",
    "sigma2",
    "accrual",
    "n",
    "d",
    "r",
    "gamma",
    "slotsPerYear",
  ]);
  const { lateFraction: lambda, runnerUpSkill: c2, mu, sigma2, accrual = "independent", n, d, r, gamma = 0 } = options;
  const { slotsPerYear = 2_628_000 } = options;
  validate.inRange("lateFraction", lambda, 0, 1);
  validate.inRange("runnerUpSkill", c2, Number.MIN_VALUE, 1);
  validate.positive("mu", mu);
  if (!(sigma2 === Infinity || (typeof sigma2 === "number" && sigma2 >= 0))) {
    throw new RangeError(`sigma2 must be a number ≥ 0 or Infinity; received ${String(sigma2)}`);
  }
  validate.oneOf("accrual", accrual, ACCRUALS);
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.discountRate(r, "r");
  validate.nonNegative("gamma", gamma);
  validate.positive("slotsPerYear", slotsPerYear);
  const early = 1 - lambda;
  const burnMean = c2 * early * mu;
  const burnVariance = c2 * c2 * (accrual === "proportional" ? early * early : early) * sigma2;
  // The runner-up's certainty equivalent of c₂·R_T x^T at its own rate: CE_γ(c₂V) = c₂·CE_{γc₂}(V).
  const ticketPrice = c2 * certaintyEquivalent({ mu, n, d: r, gamma: gamma * c2, rewards: "exponential" });
  const ticketCapture = (ticketPrice * (1 + n * d)) / mu;
  return {
    burnMean,
    burnVariance,
    burnCapture: c2 * early,
    ticketPrice,
    ticketCapture,
    // γ = 0: 1 − (1+nd)/(1+nr) in closed form, so that a tiny leakage keeps its digits.
    boundaryLateFraction: gamma === 0 ? (n * (r - d)) / (1 + n * r) : 1 - ticketCapture / c2,
    burnRelativeSdPerYear: burnMean > 0 ? Math.sqrt(burnVariance) / (burnMean * Math.sqrt(slotsPerYear)) : 0,
  };
}
