/**
 * Explorer figures of the extensions with closed forms: lookahead (10), pooling (09) and the
 * multi-block bonus (13).
 */
import type { PlotlyFigure } from "../../figure";
import { PALETTE } from "../../theme";
import { marginalShareValue, shareValueWithBonus } from "../../../market/theory/multi-block";
import { lookaheadTicketValue } from "../../../model/lookahead";
import { npvOfRewards } from "../../../model/npv";
import { pooledTicketVariance } from "../../../model/pooling";
import { ticketValue } from "../../../model/ticket-value";
import { curve, nGrid, num, overN, type Values } from "./plot-helpers";

/**
 * 10: a ticket drawn m slots ahead of its proposal, μ(1+d)^(−m)/(nd+1), against n, next to the
 * post's ticket (m = 0); the chosen n marked. Values: n, d, lookahead, mu.
 *
 * @example
 * EXPLORER_FIGURES.lookahead({ n: 100, d: 0.01, lookahead: 32, mu: 1 }).data[2].y[0]; // → 0.363652
 */
export function lookaheadFigure(values: Values): PlotlyFigure {
  const n = num(values, "n");
  const d = num(values, "d");
  const m = num(values, "lookahead");
  const mu = num(values, "mu");
  const grid = nGrid(Math.max(1e4, 10 * n));
  return overN(
    [
      curve(
        grid,
        grid.map((k) => ticketValue({ mu, n: k, d })),
        "the post's ticket (m = 0)",
        { color: PALETTE[6], dash: "dot", width: 1.5 },
      ),
      curve(
        grid,
        grid.map((k) => lookaheadTicketValue({ mu, n: k, d, m })),
        `lookahead m = ${m} slots`,
        { color: PALETTE[0], width: 2.5 },
      ),
      {
        type: "scatter",
        mode: "markers",
        x: [n],
        y: [lookaheadTicketValue({ mu, n, d, m })],
        name: `n = ${n}`,
        marker: { color: PALETTE[3], size: 10 },
      },
    ],
    "expected ticket value",
    false,
    { x: 0.02, y: 0.02, yanchor: "bottom" },
  );
}

/**
 * 09: the risk per ticket of a pool of k of the n tickets, SD/E[V] of its per-ticket payoff, against
 * k, for rewards R ~ Gamma(shape, μ/shape). Values: n, d, rewardShape, mu.
 *
 * @example
 * EXPLORER_FIGURES["pooled-risk"]({ n: 20, d: 0.05, rewardShape: 2, mu: 1 }).data[0].x.length; // → 20
 */
export function pooledRiskFigure(values: Values): PlotlyFigure {
  const n = num(values, "n");
  const d = num(values, "d");
  const shape = num(values, "rewardShape");
  const mu = num(values, "mu");
  const sigma2 = (mu * mu) / shape;
  const ks = n <= 160 ? Array.from({ length: n }, (_, i) => i + 1) : nGrid(n);
  const cv = (k: number) => Math.sqrt(pooledTicketVariance({ mu, sigma2, n, d, k })) / ticketValue({ mu, n, d });
  return {
    data: [
      curve(ks, ks.map(cv), `pool of k of n = ${n} tickets`, { color: PALETTE[0], width: 2.5 }),
      curve([1, n], [cv(1), cv(1) / Math.sqrt(n)], "1/√k (independent tickets)", {
        color: PALETTE[6],
        dash: "dot",
        width: 1.5,
      }),
    ],
    layout: {
      height: 360,
      margin: { t: 24 },
      xaxis: { title: { text: "tickets in the pool k (log scale)" }, type: "log" },
      yaxis: { title: { text: "SD / mean of the payoff per ticket (log scale)" }, type: "log" },
      legend: { x: 0.02, y: 0.02, yanchor: "bottom" },
    },
  };
}

/**
 * 13: with a linear multi-block bonus β, the value of a maintained share P per unit of share
 * (average) and of a little more share (marginal), in units of μ/d, against P. Values: beta, d, mu.
 *
 * @example
 * EXPLORER_FIGURES["share-with-bonus"]({ beta: 0.5, d: 0.01, mu: 1 }).data.length; // → 2
 */
export function shareWithBonusFigure(values: Values): PlotlyFigure {
  const beta = num(values, "beta");
  const d = num(values, "d");
  const mu = num(values, "mu");
  const shares = Array.from({ length: 100 }, (_, i) => (i + 1) / 100);
  const bonus = { kind: "linear" as const, beta };
  const unit = npvOfRewards({ mu, d });
  return {
    data: [
      curve(
        shares,
        shares.map((share) => shareValueWithBonus({ mu, share, d, bonus }) / share / unit),
        "average: V(P)/P",
        { color: PALETTE[0], width: 2.5 },
      ),
      curve(
        shares,
        shares.map((share) => marginalShareValue({ mu, share, d, bonus }) / unit),
        "marginal: dV/dP",
        { color: PALETTE[3], width: 2.5 },
      ),
    ],
    layout: {
      height: 360,
      margin: { t: 24 },
      xaxis: { title: { text: "maintained share P" }, range: [0, 1] },
      yaxis: { title: { text: "value per unit of share / (μ/d)" }, rangemode: "tozero" },
      legend: { x: 0.02, y: 0.98 },
    },
  };
}
