/**
 * A ticket bought in a storm against one bought in calm (regime-switching rewards, notebook 07).
 * With a = P(calm → storm), b = P(storm → calm), λ = 1 − a − b and Δ = μ_storm − μ_calm,
 *
 *   E[V | storm] − E[V | calm] = Δ·λ/(n(1 + d) − (n − 1)λ) = Δ·λ/(n(a + b + d) + λ),
 *
 * the reward gap times the chance-weighted memory of the regime at the (random) win slot. For
 * n ≫ 1/(a + b) it falls like Δ/(n(a + b)): the expected storm length over the expected wait.
 */
import { ticketValue } from "../model";
import { RegimeSwitchingProcess, CALM, STORM } from "../rewards/regime-switching";
import * as validate from "../validate";
import { processTicketValue } from "./process-ticket";

/** Input of {@link stormCalmTicketValues}. */
export interface StormCalmOptions {
  /** A calm/storm process from `rewardProcesses.regimeSwitching`. */
  process: RegimeSwitchingProcess;
  /** Tickets outstanding n (integer ≥ 1). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
}

/** Ticket values by regime at purchase. */
export interface StormCalmValues {
  /** E[V | calm at purchase]. */
  calm: number;
  /** E[V | storm at purchase]. */
  storm: number;
  /** E[V] for a stationary start: μ/(nd+1). */
  stationary: number;
  /** storm − calm, computed directly (no cancellation). */
  premium: number;
  /** premium / stationary. */
  relativePremium: number;
}

/**
 * E[V] for a ticket bought in calm, in a storm and at a random time, and the storm premium.
 *
 * @example
 * stormCalmTicketValues({ process: rewardProcesses.regimeSwitching({ calm: rewards.exponential(0.6), storm: rewards.exponential(3), pCalmToStorm: 0.02, pStormToCalm: 0.1 }), n: 1, d: 0.01 }).storm; // → 2.73267
 */
export function stormCalmTicketValues(options: StormCalmOptions): StormCalmValues {
  validate.knownKeys("stormCalmTicketValues options", options ?? {}, ["process", "n", "d"]);
  const { process, n, d } = options;
  if (!(process instanceof RegimeSwitchingProcess)) {
    throw new RangeError(
      `process must be a regime-switching process (rewardProcesses.regimeSwitching); received ${String((process as { name?: string } | null)?.name ?? process)}`,
    );
  }
  validate.ticketCount(n);
  validate.discountRate(d);
  const lambda = process.persistence;
  const stationary = ticketValue({ mu: process.stationaryMean, n, d });
  const switching = process.pCalmToStorm + process.pStormToCalm;
  const premium = ((process.storm.mean - process.calm.mean) * lambda) / (n * (switching + d) + lambda);
  return {
    calm: processTicketValue({ process, n, d, state: CALM }),
    storm: processTicketValue({ process, n, d, state: STORM }),
    stationary,
    premium,
    relativePremium: premium / stationary,
  };
}
