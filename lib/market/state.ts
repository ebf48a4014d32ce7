/**
 * The mutable state of one agent-based market run, shared by the sale mechanisms and the slot loop.
 *
 * Layout for speed (no allocation per slot):
 * - `owner[i]` is the buyer holding outstanding ticket i, for i < outstanding. A burn swaps the last
 *   ticket into the hole, a mint appends; the draw picks a uniform position. Positions carry no
 *   meaning (tickets are exchangeable), so the swap does not change any probability.
 * - `held[b]` counts buyer b's tickets; `sumSquares` = Σ held[b]² is updated in O(1) per change, so
 *   the Herfindahl–Hirschman index 10,000·sumSquares/outstanding² costs O(1) per slot.
 * - Present values (at the social rate d) are accumulated with the discount factor of the current
 *   slot, `discount` = (1+d)^(−slot), set by the slot loop.
 * - Bid rankings: when no bid can change between slots the ranking of each pool size is computed
 *   once and memoised. Otherwise (budgets, bonus awareness) each pool size has a tournament tree of
 *   bids (bid-tree.ts) that follows a log of the buyers whose cash or holdings changed: a sale costs
 *   O(changes · log buyers), about two changes a slot, instead of a pass over every buyer. Both give
 *   exactly the linear scan's winner, prices and random draws.
 */
import type { Rng } from "../random";
import type { Buyer } from "./buyers";
import { BidTree } from "./bid-tree";
import { EligibleSet } from "./eligible-set";
import { bonusBidFactor, type BonusValuation } from "./bonus";
import { ValuationCache } from "./valuation";

/** Entries of the per-pool-size memo of bid rankings (pool sizes drift by a few per slot). */
const MEMO_WAYS = 64;
/** Entries of the log of buyers whose cash or holdings changed (a power of two). */
const CHANGE_LOG = 1024;

/** Construction input of {@link MarketState}. */
export interface MarketStateSetup {
  buyers: readonly Buyer[];
  /** E[R]. */
  mu: number;
  /** Var(R) (may be Infinity). */
  sigma2: number;
  /** Lookahead m ≥ 0. */
  lookahead: number;
  /** Largest number of outstanding tickets the mechanism can create. */
  capacity: number;
  /** How bonus-aware buyers value a ticket (default "average"). */
  bonusValuation?: BonusValuation;
  /** β of a linear multi-block bonus that buyers take into account; 0 = not bonus-aware. */
  awareBeta: number;
  /** Whether secondary-market trades run (they rank holders and bidders from the change log too). */
  secondary?: boolean;
  /** Stream for tie-breaking and rationing. */
  allocation: Rng;
}

/** One market run's state (see the module comment). Used by mechanisms; not needed by callers. */
export class MarketState {
  readonly buyerCount: number;
  readonly capacity: number;
  readonly owner: Int32Array;
  outstanding = 0;
  readonly held: Int32Array;
  readonly wins: Float64Array;
  readonly cash: Float64Array;
  /** PV (rate d) of what each buyer extracted: α·(R + bonus) of the slots it proposed. */
  readonly rewardsPV: Float64Array;
  /** PV (rate d) of each buyer's payments, net of resale income. */
  readonly paymentsPV: Float64Array;
  sumSquares = 0;
  /** Current slot (0 = the initial sale). */
  slot = 0;
  /** (1+d)^(−slot). */
  discount = 1;
  /** PV (rate d) of the protocol's sale proceeds. */
  proceedsPV = 0;
  ticketsSold = 0;
  initialSold = 0;
  /** Statistics of primary-sale prices in slots ≥ 1. */
  priceSum = 0;
  priceCount = 0;
  priceMin = Infinity;
  priceMax = -Infinity;
  lastPrice = NaN;
  trades = 0;
  /** Result of {@link rankBids}: the winner (−1 if none), the top and second bids, participants. */
  best = -1;
  bestBid = -Infinity;
  secondBid = -Infinity;
  participants = 0;
  private tieCount = 0;

