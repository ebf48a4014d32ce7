/**
 * The agent-based ticket market with time discounting.
 *
 * Timeline (the model's convention, ../../docs/derivations/model.md): at t = 0 the mechanism sells the initial n
 * tickets. At each slot t = 1..H:
 * 1. the slot's reward R_t is drawn (always, so runs with the same seed share the reward path — common
 *    random numbers across mechanisms);
 * 2. if tickets are outstanding, one is drawn uniformly; its holder w proposes and extracts
 *    α_w·(R_t + bonus_t), paid at slot t + m (lookahead m), and the ticket is burned; with no ticket
 *    outstanding the slot has no proposer from the market (counted in emptySlots);
 * 3. the mechanism sells new tickets (at the end of slot t, so they first take part in draw t+1);
 * 4. optionally, secondary-market trades.
 * Present values are at the social rate d: sales at (1+d)^(−t), rewards at (1+d)^(−(t+m)).
 * All randomness comes from rng(seed, "market", name) for name in rewards / draws / allocation.
 */
import type { RewardModel } from "../rewards/reward-model";
import { rng } from "../random";
import { sharedDiscountTable } from "../model/discount-table";
import { checkWorkBudget, resolveHorizon } from "../sim/slot-horizon";
import { ticketValue } from "../model";
import * as validate from "../validate";
import { validateBuyers, type Buyer } from "./buyers";
import { herfindahl, largestShare, nakamotoCoefficient } from "./concentration";
import { createMechanism, normaliseMechanism, type MechanismKind, type MechanismSpec } from "./mechanisms";
import type { MarketMetrics, MarketTrace, PerBuyerResult } from "./metrics";
import type { BonusValuation } from "./bonus";
import { resolveSecondary, secondaryTrades, type SecondaryMarketSpec } from "./secondary-market";
import { MarketState } from "./state";
import { WasmSlotLoop } from "./wasm-slot-loop";

/** A linear multi-block bonus in the market (see bonus.ts). */
export interface MarketBonus {
  /** Only "linear" is simulated (bounded for every share); default "linear". */
  kind?: "linear";
  /** Extra β·μ for every slot that continues a run of the same proposer (β ≥ 0). */
  beta: number;
  /** Buyers take the bonus into account when they bid (default true). */
  aware?: boolean;
  /**
   * How aware buyers value a ticket: "average" (default; never above the value per ticket of the
   * position, 1 + β·(held+1)/N) or "marginal" (1 + 2β·held/N on every unit, which overpays; bonus.ts).
   */
  valuation?: BonusValuation;
}

/** Input of {@link simulateAgentMarket}. */
export interface AgentMarketOptions {
  /** The buyers (see homogeneousBuyers, tieredBuyers, customBuyers); at most 10,000. */
  buyers: readonly Buyer[];
  /** The primary-sale mechanism: a kind (with default parameters) or a spec object. */
  mechanism: MechanismKind | MechanismSpec;
  /** Target / initial number of outstanding tickets n (integer, 1 ≤ n ≤ 1e7). */
  n: number;
  /** Social discount rate per slot d > 0 (the protocol's present values). */
  d: number;
  /** The reward model R (lib/rewards). */
  reward: RewardModel;
  /** Master seed. */
  seed: number | string;
  /** Slots to simulate H (integer ≥ 1). Default: the smallest H with (1+d)^(−H) ≤ tolerance. */
  horizon?: number;
  /** Truncation tolerance for the default horizon, in (0, 1); default 1e-6. */
  tolerance?: number;
  /** Largest horizon (slot-steps) a call may run (default 1e11); more is refused at once. */
  workBudget?: number;
  /** Lookahead m (integer ≥ 0): the ticket drawn at slot t proposes (and is paid) at t + m. Default 0. */
  lookahead?: number;
  /** Secondary market: false (default), true (one trade per slot) or {maxTradesPerSlot}. */
  secondary?: boolean | SecondaryMarketSpec;
  /** Optional linear multi-block bonus. */
  bonus?: MarketBonus;
  /** Record a path every `every` slots (and at the end). */
  trace?: { every: number };
}

