/**
 * One run of the Galaxy Era model (../../../docs/derivations/galaxy-era.md#the-slot-loop).
 *
 * Before slot 0 the first M − 1 tickets go to uniformly random agents (among those who can pay) at
 * the initial price (M/2, the target, for the posted prices when `initialHolding` is "target"). Then each slot t:
 * 1. draws the volatility factor σ_t = exp(mean + sigma·Z) and the MEV, X_t·σ_t (or X_t) with
 *    E[X_t] = S, from streams of their own (so every mechanism sees the same MEV path for a seed);
 * 2. at each epoch start assigns the unassigned tickets, shuffled, to the slots `lookaheadEpochs`
 *    epochs ahead (one per slot; at slot 0 the epochs 0..L); expiring tickets are instead drawn one
 *    per slot, uniformly among the unassigned, after the slot's sale;
 * 3. sells: auctions mint and sell until M tickets are unredeemed; EIP-1559 updates its price,
 *    lets agents in random order buy at it, and updates again; the AMM sells in rounds at its curve
 *    price, then refunds; JIT sells the slot itself, bids scaled by the slot's volatility;
 * 4. runs the secondary market: every holder, in random order, offers its nearest ticket;
 * 5. redeems the ticket assigned to the slot (its holder earns the slot's MEV × c);
 * 6. expires unassigned tickets E slots after minting.
 * The slot's price is the last primary-sale price (auctions, carried when nothing sold) or the
 * posted price at the slot's end.
 */
import { exponential, normal, type RandomStream, rng } from "../../random";
import { herfindahl, largestShare, nakamotoCoefficient } from "../concentration";
import { createAgents, type GalaxyAgent } from "./agents";
import { auctionRound } from "./auctions";
import { garmanKlassVolatility, varianceOfDeltas } from "./objectives";
import type { ResolvedGalaxyEraParams } from "./params";
import { ammPrice, eip1559Price } from "./posted-price";
import { secondarySale } from "./secondary";
import { expiryFactor, strategyValue, volatilityMultiplier, type ValuationContext } from "./valuation";

/** Galaxy Era's seven objectives. */
export interface GalaxyEraObjectives {
  /** The largest holder's share, in % (0–100). */
  highestShare: number;
  /** Fewest holders whose shares reach ≥ 51 %. */
  nakamoto: number;
  /** Herfindahl–Hirschman index, 0–10 000. */
  hhi: number;
  /** Protocol's primary-sale proceeds (less refunds) / total MEV of the run's slots. */
  protocolShare: number;
  /** The same proceeds / what holders earned from the slots they won. */
  protocolShareOfHolderRevenue: number;
  /** Garman–Klass volatility of the slot price, per epoch (open/high/low/close of each epoch). */
  garmanKlassVolatility: number;
  /** Variance of the slot-to-slot price changes. */
  varianceOfDeltas: number;
}

/** One run's objectives and the tallies behind them. */
export interface GalaxyEraRun {
  objectives: GalaxyEraObjectives;
  /** Primary-sale proceeds less refunds. */
  proceeds: number;
  totalMev: number;
  holderRevenue: number;
  /** Slots with no ticket assigned (nobody proposed from the market). */
  emptySlots: number;
  secondaryTrades: number;
  refunds: number;
  expired: number;
  /** Per agent, in id order. */
  wonSlots: number[];
  /** The agents as drawn (funds = starting funds). */
  agents: GalaxyAgent[];
  finalFunds: number[];
  /** The slot price, one per slot. */
  prices: number[];
}

interface Ticket {
  owner: number;
  mint: number;
  /** Assigned slot, or −1. */
  slot: number;
}

/** Input of {@link simulateRun}. */
export interface SimulateRunOptions {
  params: ResolvedGalaxyEraParams;
  slots: number;
  seed: number | string;
  run: number;
}

/** Simulates run number `run` of a setup (streams rng(seed, "galaxy-era", run, …)). */
export function simulateRun({ params: p, slots, seed, run }: SimulateRunOptions): GalaxyEraRun {
  return new GalaxyEraMarket(p, seed, run).simulate(slots);
}

class GalaxyEraMarket {
  readonly agents: GalaxyAgent[];
  readonly n: number;
  readonly funds: Float64Array;
  readonly held: Int32Array;
  readonly won: Float64Array;
  readonly heldSlots: Float64Array;
  readonly earned: Float64Array;
  tickets: Ticket[] = [];
  readonly bySlot = new Map<number, Ticket>();
  readonly market: RandomStream;
  readonly mevStream: RandomStream;
  readonly volatilityStream: RandomStream;
  readonly valuation: ValuationContext;
  readonly sigmaMean: number;
  readonly order: Int32Array;
  readonly bids: Float64Array;
  proceeds = 0;
  refunds = 0;
  expired = 0;
  trades = 0;
  price: number;

