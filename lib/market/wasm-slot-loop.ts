/**
 * The agent-based market's slot loop in WebAssembly (lib/wasm/assembly/agent-market.ts): the same
 * operations in the same order as the JavaScript loop of simulate.ts with MarketState, the five
 * mechanisms and the secondary market, so a run's numbers are bit-identical (test/lib-market-engine.test.ts
 * checks both engines against fingerprints of the JavaScript engine's runs).
 *
 * Division of work: JavaScript sells the initial tickets, lays the state out in the module's memory
 * (this file), draws each stretch's rewards (any reward model) and computes valuations on a cache
 * miss; the kernel runs the slots, drawing the ticket positions and tie-breaks from the same streams
 * the JavaScript loop would. `sync` copies the state back into the MarketState and the mechanism, so
 * traces and the final metrics are computed by the same JavaScript code either way.
 */
import { RandomStream } from "../random/random-stream";
import { setValuationFiller, wasmModule, type WasmModule } from "../wasm/wasm-module";
import type { Buyer } from "./buyers";
import type { BonusValuation } from "./bonus";
import type { RewardModel } from "../rewards/reward-model";
import { wasmRewardKind } from "../wasm/reward-kind";
import { BondingCurveMechanism } from "./mechanisms/bonding-curve";
import { Eip1559Mechanism } from "./mechanisms/eip1559";
import { FirstPriceMechanism } from "./mechanisms/first-price";
import { FixedPriceMechanism } from "./mechanisms/fixed-price";
import { SecondPriceMechanism } from "./mechanisms/second-price";
import type { SaleMechanism } from "./mechanisms/types";
import type { MarketState } from "./state";
import { valuationParts } from "./valuation";

/** The kernel's mechanism codes (agent-market.ts). */
const MECHANISM_CODE = { "second-price": 0, "first-price": 1, "fixed-price": 2, eip1559: 3, "bonding-curve": 4 };
const WAYS = 64;
const CHANGE_LOG = 1024;
/** Slots per kernel call at most (the kernel's reward buffer). */
const STRETCH = 1024;
/** Above this much memory the JavaScript loop runs instead (it allocates as it needs). */
const MAX_BYTES = 2 ** 30;

/** What the slot loop needs besides the state (the resolved options of simulateAgentMarket). */
export interface WasmSlotLoopSetup {
  state: MarketState;
  mechanism: SaleMechanism;
  buyers: readonly Buyer[];
  mu: number;
  sigma2: number;
  lookahead: number;
  /** Discount tables of the sales (offset 0) and of the rewards (offset lookahead). */
  saleTable: { low: Float64Array; high: Float64Array; logFactor: number };
  rewardTable: { low: Float64Array; high: Float64Array };
  awareBeta: number;
  bonusValuation: BonusValuation;
  bonusPerSlot: number;
  maxTrades: number;
  /** The stream of the ticket draws (the kernel continues it). */
  draws: RandomStream;
}

/** The loop's running totals, as simulate.ts keeps them. */
export interface SlotLoopTotals {
  rewardsPV: number;
  extractedPV: number;
  bonusPV: number;
  hhiSum: number;
  hhiSlots: number;
  outstandingSum: number;
  outstandingMin: number;
  outstandingMax: number;
  emptySlots: number;
  continuationSlots: number;
  longestRun: number;
}

interface Region {
  /** Byte offset of each array, in the kernel's LAYOUT order. */
  offsets: number[];
  bytes: number;
}

/** Byte offsets for arrays of the given element sizes and lengths, each 8-byte aligned. */
function layOut(base: number, arrays: Array<[bytesPer: number, length: number]>): Region {
  const offsets: number[] = [];
  let at = base;
  for (const [size, length] of arrays) {
    offsets.push(at);
    at += Math.ceil((size * length) / 8) * 8;
  }
  return { offsets, bytes: at - base };
}

/** The agent-based market's slot loop in the WebAssembly module (one object per run). */
export class WasmSlotLoop {
  private constructor(
    private readonly wasm: WasmModule,
    private readonly setup: WasmSlotLoopSetup,
    private readonly offsets: number[],
  ) {}

