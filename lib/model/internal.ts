/**
 * Shared building blocks of the closed forms (internal: not re-exported by the barrel).
 *
 * Notation (../../docs/derivations/model.md): x = 1/(1+d), p = 1/n, q = 1 − p, T ~ Geometric(p) on {1, 2, …}.
 * The three denominators that every moment of the model is made of:
 *   D1 = nd + 1             = 1/E[x^T]              (Observation 2)
 *   D2 = nd² + 2nd + 1      = 1/E[x^{2T}]           (Observation 5)
 *   D3 = nd² + 2nd + 2      = 2/((nd+1) E[x^{T_i+T_j}])   (two distinct tickets, ../../docs/derivations/observations.md#two-tickets-covariance)
 * D2 and D3 are formed as 1 + nd(2+d) and 2 + nd(2+d): sums of positive terms, so each carries only a
 * few rounding errors whatever the size of n and d.
 */

/** The denominators D1, D2, D3 (see the module comment) and nd. */
export interface TicketDenominators {
  nd: number;
  d1: number;
  d2: number;
  d3: number;
}

export function ticketDenominators(n: number, d: number): TicketDenominators {
  const nd = n * d;
  const growth = nd * (2 + d); // n((1+d)² − 1) = nd(2+d) ≥ 0, no cancellation
  return { nd, d1: nd + 1, d2: 1 + growth, d3: 2 + growth };
}

/** The discount factor x^m = (1+d)^(−m), accurate for tiny d (never forms 1 + d first). */
export function discountFactor(d: number, m: number): number {
  return Math.exp(-m * Math.log1p(d));
}

/**
 * Variance of a holding of k of the n tickets (k real in [0, n]; nMinusK = n − k passed separately so
 * a caller can compute it without cancellation), in the cancellation-free form
 *
 *   k Var(V) + k(k−1) Cov = kσ²/D2 + kμ² · (nd/D1) · (d/D1) · [(n−k) + (n−1)/D2] / D3,
 *
 * obtained by putting k·Var(V) + k(k−1)·Cov(V_i,V_j) over the common denominator D1²·D2·D3: the
 * μ² part is kμ²nd²[(n−1)D3 − (k−1)D2]/(D1²D2D3) and, since D3 = D2 + 1,
 * (n−1)D3 − (k−1)D2 = (n−k)D2 + (n−1) ≥ 0. Every term is non-negative, so the result carries only
 * rounding errors of relative size a few ulps. k = 1 gives Var(V) (Observation 5).
 */
export function holdingVarianceUnchecked(
  mu: number,
  sigma2: number,
  n: number,
  d: number,
  k: number,
  nMinusK: number,
): number {
  if (k === 0) return 0;
  const { nd, d1, d2, d3 } = ticketDenominators(n, d);
  const noise = (k * sigma2) / d2;
  const timing = k * mu * mu * (nd / d1) * (d / d1) * ((nMinusK + (n - 1) / d2) / d3);
  return noise + timing;
}
