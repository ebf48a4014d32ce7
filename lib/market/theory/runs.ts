/**
 * Runs of consecutive slots for a holder that keeps a share P of the tickets (derivation:
 * ../../../docs/derivations/extensions.md#runs-of-consecutive-slots). Keeping the share (replacing each winning ticket) makes the holder win each slot
 * independently with probability P, so its wins are a Bernoulli(P) sequence over slots 1..S.
 *
 * A (maximal) run of length ≥ k starts at slot t iff slots t..t+k−1 are won and slot t−1 is not
 * (or t = 1): probability P^k for t = 1 and (1−P)P^k for 2 ≤ t ≤ S−k+1. Hence, exactly,
 *
 *   E[#runs of length ≥ k in S slots] = P^k + (S − k)(1 − P)P^k   (k ≤ S; 0 for k > S)
 *                                     ≈ S(1 − P)P^k.
 *
 * Example: a year of slots (2,628,000), P = 0.3, k = 5 gives about 4,470 runs.
 */
import * as validate from "../../validate";

/** Input of {@link expectedRuns}. */
export interface ExpectedRunsOptions {
  /** Maintained share P in [0, 1] (the per-slot win probability). */
  share: number;
  /** Number of slots S (integer ≥ 1). */
  slots: number;
  /** Minimum run length k (integer ≥ 1). */
  minLength: number;
}

/** Input of {@link expectedRunsOfLength}. */
export interface ExpectedRunsOfLengthOptions {
  share: number;
  slots: number;
  /** Exact run length L (integer ≥ 1). */
  length: number;
}

/**
 * Exact expected number of maximal runs of length ≥ k in S slots: P^k + (S−k)(1−P)P^k.
 *
 * @example
 * expectedRuns({ share: 0.3, slots: 2_628_000, minLength: 5 }); // → 4470.22
 */
export function expectedRuns(options: ExpectedRunsOptions): number {
  validate.knownKeys("expectedRuns options", options ?? {}, ["share", "slots", "minLength"]);
  const { share, slots, minLength } = options;
  validate.inRange("share", share, 0, 1);
  validate.integer("slots", slots, 1);
  validate.integer("minLength", minLength, 1);
  if (minLength > slots) return 0;
  const pk = share ** minLength;
  return pk + (slots - minLength) * (1 - share) * pk;
}

/**
 * Exact expected number of maximal runs of length exactly L in S slots (difference of two tails).
 *
 * @example
 * expectedRunsOfLength({ share: 0.3, slots: 2_628_000, length: 5 }); // → 3129.16
 */
export function expectedRunsOfLength(options: ExpectedRunsOfLengthOptions): number {
  validate.knownKeys("expectedRunsOfLength options", options ?? {}, ["share", "slots", "length"]);
  const { share, slots, length } = options;
  validate.inRange("share", share, 0, 1);
  validate.integer("slots", slots, 1);
  validate.integer("length", length, 1);
  if (length > slots) return 0;
  // Counted directly rather than as E[≥L] − E[≥L+1] (no cancellation).
  const pL = share ** length;
  if (length === slots) return pL;
  // L < S: a run at t = 1 (P^L(1−P)), interior runs ((S−L−1) starts, each (1−P)²P^L) and a run
  // ending at slot S ((1−P)P^L).
  const q = 1 - share;
  return pL * q * (2 + (slots - length - 1) * q);
}
