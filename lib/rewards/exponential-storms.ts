/**
 * The stylised calm/storm process of notebook 07: exponential rewards in each regime, their means in
 * the ratio calmMean : stormMean and rescaled so that the stationary mean is exactly μ, whatever the
 * switching probabilities. Moving how often storms come then changes the rewards' memory, not their
 * level.
 */
import * as validate from "../validate";
import { RegimeSwitchingProcess } from "./regime-switching";
import { ExponentialReward } from "./simple-models";

/** Input of `rewardProcesses.exponentialStorms`. */
export interface ExponentialStormsOptions {
  /** Stationary mean reward μ > 0. */
  mu: number;
  /** Mean reward in calm, before rescaling (> 0). */
  calmMean: number;
  /** Mean reward in a storm, before rescaling (> 0). */
  stormMean: number;
  /** P(storm next slot | calm), in (0, 1]. */
  pCalmToStorm: number;
  /** P(calm next slot | storm), in (0, 1]. */
  pStormToCalm: number;
}

/**
 * Exponential calm and storm rewards whose stationary mean is μ.
 *
 * @example
 * exponentialStorms({ mu: 2, calmMean: 0.6, stormMean: 3, pCalmToStorm: 0.02, pStormToCalm: 0.1 }).storm.mean; // → 6
 */
export function exponentialStorms(options: ExponentialStormsOptions): RegimeSwitchingProcess {
  validate.knownKeys("rewardProcesses.exponentialStorms options", options ?? {}, [
    "mu",
    "calmMean",
    "stormMean",
    "pCalmToStorm",
    "pStormToCalm",
  ]);
  const { mu, calmMean, stormMean, pCalmToStorm, pStormToCalm } = options;
  validate.positive("mu", mu);
  validate.positive("calmMean", calmMean);
  validate.positive("stormMean", stormMean);
  validate.inRange("pCalmToStorm", pCalmToStorm, Number.MIN_VALUE, 1);
  validate.inRange("pStormToCalm", pStormToCalm, Number.MIN_VALUE, 1);
  const stormShare = pCalmToStorm / (pCalmToStorm + pStormToCalm);
  const scale = mu / ((1 - stormShare) * calmMean + stormShare * stormMean);
  return new RegimeSwitchingProcess({
    calm: new ExponentialReward(calmMean * scale),
    storm: new ExponentialReward(stormMean * scale),
    pCalmToStorm,
    pStormToCalm,
  });
}
