/**
 * Concentration of ticket ownership (or of won slots): the three decentralisation measures of the
 * Galaxy Era study (../../docs/derivations/extensions.md#the-agent-based-markets-parts).
 */
import * as validate from "../validate";

/** Input of the concentration measures. */
export interface HoldingsOptions {
  /** Amount held by each holder (tickets or won slots): non-negative, finite, positive total. */
  holdings: ArrayLike<number>;
}

/** Input of {@link nakamotoCoefficient}. */
export interface NakamotoOptions extends HoldingsOptions {
  /** Control threshold: the coalition must hold MORE than this share. Default 0.5. In [0, 1). */
  threshold?: number;
  /** Count a coalition holding exactly the threshold too (Galaxy Era's "reaching ≥ 51 %"). Default false. */
  inclusive?: boolean;
}

function checkHoldings(holdings: ArrayLike<number>): number {
  if (
    holdings === null ||
    typeof holdings !== "object" ||
    typeof holdings.length !== "number" ||
    holdings.length === 0
  ) {
    throw new RangeError(`holdings must be a non-empty array of numbers ≥ 0; received ${JSON.stringify(holdings)}`);
  }
  let total = 0;
  for (let i = 0; i < holdings.length; i++) total += validate.nonNegative(`holdings[${i}]`, holdings[i]);
  if (!(total > 0)) throw new RangeError(`holdings must have a positive total; received a total of ${total}`);
  return total;
}

/**
 * Herfindahl–Hirschman index on the 0–10,000 scale: Σ (100·share_i)². 10,000 = one holder.
 *
 * @example
 * herfindahl({ holdings: [50, 30, 20] }); // → 3800
 */
export function herfindahl(options: HoldingsOptions): number {
  validate.knownKeys("herfindahl options", options ?? {}, ["holdings"]);
  const { holdings } = options;
  const total = checkHoldings(holdings);
  let sum = 0;
  for (let i = 0; i < holdings.length; i++) {
    const share = holdings[i] / total;
    sum += share * share;
  }
  return 10_000 * sum;
}

/**
 * The largest holder's share, in [0, 1].
 *
 * @example
 * largestShare({ holdings: [50, 30, 20] }); // → 0.5
 */
export function largestShare(options: HoldingsOptions): number {
  validate.knownKeys("largestShare options", options ?? {}, ["holdings"]);
  const { holdings } = options;
  const total = checkHoldings(holdings);
  let max = 0;
  for (let i = 0; i < holdings.length; i++) if (holdings[i] > max) max = holdings[i];
  return max / total;
}

/**
 * Nakamoto coefficient: the smallest number of holders whose combined share exceeds `threshold`
 * (default 50 %; or reaches it, with `inclusive`), counting the largest holders first.
 *
 * @example
 * nakamotoCoefficient({ holdings: [40, 30, 20, 10] }); // → 2
 */
export function nakamotoCoefficient(options: NakamotoOptions): number {
  validate.knownKeys("nakamotoCoefficient options", options ?? {}, ["holdings", "threshold", "inclusive"]);
  const { holdings, threshold = 0.5, inclusive = false } = options;
  const total = checkHoldings(holdings);
  validate.inRange("threshold", threshold, 0, 1);
  if (threshold >= 1) throw new RangeError(`threshold must be a number in [0, 1); received ${threshold}`);
  const sorted = Array.from(holdings).sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) {
    sum += sorted[i];
    if (sum > threshold * total || (inclusive && sum >= threshold * total)) return i + 1;
  }
  return sorted.length; // unreachable: the full sum exceeds threshold·total when threshold < 1
}
