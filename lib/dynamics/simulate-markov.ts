/**
 * Monte Carlo of valuation under a Markov chain of regimes (rates and/or reward laws), stepping the
 * chain slot by slot with the timing of markov-regimes.ts: slot t is discounted at the rate of
 * S_{t−1}, then the chain moves to S_t and the reward of slot t is drawn in regime S_t.
 * Independent of the linear systems it is checked against.
 */
import { GeometricSampler, exponential, type Rng } from "../random";
import type { RewardModel } from "../rewards/reward-model";
import * as validate from "../validate";
import { checkTransition, perRegime, stationaryDistribution } from "./markov-chain";
import { runPaths, type PathSummary } from "./simulation-summary";

/** Which estimator a regime simulation uses. */
export type RegimeEstimator = "direct" | "conditional";

/** The regimes of a simulation. */
export interface SimulatedRegimes {
  /** Row-stochastic transition matrix per slot. */
  transition: number[][];
  /** Per-slot discount rate of each regime (> 0), or one rate for all. */
  rates: number[] | number;
  /** The reward law of each regime, or one law for all. */
  rewards: RewardModel[] | RewardModel;
  /** Regime at time 0; omit to draw it from the stationary distribution on every path. */
  state?: number;
  /**
   * "direct" (default) samples the reward; "conditional" uses the regime's mean reward instead
   * (Rao–Blackwell: the rewards are independent of the discounting given the regimes).
   */
  estimator?: RegimeEstimator;
  /** Simulated paths (integer ≥ 2). */
  paths: number;
  /** Master seed. */
  seed: number | string;
}

/** Input of {@link simulateMarkovTicket}. */
export interface SimulateMarkovTicketOptions extends SimulatedRegimes {
  /** Tickets outstanding n (integer ≥ 1): the ticket wins at T ~ Geometric(1/n). */
  n: number;
}

/** Input of {@link simulateMarkovNpv}. */
export interface SimulateMarkovNpvOptions extends SimulatedRegimes {
  /** Stop once the path's discount factor falls below this (default 1e-10). */
  tolerance?: number;
}

interface Chain {
  size: number;
  discount: number[];
  logGrowth: number[];
  rewards: RewardModel[];
  /** Per row: targets with the staying move first, and their cumulative probabilities. */
  targets: number[][];
  cumulative: number[][];
  stationaryCumulative: number[];
  state: number | undefined;
  conditional: boolean;
}

function prepare(params: SimulatedRegimes): Chain {
  const p = checkTransition(params.transition);
  const size = p.length;
  const rates = perRegime("rates", params.rates, size, validate.positive);
  const list = Array.isArray(params.rewards) ? params.rewards : new Array<RewardModel>(size).fill(params.rewards);
  if (
    list.length !== size ||
    list.some((m) => m == null || typeof m.sample !== "function" || !Number.isFinite(m.mean))
  ) {
    throw new RangeError(`rewards must be a RewardModel or an array of ${size} RewardModels with finite means`);
  }
  const estimator = validate.oneOf("estimator", params.estimator ?? "direct", ["direct", "conditional"] as const);
  const state = params.state === undefined ? undefined : validate.integer("state", params.state, 0, size - 1);
  const targets = p.map((row, i) => [i, ...row.map((_, j) => j).filter((j) => j !== i && row[j] > 0)]);
  const cumulative = targets.map((ts, i) => {
    let s = 0;
    return ts.map((j) => (s += p[i][j]));
  });
  const pi = state === undefined ? stationaryDistribution({ transition: p }) : [];
  let acc = 0;
  return {
    size,
    discount: rates.map((r) => Math.exp(-Math.log1p(r))),
    logGrowth: rates.map((r) => Math.log1p(r)),
    rewards: list,
    targets,
    cumulative,
    stationaryCumulative: pi.map((x) => (acc += x)),
    state,
    conditional: estimator === "conditional",
  };
}

function step(chain: Chain, state: number, stream: Rng): number {
  const u = stream.next();
  const cum = chain.cumulative[state];
  for (let m = 0; m < cum.length - 1; m++) if (u < cum[m]) return chain.targets[state][m];
  return chain.targets[state][cum.length - 1];
}

function initial(chain: Chain, stream: Rng): number {
  if (chain.state !== undefined) return chain.state;
  const u = stream.next();
  const cum = chain.stationaryCumulative;
  for (let i = 0; i < cum.length - 1; i++) if (u < cum[i]) return i;
  return cum.length - 1;
}

function reward(chain: Chain, state: number, stream: Rng): number {
  const model = chain.rewards[state];
  return chain.conditional ? model.mean : model.sample(stream);
}

/**
 * Present value of one ticket: T ~ Geometric(1/n) is drawn, the chain is stepped T slots
 * accumulating the discount, and the reward is drawn in regime S_T. Cost O(paths · n).
 *
 * @example
 * simulateMarkovTicket({ ...{ transition: birthDeathTransition({ size: 3, up: 0.01, down: 0.01 }), rates: [0.005, 0.01, 0.02], rewards: rewards.exponential(1), n: 10, paths: 200, seed: 1 } }).mean; // → 0.875814
 */
export function simulateMarkovTicket(params: SimulateMarkovTicketOptions): PathSummary {
  const n = validate.ticketCount(params.n);
  const chain = prepare(params);
  const scale = new GeometricSampler({ n }).scale;
  return runPaths(params.paths, params.seed, (stream) => {
    let s = initial(chain, stream);
    const win = 1 + Math.floor(exponential(stream) * scale);
    let logDiscount = 0;
    for (let t = 1; t <= win; t++) {
      logDiscount += chain.logGrowth[s];
      s = step(chain, s, stream);
    }
    return { value: reward(chain, s, stream) * Math.exp(-logDiscount), slots: win };
  });
}

/**
 * Present value of all rewards, Σ_t R_t D_t with D_t = Π_{u<t} (1 + d_{S_u})^{-1}, truncated once
 * D_t < tolerance (relative bias about tolerance·max μ/min d ÷ (μ/d̄)).
 *
 * @example
 * simulateMarkovNpv({ ...{ transition: birthDeathTransition({ size: 3, up: 0.01, down: 0.01 }), rates: [0.005, 0.01, 0.02], rewards: rewards.exponential(1), paths: 50, seed: 1 } }).mean; // → 91.2001
 */
export function simulateMarkovNpv(params: SimulateMarkovNpvOptions): PathSummary {
  const chain = prepare(params);
  const tolerance = validate.inOpenRange("tolerance", params.tolerance ?? 1e-10, 0, 1);
  return runPaths(params.paths, params.seed, (stream) => {
    let s = initial(chain, stream);
    let discount = 1;
    let value = 0;
    let t = 0;
    while (discount >= tolerance) {
      t++;
      discount *= chain.discount[s];
      s = step(chain, s, stream);
      value += reward(chain, s, stream) * discount;
    }
    return { value, slots: t };
  });
}
