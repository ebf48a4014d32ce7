/**
 * The outputs of one agent-based market run.
 */

/**
 * Scalar metrics of one run (all numbers; NaN where undefined, e.g. HHI with no tickets left).
 * Present values are at the social rate d, over slots 1..H (sales from t = 0).
 */
export interface MarketMetrics {
  /** Protocol capture: PV of sale proceeds / PV of the rewards R of all simulated slots. */
  capture: number;
  /** PV of proceeds / PV of what holders extracted (α·(R + bonus) of the slots they proposed). */
  captureOfExtracted: number;
  /** PV of the protocol's primary-sale proceeds (initial sale at t = 0 included). */
  proceedsPV: number;
  /** PV of the rewards R of all simulated slots (paid at t + lookahead), allocated or not. */
  rewardsPV: number;
  /** PV of what ticket holders extracted: Σ α_holder·(R + bonus). */
  extractedPV: number;
  /** PV of the multi-block bonus created (before the α share), 0 without a bonus. */
  bonusPV: number;
  /** HHI (0–10,000) of ticket holdings at the end. */
  hhi: number;
  /** Time-average over slots of the HHI of ticket holdings (after each slot's sales). */
  hhiMean: number;
  /** HHI of won slots (proposals) over the run. */
  hhiWins: number;
  /** Largest holder's share of the outstanding tickets at the end. */
  largestShare: number;
  /** Largest buyer's share of won slots. */
  largestWinShare: number;
  /** Nakamoto coefficient (fewest holders with > 50 %) of ticket holdings at the end. */
  nakamoto: number;
  /** Nakamoto coefficient of won slots. */
  nakamotoWins: number;
  /** Number of buyers holding at least one ticket at the end. */
  holders: number;
  /** Index of the buyer that won the most slots (lowest index on a tie). */
  topWinner: number;
  /** That buyer's α. */
  topWinnerAlpha: number;
  /** That buyer's profit (PV of rewards received − PV of net payments). */
  topWinnerProfit: number;
  /** That buyer's PV of α·(R + bonus) received: what its profit is out of. */
  topWinnerRewards: number;
  /** Sum over buyers of profit. */
  buyerProfitTotal: number;
  /** Largest and smallest profit of a buyer. */
  buyerProfitMax: number;
  buyerProfitMin: number;
  /** Tickets sold in the primary market (all slots) and at t = 0. */
  ticketsSold: number;
  initialSold: number;
  /** Mean, min, max of primary-sale prices in slots ≥ 1 (NaN if none); price at the end. */
  priceMean: number;
  priceMin: number;
  priceMax: number;
  priceFinal: number;
  /** μ/(1+nd), the fair price at the social rate (the reference for default prices). */
  fairPrice: number;
  /** Outstanding tickets after each slot's sales: time mean, min, max; and at the end. */
  outstandingMean: number;
  outstandingMin: number;
  outstandingMax: number;
  outstandingFinal: number;
  /** Slots with no ticket outstanding at the draw (no proposer from the ticket market). */
  emptySlots: number;
  /** Secondary-market trades. */
  trades: number;
  /** Slots whose proposer also proposed the previous slot (runs' continuation slots). */
  continuationSlots: number;
  /** Longest run of consecutive slots by one buyer. */
  longestRun: number;
  /** Slots simulated, H. */
  horizonSlots: number;
  /**
   * Truncation: (1+d)^(−H), the share of the infinite reward stream's PV (μ/d) that lies beyond
   * the horizon. Capture over H slots differs from the infinite-horizon capture by O(nd·(1+d)^(−H)).
   */
  truncation: number;
}

/** Per-buyer results (arrays indexed like the buyers). */
export interface PerBuyerResult {
  /** Tickets held at the end. */
  held: number[];
  /** Slots won. */
  wins: number[];
  /** PV of α·(R + bonus) received. */
  rewardsPV: number[];
  /** PV of payments, net of resale income. */
  paymentsPV: number[];
  /** rewardsPV − paymentsPV. */
  profitPV: number[];
  /** Cash at the end (Infinity for unconstrained buyers). */
  cash: number[];
}

/** A sampled path of the market (one entry every `every` slots, and at the end). */
export interface MarketTrace {
  slot: number[];
  /** Posted price (EIP-1559, bonding curve, fixed price) or last sale price (auctions). */
  price: number[];
  outstanding: number[];
  hhi: number[];
  largestShare: number[];
  /** Cumulative capture so far: proceeds PV / rewards PV up to the slot. */
  capture: number[];
}
