/**
 * The buyers whose bid reaches a posted price, as a set that answers "how many" in O(1) and "the
 * k-th in increasing index order" in O(log B), and takes a change of one buyer in O(log B): a
 * Fenwick (binary indexed) tree of 0/1 flags. The fixed price's random rationing picks the k-th
 * eligible buyer for a uniform k, so with budgets (bids that move) a sale no longer rescans everyone.
 */

/**
 * A set of buyer indices 0..B−1 with order statistics (see the module comment).
 *
 * @example
 * const set = new EligibleSet(5);
 * set.set(1, true);
 * set.set(3, true);
 * [set.count, set.nth(0), set.nth(1)]; // → [2, 1, 3]
 */
export class EligibleSet {
  /** Number of buyers B. */
  readonly size: number;
  /** Buyers in the set. */
  count = 0;
  private readonly flags: Uint8Array;
  /** Fenwick tree over the flags, 1-based: tree[i] sums flags (i − lowbit(i), i]. */
  private readonly tree: Int32Array;
  /** The largest power of two ≤ B (where the descent of nth starts). */
  private readonly top: number;

  constructor(size: number) {
    this.size = size;
    this.flags = new Uint8Array(size);
    this.tree = new Int32Array(size + 1);
    let top = 1;
    while (top * 2 <= size) top *= 2;
    this.top = top;
  }

  /** Sets every flag at once (O(B)): buyer b is in the set when `members[b]` is 1. */
  fill(members: Uint8Array): void {
    const { flags, tree, size } = this;
    tree.fill(0);
    let count = 0;
    for (let b = 0; b < size; b++) {
      const flag = members[b] === 1 ? 1 : 0;
      flags[b] = flag;
      count += flag;
      tree[b + 1] += flag;
      const parent = b + 1 + ((b + 1) & -(b + 1));
      if (parent <= size) tree[parent] += tree[b + 1];
    }
    this.count = count;
  }

  /** Puts buyer b in the set or takes it out (O(log B); nothing to do when it does not change). */
  set(b: number, member: boolean): void {
    const flag = member ? 1 : 0;
    if (this.flags[b] === flag) return;
    this.flags[b] = flag;
    const delta = flag === 1 ? 1 : -1;
    this.count += delta;
    for (let i = b + 1; i <= this.size; i += i & -i) this.tree[i] += delta;
  }

  /** The k-th buyer of the set in increasing index order, k = 0..count−1. */
  nth(k: number): number {
    const { tree, size } = this;
    let position = 0;
    let rest = k;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = position + step;
      if (next <= size && tree[next] <= rest) {
        position = next;
        rest -= tree[next];
      }
    }
    return position;
  }
}
