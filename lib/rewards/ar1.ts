/**
 * Log-rewards following a stationary Gaussian AR(1):
 *   L_t = m + φ(L_{t−1} − m) + s√(1 − φ²)·ε_t,   R_t = e^(L_t),   ε_t ~ N(0, 1) i.i.d.
 * The marginal of R_t is lognormal(m, s) at every t, with m = ln μ − s²/2 so E[R_t] = μ, and
 *   Corr(R_t, R_{t+k}) = (e^(s² φ^k) − 1)/(e^(s²) − 1),
 *   E[R_t | L_0] = exp(m + φ^t (L_0 − m) + s²(1 − φ^(2t))/2).
 */
import type { Rng } from "../random/rng";
import { normal } from "../random/normal";
import * as validate from "../validate";
import type { RewardPath, RewardProcess } from "./reward-process";
import { short } from "./format";

/** Input of `rewardProcesses.ar1`. */
export interface Ar1Options {
  /** Stationary mean E[R] (finite, > 0; default 1). */
  mu?: number;
  /** Stationary sd of ln R (finite, ≥ 0). */
  sdLog: number;
  /** Lag-1 autocorrelation of ln R, in (−1, 1). */
  phi: number;
}

class Ar1Path implements RewardPath {
  private level: number;
  constructor(
    private readonly rng: Rng,
    private readonly meanLog: number,
    private readonly phi: number,
    private readonly innovationSd: number,
    initial: number,
  ) {
    this.level = initial;
  }
  next(): number {
    this.level = this.meanLog + this.phi * (this.level - this.meanLog) + this.innovationSd * normal(this.rng);
    return Math.exp(this.level);
  }
  get state(): number {
    return this.level;
  }
}

/**
 * The AR(1) log-reward process.
 *
 * @example
 * new Ar1Process({ mu: 1, sdLog: 1, phi: 0.8 }).stationaryMean; // → 1
 */
export class Ar1Process implements RewardProcess {
  readonly name: string;
  readonly params: Readonly<Record<string, number | string>>;
  readonly stationaryMean: number;
  readonly stationaryVariance: number;
  readonly mu: number;
  readonly sdLog: number;
  readonly phi: number;
  /** m = ln μ − s²/2. */
  readonly meanLog: number;

  constructor(options: Ar1Options) {
    validate.knownKeys("rewardProcesses.ar1 options", options ?? {}, ["mu", "sdLog", "phi"]);
    const { mu = 1, sdLog, phi } = options;
    validate.positive("mu", mu);
    validate.nonNegative("sdLog", sdLog);
    validate.inOpenRange("phi", phi, -1, 1);
    this.mu = mu;
    this.sdLog = sdLog;
    this.phi = phi;
    this.meanLog = Math.log(mu) - (sdLog * sdLog) / 2;
    this.stationaryMean = mu;
    this.stationaryVariance = mu * mu * Math.expm1(sdLog * sdLog);
    this.name = `ar1(μ=${short(mu)}, s=${short(sdLog)}, φ=${short(phi)})`;
    this.params = Object.freeze({ family: "ar1", mu, sdLog, phi });
  }

  autocorrelation(lag: number): number {
    validate.integer("lag", lag, 0);
    const s2 = this.sdLog * this.sdLog;
    if (s2 === 0) return lag === 0 ? 1 : 0;
    return Math.expm1(s2 * this.phi ** lag) / Math.expm1(s2);
  }

  conditionalMean(steps: number, initialState: number): number {
    validate.integer("steps", steps, 1);
    validate.finite("initialState", initialState);
    const { meanLog: m, sdLog: s, phi } = this;
    return Math.exp(m + phi ** steps * (initialState - m) + (s * s * (1 - phi ** (2 * steps))) / 2);
  }

  start(rng: Rng, initialState?: number): RewardPath {
    const initial =
      initialState === undefined
        ? this.meanLog + this.sdLog * normal(rng)
        : validate.finite("initialState", initialState);
    return new Ar1Path(rng, this.meanLog, this.phi, this.sdLog * Math.sqrt(1 - this.phi * this.phi), initial);
  }
}
