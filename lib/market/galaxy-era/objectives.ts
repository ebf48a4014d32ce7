/**
 * Galaxy Era's price objectives (../../../docs/derivations/galaxy-era.md#objectives); the
 * concentration objectives reuse lib/market's herfindahl, largestShare and nakamotoCoefficient.
 */

/**
 * Garman–Klass volatility of a price path cut into periods of `period` slots: per period
 * σ² = ½·ln(H/L)² − (2·ln 2 − 1)·ln(C/O)² from its open, high, low and close; the result is
 * √(mean σ² over the periods) (periods with a non-positive price are skipped; NaN when none is left).
 */
export function garmanKlassVolatility(options: { prices: ArrayLike<number>; period: number }): number {
  const { prices, period } = options;
  const c = 2 * Math.LN2 - 1;
  let sum = 0;
  let count = 0;
  for (let start = 0; start < prices.length; start += period) {
    const end = Math.min(prices.length, start + period);
    let high = -Infinity;
    let low = Infinity;
    for (let t = start; t < end; t++) {
      high = Math.max(high, prices[t]);
      low = Math.min(low, prices[t]);
    }
    if (!(low > 0)) continue;
    const hl = Math.log(high / low);
    const co = Math.log(prices[end - 1] / prices[start]);
    sum += 0.5 * hl * hl - c * co * co;
    count++;
  }
  return count === 0 ? Number.NaN : Math.sqrt(Math.max(0, sum / count));
}

/**
 * Population variance of the slot-to-slot price changes p_t − p_{t−1} (NaN for fewer than 2 prices).
 */
export function varianceOfDeltas(options: { prices: ArrayLike<number> }): number {
  const { prices } = options;
  const m = prices.length - 1;
  if (m < 1) return Number.NaN;
  let mean = 0;
  for (let t = 1; t <= m; t++) mean += prices[t] - prices[t - 1];
  mean /= m;
  let sum = 0;
  for (let t = 1; t <= m; t++) {
    const d = prices[t] - prices[t - 1] - mean;
    sum += d * d;
  }
  return sum / m;
}
