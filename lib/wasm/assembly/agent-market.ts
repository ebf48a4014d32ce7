/**
 * The agent-based market's slot loop (simulateAgentMarket of lib/market/simulate.ts, with MarketState
 * of lib/market/state.ts, the five sale mechanisms and the secondary market), operation for
 * operation, so a run gives the JavaScript engine's numbers bit for bit. JavaScript lays out the
 * arrays (lib/wasm/agent-market.ts writes their addresses to ABM_LAYOUT and the run's constants to
 * ABM_PARAMS), sells the initial tickets, copies the state in, and calls `abmRun` per stretch of at
 * most 1,024 slots with that stretch's rewards in ABM_REWARDS; the state between calls lives in
 * ABM_SCALARS and the arrays. Valuations are computed by JavaScript on a cache miss (`fillValuations`).
 */
import { uniform52 } from "./sfc32";
import { jsExp } from "./host";

// @ts-ignore: decorator
@external("env", "fillValuations")
declare function fillValuations(way: i32, pool: f64): void;

/** Addresses of the arrays (byte offsets), in the order of lib/wasm/agent-market.ts's LAYOUT. */
export const ABM_LAYOUT: usize = memory.data(48 * 4, 8);
/** The run's constants, in the order of PARAMS there. */
export const ABM_PARAMS: usize = memory.data(32 * 8, 8);
/** The state carried between calls, in the order of SCALARS there. */
export const ABM_SCALARS: usize = memory.data(32 * 8, 8);
/** The draw and allocation streams' sfc32 words (8 × u32). */
export const ABM_STREAMS: usize = memory.data(8 * 4, 8);
/** The rewards of the slots of the next call. */
export const ABM_REWARDS: usize = memory.data(1024 * 8, 8);
/** The allocation stream's draws, a block ahead (nextAllocation). */
const ALLOCATION_BLOCK: i32 = 256;
const ALLOCATIONS: usize = memory.data(ALLOCATION_BLOCK * 8, 8);
let allocationNext: i32 = ALLOCATION_BLOCK;

const WAYS: i32 = 64;
const CHANGE_LOG: i32 = 1024;
const TABLE_LIMIT: i32 = 16777216;

const SECOND_PRICE: i32 = 0;
const FIRST_PRICE: i32 = 1;
const FIXED_PRICE: i32 = 2;
const EIP1559: i32 = 3;
const BONDING_CURVE: i32 = 4;

/** Where the arrays may start: the free memory after the static data. */
export function abmHeapPointer(): usize {
  return (__heap_base + 15) & ~15;
}

/** Grows the memory so that `bytes` fit after abmHeapPointer(); false if it cannot. */
export function abmReserve(bytes: f64): bool {
  const end = <f64>abmHeapPointer() + bytes;
  if (end > 4294901760) return false;
  const pages = <i32>Math.ceil(end / 65536);
  const have = memory.size();
  return pages <= have || memory.grow(pages - have) >= 0;
}

// Arrays.
let owner: usize = 0;
let held: usize = 0;
let wins: usize = 0;
let cash: usize = 0;
let rewardsPVb: usize = 0;
let paymentsPV: usize = 0;
let alpha: usize = 0;
let valData: usize = 0;
let valTags: usize = 0;
let memoTag: usize = 0;
let memoBest: usize = 0;
let memoTop: usize = 0;
let memoSecond: usize = 0;
let memoParticipants: usize = 0;
let memoTies: usize = 0;
let memoTieList: usize = 0;
let tieScratch: usize = 0;
let eligible: usize = 0;
let treeTag: usize = 0;
let treeSynced: usize = 0;
let treeParticipants: usize = 0;
let treeBid: usize = 0;
let treeWinner: usize = 0;
let changes: usize = 0;
let stack: usize = 0;
let saleLow: usize = 0;
let saleHigh: usize = 0;
let rewardLow: usize = 0;
let rewardHigh: usize = 0;
let curvePrices: usize = 0;
let eligibleFlags: usize = 0;
let eligibleTree: usize = 0;
let sellerBid: usize = 0;
let sellerWinner: usize = 0;
let bidderBid: usize = 0;
let bidderWinner: usize = 0;
let tradeTag: usize = 0;
let tradeSynced: usize = 0;