  /**
   * The kernel for this run, with the state copied in, or null when the JavaScript loop must run:
   * ET_ENGINE=js, the module not built, a mechanism object the kernel does not know, or a state too
   * large for the module's memory.
   */
  static create(setup: WasmSlotLoopSetup): WasmSlotLoop | null {
    const wasm = wasmModule();
    const { mechanism, state } = setup;
    const curve = mechanism instanceof BondingCurveMechanism;
    const known =
      mechanism.constructor === SecondPriceMechanism ||
      mechanism.constructor === FirstPriceMechanism ||
      mechanism.constructor === FixedPriceMechanism ||
      mechanism.constructor === Eip1559Mechanism ||
      mechanism.constructor === BondingCurveMechanism;
    if (wasm === null || !known || !((state.allocation as unknown) instanceof RandomStream)) return null;
    const count = state.buyerCount;
    let leaves = 1;
    while (leaves < count) leaves *= 2;
    const moving = !state.staticBids;
    const trading = setup.maxTrades > 0;
    const arrays: Array<[number, number]> = [
      [4, state.capacity], // 0 owner
      [4, count], // 1 held
      [8, count], // 2 wins
      [8, count], // 3 cash
      [8, count], // 4 rewardsPV
      [8, count], // 5 paymentsPV
      [8, count], // 6 alpha
      [8, WAYS * count * 2], // 7 valuation data
      [8, WAYS], // 8 valuation tags
      [8, WAYS], // 9 memo tags
      [4, WAYS], // 10 memo best
      [8, WAYS], // 11 memo top
      [8, WAYS], // 12 memo second
      [4, WAYS], // 13 memo participants
      [4, WAYS], // 14 memo ties
      [4, moving ? 0 : WAYS * count], // 15 memo tie lists
      [4, count], // 16 tie scratch
      [4, count], // 17 eligible
      [8, WAYS], // 18 tree tags
      [8, WAYS], // 19 tree synced
      [4, WAYS], // 20 tree participants
      [8, moving ? WAYS * leaves : 0], // 21 tree bids
      [4, moving ? WAYS * 2 * leaves : 0], // 22 tree winners
      [4, CHANGE_LOG], // 23 change log
      [4, 64], // 24 stack
      [8, 4096], // 25 sale discounts, low
      [8, 4096], // 26 sale discounts, high
      [8, 4096], // 27 reward discounts, low
      [8, 4096], // 28 reward discounts, high
      [8, curve ? state.capacity + 1 : 0], // 29 curve prices
      [4, count], // 30 eligible flags
      [4, count + 1], // 31 eligible Fenwick tree
      [8, trading ? WAYS * leaves : 0], // 32 secondary: seller keys
      [4, trading ? WAYS * 2 * leaves : 0], // 33 secondary: seller winners
      [8, trading ? WAYS * leaves : 0], // 34 secondary: bidder keys
      [4, trading ? WAYS * 2 * leaves : 0], // 35 secondary: bidder winners
      [8, WAYS], // 36 secondary: pool of each way
      [8, WAYS], // 37 secondary: log position of each way
    ];
    const probe = layOut(0, arrays);
    if (probe.bytes > MAX_BYTES) return null;
    const base = wasm.reserveHeap(probe.bytes + 16);
    if (base === null) return null;
    const { offsets } = layOut(base, arrays);
    const loop = new WasmSlotLoop(wasm, setup, offsets);
    loop.copyIn(leaves);
    return loop;
  }

  private f64(index: number, length: number): Float64Array {
    return new Float64Array(this.wasm.exports.memory.buffer, this.offsets[index], length);
  }

  private i32(index: number, length: number): Int32Array {
    return new Int32Array(this.wasm.exports.memory.buffer, this.offsets[index], length);
  }

  private global(name: "ABM_LAYOUT" | "ABM_PARAMS" | "ABM_SCALARS" | "ABM_STREAMS" | "ABM_REWARDS"): number {
    return this.wasm.exports[name].value as number;
  }

