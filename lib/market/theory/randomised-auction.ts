/**
 * A randomised execution auction against a second-price one, slot after slot, with a multi-block
 * bonus (../../../docs/derivations/new-results.md#randomised-execution-auctions, [derived there]).
 *
 * k builders; each slot builder l's value is X_l ~ Exp(mean m_l), independent across builders and
 * slots, known just in time. The builder that won the previous slot adds a bonus b to its value (the
 * multi-block MEV of notebook 13: continuing a run is worth more).
 * - **Second price**: the highest effective value Y_l = X_l + b·1{l held the last slot} wins and pays
 *   the second highest.
 * - **Threshold lottery** (our reading of a randomised execution auction): the protocol posts a price
 *   τ; every builder with Y_l ≥ τ enters (dominant: it pays τ only if drawn, and values the slot at
 *   Y_l ≥ τ); one entrant is drawn uniformly and pays τ. No entrant: the slot is not sold.
 * Either way the winner of a slot depends only on who won the last one, so the winners form a Markov
 * chain on {builder 1..k, nobody}. Its transition matrix T[j][i] = P(i wins | j won the last slot):
 * - second price, by quadrature: P(i wins | j) = ∫ f_{Y_i}(y) Π_{l≠i} F_{Y_l}(y) dy, with Y_j shifted by b;
 * - lottery, exactly: entry probabilities p_l = e^{−max(0, τ − b·1{l=j})/m_l}, and
 *   P(i wins | j) = p_i·E[1/(1 + M)], M the number of other entrants (Poisson-binomial, by recursion).
 * The stationary law π of the chain is each builder's long-run share of blocks; revenue per slot is
 * Σ_j π_j·(revenue given j), with E[second highest Y | j] by quadrature and τ·P(someone enters | j).
 */
import * as validate from "../../validate";

/** A sale mechanism for {@link slotAuctionChain}. */
export type SlotAuctionMechanism = { kind: "second-price" } | { kind: "threshold-lottery"; price: number };

/** Input of {@link slotAuctionChain}. */
export interface SlotAuctionChainOptions {
  /** Each builder's mean value m_l > 0 (exponential values); two or more, at most 20. */
  means: readonly number[];
  /** The bonus b ≥ 0 the last slot's winner adds to its value (multi-block MEV); default 0. */
  bonus?: number;
  /** The mechanism. */
  mechanism: SlotAuctionMechanism;
}

/** Output of {@link slotAuctionChain}. */
export interface SlotAuctionChainResult {
  /** T[j][i] = P(builder i wins | builder j won the last slot); row and column k are "nobody". */
  transitions: number[][];
  /** Long-run share of slots each builder wins (k entries). */
  shares: number[];
  /** Long-run share of slots nobody buys (0 for second price). */
  unsold: number;
  /** Expected revenue per slot in the long run. */
  revenue: number;
  /** Each builder's mean run length 1/(1 − T[i][i]) (Infinity if it never loses). */
  meanRunLength: number[];
}

const PANELS = 1 << 13;

/**
 * Composite Simpson on [a, b] of several integrands at once: `values(y, out)` writes each integrand's
 * value at y into `out`; returns the integrals. One pass over the grid shares the work of evaluating
 * every builder's law at each point.
 */
function simpsonAll(values: (y: number, out: Float64Array) => void, count: number, a: number, b: number): Float64Array {
  const sums = new Float64Array(count);
  if (!(b > a)) return sums;
  const h = (b - a) / PANELS;
  const out = new Float64Array(count);
  for (let i = 0; i <= PANELS; i++) {
    const w = i === 0 || i === PANELS ? 1 : i % 2 === 1 ? 4 : 2;
    values(a + i * h, out);
    for (let c = 0; c < count; c++) sums[c] += w * out[c];
  }
  for (let c = 0; c < count; c++) sums[c] *= h / 3;
  return sums;
}

/**
 * P(builder i wins) for every i and E[second highest] under second price when `holder` (−1: nobody)
 * carries the bonus. The integrands jump or bend at y = b, so [0, b) and [b, ∞) are integrated
 * separately, the left piece ending just below b (its left limit there).
 */