/** Output of {@link simulateAgentMarket}. */
export interface AgentMarketResult {
  metrics: MarketMetrics;
  perBuyer: PerBuyerResult;
  /** Present when `trace` was requested. */
  trace?: MarketTrace;
}

function validateReward(reward: unknown): RewardModel {
  const r = reward as RewardModel;
  if (r === null || typeof r !== "object" || typeof r.sample !== "function") {
    throw new RangeError(`reward must be a RewardModel (e.g. rewards.exponential(1)); received ${String(reward)}`);
  }
  validate.nonNegative("reward.mean", r.mean);
  if (r.variance !== Infinity) validate.nonNegative("reward.variance", r.variance);
  return r;
}

function validateBonusOption(bonus: unknown): { beta: number; aware: boolean; valuation: BonusValuation } {
  if (bonus === undefined) return { beta: 0, aware: false, valuation: "average" };
  if (bonus === null || typeof bonus !== "object") {
    throw new RangeError(`bonus must be an object {beta, aware?}; received ${String(bonus)}`);
  }
  const b = bonus as MarketBonus;
  if (b.kind !== undefined) validate.oneOf("bonus.kind", b.kind, ["linear"] as const);
  const beta = validate.nonNegative("bonus.beta", b.beta);
  if (b.aware !== undefined && typeof b.aware !== "boolean") {
    throw new RangeError(`bonus.aware must be a boolean; received ${JSON.stringify(b.aware)}`);
  }
  validate.knownKeys("bonus", b, ["kind", "beta", "aware", "valuation"]);
  const valuation = validate.oneOf("bonus.valuation", b.valuation ?? "average", ["average", "marginal"] as const);
  return { beta, aware: b.aware ?? true, valuation };
}

/**
 * Runs the agent-based Execution Tickets market (see the module comment and each mechanism's file
 * for the rules) and returns its metrics, per-buyer results and, if asked, a sampled path.
 * Deterministic given its parameters (including the seed). Cost per slot with B buyers: O(1) when
 * no bid can change (no budgets, no bonus awareness), else O(log B) per buyer whose cash or holdings
 * changed (tournament trees and a Fenwick tree kept current from a change log, state.ts), the
 * secondary market's trades included; memory O(n + B).
 *
 * @example
 * simulateAgentMarket({ buyers: homogeneousBuyers({ count: 3, r: 0.01 }), mechanism: { kind: "second-price" }, n: 10, d: 0.01, reward: rewards.exponential(1), seed: 1, tolerance: 0.01 }).metrics.capture; // → 1.07356
 */