  readonly allocation: Rng;
  /** True when no bid can change between slots (no bonus awareness, every budget infinite). */
  readonly staticBids: boolean;
  /** Whether cash and holdings changes are logged: bids move, or the secondary market ranks holders. */
  readonly logsChanges: boolean;
  /** Whether holdings changes matter (bonus-aware bids, or the secondary market's holders). */
  private readonly holdingsMatter: boolean;
  private readonly tieScratch: Int32Array;
  private readonly memoTag: Float64Array;
  private readonly memoBest: Int32Array;
  private readonly memoTop: Float64Array;
  private readonly memoSecond: Float64Array;
  private readonly memoParticipants: Int32Array;
  private readonly memoTies: Int32Array;
  private readonly memoTieList: Int32Array;
  private readonly eligible: Int32Array;
  /** Per pool-size way: its bid tree (made on first use), the pool it ranks, the log position it has seen. */
  private readonly trees: Array<BidTree | undefined>;
  private readonly treeTag: Float64Array;
  private readonly treeSynced: Float64Array;
  /** Buyers whose cash or holdings changed, at changeCount mod CHANGE_LOG (only when bids can change). */
  private readonly changes: Int32Array;
  private changeCount = 0;
  /** A tree that missed more changes than this is rebuilt in one pass instead of replaying them. */
  readonly rebuildLag: number;
  /** Scratch for rebuilding a tree: one bid or key a buyer. */
  private readonly bidScratch: Float64Array;
  /**
   * Secondary market, per pool-size way: holders ranked by minus the value of their last ticket
   * (`sellers`, the lowest value first) and everyone by their bid min(valuation, cash) (`bidders`),
   * with the pool each ranks and the log position they have seen.
   */
  private readonly sellers: Array<BidTree | undefined>;
  private readonly bidders: Array<BidTree | undefined>;
  private readonly tradeTag: Float64Array;
  private readonly tradeSynced: Float64Array;
  /** The eligible buyers at (eligiblePool, eligiblePrice) when bids move, and the log position it has seen. */
  private eligibleSet: EligibleSet | undefined;
  private eligibleSynced = 0;
  /** Scratch for filling the eligible set: 1 for a buyer whose bid reaches the price. */
  private readonly eligibleScratch: Uint8Array;
  private eligibleCount = 0;
  private eligiblePool = -1;
  private eligiblePrice = NaN;
  private readonly values: ValuationCache;
  private readonly awareBeta: number;
  /** Bid factor 1 + offset + slope·held with slope = slopeBeta·β/pool, offset = offsetBeta·β/pool (bonus.ts). */
  readonly slopeBeta: number;
  readonly offsetBeta: number;
  private readonly bonusValuation: BonusValuation;
  private cursor = 0;