// Constants.
let buyers: i32 = 0;
let target: i32 = 0;
let capacity: i32 = 0;
let mechanism: i32 = 0;
let reserve: f64 = 0;
let competitive: bool = false;
let fixedPrice: f64 = 0;
let adjustFactor: f64 = 0;
let maxPerSlot: i32 = 0;
let minPrice: f64 = 0;
let antiWindup: bool = false;
let awareBeta: f64 = 0;
let marginal: bool = false;
let staticBids: bool = false;
let lookahead: i32 = 0;
let bonusPerSlot: f64 = 0;
let maxTrades: i32 = 0;
let logFactor: f64 = 0;
let rebuildLag: f64 = 0;
let slopeBeta: f64 = 0;
let offsetBeta: f64 = 0;
let leaves: i32 = 0;
let logsChanges: bool = false;
let holdingsMatter: bool = false;

// State.
let outstanding: i32 = 0;
let sumSquares: f64 = 0;
let proceedsPV: f64 = 0;
let ticketsSold: f64 = 0;
let priceSum: f64 = 0;
let priceCount: f64 = 0;
let priceMin: f64 = 0;
let priceMax: f64 = 0;
let lastPrice: f64 = 0;
let trades: f64 = 0;
let rewardsPV: f64 = 0;
let extractedPV: f64 = 0;
let bonusPV: f64 = 0;
let hhiSum: f64 = 0;
let hhiSlots: f64 = 0;
let outstandingSum: f64 = 0;
let outstandingMin: f64 = 0;
let outstandingMax: f64 = 0;
let emptySlots: f64 = 0;
let previous: i32 = -1;
let run: f64 = 0;
let longestRun: f64 = 0;
let continuationSlots: f64 = 0;
let changeCount: f64 = 0;
let cursor: i32 = 0;
let eligiblePool: f64 = -1;
let eligiblePrice: f64 = NaN;
let eligibleCount: i32 = 0;
let eligibleSynced: f64 = 0;
let eligibleTop: i32 = 1;
let eipPrice: f64 = 0;
let discount: f64 = 1;

// Result of rankBids.
let best: i32 = -1;
let bestBid: f64 = -Infinity;
let secondBid: f64 = -Infinity;
let participants: i32 = 0;
let tieCount: i32 = 0;

// Streams: draws (d*, in abmRun's locals while it runs) and allocation (a*).
let d0: u32 = 0;
let d1: u32 = 0;
let d2: u32 = 0;
let d3: u32 = 0;
let a0: u32 = 0;
let a1: u32 = 0;
let a2: u32 = 0;
let a3: u32 = 0;

// @ts-ignore: decorator
@inline function layout(i: i32): usize {
  return <usize>load<u32>(ABM_LAYOUT + (<usize>i << 2));
}
// @ts-ignore: decorator
@inline function param(i: i32): f64 {
  return load<f64>(ABM_PARAMS + (<usize>i << 3));
}
// @ts-ignore: decorator
@inline function scalar(i: i32): f64 {
  return load<f64>(ABM_SCALARS + (<usize>i << 3));
}
// @ts-ignore: decorator
@inline function setScalar(i: i32, v: f64): void {
  store<f64>(ABM_SCALARS + (<usize>i << 3), v);
}
// @ts-ignore: decorator
@inline function f64At(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}
// @ts-ignore: decorator
@inline function setF64(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
}
// @ts-ignore: decorator
@inline function i32At(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}
// @ts-ignore: decorator
@inline function setI32(base: usize, i: i32, v: i32): void {
  store<i32>(base + (<usize>i << 2), v);
}

