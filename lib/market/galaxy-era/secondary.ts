/**
 * One sale of Galaxy Era's secondary market: a holder offers a ticket in a second-price auction
 * among all agents, itself included. When the seller is the top bidder it keeps the ticket;
 * otherwise the top bidder buys it and pays the second-highest bid (which may be the seller's own,
 * acting as a reserve) to the seller.
 */
import { auctionRound } from "./auctions";

/** Input of {@link secondarySale}. */
export interface SecondarySaleOptions {
  /** The offering agent. */
  seller: number;
  /** Every agent's bid for this ticket (capped by funds; the seller's bid is its reserve). */
  bids: ArrayLike<number>;
  /** Tie-break order (agent indices). */
  order?: ArrayLike<number>;
}

/**
 * The buyer and the price, or null when the seller keeps the ticket (or nobody bids).
 */
export function secondarySale({ seller, bids, order }: SecondarySaleOptions): { buyer: number; price: number } | null {
  const { winner, price } = auctionRound({ bids, rule: "second_price", order });
  if (winner < 0 || winner === seller) return null;
  return { buyer: winner, price };
}