  constructor(setup: MarketStateSetup) {
    const count = setup.buyers.length;
    this.buyerCount = count;
    this.capacity = setup.capacity;
    this.owner = new Int32Array(setup.capacity);
    this.held = new Int32Array(count);
    this.wins = new Float64Array(count);
    this.cash = new Float64Array(count);
    setup.buyers.forEach((b, i) => (this.cash[i] = b.budget));
    this.rewardsPV = new Float64Array(count);
    this.paymentsPV = new Float64Array(count);
    this.allocation = setup.allocation;
    this.awareBeta = setup.awareBeta;
    this.bonusValuation = setup.bonusValuation ?? "average";
    this.slopeBeta = this.bonusValuation === "marginal" ? 2 : 1;
    this.offsetBeta = this.bonusValuation === "marginal" ? 0 : 1;
    this.values = new ValuationCache(setup.buyers, setup.mu, setup.sigma2, setup.lookahead);
    this.staticBids = setup.awareBeta === 0 && setup.buyers.every((b) => b.budget === Infinity);
    this.logsChanges = !this.staticBids || setup.secondary === true;
    this.holdingsMatter = setup.awareBeta > 0 || setup.secondary === true;
    this.tieScratch = new Int32Array(count);
    this.memoTag = new Float64Array(MEMO_WAYS).fill(-1);
    this.memoBest = new Int32Array(MEMO_WAYS);
    this.memoTop = new Float64Array(MEMO_WAYS);
    this.memoSecond = new Float64Array(MEMO_WAYS);
    this.memoParticipants = new Int32Array(MEMO_WAYS);
    this.memoTies = new Int32Array(MEMO_WAYS);
    this.memoTieList = new Int32Array(this.staticBids ? MEMO_WAYS * count : 0);
    this.eligible = new Int32Array(count);
    this.trees = new Array<BidTree | undefined>(MEMO_WAYS).fill(undefined);
    this.treeTag = new Float64Array(MEMO_WAYS).fill(-1);
    this.treeSynced = new Float64Array(MEMO_WAYS);
    this.changes = new Int32Array(this.logsChanges ? CHANGE_LOG : 0);
    // a replay costs ~log2(B) node updates per change, a rebuild ~2B: replay up to B/4 changes
    this.rebuildLag = Math.min(CHANGE_LOG, Math.max(4, count >> 2));
    this.bidScratch = new Float64Array(this.logsChanges ? count : 0);
    this.sellers = new Array<BidTree | undefined>(MEMO_WAYS).fill(undefined);
    this.bidders = new Array<BidTree | undefined>(MEMO_WAYS).fill(undefined);
    this.tradeTag = new Float64Array(MEMO_WAYS).fill(-1);
    this.tradeSynced = new Float64Array(MEMO_WAYS);
    this.eligibleScratch = new Uint8Array(this.staticBids ? 0 : count);
  }

  /** Records that buyer b's cash or holdings changed (its bids in every pool size may have). */
  private noteChange(b: number): void {
    if (!this.logsChanges) return;
    this.changes[this.changeCount & (CHANGE_LOG - 1)] = b;
    this.changeCount++;
  }

  /** Adds `amount` to buyer b's cash (a reward it extracted). */
  receive(b: number, amount: number): void {
    this.cash[b] += amount;
    this.noteChange(b);
  }

  /** Buyer b's value of one more ticket in a pool of `pool` tickets (bonus-aware if configured). */
  valuation(b: number, pool: number): number {
    const factor = this.awareBeta > 0 ? bonusBidFactor(this.bonusValuation, this.awareBeta, this.held[b], pool) : 1;
    return this.values.value(b, pool, factor);
  }

  /** Buyer b's value of the last ticket it holds (what it gives up by selling one). */
  holderValue(b: number, pool: number): number {
    const factor = this.awareBeta > 0 ? bonusBidFactor(this.bonusValuation, this.awareBeta, this.held[b] - 1, pool) : 1;
    return this.values.value(b, pool, factor);
  }

  /** What buyer b can bid: its valuation capped by its cash. */
  bid(b: number, pool: number): number {
    const v = this.valuation(b, pool);
    const c = this.cash[b];
    return Math.min(v, c);
  }