/** Reads the layout, the constants, the state and the streams (before the first call of a run). */
export function abmBegin(): void {
  owner = layout(0);
  held = layout(1);
  wins = layout(2);
  cash = layout(3);
  rewardsPVb = layout(4);
  paymentsPV = layout(5);
  alpha = layout(6);
  valData = layout(7);
  valTags = layout(8);
  memoTag = layout(9);
  memoBest = layout(10);
  memoTop = layout(11);
  memoSecond = layout(12);
  memoParticipants = layout(13);
  memoTies = layout(14);
  memoTieList = layout(15);
  tieScratch = layout(16);
  eligible = layout(17);
  treeTag = layout(18);
  treeSynced = layout(19);
  treeParticipants = layout(20);
  treeBid = layout(21);
  treeWinner = layout(22);
  changes = layout(23);
  stack = layout(24);
  saleLow = layout(25);
  saleHigh = layout(26);
  rewardLow = layout(27);
  rewardHigh = layout(28);
  curvePrices = layout(29);
  eligibleFlags = layout(30);
  eligibleTree = layout(31);
  sellerBid = layout(32);
  sellerWinner = layout(33);
  bidderBid = layout(34);
  bidderWinner = layout(35);
  tradeTag = layout(36);
  tradeSynced = layout(37);
  eligibleTop = 1;
  while (eligibleTop * 2 <= buyers) eligibleTop *= 2;

  buyers = <i32>param(0);
  target = <i32>param(1);
  capacity = <i32>param(2);
  mechanism = <i32>param(3);
  reserve = param(4);
  competitive = param(5) != 0;
  fixedPrice = param(6);
  adjustFactor = param(7);
  maxPerSlot = <i32>param(8);
  minPrice = param(9);
  antiWindup = param(10) != 0;
  awareBeta = param(11);
  marginal = param(12) != 0;
  staticBids = param(13) != 0;
  lookahead = <i32>param(14);
  bonusPerSlot = param(15);
  maxTrades = <i32>param(16);
  logFactor = param(17);
  rebuildLag = param(18);
  slopeBeta = param(19);
  offsetBeta = param(20);
  leaves = <i32>param(21);
  logsChanges = param(22) != 0;
  holdingsMatter = param(23) != 0;

  outstanding = <i32>scalar(0);
  sumSquares = scalar(1);
  proceedsPV = scalar(2);
  ticketsSold = scalar(3);
  priceSum = scalar(4);
  priceCount = scalar(5);
  priceMin = scalar(6);
  priceMax = scalar(7);
  lastPrice = scalar(8);
  trades = scalar(9);
  eipPrice = scalar(10);
  rewardsPV = 0;
  extractedPV = 0;
  bonusPV = 0;
  hhiSum = 0;
  hhiSlots = 0;
  outstandingSum = 0;
  outstandingMin = Infinity;
  outstandingMax = -Infinity;
  emptySlots = 0;
  previous = -1;
  run = 0;
  longestRun = 0;
  continuationSlots = 0;
  changeCount = 0;
  cursor = 0;
  eligiblePool = -1;
  eligiblePrice = NaN;
  eligibleCount = 0;
  eligibleSynced = 0;

  d0 = load<u32>(ABM_STREAMS);
  d1 = load<u32>(ABM_STREAMS, 4);
  d2 = load<u32>(ABM_STREAMS, 8);
  d3 = load<u32>(ABM_STREAMS, 12);
  allocationNext = ALLOCATION_BLOCK; // nothing drawn ahead yet
  a0 = load<u32>(ABM_STREAMS, 16);
  a1 = load<u32>(ABM_STREAMS, 20);
  a2 = load<u32>(ABM_STREAMS, 24);
  a3 = load<u32>(ABM_STREAMS, 28);
}

/** Writes the state to ABM_SCALARS (after every call; JavaScript reads what it needs). */
function publish(): void {
  setScalar(0, <f64>outstanding);
  setScalar(1, sumSquares);
  setScalar(2, proceedsPV);
  setScalar(3, ticketsSold);
  setScalar(4, priceSum);
  setScalar(5, priceCount);
  setScalar(6, priceMin);
  setScalar(7, priceMax);
  setScalar(8, lastPrice);
  setScalar(9, trades);
  setScalar(10, eipPrice);
  setScalar(11, rewardsPV);
  setScalar(12, extractedPV);
  setScalar(13, bonusPV);
  setScalar(14, hhiSum);
  setScalar(15, hhiSlots);
  setScalar(16, outstandingSum);
  setScalar(17, outstandingMin);
  setScalar(18, outstandingMax);
  setScalar(19, emptySlots);
  setScalar(20, <f64>previous);
  setScalar(21, run);
  setScalar(22, longestRun);
  setScalar(23, continuationSlots);
}

/**
 * RandomStream.next of the allocation stream, served from a block of 256 drawn at once (the
 * generator in locals): the same numbers in the same order, cheaper for the fixed price, which
 * draws one a sale. The stream is the run's own, so drawing ahead changes nothing.
 */
function nextAllocation(): f64 {
  if (allocationNext == ALLOCATION_BLOCK) refillAllocations();
  const u = load<f64>(ALLOCATIONS + (<usize>allocationNext << 3));
  allocationNext++;
  return u;
}

function refillAllocations(): void {
  let w0 = a0;
  let w1 = a1;
  let w2 = a2;
  let w3 = a3;
  for (let i = 0; i < ALLOCATION_BLOCK; i++) {
    const first = w0 + w1 + w3; w3 += 1; w0 = w1 ^ (w1 >>> 9); w1 = w2 + (w2 << 3); w2 = rotl<u32>(w2, 21) + first;
    const second = w0 + w1 + w3; w3 += 1; w0 = w1 ^ (w1 >>> 9); w1 = w2 + (w2 << 3); w2 = rotl<u32>(w2, 21) + second;
    store<f64>(ALLOCATIONS + (<usize>i << 3), uniform52(first, second));
  }
  a0 = w0;
  a1 = w1;
  a2 = w2;
  a3 = w3;
  allocationNext = 0;
}

