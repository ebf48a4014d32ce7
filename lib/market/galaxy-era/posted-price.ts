/**
 * Galaxy Era's two posted-price rules (../../../docs/derivations/galaxy-era.md#posted-prices).
 */

/**
 * One EIP-1559-style update towards the target holding M/2:
 * p ← p·(1 + ((held − target)/target)/K).
 */
export function eip1559Price(options: {
  price: number;
  held: number;
  maxTickets: number;
  adjustFactor: number;
}): number {
  const { price, held, maxTickets, adjustFactor } = options;
  const target = maxTickets / 2;
  return price * (1 + (held - target) / target / adjustFactor);
}

/**
 * The AMM (bonding-curve) price of the next ticket: with x = held − M/2 and k = 1/ammAdjustFactor,
 * p = e^b·(e^{(x+1)k} − e^{xk}) = e^{b + xk}·expm1(k), b = 6: the cost of moving the curve
 * e^{b + xk} one ticket up.
 */
export function ammPrice(options: { held: number; maxTickets: number; adjustFactor: number }): number {
  const { held, maxTickets, adjustFactor } = options;
  const k = 1 / adjustFactor;
  const x = held - maxTickets / 2;
  return Math.exp(AMM_B + x * k) * Math.expm1(k);
}

/** Galaxy Era's curve offset b (e^6 ≈ 403). */
export const AMM_B = 6;