  /**
   * Ranks the bids of all buyers with a positive bid for one ticket in a pool of `pool`: sets
   * `best` (ties broken uniformly at random with one draw from the allocation stream, only when
   * there is a tie), `bestBid`, `secondBid` (−Infinity if fewer than two bidders; equals bestBid on a
   * tie) and `participants`. When bids cannot change between slots (no bonus awareness, no budget
   * constraint) the scan is memoised per pool size, which makes a sale O(1) instead of O(buyers);
   * the random draws are the same either way.
   */
  rankBids(pool: number): void {
    if (this.staticBids) {
      const e = pool & (MEMO_WAYS - 1);
      if (this.memoTag[e] !== pool) {
        this.scanBids(pool, this.tieScratch);
        this.memoTag[e] = pool;
        this.memoBest[e] = this.best;
        this.memoTop[e] = this.bestBid;
        this.memoSecond[e] = this.secondBid;
        this.memoParticipants[e] = this.participants;
        this.memoTies[e] = this.tieCount;
        this.memoTieList.set(this.tieScratch.subarray(0, this.tieCount), e * this.buyerCount);
      }
      const ties = this.memoTies[e];
      this.best =
        ties > 1 ? this.memoTieList[e * this.buyerCount + Math.floor(this.allocation.next() * ties)] : this.memoBest[e];
      this.bestBid = this.memoTop[e];
      this.secondBid = this.memoSecond[e];
      this.participants = this.memoParticipants[e];
      return;
    }
    const tree = this.treeFor(pool);
    const top = tree.topBid();
    const second = tree.secondBid();
    this.best = tree.top();
    this.bestBid = top;
    this.secondBid = second;
    this.participants = tree.participants;
    this.tieCount = this.best < 0 ? 0 : second === top ? tree.buyersBidding(top, this.tieScratch) : 1;
    if (this.tieCount > 1) this.best = this.tieScratch[Math.floor(this.allocation.next() * this.tieCount)];
  }

  /** The bid tree of `pool`, brought up to date with the change log (see the module comment). */
  private treeFor(pool: number): BidTree {
    const way = pool & (MEMO_WAYS - 1);
    let tree = this.trees[way];
    if (tree === undefined) {
      tree = new BidTree(this.buyerCount);
      this.trees[way] = tree;
    }
    const base = this.values.base(pool);
    const data = this.values.data;
    const slope = (this.slopeBeta * this.awareBeta) / pool;
    const lift = 1 + (this.offsetBeta * this.awareBeta) / pool;
    const lag = this.changeCount - this.treeSynced[way];
    if (this.treeTag[way] !== pool || lag > this.rebuildLag) {
      const bids = this.bidScratch;
      for (let b = 0; b < this.buyerCount; b++) bids[b] = this.bidOf(b, data, base, lift, slope);
      tree.fill(bids);
      this.treeTag[way] = pool;
    } else {
      for (let k = this.treeSynced[way]; k < this.changeCount; k++) {
        const b = this.changes[k & (CHANGE_LOG - 1)];
        tree.set(b, this.bidOf(b, data, base, lift, slope));
      }
    }
    this.treeSynced[way] = this.changeCount;
    return tree;
  }

  /** Buyer b's bid min(valuation, cash) from the cached valuation parts (scanBids' formula). */
  private bidOf(b: number, data: Float64Array, base: number, lift: number, slope: number): number {
    const i = base + 2 * b;
    let bid = data[i] * (lift + slope * this.held[b]) - data[i + 1]; // bonusBidFactor, inlined
    if (this.cash[b] < bid) bid = this.cash[b];
    return bid;
  }

  /** One pass over the buyers: top and second bid, participants, and the tied top bidders in `ties`. */
  private scanBids(pool: number, ties: Int32Array): void {
    const base = this.values.base(pool);
    const data = this.values.data;
    const cash = this.cash;
    const held = this.held;
    const slope = (this.slopeBeta * this.awareBeta) / pool;
    const lift = 1 + (this.offsetBeta * this.awareBeta) / pool;
    let top = -Infinity;
    let second = -Infinity;
    let best = -1;
    let tieCount = 0;
    let participants = 0;
    const count = this.buyerCount;
    for (let b = 0, i = base; b < count; b++, i += 2) {
      let bid = data[i] * (lift + slope * held[b]) - data[i + 1]; // bonusBidFactor, inlined
      if (cash[b] < bid) bid = cash[b];
      if (!(bid > 0)) continue;
      participants++;
      if (bid > top) {
        second = top;
        top = bid;
        best = b;
        ties[0] = b;
        tieCount = 1;
      } else {
        if (bid === top) ties[tieCount++] = b;
        if (bid > second) second = bid;
      }
    }
    this.best = best;
    this.bestBid = top;
    this.secondBid = second;
    this.participants = participants;
    this.tieCount = tieCount;
  }