  constructor(
    readonly p: ResolvedGalaxyEraParams,
    seed: number | string,
    run: number,
  ) {
    this.agents = createAgents(p.holders, `${seed}/galaxy-era/${run}`, rng(seed, "galaxy-era", run, "agents"));
    this.n = p.holders;
    this.funds = Float64Array.from(this.agents, (a) => a.funds);
    this.held = new Int32Array(this.n);
    this.won = new Float64Array(this.n);
    this.heldSlots = new Float64Array(this.n);
    this.earned = new Float64Array(this.n);
    this.market = rng(seed, "galaxy-era", run, "market");
    this.mevStream = rng(seed, "galaxy-era", run, "mev");
    this.volatilityStream = rng(seed, "galaxy-era", run, "volatility");
    const { mean, sigma } = p.priceVolatility;
    this.sigmaMean = Math.exp(mean + (sigma * sigma) / 2);
    const waiting = p.jit ? 1 : 1 / (1 + p.maxTickets * p.discountRate);
    this.valuation = {
      strategy: p.biddingStrategy,
      mechanism: p.sellingMechanism,
      secondaryMarket: p.secondaryMarket,
      mevScale: p.mevScale,
      holders: p.holders,
      factor:
        waiting *
        expiryFactor({ expiryPeriod: p.expiryPeriod, slotsPerEpoch: p.slotsPerEpoch, maxTickets: p.maxTickets }),
    };
    this.order = Int32Array.from({ length: this.n }, (_, i) => i);
    this.bids = new Float64Array(this.n);
    this.price = p.initialTicketPrice;
  }

  simulate(slots: number): GalaxyEraRun {
    const p = this.p;
    if (!p.jit) this.initialTickets();
    const prices: number[] = [];
    let totalMev = 0;
    let emptySlots = 0;
    const perEpoch = p.slotsPerEpoch;
    // Expiring tickets are drawn one per slot (Galaxy Era: "with expiry, one ticket per slot").
    const perSlot = p.expiryPeriod !== null;
    for (let t = 0; t < slots; t++) {
      const sigma = Math.exp(p.priceVolatility.mean + p.priceVolatility.sigma * normal(this.volatilityStream));
      const draw = p.mev
        ? (p.mevScale * p.mev.sample(this.mevStream)) / p.mev.mean
        : p.mevScale * exponential(this.mevStream);
      const mev = p.assumptions.volatilityInMev === "multiplicative" ? draw * sigma : draw;
      totalMev += mev;
      if (p.jit) {
        this.jitSale(mev, sigma);
      } else {
        if (!perSlot && t % perEpoch === 0) {
          const epoch = t / perEpoch;
          for (let e = t === 0 ? 0 : epoch + p.lookaheadEpochs; e <= epoch + p.lookaheadEpochs; e++) this.assign(e);
        }
        this.primarySale(t);
        if (perSlot) this.assignSlot(t);
        if (p.secondaryMarket) this.secondaryMarket(t, sigma);
        if (!this.redeem(t, mev, sigma)) emptySlots++;
        if (p.expiryPeriod !== null) this.expire(t);
      }
      for (let i = 0; i < this.n; i++) this.heldSlots[i] += this.held[i];
      prices.push(this.price);
    }
    return this.result(prices, totalMev, emptySlots);
  }

  /** Agent i's bid for a ticket: its strategy value, capped by its funds. */
  bid(i: number): number {
    return Math.max(0, Math.min(this.funds[i], this.value(i)));
  }

  shuffleOrder(): Int32Array {
    return shuffleInPlace(this.order, this.market);
  }

  mint(owner: number, mintSlot: number, price: number): void {
    this.tickets.push({ owner, mint: mintSlot, slot: -1 });
    this.held[owner]++;
    this.funds[owner] -= price;
    this.proceeds += price;
  }

  burn(ticket: Ticket): void {
    this.tickets.splice(this.tickets.indexOf(ticket), 1);
    this.held[ticket.owner]--;
    if (ticket.slot >= 0) this.bySlot.delete(ticket.slot);
  }

  initialTickets(): void {
    const price = this.p.initialTicketPrice;
    const posted = this.p.sellingMechanism === "EIP-1559" || this.p.sellingMechanism === "AMM-style";
    const count =
      posted && this.p.assumptions.initialHolding === "target"
        ? Math.floor(this.p.maxTickets / 2)
        : this.p.maxTickets - 1;
    for (let i = 0; i < count; i++) {
      const able: number[] = [];
      for (let a = 0; a < this.n; a++) if (this.funds[a] >= price) able.push(a);
      if (able.length === 0) return;
      // Staggered mint slots: with expiry, the initial tickets expire one after another.
      this.mint(able[Math.floor(this.market.next() * able.length)], i - count, price);
    }
  }