  private scalars(): Float64Array {
    return new Float64Array(this.wasm.exports.memory.buffer, this.global("ABM_SCALARS"), 32);
  }

  private copyIn(leaves: number): void {
    const { state, mechanism, buyers, saleTable, rewardTable } = this.setup;
    const count = state.buyerCount;
    const memory = this.wasm.exports.memory.buffer;
    new Uint32Array(memory, this.global("ABM_LAYOUT"), 48).set(this.offsets);
    this.i32(0, state.outstanding).set(state.owner.subarray(0, state.outstanding));
    this.i32(1, count).set(state.held);
    this.f64(2, count).set(state.wins);
    this.f64(3, count).set(state.cash);
    this.f64(4, count).set(state.rewardsPV);
    this.f64(5, count).set(state.paymentsPV);
    this.f64(6, count).set(buyers.map((b) => b.alpha));
    for (const index of [8, 9, 18, 36]) this.f64(index, WAYS).fill(-1);
    this.f64(19, WAYS).fill(0);
    this.f64(37, WAYS).fill(0);
    this.f64(25, 4096).set(saleTable.low);
    this.f64(26, 4096).set(saleTable.high);
    this.f64(27, 4096).set(rewardTable.low);
    this.f64(28, 4096).set(rewardTable.high);
    if (mechanism instanceof BondingCurveMechanism) this.f64(29, state.capacity + 1).set(mechanism.prices);

    const marginal = this.setup.bonusValuation === "marginal";
    const params = new Float64Array(memory, this.global("ABM_PARAMS"), 32);
    params.fill(0);
    params[0] = count;
    params[1] =
      mechanism instanceof Eip1559Mechanism || mechanism instanceof BondingCurveMechanism
        ? mechanism.target
        : (mechanism as SecondPriceMechanism).n;
    params[2] = state.capacity;
    params[3] = MECHANISM_CODE[mechanism.kind];
    if (mechanism instanceof SecondPriceMechanism || mechanism instanceof FirstPriceMechanism)
      params[4] = mechanism.reserve;
    if (mechanism instanceof FirstPriceMechanism) params[5] = mechanism.shading === "competitive" ? 1 : 0;
    if (mechanism instanceof FixedPriceMechanism) params[6] = mechanism.price;
    if (mechanism instanceof Eip1559Mechanism) {
      params[7] = mechanism.adjustFactor;
      params[8] = mechanism.maxPerSlot;
      params[9] = mechanism.minPrice;
      params[10] = mechanism.antiWindup ? 1 : 0;
    }
    if (mechanism instanceof BondingCurveMechanism) params[8] = mechanism.maxPerSlot;
    params[11] = this.setup.awareBeta;
    params[12] = marginal ? 1 : 0;
    params[13] = state.staticBids ? 1 : 0;
    params[14] = this.setup.lookahead;
    params[15] = this.setup.bonusPerSlot;
    params[16] = this.setup.maxTrades;
    params[17] = saleTable.logFactor;
    // MarketState's rebuild threshold and bid-factor constants, so both loops use the same ones
    params[18] = state.rebuildLag;
    params[19] = state.slopeBeta;
    params[20] = state.offsetBeta;
    params[21] = leaves;
    params[22] = state.logsChanges ? 1 : 0;
    params[23] = this.setup.awareBeta > 0 || this.setup.maxTrades > 0 ? 1 : 0;

    const scalars = this.scalars();
    scalars.fill(0);
    scalars[0] = state.outstanding;
    scalars[1] = state.sumSquares;
    scalars[2] = state.proceedsPV;
    scalars[3] = state.ticketsSold;
    scalars[4] = state.priceSum;
    scalars[5] = state.priceCount;
    scalars[6] = state.priceMin;
    scalars[7] = state.priceMax;
    scalars[8] = state.lastPrice;
    scalars[9] = state.trades;
    scalars[10] = mechanism instanceof Eip1559Mechanism ? mechanism.price : 0;

    const streams = new Int32Array(memory, this.global("ABM_STREAMS"), 8);
    this.setup.draws.saveState(streams.subarray(0, 4));
    (state.allocation as RandomStream).saveState(streams.subarray(4, 8));
    this.wasm.exports.abmBegin();
  }