/** DiscountTable.factor: x^(t + offset) from the two tables, Math.exp beyond 2^24. */
// @ts-ignore: decorator
@inline function factor(low: usize, high: usize, t: i32, offset: f64): f64 {
  if (t < TABLE_LIMIT) return f64At(high, t >>> 12) * f64At(low, t & 4095);
  return jsExp((<f64>t + offset) * logFactor);
}

/** ValuationCache.base: the index of buyer 0's (expected, premium) pair for `pool`. */
function valuationBase(pool: i32): i32 {
  const way = pool & (WAYS - 1);
  if (f64At(valTags, way) != <f64>pool) fillValuations(way, <f64>pool);
  return way * buyers * 2;
}

/** bonusBidFactor(valuation, β, held, pool). */
// @ts-ignore: decorator
@inline function bonusFactor(h: i32, pool: i32): f64 {
  return marginal ? 1 + (2 * awareBeta * <f64>h) / <f64>pool : 1 + (awareBeta * <f64>(h + 1)) / <f64>pool;
}

/** MarketState.valuation. */
function valuation(b: i32, pool: i32): f64 {
  const f = awareBeta > 0 ? bonusFactor(i32At(held, b), pool) : 1;
  const i = valuationBase(pool) + 2 * b;
  return f64At(valData, i) * f - f64At(valData, i + 1);
}

/** MarketState.holderValue. */
function holderValue(b: i32, pool: i32): f64 {
  const f = awareBeta > 0 ? bonusFactor(i32At(held, b) - 1, pool) : 1;
  const i = valuationBase(pool) + 2 * b;
  return f64At(valData, i) * f - f64At(valData, i + 1);
}

/** The ranking's bid of buyer b (scanBids' inlined formula), capped by cash. */
// @ts-ignore: decorator
@inline function rankingBid(b: i32, base: i32, lift: f64, slope: f64): f64 {
  const i = base + 2 * b;
  let bid = f64At(valData, i) * (lift + slope * <f64>i32At(held, b)) - f64At(valData, i + 1);
  const c = f64At(cash, b);
  if (c < bid) bid = c;
  return bid;
}

function noteChange(b: i32): void {
  if (!logsChanges) return;
  setI32(changes, <i32>changeCount & (CHANGE_LOG - 1), b);
  changeCount += 1;
}

/** MarketState.scanBids into tieScratch. */
function scanBids(pool: i32): void {
  const base = valuationBase(pool);
  const slope = (slopeBeta * awareBeta) / <f64>pool;
  const lift = 1 + (offsetBeta * awareBeta) / <f64>pool;
  let top = -Infinity;
  let second = -Infinity;
  let winner = -1;
  let ties = 0;
  let count = 0;
  for (let b = 0; b < buyers; b++) {
    const bid = rankingBid(b, base, lift, slope);
    if (!(bid > 0)) continue;
    count++;
    if (bid > top) {
      second = top;
      top = bid;
      winner = b;
      setI32(tieScratch, 0, b);
      ties = 1;
    } else {
      if (bid == top) setI32(tieScratch, ties++, b);
      if (bid > second) second = bid;
    }
  }
  best = winner;
  bestBid = top;
  secondBid = second;
  participants = count;
  tieCount = ties;
}

// The bid trees (BidTree of lib/market/bid-tree.ts), one per way: bids at treeBid + way·leaves,
// winners at treeWinner + way·2·leaves.

function treeRecompute(bids: usize, winner: usize, i: i32): void {
  const left = i32At(winner, 2 * i);
  const right = i32At(winner, 2 * i + 1);
  setI32(winner, i, f64At(bids, right) > f64At(bids, left) ? right : left);
}

function treeSet(way: i32, b: i32, value: f64): void {
  const bids = treeBid + ((<usize>way * <usize>leaves) << 3);
  const winner = treeWinner + ((<usize>way * <usize>leaves * 2) << 2);
  const next = value > 0 ? value : -Infinity;
  const prior = f64At(bids, b);
  if (next == prior) return;
  let count = i32At(treeParticipants, way);
  if (prior > 0) count--;
  if (next > 0) count++;
  setI32(treeParticipants, way, count);
  setF64(bids, b, next);
  for (let i = (leaves + b) >> 1; i >= 1; i >>= 1) treeRecompute(bids, winner, i);
}