  assign(epoch: number): void {
    const free = shuffleInPlace(
      this.tickets.filter((x) => x.slot < 0),
      this.market,
    );
    const first = epoch * this.p.slotsPerEpoch;
    for (let k = 0; k < Math.min(free.length, this.p.slotsPerEpoch); k++) {
      free[k].slot = first + k;
      this.bySlot.set(first + k, free[k]);
    }
  }

  /** Draws one unassigned ticket, uniformly, for slot t. */
  assignSlot(t: number): void {
    const free = this.tickets.filter((x) => x.slot < 0);
    if (free.length === 0) return;
    const ticket = free[Math.floor(this.market.next() * free.length)];
    ticket.slot = t;
    this.bySlot.set(t, ticket);
  }

  primarySale(t: number): void {
    const p = this.p;
    switch (p.sellingMechanism) {
      case "first_price":
      case "second_price":
        while (this.tickets.length < p.maxTickets) {
          for (let i = 0; i < this.n; i++) this.bids[i] = this.bid(i);
          const { winner, price } = auctionRound({
            bids: this.bids,
            rule: p.sellingMechanism,
            order: this.shuffleOrder(),
          });
          if (winner < 0) break;
          this.mint(winner, t, price);
          this.price = price;
        }
        return;
      case "EIP-1559":
        this.eip1559Sale(t);
        return;
      case "AMM-style":
        this.ammSale(t);
        if (p.reimbursementFactor !== null) this.refund(p.reimbursementFactor);
        this.price = this.ammQuote();
        return;
    }
  }

  /** Room for one more primary sale this slot (the per-slot cap and the cap M on tickets held). */
  room(sold: number): boolean {
    return sold < this.p.eip1559MaxTicketsPerSlot && this.tickets.length < this.p.maxTickets;
  }

  /** EIP-1559 style: update the price, agents in random order buy while their value exceeds it, update again. */
  eip1559Sale(t: number): void {
    const p = this.p;
    const update = () => {
      this.price = eip1559Price({
        price: this.price,
        held: this.tickets.length,
        maxTickets: p.maxTickets,
        adjustFactor: p.eip1559AdjustFactor,
      });
    };
    update();
    let sold = 0;
    for (const i of this.shuffleOrder()) {
      while (this.room(sold) && this.value(i) > this.price && this.funds[i] >= this.price) {
        this.mint(i, t, this.price);
        sold++;
      }
    }
    update();
  }

  /** AMM: rounds in which agents in random order buy one ticket each at the curve's price, re-evaluated after each trade. */
  ammSale(t: number): void {
    let sold = 0;
    for (let bought = true; bought && this.room(sold); ) {
      bought = false;
      for (const i of this.shuffleOrder()) {
        if (!this.room(sold)) break;
        const price = this.ammQuote();
        if (this.value(i) > price && this.funds[i] >= price) {
          this.mint(i, t, price);
          sold++;
          bought = true;
        }
      }
    }
  }

  ammQuote(): number {
    return ammPrice({ held: this.tickets.length, maxTickets: this.p.maxTickets, adjustFactor: this.p.ammAdjustFactor });
  }

  /** Agent i's strategy value of a ticket (not capped by funds). */
  value(i: number): number {
    return strategyValue(this.agents[i], this.valuation, this.market);
  }

  /** AMM refunds: an agent valuing a ticket below price·(1 − f) sells one unassigned ticket back at that price. */
  refund(factor: number): void {
    for (const i of this.shuffleOrder()) {
      const back =
        ammPrice({ held: this.tickets.length, maxTickets: this.p.maxTickets, adjustFactor: this.p.ammAdjustFactor }) *
        (1 - factor);
      if (!(strategyValue(this.agents[i], this.valuation, this.market) < back)) continue;
      const ticket = this.tickets.find((x) => x.owner === i && x.slot < 0);
      if (!ticket) continue;
      this.burn(ticket);
      this.funds[i] += back;
      this.proceeds -= back;
      this.refunds++;
    }
  }