  /**
   * Runs slots 1..horizon, each slot's reward drawn from `reward` with `rewardStream` (the loop's own
   * stream: by the kernels when they draw that model, else by the model), and calls `atTrace(t)` after
   * slot t whenever t is a multiple of `traceEvery` (> 0), with the state synced first.
   */
  run(
    horizon: number,
    reward: RewardModel,
    rewardStream: RandomStream,
    traceEvery: number,
    atTrace: (t: number, totals: SlotLoopTotals) => void,
  ): SlotLoopTotals {
    const { buyers, mu, sigma2, lookahead } = this.setup;
    const count = buyers.length;
    const valuations = this.f64(7, WAYS * count * 2);
    const tags = this.f64(8, WAYS);
    // ValuationCache.fill: the same closed forms, written where the kernel reads them
    setValuationFiller((way, pool) => {
      const base = way * count * 2;
      for (let b = 0; b < count; b++) {
        const parts = valuationParts(buyers[b], mu, sigma2, pool, lookahead);
        valuations[base + 2 * b] = parts.expected;
        valuations[base + 2 * b + 1] = parts.riskPremium;
      }
      tags[way] = pool;
    });
    const rewardsAt = this.global("ABM_REWARDS");
    const buffer = new Float64Array(this.wasm.exports.memory.buffer, rewardsAt, STRETCH);
    const kind = wasmRewardKind(reward);
    const { exports, state: words } = this.wasm;
    try {
      for (let first = 1; first <= horizon; ) {
        let last = Math.min(horizon, first + STRETCH - 1);
        if (traceEvery > 0) last = Math.min(last, Math.ceil(first / traceEvery) * traceEvery);
        if (kind === null) {
          for (let i = 0; i <= last - first; i++) buffer[i] = reward.sample(rewardStream);
        } else {
          rewardStream.saveState(words);
          exports.rewardsInto(rewardsAt, last - first + 1, kind, reward.mean);
          rewardStream.loadState(words);
        }
        this.wasm.exports.abmRun(first, last);
        if (traceEvery > 0 && last % traceEvery === 0) atTrace(last, this.sync());
        first = last + 1;
      }
    } finally {
      setValuationFiller(() => {
        throw new Error("the agent-based market kernel asked for valuations outside a run");
      });
    }
    return this.sync();
  }

  /**
   * Copies the kernel's state back into the MarketState and the mechanism (all that traces and the
   * final metrics read; the ticket owners stay in the kernel) and returns the loop's totals.
   */
  sync(): SlotLoopTotals {
    const { state, mechanism } = this.setup;
    const count = state.buyerCount;
    const s = this.scalars();
    state.outstanding = s[0];
    state.sumSquares = s[1];
    state.proceedsPV = s[2];
    state.ticketsSold = s[3];
    state.priceSum = s[4];
    state.priceCount = s[5];
    state.priceMin = s[6];
    state.priceMax = s[7];
    state.lastPrice = s[8];
    state.trades = s[9];
    if (mechanism instanceof Eip1559Mechanism) mechanism.price = s[10];
    state.held.set(this.i32(1, count));
    state.wins.set(this.f64(2, count));
    state.cash.set(this.f64(3, count));
    state.rewardsPV.set(this.f64(4, count));
    state.paymentsPV.set(this.f64(5, count));
    return {
      rewardsPV: s[11],
      extractedPV: s[12],
      bonusPV: s[13],
      hhiSum: s[14],
      hhiSlots: s[15],
      outstandingSum: s[16],
      outstandingMin: s[17],
      outstandingMax: s[18],
      emptySlots: s[19],
      continuationSlots: s[23],
      longestRun: s[22],
    };
  }
}