function treeFill(way: i32, base: i32, lift: f64, slope: f64): void {
  const bids = treeBid + ((<usize>way * <usize>leaves) << 3);
  const winner = treeWinner + ((<usize>way * <usize>leaves * 2) << 2);
  let count = 0;
  for (let b = 0; b < buyers; b++) {
    const value = rankingBid(b, base, lift, slope);
    if (value > 0) {
      setF64(bids, b, value);
      count++;
    } else {
      setF64(bids, b, -Infinity);
    }
  }
  for (let b = buyers; b < leaves; b++) setF64(bids, b, -Infinity);
  for (let b = 0; b < leaves; b++) setI32(winner, leaves + b, b);
  setI32(treeParticipants, way, count);
  for (let i = leaves - 1; i >= 1; i--) treeRecompute(bids, winner, i);
}

/** Stores an admitted value at leaf b of the tree (bids, winner) and replays its path. */
function treePut(bids: usize, winner: usize, b: i32, next: f64): void {
  if (next == f64At(bids, b)) return;
  setF64(bids, b, next);
  for (let i = (leaves + b) >> 1; i >= 1; i >>= 1) treeRecompute(bids, winner, i);
}

/** Builds the winners of a tree whose leaf values are in place (padding included). */
function treeBuild(bids: usize, winner: usize): void {
  for (let b = 0; b < leaves; b++) setI32(winner, leaves + b, b);
  for (let i = leaves - 1; i >= 1; i--) treeRecompute(bids, winner, i);
}

/** BidTree.topExcept: the best leaf other than `excluded` (lowest index among equals), or −1. */
function treeTopExcept(bids: usize, winner: usize, excluded: i32): i32 {
  const top = i32At(winner, 1);
  if (top != excluded) return f64At(bids, top) > -Infinity ? top : -1;
  let best = -1;
  let bestBid = -Infinity;
  for (let i = leaves + excluded; i > 1; i >>= 1) {
    const other = i32At(winner, i ^ 1);
    const value = f64At(bids, other);
    if (value > bestBid || (value == bestBid && value > -Infinity && other < best)) {
      best = other;
      bestBid = value;
    }
  }
  return best;
}

/** MarketState.rankBids through the tree of `pool` (bids that move). */
function rankByTree(pool: i32): void {
  const way = pool & (WAYS - 1);
  const base = valuationBase(pool);
  const slope = (slopeBeta * awareBeta) / <f64>pool;
  const lift = 1 + (offsetBeta * awareBeta) / <f64>pool;
  const synced = f64At(treeSynced, way);
  if (f64At(treeTag, way) != <f64>pool || changeCount - synced > rebuildLag) {
    treeFill(way, base, lift, slope);
    setF64(treeTag, way, <f64>pool);
  } else {
    for (let k = synced; k < changeCount; k++) {
      const b = i32At(changes, <i32>k & (CHANGE_LOG - 1));
      treeSet(way, b, rankingBid(b, base, lift, slope));
    }
  }
  setF64(treeSynced, way, changeCount);
  const bids = treeBid + ((<usize>way * <usize>leaves) << 3);
  const winner = treeWinner + ((<usize>way * <usize>leaves * 2) << 2);
  const topBuyer = i32At(winner, 1);
  const top = f64At(bids, topBuyer);
  let second = -Infinity;
  for (let i = leaves + topBuyer; i > 1; i >>= 1) {
    const other = f64At(bids, i32At(winner, i ^ 1));
    if (other > second) second = other;
  }
  best = top > 0 ? topBuyer : -1;
  bestBid = top;
  secondBid = second;
  participants = i32At(treeParticipants, way);
  if (best < 0) {
    tieCount = 0;
  } else if (second == top) {
    // the tied buyers in increasing index order (BidTree.buyersBidding)
    let count = 0;
    let depth = 0;
    setI32(stack, depth++, 1);
    while (depth > 0) {
      const i = i32At(stack, --depth);
      if (f64At(bids, i32At(winner, i)) != top) continue;
      if (i >= leaves) {
        setI32(tieScratch, count++, i - leaves);
      } else {
        setI32(stack, depth++, 2 * i + 1);
        setI32(stack, depth++, 2 * i);
      }
    }
    tieCount = count;
  } else {
    tieCount = 1;
  }
  if (tieCount > 1) best = i32At(tieScratch, <i32>Math.floor(nextAllocation() * <f64>tieCount));
}