export function simulateAgentMarket(params: AgentMarketOptions): AgentMarketResult {
  const buyers = validateBuyers(params.buyers);
  validate.integer("buyers.length", buyers.length, 1, 10_000);
  const n = validate.integer("n", params.n, 1, 1e7);
  const d = validate.discountRate(params.d);
  const reward = validateReward(params.reward);
  const seed = validate.seed(params.seed);
  const lookahead = validate.integer("lookahead", params.lookahead ?? 0, 0);
  const tolerance = validate.inOpenRange("tolerance", params.tolerance ?? 1e-6, 0, 1);
  const horizon = resolveHorizon(d, { horizon: params.horizon, tolerance });
  checkWorkBudget({ d, horizon, paths: 1, workBudget: params.workBudget });
  const maxTrades = resolveSecondary(params.secondary);
  const bonus = validateBonusOption(params.bonus);
  let traceEvery = 0;
  if (params.trace !== undefined) {
    if (params.trace === null || typeof params.trace !== "object") {
      throw new RangeError(`trace must be an object {every}; received ${String(params.trace)}`);
    }
    traceEvery = validate.integer("trace.every", params.trace.every, 1);
  }
  const mu = reward.mean;
  const fairPrice = ticketValue({ mu, n, d });
  const mechanism = createMechanism(normaliseMechanism(params.mechanism), { n, fairPrice });

  const state = new MarketState({
    buyers,
    mu,
    sigma2: reward.variance,
    lookahead,
    capacity: mechanism.capacity,
    awareBeta: bonus.aware ? bonus.beta : 0,
    bonusValuation: bonus.valuation,
    secondary: maxTrades > 0,
    allocation: rng(seed, "market", "allocation"),
  });
  const rewardStream = rng(seed, "market", "rewards");
  const draws = rng(seed, "market", "draws");
  const saleDiscount = sharedDiscountTable({ d });
  const rewardDiscount = sharedDiscountTable({ d, offset: lookahead });
  const alpha = Float64Array.from(buyers, (b) => b.alpha);
  const bonusPerSlot = bonus.beta * mu;

  const trace: MarketTrace | undefined = traceEvery
    ? { slot: [], price: [], outstanding: [], hhi: [], largestShare: [], capture: [] }
    : undefined;

  state.slot = 0;
  state.discount = 1;
  mechanism.initialSale(state);

  let rewardsPV = 0;
  let extractedPV = 0;
  let bonusPV = 0;
  let hhiSum = 0;
  let hhiSlots = 0;
  let outstandingSum = 0;
  let outstandingMin = Infinity;
  let outstandingMax = -Infinity;
  let emptySlots = 0;
  let previous = -1;
  let run = 0;
  let longestRun = 0;
  let continuationSlots = 0;

  const record = (t: number) => {
    if (!trace) return;
    trace.slot.push(t);
    trace.price.push(mechanism.quotedPrice(state));
    trace.outstanding.push(state.outstanding);
    trace.hhi.push(state.hhi());
    trace.largestShare.push(state.largestShare());
    trace.capture.push(rewardsPV > 0 ? state.proceedsPV / rewardsPV : NaN);
  };
  record(0);

  // The slot loop runs in WebAssembly when the module is built (bit-identical, wasm-slot-loop.ts).
  const kernel = WasmSlotLoop.create({
    state,
    mechanism,
    buyers,
    mu,
    sigma2: reward.variance,
    lookahead,
    saleTable: saleDiscount,
    rewardTable: rewardDiscount,
    awareBeta: bonus.aware ? bonus.beta : 0,
    bonusValuation: bonus.valuation,
    bonusPerSlot,
    maxTrades,
    draws,
  });
  if (kernel !== null) {
    const totals = kernel.run(horizon, reward, rewardStream, traceEvery, (t, now) => {
      rewardsPV = now.rewardsPV;
      record(t);
    });
    rewardsPV = totals.rewardsPV;
    extractedPV = totals.extractedPV;
    bonusPV = totals.bonusPV;
    hhiSum = totals.hhiSum;
    hhiSlots = totals.hhiSlots;
    outstandingSum = totals.outstandingSum;
    outstandingMin = totals.outstandingMin;
    outstandingMax = totals.outstandingMax;
    emptySlots = totals.emptySlots;
    continuationSlots = totals.continuationSlots;
    longestRun = totals.longestRun;
  } else {
    for (let t = 1; t <= horizon; t++) {
      state.slot = t;
      const discount = saleDiscount.factor(t);
      state.discount = discount;
      const r = reward.sample(rewardStream);
      const rewardFactor = lookahead === 0 ? discount : rewardDiscount.factor(t);
      rewardsPV += r * rewardFactor;
      const outstanding = state.outstanding;
      if (outstanding > 0) {
        const w = state.burnAt(Math.floor(draws.next() * outstanding));
        let value = r;
        if (w === previous) {
          run++;
          continuationSlots++;
          value += bonusPerSlot;
          bonusPV += bonusPerSlot * rewardFactor;
        } else {
          run = 1;
          previous = w;
        }
        if (run > longestRun) longestRun = run;
        const extracted = alpha[w] * value;
        state.wins[w]++;
        state.receive(w, extracted);
        state.rewardsPV[w] += extracted * rewardFactor;
        extractedPV += extracted * rewardFactor;
      } else {
        emptySlots++;
        previous = -1;
        run = 0;
      }
      mechanism.slotSale(state);
      if (maxTrades > 0) secondaryTrades(state, mechanism.holderPool(state), maxTrades);
      const after = state.outstanding;
      outstandingSum += after;
      if (after < outstandingMin) outstandingMin = after;
      if (after > outstandingMax) outstandingMax = after;
      if (after > 0) {
        hhiSum += (10_000 * state.sumSquares) / (after * after);
        hhiSlots++;
      }
      if (traceEvery && t % traceEvery === 0) record(t);
    }
  }
  if (trace && trace.slot[trace.slot.length - 1] !== horizon) record(horizon);

  const perBuyer = perBuyerResult(state);
  const winsTotal = horizon - emptySlots;
  let topWinner = 0;
  for (let b = 1; b < buyers.length; b++) if (state.wins[b] > state.wins[topWinner]) topWinner = b;
  const holders = perBuyer.held.filter((k) => k > 0).length;
  const metrics: MarketMetrics = {
    capture: state.proceedsPV / rewardsPV,
    captureOfExtracted: state.proceedsPV / extractedPV,
    proceedsPV: state.proceedsPV,
    rewardsPV,
    extractedPV,
    bonusPV,
    hhi: state.hhi(),
    hhiMean: hhiSlots > 0 ? hhiSum / hhiSlots : NaN,
    hhiWins: winsTotal > 0 ? herfindahl({ holdings: state.wins }) : NaN,
    largestShare: state.largestShare(),
    largestWinShare: winsTotal > 0 ? largestShare({ holdings: state.wins }) : NaN,
    nakamoto: state.outstanding > 0 ? nakamotoCoefficient({ holdings: state.held }) : NaN,
    nakamotoWins: winsTotal > 0 ? nakamotoCoefficient({ holdings: state.wins }) : NaN,
    holders,
    topWinner,
    topWinnerAlpha: buyers[topWinner].alpha,
    topWinnerProfit: perBuyer.profitPV[topWinner],
    topWinnerRewards: perBuyer.rewardsPV[topWinner],
    buyerProfitTotal: perBuyer.profitPV.reduce((a, b) => a + b, 0),
    buyerProfitMax: Math.max(...perBuyer.profitPV),
    buyerProfitMin: Math.min(...perBuyer.profitPV),
    ticketsSold: state.ticketsSold,
    initialSold: state.initialSold,
    priceMean: state.priceCount > 0 ? state.priceSum / state.priceCount : NaN,
    priceMin: state.priceCount > 0 ? state.priceMin : NaN,
    priceMax: state.priceCount > 0 ? state.priceMax : NaN,
    priceFinal: mechanism.quotedPrice(state),
    fairPrice,
    outstandingMean: outstandingSum / horizon,
    outstandingMin,
    outstandingMax,
    outstandingFinal: state.outstanding,
    emptySlots,
    trades: state.trades,
    continuationSlots,
    longestRun,
    horizonSlots: horizon,
    truncation: Math.exp(-horizon * Math.log1p(d)),
  };
  return trace ? { metrics, perBuyer, trace } : { metrics, perBuyer };
}

function perBuyerResult(state: MarketState): PerBuyerResult {
  const rewardsPV = Array.from(state.rewardsPV);
  const paymentsPV = Array.from(state.paymentsPV);
  return {
    held: Array.from(state.held),
    wins: Array.from(state.wins),
    rewardsPV,
    paymentsPV,
    profitPV: rewardsPV.map((r, i) => r - paymentsPV[i]),
    cash: Array.from(state.cash),
  };
}