  jitSale(mev: number, sigma: number): void {
    const { p } = this;
    const rule = p.sellingMechanism === "first_price" ? "first_price" : "second_price";
    for (let i = 0; i < this.n; i++) {
      const a = this.agents[i];
      const scale = volatilityMultiplier({
        sigmaSlot: sigma,
        sigmaMean: this.sigmaMean,
        specialisation: a.volatilitySpecialisation,
      });
      this.bids[i] = Math.max(0, Math.min(this.funds[i], mev * a.capture * (1 - a.aggressiveness) * scale));
    }
    const { winner, price } = auctionRound({ bids: this.bids, rule, order: this.shuffleOrder() });
    if (winner < 0) return;
    this.funds[winner] -= price;
    this.proceeds += price;
    this.price = price;
    this.earn(winner, mev, sigma);
  }

  earn(i: number, mev: number, sigma: number): void {
    const a = this.agents[i];
    const scale =
      this.p.assumptions.winnerEarns === "volatility-adjusted"
        ? volatilityMultiplier({
            sigmaSlot: sigma,
            sigmaMean: this.sigmaMean,
            specialisation: a.volatilitySpecialisation,
          })
        : 1;
    const earning = mev * a.capture * scale;
    this.earned[i] += earning;
    if (this.p.assumptions.earningsRefillFunds) this.funds[i] += earning;
    this.won[i]++;
  }

  secondaryMarket(t: number, sigma: number): void {
    for (const seller of Array.from(this.shuffleOrder())) {
      if (this.held[seller] === 0) continue;
      let nearest: Ticket | undefined;
      for (const x of this.tickets) {
        if (x.owner !== seller) continue;
        const key = x.slot >= 0 ? x.slot : Infinity;
        const best = nearest === undefined ? Infinity : nearest.slot >= 0 ? nearest.slot : Infinity;
        if (nearest === undefined || key < best || (key === best && x.mint < nearest.mint)) nearest = x;
      }
      if (!nearest) continue;
      for (let i = 0; i < this.n; i++) {
        const a = this.agents[i];
        const scale =
          nearest.slot === t
            ? volatilityMultiplier({
                sigmaSlot: sigma,
                sigmaMean: this.sigmaMean,
                specialisation: a.volatilitySpecialisation,
              })
            : 1;
        const value = this.value(i) * scale;
        // The seller pays nothing to keep its ticket, so its reserve is not capped by its funds.
        this.bids[i] = i === seller ? value : Math.max(0, Math.min(this.funds[i], value));
      }
      const sale = secondarySale({ seller, bids: this.bids, order: this.order });
      if (!sale) continue;
      nearest.owner = sale.buyer;
      this.held[seller]--;
      this.held[sale.buyer]++;
      this.funds[sale.buyer] -= sale.price;
      this.funds[seller] += sale.price;
      this.trades++;
    }
  }

  redeem(t: number, mev: number, sigma: number): boolean {
    const ticket = this.bySlot.get(t);
    if (!ticket) return false;
    this.earn(ticket.owner, mev, sigma);
    this.burn(ticket);
    return true;
  }

  expire(t: number): void {
    const e = this.p.expiryPeriod ?? Infinity;
    for (const x of this.tickets.filter((x) => x.slot < 0 && t - x.mint + 1 >= e)) {
      this.burn(x);
      this.expired++;
    }
  }

  result(prices: number[], totalMev: number, emptySlots: number): GalaxyEraRun {
    const holdings = this.p.assumptions.concentrationOver === "won-slots" ? this.won : this.heldSlots;
    const anyHoldings = holdings.some((h) => h > 0);
    const holderRevenue = this.earned.reduce((a, b) => a + b, 0);
    return {
      objectives: {
        highestShare: anyHoldings ? 100 * largestShare({ holdings }) : Number.NaN,
        nakamoto: anyHoldings ? nakamotoCoefficient({ holdings, threshold: 0.51, inclusive: true }) : Number.NaN,
        hhi: anyHoldings ? herfindahl({ holdings }) : Number.NaN,
        protocolShare: this.proceeds / totalMev,
        protocolShareOfHolderRevenue: holderRevenue > 0 ? this.proceeds / holderRevenue : Number.NaN,
        garmanKlassVolatility: garmanKlassVolatility({ prices, period: this.p.slotsPerEpoch }),
        varianceOfDeltas: varianceOfDeltas({ prices }),
      },
      proceeds: this.proceeds,
      totalMev,
      holderRevenue,
      emptySlots,
      secondaryTrades: this.trades,
      refunds: this.refunds,
      expired: this.expired,
      wonSlots: Array.from(this.won),
      agents: this.agents.map((a) => ({ ...a })),
      finalFunds: Array.from(this.funds),
      prices,
    };
  }
}

/** Fisher–Yates shuffle of `list` in place, drawing from `stream`. */
function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(list: T, stream: RandomStream): T {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(stream.next() * (i + 1));
    const x = list[i];
    list[i] = list[j];
    list[j] = x;
  }
  return list;
}