  /**
   * Uniformly one of the buyers whose bid is at least `price` (random rationing at a posted price),
   * or −1 if none; one draw from the allocation stream when there is a choice. Memoised per
   * (pool, price) when bids are static, like {@link rankBids}.
   */
  pickEligible(pool: number, price: number): number {
    if (!this.staticBids) return this.pickFromSet(pool, price);
    if (this.eligiblePool !== pool || this.eligiblePrice !== price) {
      const base = this.values.base(pool);
      const data = this.values.data;
      const slope = (this.slopeBeta * this.awareBeta) / pool;
      const lift = 1 + (this.offsetBeta * this.awareBeta) / pool;
      let count = 0;
      for (let b = 0; b < this.buyerCount; b++) {
        const bid = this.bidOf(b, data, base, lift, slope);
        if (bid >= price && bid > 0) this.eligible[count++] = b;
      }
      this.eligibleCount = count;
      this.eligiblePool = pool;
      this.eligiblePrice = price;
    }
    const count = this.eligibleCount;
    if (count === 0) return -1;
    if (count === 1) return this.eligible[0];
    return this.eligible[Math.floor(this.allocation.next() * count)];
  }

  /**
   * pickEligible when bids move: the eligible buyers as an EligibleSet for (pool, price), kept
   * current from the change log like the bid trees, so the same buyer is picked without a rescan.
   */
  private pickFromSet(pool: number, price: number): number {
    let set = this.eligibleSet;
    if (set === undefined) {
      set = new EligibleSet(this.buyerCount);
      this.eligibleSet = set;
    }
    const base = this.values.base(pool);
    const data = this.values.data;
    const slope = (this.slopeBeta * this.awareBeta) / pool;
    const lift = 1 + (this.offsetBeta * this.awareBeta) / pool;
    if (
      this.eligiblePool !== pool ||
      this.eligiblePrice !== price ||
      this.changeCount - this.eligibleSynced > this.rebuildLag
    ) {
      const flags = this.eligibleScratch;
      for (let b = 0; b < this.buyerCount; b++) {
        const bid = this.bidOf(b, data, base, lift, slope);
        flags[b] = bid >= price && bid > 0 ? 1 : 0;
      }
      set.fill(flags);
      this.eligiblePool = pool;
      this.eligiblePrice = price;
    } else {
      for (let k = this.eligibleSynced; k < this.changeCount; k++) {
        const b = this.changes[k & (CHANGE_LOG - 1)];
        const bid = this.bidOf(b, data, base, lift, slope);
        set.set(b, bid >= price && bid > 0);
      }
    }
    this.eligibleSynced = this.changeCount;
    const count = set.count;
    if (count === 0) return -1;
    if (count === 1) return set.nth(0);
    return set.nth(Math.floor(this.allocation.next() * count));
  }

  /**
   * One secondary-market trade in a pool of `pool` (secondary-market.ts has the rule): the holder
   * whose last ticket it values least sells to the other buyer with the highest bid, at the
   * midpoint, if that bid is above the seller's value and positive. Returns whether it traded. Both
   * sides come from tournament trees kept current from the change log: the same pair as passes
   * over every buyer (strict comparisons, so the lowest index among equals), in O(log B).
   */
  trade(pool: number): boolean {
    const way = pool & (MEMO_WAYS - 1);
    let sellers = this.sellers[way];
    let bidders = this.bidders[way];
    if (sellers === undefined || bidders === undefined) {
      sellers = new BidTree(this.buyerCount, { positiveOnly: false });
      bidders = new BidTree(this.buyerCount);
      this.sellers[way] = sellers;
      this.bidders[way] = bidders;
    }
    if (this.tradeTag[way] !== pool || this.changeCount - this.tradeSynced[way] > this.rebuildLag) {
      const keys = this.bidScratch;
      for (let b = 0; b < this.buyerCount; b++) keys[b] = this.askKey(b, pool);
      sellers.fill(keys);
      for (let b = 0; b < this.buyerCount; b++) keys[b] = this.bid(b, pool);
      bidders.fill(keys);
      this.tradeTag[way] = pool;
    } else {
      for (let k = this.tradeSynced[way]; k < this.changeCount; k++) {
        const b = this.changes[k & (CHANGE_LOG - 1)];
        sellers.set(b, this.askKey(b, pool));
        bidders.set(b, this.bid(b, pool));
      }
    }
    this.tradeSynced[way] = this.changeCount;
    const seller = sellers.top();
    if (seller < 0) return false;
    const buyer = bidders.topExcept(seller);
    if (buyer < 0) return false;
    const value = this.holderValue(seller, pool);
    const bid = bidders.bidOf(buyer);
    if (!(bid > value) || !(bid > 0)) return false;
    this.transfer(seller, buyer, Math.max((bid + value) / 2, 0));
    return true;
  }

