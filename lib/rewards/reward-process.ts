/**
 * Time-dependent rewards R_1, R_2, … (one per slot) that are stationary but correlated, for the
 * correlated-rewards notebook. Unlike a RewardModel, a process is started on a stream and then
 * advanced one slot at a time.
 */
import type { Rng } from "../random/rng";

/** A running realisation of a reward process. */
export interface RewardPath {
  /** Advances one slot and returns that slot's reward R_t (t = 1, 2, …). */
  next(): number;
  /**
   * The current hidden state after the last `next()` (before the first: the initial state):
   * the log-reward for `ar1`, the regime (0 = calm, 1 = storm) for `regimeSwitching`.
   */
  readonly state: number;
}

/** A stationary reward process with analytic stationary moments. */
export interface RewardProcess {
  readonly name: string;
  readonly params: Readonly<Record<string, number | string>>;
  /** E[R_t] under the stationary distribution. */
  readonly stationaryMean: number;
  /** Var(R_t) under the stationary distribution (Infinity if infinite). */
  readonly stationaryVariance: number;
  /** Corr(R_t, R_{t+lag}) for an integer lag ≥ 0 (NaN if the variance is infinite). */
  autocorrelation(lag: number): number;
  /** E[R_t | initial state] for t = steps ≥ 1 slots after the initial state. */
  conditionalMean(steps: number, initialState: number): number;
  /**
   * A path driven by `rng`. The initial state (time 0) is drawn from the stationary distribution
   * unless given; the first `next()` returns R_1.
   */
  start(rng: Rng, initialState?: number): RewardPath;
}
