/**
 * A tournament tree over the buyers' bids: the highest bid in O(1), the runner-up in O(log B), and a
 * change of one buyer's bid in O(log B). The agent-based market keeps one per pool size while bids
 * move between slots (budgets, bonus awareness), so a sale no longer rescans every buyer.
 *
 * Layout: leaves at P + b for buyer b (P the power of two ≥ B, padding leaves hold −Infinity); every
 * inner node i holds the buyer that wins its subtree, the higher bid, ties to the left child, that is
 * to the lower buyer index — the order the linear scan met them in. Buyers that do not take part
 * (bid ≤ 0 or NaN) hold −Infinity, so they never win and never count as runner-up. With
 * `positiveOnly: false` every value but NaN takes part (the secondary market ranks sellers by minus
 * their value, which may be negative); −Infinity then marks a buyer left out.
 */

/**
 * The bids of B buyers, ranked by a tournament tree (see the module comment).
 *
 * @example
 * const tree = new BidTree(3);
 * tree.set(0, 2);
 * tree.set(1, 5);
 * tree.set(2, 5);
 * [tree.top(), tree.topBid(), tree.secondBid(), tree.participants]; // → [1, 5, 5, 3]
 */
export class BidTree {
  /** Number of buyers B. */
  readonly size: number;
  /** Participants: buyers whose bid is > 0. */
  participants = 0;
  private readonly leaves: number;
  /** bid[b]: buyer b's bid, −Infinity when it does not take part (and for padding). */
  private readonly bid: Float64Array;
  /** winner[i]: the buyer winning node i's subtree (leaves: winner[P + b] = b). */
  private readonly winner: Int32Array;
  private readonly stack: Int32Array;

  /** Whether only bids > 0 take part (true, the default) or every value but NaN and −Infinity. */
  private readonly positiveOnly: boolean;

  constructor(size: number, { positiveOnly = true }: { positiveOnly?: boolean } = {}) {
    this.size = size;
    this.positiveOnly = positiveOnly;
    let leaves = 1;
    while (leaves < size) leaves *= 2;
    this.leaves = leaves;
    this.bid = new Float64Array(leaves).fill(-Infinity);
    this.winner = new Int32Array(2 * leaves);
    for (let b = 0; b < leaves; b++) this.winner[leaves + b] = b;
    for (let i = leaves - 1; i >= 1; i--) this.winner[i] = this.winner[2 * i];
    this.stack = new Int32Array(2 * Math.log2(leaves) + 2);
  }

  /** Sets every bid at once (O(B)): `bids[b]` for b < B; non-positive and NaN bids do not take part. */
  fill(bids: Float64Array): void {
    const leaves = this.leaves;
    let participants = 0;
    for (let b = 0; b < this.size; b++) {
      const value = this.admit(bids[b]);
      this.bid[b] = value;
      if (value > -Infinity) participants++;
    }
    this.participants = participants;
    const bid = this.bid;
    const winner = this.winner;
    for (let i = leaves - 1; i >= 1; i--) {
      const left = winner[2 * i];
      const right = winner[2 * i + 1];
      winner[i] = bid[right] > bid[left] ? right : left;
    }
  }

  /** The stored value of a bid: itself when it takes part, else −Infinity. */
  private admit(value: number): number {
    if (this.positiveOnly) return value > 0 ? value : -Infinity;
    return Number.isNaN(value) ? -Infinity : value;
  }

  /** Sets buyer b's bid (O(log B); nothing to do when it did not change). */
  set(b: number, value: number): void {
    const next = this.admit(value);
    const bid = this.bid;
    const previous = bid[b];
    if (next === previous) return;
    if (previous > -Infinity) this.participants--;
    if (next > -Infinity) this.participants++;
    bid[b] = next;
    const winner = this.winner;
    for (let i = (this.leaves + b) >> 1; i >= 1; i >>= 1) {
      const left = winner[2 * i];
      const right = winner[2 * i + 1];
      winner[i] = bid[right] > bid[left] ? right : left;
    }
  }

  /** The buyer with the highest bid (the lowest index among equals), or −1 if nobody takes part. */
  top(): number {
    const b = this.winner[1];
    return this.bid[b] > -Infinity ? b : -1;
  }

  /** Buyer b's stored bid (−Infinity when it does not take part). */
  bidOf(b: number): number {
    return this.bid[b];
  }

  /**
   * The buyer with the highest bid other than `excluded` (the lowest index among equals), or −1:
   * the top bidder if that is not `excluded`, else the best of the subtrees beside its path.
   */
  topExcept(excluded: number): number {
    const top = this.top();
    if (top !== excluded) return top;
    const bid = this.bid;
    const winner = this.winner;
    let best = -1;
    let bestBid = -Infinity;
    for (let i = this.leaves + excluded; i > 1; i >>= 1) {
      const other = winner[i ^ 1];
      const value = bid[other];
      if (value > bestBid || (value === bestBid && value > -Infinity && other < best)) {
        best = other;
        bestBid = value;
      }
    }
    return best;
  }

  /** The highest bid; −Infinity if nobody takes part. */
  topBid(): number {
    return this.bid[this.winner[1]];
  }

  /**
   * The highest bid of everyone but the top bidder (equal to the top bid on a tie); −Infinity with
   * fewer than two participants. The runner-up lost to the top bidder on the way up, so it is the
   * best of the subtrees beside the top bidder's path.
   */
  secondBid(): number {
    const bid = this.bid;
    const winner = this.winner;
    let second = -Infinity;
    for (let i = this.leaves + winner[1]; i > 1; i >>= 1) {
      const other = bid[winner[i ^ 1]];
      if (other > second) second = other;
    }
    return second;
  }

  /**
   * Writes the buyers whose bid equals `value` to `out` in increasing index order and returns how
   * many there are: O(k log B) for k of them, by descending only into subtrees whose winner bids
   * `value` (nobody in a subtree bids more than its winner).
   */
  buyersBidding(value: number, out: Int32Array): number {
    const bid = this.bid;
    const winner = this.winner;
    const stack = this.stack;
    const leaves = this.leaves;
    let count = 0;
    let top = 0;
    stack[top++] = 1;
    while (top > 0) {
      const i = stack[--top];
      if (bid[winner[i]] !== value) continue;
      if (i >= leaves) {
        out[count++] = i - leaves;
      } else {
        stack[top++] = 2 * i + 1; // the right child after the left: increasing index order
        stack[top++] = 2 * i;
      }
    }
    return count;
  }
}