/** MarketState.rankBids. */
function rankBids(pool: i32): void {
  if (!staticBids) {
    rankByTree(pool);
    return;
  }
  const e = pool & (WAYS - 1);
  if (f64At(memoTag, e) != <f64>pool) {
    scanBids(pool);
    setF64(memoTag, e, <f64>pool);
    setI32(memoBest, e, best);
    setF64(memoTop, e, bestBid);
    setF64(memoSecond, e, secondBid);
    setI32(memoParticipants, e, participants);
    setI32(memoTies, e, tieCount);
    memory.copy(memoTieList + ((<usize>e * <usize>buyers) << 2), tieScratch, <usize>tieCount << 2);
  }
  const ties = i32At(memoTies, e);
  best = ties > 1
    ? i32At(memoTieList, e * buyers + <i32>Math.floor(nextAllocation() * <f64>ties))
    : i32At(memoBest, e);
  bestBid = f64At(memoTop, e);
  secondBid = f64At(memoSecond, e);
  participants = i32At(memoParticipants, e);
}

/** MarketState.pickEligible. */
function pickEligible(pool: i32, price: f64): i32 {
  if (!staticBids) return pickFromSet(pool, price);
  if (eligiblePool != <f64>pool || eligiblePrice != price) {
    const base = valuationBase(pool);
    const slope = (slopeBeta * awareBeta) / <f64>pool;
    const lift = 1 + (offsetBeta * awareBeta) / <f64>pool;
    let count = 0;
    for (let b = 0; b < buyers; b++) {
      const bid = rankingBid(b, base, lift, slope);
      if (bid >= price && bid > 0) setI32(eligible, count++, b);
    }
    eligibleCount = count;
    eligiblePool = <f64>pool;
    eligiblePrice = price;
  }
  if (eligibleCount == 0) return -1;
  if (eligibleCount == 1) return i32At(eligible, 0);
  return i32At(eligible, <i32>Math.floor(nextAllocation() * <f64>eligibleCount));
}

// The eligible buyers when bids move (EligibleSet of lib/market/eligible-set.ts): 0/1 flags and a
// Fenwick tree over them, 1-based, eligibleCount members.

function eligibleSet(b: i32, flag: i32): void {
  if (i32At(eligibleFlags, b) == flag) return;
  setI32(eligibleFlags, b, flag);
  const delta = flag == 1 ? 1 : -1;
  eligibleCount += delta;
  for (let i = b + 1; i <= buyers; i += i & -i) setI32(eligibleTree, i, i32At(eligibleTree, i) + delta);
}

function eligibleNth(k: i32): i32 {
  let position = 0;
  let rest = k;
  for (let step = eligibleTop; step > 0; step >>= 1) {
    const next = position + step;
    if (next <= buyers && i32At(eligibleTree, next) <= rest) {
      position = next;
      rest -= i32At(eligibleTree, next);
    }
  }
  return position;
}

/** MarketState.pickFromSet. */
function pickFromSet(pool: i32, price: f64): i32 {
  const base = valuationBase(pool);
  const slope = (slopeBeta * awareBeta) / <f64>pool;
  const lift = 1 + (offsetBeta * awareBeta) / <f64>pool;
  if (eligiblePool != <f64>pool || eligiblePrice != price || changeCount - eligibleSynced > rebuildLag) {
    memory.fill(eligibleTree, 0, <usize>(buyers + 1) << 2);
    let count = 0;
    for (let b = 0; b < buyers; b++) {
      const bid = rankingBid(b, base, lift, slope);
      const flag = bid >= price && bid > 0 ? 1 : 0;
      setI32(eligibleFlags, b, flag);
      count += flag;
      setI32(eligibleTree, b + 1, i32At(eligibleTree, b + 1) + flag);
      const parent = b + 1 + ((b + 1) & -(b + 1));
      if (parent <= buyers) setI32(eligibleTree, parent, i32At(eligibleTree, parent) + i32At(eligibleTree, b + 1));
    }
    eligibleCount = count;
    eligiblePool = <f64>pool;
    eligiblePrice = price;
  } else {
    for (let k = eligibleSynced; k < changeCount; k++) {
      const b = i32At(changes, <i32>k & (CHANGE_LOG - 1));
      const bid = rankingBid(b, base, lift, slope);
      eligibleSet(b, bid >= price && bid > 0 ? 1 : 0);
    }
  }
  eligibleSynced = changeCount;
  if (eligibleCount == 0) return -1;
  if (eligibleCount == 1) return eligibleNth(0);
  return eligibleNth(<i32>Math.floor(nextAllocation() * <f64>eligibleCount));
}