function secondPriceRow(means: readonly number[], bonus: number, holder: number): { win: number[]; revenue: number } {
  const k = means.length;
  const F = new Float64Array(k);
  const f = new Float64Array(k);
  // out[0..k−1]: f_i Π_{l≠i} F_l; out[k]: P(at least two values above y).
  const values = (y: number, out: Float64Array) => {
    let none = 1;
    for (let l = 0; l < k; l++) {
      const z = y - (l === holder ? bonus : 0);
      F[l] = z <= 0 ? 0 : -Math.expm1(-z / means[l]);
      f[l] = z < 0 ? 0 : Math.exp(-z / means[l]) / means[l];
      none *= F[l];
    }
    let exactlyOne = 0;
    for (let i = 0; i < k; i++) {
      let others = 1;
      for (let l = 0; l < k; l++) if (l !== i) others *= F[l];
      out[i] = f[i] * others;
      exactlyOne += (1 - F[i]) * others;
    }
    out[k] = Math.max(0, 1 - none - exactlyOne);
  };
  const end = bonus + 60 * Math.max(...means);
  const kink = holder >= 0 ? bonus : 0;
  const sums = simpsonAll(values, k + 1, kink, end);
  if (kink > 0) {
    const left = simpsonAll(values, k + 1, 0, kink * (1 - Number.EPSILON));
    for (let c = 0; c <= k; c++) sums[c] += left[c];
  }
  return { win: Array.from(sums.subarray(0, k)), revenue: sums[k] };
}

/** E[1/(1+M)] for M a sum of independent Bernoulli(p_l): by the distribution of M, built up one at a time. */
function expectedReciprocal(probabilities: readonly number[]): number {
  let dist = [1];
  for (const p of probabilities) {
    const next = new Array(dist.length + 1).fill(0);
    for (let m = 0; m < dist.length; m++) {
      next[m] += dist[m] * (1 - p);
      next[m + 1] += dist[m] * p;
    }
    dist = next;
  }
  return dist.reduce((sum, q, m) => sum + q / (m + 1), 0);
}

/** The lottery's row: win probabilities and revenue when `holder` (−1: nobody) carries the bonus. */
function lotteryRow(
  means: readonly number[],
  bonus: number,
  holder: number,
  price: number,
): { win: number[]; revenue: number } {
  const entry = means.map((m, l) => Math.exp(-Math.max(0, price - (l === holder ? bonus : 0)) / m));
  const win = entry.map((p, i) => p * expectedReciprocal(entry.filter((_, l) => l !== i)));
  const nobody = entry.reduce((q, p) => q * (1 - p), 1);
  return { win, revenue: price * (1 - nobody) };
}

/** Stationary law of a row-stochastic matrix, by solving π(T − I) = 0, Σπ = 1 (Gaussian elimination). */
function stationary(T: number[][]): number[] {
  const s = T.length;
  // Rows of the system: (Tᵀ − I) with the last equation replaced by Σπ = 1.
  const A = Array.from({ length: s }, (_, r) =>
    Array.from({ length: s + 1 }, (_, c) => (c === s ? 0 : T[c][r] - (r === c ? 1 : 0))),
  );
  A[s - 1] = Array.from({ length: s + 1 }, () => 1);
  for (let col = 0; col < s; col++) {
    let pivot = col;
    for (let r = col + 1; r < s; r++) if (Math.abs(A[r][col]) > Math.abs(A[pivot][col])) pivot = r;
    [A[col], A[pivot]] = [A[pivot], A[col]];
    for (let r = 0; r < s; r++) {
      if (r === col || A[r][col] === 0) continue;
      const f = A[r][col] / A[col][col];
      for (let c = col; c <= s; c++) A[r][c] -= f * A[col][c];
    }
  }
  return A.map((row, r) => Math.max(0, row[s] / row[r]));
}

/**
 * The chain of slot winners under a second-price auction or a threshold lottery, with a bonus for
 * continuing a run (see the module comment).
 *
 * @example
 * slotAuctionChain({ means: [1, 1], mechanism: { kind: "second-price" } }).shares[0]; // → 0.5
 * slotAuctionChain({ means: [2, 1], mechanism: { kind: "threshold-lottery", price: 0.5 } }).revenue; // → 0.456482
 */
