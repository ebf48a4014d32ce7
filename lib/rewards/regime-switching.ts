/**
 * Rewards whose distribution switches between a calm and a storm regime: a two-state Markov chain
 * S_t with P(calm → storm) = a, P(storm → calm) = b, and R_t drawn from the regime's model.
 * With λ = 1 − a − b and stationary storm probability π = a/(a + b):
 *   mean  = (1 − π)μ_calm + πμ_storm
 *   Var   = (1 − π)σ²_calm + πσ²_storm + π(1 − π)(μ_storm − μ_calm)²
 *   Cov(R_t, R_{t+k}) = π(1 − π)(μ_storm − μ_calm)²·λ^k  (k ≥ 1)
 *   E[R_t | S_0 = i] = mean + λ^t (μ_i − mean).
 */
import type { Rng } from "../random/rng";
import * as validate from "../validate";
import type { RewardModel } from "./reward-model";
import type { RewardPath, RewardProcess } from "./reward-process";
import { short } from "./format";

/** Regime labels used as the path state. */
export const CALM = 0;
export const STORM = 1;

/** Input of `rewardProcesses.regimeSwitching`. */
export interface RegimeSwitchingOptions {
  /** Reward model in the calm regime (state 0). */
  calm: RewardModel;
  /** Reward model in the storm regime (state 1). */
  storm: RewardModel;
  /** P(S_t = storm | S_{t−1} = calm), in (0, 1]. */
  pCalmToStorm: number;
  /** P(S_t = calm | S_{t−1} = storm), in (0, 1]. */
  pStormToCalm: number;
}

class RegimePath implements RewardPath {
  constructor(
    private readonly rng: Rng,
    private readonly calm: RewardModel,
    private readonly storm: RewardModel,
    private readonly pCalmToStorm: number,
    private readonly pStormToCalm: number,
    private regime: number,
  ) {}
  next(): number {
    const u = this.rng.next();
    if (this.regime === CALM) {
      if (u < this.pCalmToStorm) this.regime = STORM;
    } else if (u < this.pStormToCalm) this.regime = CALM;
    return this.regime === CALM ? this.calm.sample(this.rng) : this.storm.sample(this.rng);
  }
  get state(): number {
    return this.regime;
  }
}

function checkModel(name: string, model: unknown): RewardModel {
  const m = model as RewardModel;
  if (m == null || typeof m.sample !== "function" || typeof m.mean !== "number") {
    throw new RangeError(`${name} must be a RewardModel; received ${String(model)}`);
  }
  return m;
}

function checkProbability(name: string, p: number): number {
  validate.inRange(name, p, 0, 1);
  if (p === 0) throw new RangeError(`${name} must be a number in (0, 1]; received 0`);
  return p;
}

/**
 * The calm/storm Markov-switching reward process.
 *
 * @example
 * new RegimeSwitchingProcess({ calm: rewards.exponential(0.6), storm: rewards.exponential(3), pCalmToStorm: 0.02, pStormToCalm: 0.1 }).stationaryMean; // → 1
 */
export class RegimeSwitchingProcess implements RewardProcess {
  readonly name: string;
  readonly params: Readonly<Record<string, number | string>>;
  readonly stationaryMean: number;
  readonly stationaryVariance: number;
  /** Stationary P(storm) = a/(a + b). */
  readonly stormProbability: number;
  /** λ = 1 − a − b: the chain's second eigenvalue (how fast regime memory fades per slot). */
  readonly persistence: number;
  readonly calm: RewardModel;
  readonly storm: RewardModel;
  readonly pCalmToStorm: number;
  readonly pStormToCalm: number;

  constructor(options: RegimeSwitchingOptions) {
    validate.knownKeys("rewardProcesses.regimeSwitching options", options ?? {}, [
      "calm",
      "storm",
      "pCalmToStorm",
      "pStormToCalm",
    ]);
    const { calm, storm, pCalmToStorm, pStormToCalm } = options;
    this.calm = checkModel("calm", calm);
    this.storm = checkModel("storm", storm);
    this.pCalmToStorm = checkProbability("pCalmToStorm", pCalmToStorm);
    this.pStormToCalm = checkProbability("pStormToCalm", pStormToCalm);
    const pi = pCalmToStorm / (pCalmToStorm + pStormToCalm);
    this.stormProbability = pi;
    this.persistence = 1 - pCalmToStorm - pStormToCalm;
    this.stationaryMean = (1 - pi) * calm.mean + pi * storm.mean;
    this.stationaryVariance =
      (1 - pi) * calm.variance + pi * storm.variance + pi * (1 - pi) * (storm.mean - calm.mean) ** 2;
    this.name = `regimeSwitching(calm ${calm.name}, storm ${storm.name}, a=${short(pCalmToStorm)}, b=${short(pStormToCalm)})`;
    this.params = Object.freeze({
      family: "regimeSwitching",
      calm: calm.name,
      storm: storm.name,
      pCalmToStorm,
      pStormToCalm,
    });
  }

  autocorrelation(lag: number): number {
    validate.integer("lag", lag, 0);
    if (lag === 0) return 1;
    if (!Number.isFinite(this.stationaryVariance)) return NaN;
    const pi = this.stormProbability;
    return (
      (pi * (1 - pi) * (this.storm.mean - this.calm.mean) ** 2 * this.persistence ** lag) / this.stationaryVariance
    );
  }

  conditionalMean(steps: number, initialState: number): number {
    validate.integer("steps", steps, 1);
    validate.integer("initialState", initialState, CALM, STORM);
    const start = initialState === CALM ? this.calm.mean : this.storm.mean;
    return this.stationaryMean + this.persistence ** steps * (start - this.stationaryMean);
  }

  start(rng: Rng, initialState?: number): RewardPath {
    const initial =
      initialState === undefined
        ? rng.next() < this.stormProbability
          ? STORM
          : CALM
        : validate.integer("initialState", initialState, CALM, STORM);
    return new RegimePath(rng, this.calm, this.storm, this.pCalmToStorm, this.pStormToCalm, initial);
  }
}
