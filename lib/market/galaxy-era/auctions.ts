/**
 * One sealed-bid round of Galaxy Era's per-ticket auctions: the highest bid wins (ties go to the
 * bidder first in `order`, a random order the caller draws). First price: the winner pays its bid.
 * Second price: it pays the second-highest bid, and a lone bidder pays 1 (Galaxy Era's floor).
 */

/** Input of {@link auctionRound}. */
export interface AuctionRoundOptions {
  /** Each agent's bid (already capped by its funds); bids ≤ 0 do not take part. */
  bids: ArrayLike<number>;
  rule: "first_price" | "second_price";
  /** The order in which ties are broken (agent indices); default 0, 1, 2, … */
  order?: ArrayLike<number>;
}

/** The round's outcome: winner −1 when nobody bid. */
export interface AuctionOutcome {
  winner: number;
  price: number;
}

/**
 * Runs one round.
 */
export function auctionRound({ bids, rule, order }: AuctionRoundOptions): AuctionOutcome {
  let winner = -1;
  let best = 0;
  let second = 0;
  let bidders = 0;
  for (let j = 0; j < bids.length; j++) {
    const i = order ? order[j] : j;
    const bid = bids[i];
    if (!(bid > 0)) continue;
    bidders++;
    if (bid > best) {
      second = best;
      best = bid;
      winner = i;
    } else if (bid > second) {
      second = bid;
    }
  }
  if (winner < 0) return { winner, price: 0 };
  if (rule === "first_price") return { winner, price: best };
  return { winner, price: bidders === 1 ? Math.min(1, best) : second };
}