export function slotAuctionChain(options: SlotAuctionChainOptions): SlotAuctionChainResult {
  validate.knownKeys("slotAuctionChain options", options ?? {}, ["means", "bonus", "mechanism"]);
  const { means, bonus = 0, mechanism } = options;
  if (!Array.isArray(means) || means.length < 2 || means.length > 20) {
    throw new RangeError(`means must be an array of 2 to 20 numbers > 0; received ${JSON.stringify(means)}`);
  }
  means.forEach((m, i) => validate.positive(`means[${i}]`, m));
  validate.nonNegative("bonus", bonus);
  const kind = validate.oneOf("mechanism.kind", mechanism?.kind, ["second-price", "threshold-lottery"] as const);
  let row: (holder: number) => { win: number[]; revenue: number };
  if (kind === "threshold-lottery") {
    const price = validate.positive("mechanism.price", (mechanism as { price: number }).price);
    row = (holder) => lotteryRow(means, bonus, holder, price);
  } else {
    row = (holder) => secondPriceRow(means, bonus, holder);
  }
  const k = means.length;
  const rows = Array.from({ length: k + 1 }, (_, j) => row(j === k ? -1 : j));
  const transitions = rows.map(({ win }) => {
    const total = win.reduce((a, b) => a + b, 0);
    // Quadrature leaves the row's sum within ~1e-12 of 1 (second price); the lottery's rest is "nobody".
    return kind === "second-price" ? [...win.map((p) => p / total), 0] : [...win, Math.max(0, 1 - total)];
  });
  const pi = stationary(transitions);
  const revenue = rows.reduce((sum, { revenue: r }, j) => sum + pi[j] * r, 0);
  return {
    transitions,
    shares: pi.slice(0, k),
    unsold: pi[k],
    revenue,
    meanRunLength: means.map((_, i) => 1 / (1 - transitions[i][i])),
  };
}

/** Input of {@link centralisationBonus}. */
export interface CentralisationBonusOptions {
  /** Each builder's mean value m_l > 0; the first largest is "the dominant builder". */
  means: readonly number[];
  /** The mechanism. */
  mechanism: SlotAuctionMechanism;
  /** The share of sold blocks that counts as dominance, in (0, 1); default 0.5 (a majority). */
  share?: number;
  /** Largest bonus searched, > 0; default 100 times the largest mean. */
  maxBonus?: number;
}

/** The dominant builder's share of the sold blocks at one bonus. */
function dominantShare(means: readonly number[], mechanism: SlotAuctionMechanism, bonus: number): number {
  const chain = slotAuctionChain({ means, mechanism, bonus });
  const top = means.indexOf(Math.max(...means));
  return chain.shares[top] / (1 - chain.unsold);
}

/**
 * The smallest multi-block bonus b at which the builder with the largest mean wins at least `share` of
 * the sold blocks in the long run (bisection on {@link slotAuctionChain}, to 1e-6 of `maxBonus`): 0 if it
 * already does without a bonus, Infinity if it does not even at `maxBonus`.
 *
 * @example
 * centralisationBonus({ means: [1, 1], mechanism: { kind: "second-price" } }); // → 0
 * centralisationBonus({ means: [1, 1, 1], mechanism: { kind: "threshold-lottery", price: 0.5 } }); // → Infinity
 */
export function centralisationBonus(options: CentralisationBonusOptions): number {
  validate.knownKeys("centralisationBonus options", options ?? {}, ["means", "mechanism", "share", "maxBonus"]);
  const { means, mechanism, share = 0.5 } = options;
  const maxBonus = options.maxBonus ?? 100 * Math.max(...(Array.isArray(means) ? means : [1]));
  validate.inOpenRange("share", share, 0, 1);
  validate.positive("maxBonus", maxBonus);
  if (dominantShare(means, mechanism, 0) >= share) return 0;
  if (dominantShare(means, mechanism, maxBonus) < share) return Infinity;
  let lo = 0;
  let hi = maxBonus;
  while (hi - lo > 1e-6 * maxBonus) {
    const mid = (lo + hi) / 2;
    if (dominantShare(means, mechanism, mid) >= share) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Input of {@link lotteryRevenue}. */
export interface LotteryRevenueOptions {
  /** Each builder's mean value m_l > 0 (exponential values, no bonus). */
  means: readonly number[];
  /** The posted price τ > 0. */
  price: number;
}

/**
 * Revenue per slot of the threshold lottery without a bonus: τ·(1 − Π_l (1 − e^{−τ/m_l})).
 *
 * @example
 * lotteryRevenue({ means: [1, 1], price: 1 }); // → 0.600424
 */
export function lotteryRevenue(options: LotteryRevenueOptions): number {
  validate.knownKeys("lotteryRevenue options", options ?? {}, ["means", "price"]);
  const { means, price } = options;
  validate.finiteArray("means", means);
  means.forEach((m, i) => validate.positive(`means[${i}]`, m));
  validate.positive("price", price);
  return price * -Math.expm1(means.reduce((s, m) => s + Math.log(-Math.expm1(-price / m)), 0));
}