  /** A holder's key in the sellers' tree: minus the value of its last ticket (−∞ for non-holders). */
  private askKey(b: number, pool: number): number {
    return this.held[b] > 0 ? -this.holderValue(b, pool) : -Infinity;
  }

  /** Mints one ticket to buyer b at `price`, paid now (slot `slot`). */
  sell(b: number, price: number): void {
    if (this.outstanding >= this.capacity) throw new Error("MarketState.sell: pool capacity exceeded");
    this.owner[this.outstanding++] = b;
    const k = this.held[b];
    this.held[b] = k + 1;
    this.sumSquares += 2 * k + 1;
    this.cash[b] -= price;
    this.noteChange(b);
    const pv = price * this.discount;
    this.paymentsPV[b] += pv;
    this.proceedsPV += pv;
    this.ticketsSold++;
    this.lastPrice = price;
    if (this.slot === 0) {
      this.initialSold++;
    } else {
      this.priceSum += price;
      this.priceCount++;
      if (price < this.priceMin) this.priceMin = price;
      if (price > this.priceMax) this.priceMax = price;
    }
  }

  /** Burns the ticket at position i and returns its owner. */
  burnAt(i: number): number {
    const w = this.owner[i];
    this.owner[i] = this.owner[--this.outstanding];
    const k = this.held[w];
    this.held[w] = k - 1;
    this.sumSquares -= 2 * k - 1;
    if (this.holdingsMatter) this.noteChange(w); // holdings enter bids only through the bonus
    return w;
  }

  /**
   * Moves one of `from`'s tickets to `to` for `price` (a secondary-market trade). Finds a ticket of
   * `from` by scanning from where the last scan stopped: expected cost outstanding/held[from].
   */
  transfer(from: number, to: number, price: number): void {
    const n = this.outstanding;
    let i = this.cursor < n ? this.cursor : 0;
    while (this.owner[i] !== from) i = i + 1 < n ? i + 1 : 0;
    this.cursor = i;
    this.owner[i] = to;
    const kf = this.held[from];
    const kt = this.held[to];
    this.held[from] = kf - 1;
    this.held[to] = kt + 1;
    this.sumSquares += 2 * (kt - kf) + 2;
    this.cash[from] += price;
    this.cash[to] -= price;
    this.noteChange(from);
    this.noteChange(to);
    const pv = price * this.discount;
    this.paymentsPV[from] -= pv;
    this.paymentsPV[to] += pv;
    this.trades++;
  }

  /** Current HHI of ticket holdings (0–10,000); NaN with no tickets outstanding. */
  hhi(): number {
    const n = this.outstanding;
    return n > 0 ? (10_000 * this.sumSquares) / (n * n) : NaN;
  }

  /** Current largest holder's share of the outstanding tickets; NaN with none outstanding. */
  largestShare(): number {
    let max = 0;
    for (let b = 0; b < this.buyerCount; b++) if (this.held[b] > max) max = this.held[b];
    return this.outstanding > 0 ? max / this.outstanding : NaN;
  }
}