/** MarketState.sell (slot ≥ 1). */
function sell(b: i32, price: f64): void {
  if (outstanding >= capacity) unreachable();
  setI32(owner, outstanding++, b);
  const k = i32At(held, b);
  setI32(held, b, k + 1);
  sumSquares += <f64>(2 * k + 1);
  setF64(cash, b, f64At(cash, b) - price);
  noteChange(b);
  const pv = price * discount;
  setF64(paymentsPV, b, f64At(paymentsPV, b) + pv);
  proceedsPV += pv;
  ticketsSold += 1;
  lastPrice = price;
  priceSum += price;
  priceCount += 1;
  if (price < priceMin) priceMin = price;
  if (price > priceMax) priceMax = price;
}

/** MarketState.burnAt. */
function burnAt(i: i32): i32 {
  const w = i32At(owner, i);
  setI32(owner, i, i32At(owner, --outstanding));
  const k = i32At(held, w);
  setI32(held, w, k - 1);
  sumSquares -= <f64>(2 * k - 1);
  if (holdingsMatter) noteChange(w);
  return w;
}

/** MarketState.transfer. */
function transfer(from: i32, to: i32, price: f64): void {
  const n = outstanding;
  let i = cursor < n ? cursor : 0;
  while (i32At(owner, i) != from) i = i + 1 < n ? i + 1 : 0;
  cursor = i;
  setI32(owner, i, to);
  const kf = i32At(held, from);
  const kt = i32At(held, to);
  setI32(held, from, kf - 1);
  setI32(held, to, kt + 1);
  sumSquares += <f64>(2 * (kt - kf) + 2);
  setF64(cash, from, f64At(cash, from) + price);
  setF64(cash, to, f64At(cash, to) - price);
  noteChange(from);
  noteChange(to);
  const pv = price * discount;
  setF64(paymentsPV, from, f64At(paymentsPV, from) - pv);
  setF64(paymentsPV, to, f64At(paymentsPV, to) + pv);
  trades += 1;
}

/** The fixed-supply mechanisms' sellOne. */
function sellOne(): bool {
  if (mechanism == FIXED_PRICE) {
    const b = pickEligible(target, fixedPrice);
    if (b < 0) return false;
    sell(b, fixedPrice);
    return true;
  }
  rankBids(target);
  if (best < 0 || bestBid < reserve) return false;
  let price: f64;
  if (mechanism == SECOND_PRICE || competitive) {
    price = max<f64>(secondBid, 0);
  } else {
    const bidders = <f64>participants;
    price = (bestBid * (bidders - 1)) / bidders;
  }
  sell(best, max<f64>(price, reserve));
  return true;
}

/** The mechanism's slotSale. */
function slotSale(): void {
  if (mechanism <= FIXED_PRICE) {
    while (outstanding < target && sellOne()) {
      // one ticket sold per iteration
    }
    return;
  }
  if (mechanism == BONDING_CURVE) {
    for (let sold = 0; sold < maxPerSlot && outstanding < capacity; sold++) {
      rankBids(outstanding + 1);
      const price = f64At(curvePrices, outstanding);
      if (best < 0 || bestBid < price) break;
      sell(best, price);
    }
    return;
  }
  let sold = 0;
  while (sold < maxPerSlot && outstanding < capacity) {
    rankBids(outstanding + 1);
    if (best < 0 || bestBid < eipPrice) break;
    sell(best, eipPrice);
    sold++;
  }
  const gap = outstanding - target;
  if (antiWindup && ((gap > 0 && sold == 0) || (gap < 0 && sold == maxPerSlot))) return;
  let excess = <f64>gap / <f64>target;
  if (excess > 1) excess = 1;
  else if (excess < -1) excess = -1;
  const next = eipPrice * (1 + excess / adjustFactor);
  eipPrice = max<f64>(next, minPrice);
}

/** The mechanism's holderPool. */
function holderPool(): i32 {
  return mechanism <= FIXED_PRICE ? target : outstanding > 0 ? outstanding : 1;
}

/** The secondary market's key of a seller: minus the value of its last ticket, −∞ for non-holders. */
// @ts-ignore: decorator
@inline function askKey(b: i32, pool: i32): f64 {
  const key = i32At(held, b) > 0 ? -holderValue(b, pool) : -Infinity;
  return key == key ? key : -Infinity; // NaN is left out
}

/** The secondary market's key of a bidder: min(valuation, cash) when positive, else −∞. */
// @ts-ignore: decorator
@inline function bidderKey(b: i32, pool: i32): f64 {
  const bid = min<f64>(valuation(b, pool), f64At(cash, b));
  return bid > 0 ? bid : -Infinity;
}

/** MarketState.trade: one secondary-market trade through the seller and bidder trees of `pool`. */
function trade(pool: i32): bool {
  const way = pool & (WAYS - 1);
  const sBids = sellerBid + ((<usize>way * <usize>leaves) << 3);
  const sWinner = sellerWinner + ((<usize>way * <usize>leaves * 2) << 2);
  const bBids = bidderBid + ((<usize>way * <usize>leaves) << 3);
  const bWinner = bidderWinner + ((<usize>way * <usize>leaves * 2) << 2);
  const synced = f64At(tradeSynced, way);
  if (f64At(tradeTag, way) != <f64>pool || changeCount - synced > rebuildLag) {
    for (let b = 0; b < buyers; b++) {
      setF64(sBids, b, askKey(b, pool));
      setF64(bBids, b, bidderKey(b, pool));
    }
    for (let b = buyers; b < leaves; b++) {
      setF64(sBids, b, -Infinity);
      setF64(bBids, b, -Infinity);
    }
    treeBuild(sBids, sWinner);
    treeBuild(bBids, bWinner);
    setF64(tradeTag, way, <f64>pool);
  } else {
    for (let k = synced; k < changeCount; k++) {
      const b = i32At(changes, <i32>k & (CHANGE_LOG - 1));
      treePut(sBids, sWinner, b, askKey(b, pool));
      treePut(bBids, bWinner, b, bidderKey(b, pool));
    }
  }
  setF64(tradeSynced, way, changeCount);
  const seller = i32At(sWinner, 1);
  if (!(f64At(sBids, seller) > -Infinity)) return false;
  const buyer = treeTopExcept(bBids, bWinner, seller);
  if (buyer < 0) return false;
  const value = holderValue(seller, pool);
  const bid = f64At(bBids, buyer);
  if (!(bid > value) || !(bid > 0)) return false;
  transfer(seller, buyer, max<f64>((bid + value) / 2, 0));
  return true;
}

/** secondaryTrades of lib/market/secondary-market.ts. */
function secondaryTrades(pool: i32): void {
  for (let k = 0; k < maxTrades; k++) if (!trade(pool)) return;
}

/** Slots first..last (inclusive) with rewards ABM_REWARDS[0..]; then the state to ABM_SCALARS. */
export function abmRun(first: i32, last: i32): void {
  // the draw stream in locals (RandomStream.next, step for step: see sfc32.ts)
  let w0 = d0;
  let w1 = d1;
  let w2 = d2;
  let w3 = d3;
  for (let t = first; t <= last; t++) {
    discount = factor(saleLow, saleHigh, t, 0);
    const r = load<f64>(ABM_REWARDS + (<usize>(t - first) << 3));
    const rewardFactor = lookahead == 0 ? discount : factor(rewardLow, rewardHigh, t, <f64>lookahead);
    rewardsPV += r * rewardFactor;
    if (outstanding > 0) {
      const high = w0 + w1 + w3; w3 += 1; w0 = w1 ^ (w1 >>> 9); w1 = w2 + (w2 << 3); w2 = rotl<u32>(w2, 21) + high;
      const low = w0 + w1 + w3; w3 += 1; w0 = w1 ^ (w1 >>> 9); w1 = w2 + (w2 << 3); w2 = rotl<u32>(w2, 21) + low;
      const w = burnAt(<i32>Math.floor(uniform52(high, low) * <f64>outstanding));
      let value = r;
      if (w == previous) {
        run += 1;
        continuationSlots += 1;
        value += bonusPerSlot;
        bonusPV += bonusPerSlot * rewardFactor;
      } else {
        run = 1;
        previous = w;
      }
      if (run > longestRun) longestRun = run;
      const extracted = f64At(alpha, w) * value;
      setF64(wins, w, f64At(wins, w) + 1);
      setF64(cash, w, f64At(cash, w) + extracted);
      noteChange(w);
      setF64(rewardsPVb, w, f64At(rewardsPVb, w) + extracted * rewardFactor);
      extractedPV += extracted * rewardFactor;
    } else {
      emptySlots += 1;
      previous = -1;
      run = 0;
    }
    slotSale();
    if (maxTrades > 0) secondaryTrades(holderPool());
    const after = outstanding;
    outstandingSum += <f64>after;
    if (<f64>after < outstandingMin) outstandingMin = <f64>after;
    if (<f64>after > outstandingMax) outstandingMax = <f64>after;
    if (after > 0) {
      hhiSum += (10000 * sumSquares) / (<f64>after * <f64>after);
      hhiSlots += 1;
    }
  }
  d0 = w0;
  d1 = w1;
  d2 = w2;
  d3 = w3;
  publish();
}
