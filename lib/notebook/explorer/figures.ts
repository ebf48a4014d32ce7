/**
 * The figures explorers redraw: each a function of plain values to a Plotly figure, built from the
 * library's closed forms only (pure: no Node API), so the exporter can bundle them for the browser
 * and the page computes exactly what the notebook computed.
 */
import type { PlotlyFigure } from "../figure";
import type { SimulatedPoint } from "./simulations";
import { PALETTE } from "../theme";
import { marginalShareValue, shareValueWithBonus } from "../../market/theory/multi-block";
import { lookaheadTicketValue } from "../../model/lookahead";
import { pooledTicketVariance } from "../../model/pooling";
import { npvOfRewards, npvVariance } from "../../model/npv";
import { stakeValue } from "../../model/stake";
import { ticketValue } from "../../model/ticket-value";
import { issuedValue, unissuedValue } from "../../model/value-capture";
import { ticketVariance } from "../../model/variance";

type Values = Record<string, number | string>;
const num = (values: Values, name: string): number => {
  const v = values[name];
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new RangeError(`${name} must be a finite number; received ${JSON.stringify(v)}`);
  return v;
};

/** n on a log grid from 1 to `max` (integers, no repeats). */
function nGrid(max: number, points = 160): number[] {
  const out = new Set<number>();
  for (let i = 0; i < points; i++) out.add(Math.max(1, Math.round(max ** (i / (points - 1)))));
  return [...out];
}

/** A line trace. */
function curve(x: number[], y: number[], name: string, line: Record<string, unknown>): Record<string, unknown> {
  return { type: "scatter", mode: "lines", x, y, name, line };
}

/** A figure over n (log axis) at the explorers' common size. */
function overN(
  data: PlotlyFigure["data"],
  yTitle: string,
  yLog: boolean,
  legend: Record<string, unknown>,
): PlotlyFigure {
  return {
    data,
    layout: {
      height: 360,
      margin: { t: 24 },
      xaxis: { title: { text: "tickets outstanding n (log scale)" }, type: "log" },
      yaxis: yLog ? { title: { text: yTitle }, type: "log" } : { title: { text: yTitle }, rangemode: "tozero" },
      legend,
    },
  };
}

/**
 * 02: one ticket's value μ/(nd+1) against n, the chosen n marked, and (when given) the simulated
 * mean at that n with its 95 % interval. Values: n, d, mu (and samples, seed for the simulation).
 *
 * @example
 * EXPLORER_FIGURES["ticket-value"]({ n: 100, d: 0.01, mu: 1 }).data[1].y[0]; // → 0.5
 */
function ticketValueFigure(values: Values, simulated?: SimulatedPoint): PlotlyFigure {
  const n = num(values, "n");
  const d = num(values, "d");
  const mu = num(values, "mu");
  const grid = nGrid(Math.max(1e4, 10 * n));
  const at = ticketValue({ mu, n, d });
  return overN(
    [
      curve(
        grid,
        grid.map((k) => ticketValue({ mu, n: k, d })),
        "μ/(nd+1)",
        { color: PALETTE[0], width: 2.5 },
      ),
      {
        type: "scatter",
        mode: "markers",
        x: [n],
        y: [at],
        name: `n = ${n}: E[V] = ${at.toPrecision(4)}`,
        marker: { color: PALETTE[3], size: 10 },
      },
      curve([1, grid[grid.length - 1]], [mu, mu], "μ (a ticket drawn at once)", {
        color: PALETTE[6],
        dash: "dot",
        width: 1.5,
      }),
      ...(simulated
        ? [
            {
              type: "scatter",
              mode: "markers",
              x: [simulated.x],
              y: [simulated.mean],
              error_y: { type: "data", array: [1.96 * simulated.stderr], visible: true, thickness: 1.5, width: 6 },
              name: `simulated: ${simulated.samples} tickets, mean ± 1.96 s.e.`,
              marker: { color: PALETTE[2], size: 8, symbol: "circle-open", line: { width: 2 } },
            },
          ]
        : []),
    ],
    "expected ticket value E[V]",
    false,
    { x: 0.02, y: 0.02, yanchor: "bottom" },
  );
}

/**
 * 04: the value of holding a share P of the tickets, P·n·μ/(nd+1), against n, next to P·μ/d.
 * Values: share (P as a fraction), d, mu.
 *
 * @example
 * EXPLORER_FIGURES["stake-value"]({ share: 0.1, d: 0.01, mu: 1 }).data[1].y[0]; // → 10
 */
function stakeValueFigure(values: Values): PlotlyFigure {
  const P = num(values, "share");
  const d = num(values, "d");
  const mu = num(values, "mu");
  const grid = nGrid(1e6);
  const limit = P * npvOfRewards({ mu, d });
  return overN(
    [
      curve(
        grid,
        grid.map((n) => stakeValue({ mu, n, d, share: P })),
        `P·nμ/(nd+1), P = ${(100 * P).toPrecision(3)} %`,
        { color: PALETTE[0], width: 2.5 },
      ),
      curve([1, 1e6], [limit, limit], "limit P·μ/d", { color: PALETTE[6], dash: "dot", width: 1.5 }),
    ],
    "value of P % of the tickets",
    false,
    { x: 0.02, y: 0.98 },
  );
}

/** A log grid of `points` values from `lo` to `hi`. */
function logGrid(lo: number, hi: number, points = 160): number[] {
  return Array.from({ length: points }, (_, i) => lo * (hi / lo) ** (i / (points - 1)));
}

/**
 * 01: the NPV of all future rewards, μ/d, with ± one standard deviation √(σ²/(d(2+d))) for
 * exponential rewards (σ = μ), against d; the chosen d marked. Values: d, mu.
 *
 * @example
 * EXPLORER_FIGURES.npv({ d: 0.01, mu: 1 }).data[2].y[0]; // → 100
 */
function npvFigure(values: Values): PlotlyFigure {
  const d = num(values, "d");
  const mu = num(values, "mu");
  const grid = logGrid(1e-4, 1);
  const sd = (r: number) => Math.sqrt(npvVariance({ sigma2: mu * mu, d: r }));
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        x: grid,
        y: grid.map((r) => npvOfRewards({ mu, d: r }) + sd(r)),
        name: "± one standard deviation (R ~ Exp)",
        line: { color: PALETTE[0], width: 0.5 },
        showlegend: false,
      },
      {
        type: "scatter",
        mode: "lines",
        x: grid,
        y: grid.map((r) => Math.max(0, npvOfRewards({ mu, d: r }) - sd(r))),
        name: "± one standard deviation (R ~ Exp)",
        line: { color: PALETTE[0], width: 0.5 },
        fill: "tonexty",
        fillcolor: "rgba(0,114,178,0.15)",
      },
      {
        type: "scatter",
        mode: "markers",
        x: [d],
        y: [npvOfRewards({ mu, d })],
        name: `d = ${d}: μ/d = ${npvOfRewards({ mu, d }).toPrecision(4)}`,
        marker: { color: PALETTE[3], size: 10 },
      },
      curve(
        grid,
        grid.map((r) => npvOfRewards({ mu, d: r })),
        "E[NPV] = μ/d",
        { color: PALETTE[0], width: 2.5 },
      ),
    ],
    layout: {
      height: 360,
      margin: { t: 24 },
      xaxis: { title: { text: "per-slot discount rate d (log scale)" }, type: "log" },
      yaxis: { title: { text: "NPV of all future rewards (log scale)" }, type: "log" },
      legend: { x: 0.98, xanchor: "right", y: 0.98 },
    },
  };
}

/**
 * 03: issued (n·μ/(nd+1)) and unissued value against n; they always add up to μ/d. Values: d, mu.
 *
 * @example
 * EXPLORER_FIGURES["value-capture"]({ d: 0.01, mu: 1 }).data.length; // → 3
 */
function valueCaptureFigure(values: Values): PlotlyFigure {
  const d = num(values, "d");
  const mu = num(values, "mu");
  const grid = nGrid(1e6);
  return overN(
    [
      curve(
        grid,
        grid.map((n) => issuedValue({ mu, n, d })),
        "issued n·μ/(nd+1)",
        { color: PALETTE[0], width: 2.5 },
      ),
      curve(
        grid,
        grid.map((n) => unissuedValue({ mu, n, d })),
        "unissued",
        { color: PALETTE[1], width: 2.5 },
      ),
      curve([1, 1e6], [npvOfRewards({ mu, d }), npvOfRewards({ mu, d })], "sum μ/d", {
        color: PALETTE[6],
        dash: "dot",
        width: 1.5,
      }),
    ],
    "present value",
    false,
    { x: 0.02, y: 0.5 },
  );
}

/**
 * 05: the coefficient of variation of one ticket's value, SD(V)/E[V], against n for rewards
 * R ~ Gamma(shape, μ/shape) (σ² = μ²/shape). Values: rewardShape, d, mu.
 *
 * @example
 * EXPLORER_FIGURES["ticket-variance"]({ rewardShape: 1, d: 0.01, mu: 1 }).data.length; // → 1
 */
function ticketVarianceFigure(values: Values): PlotlyFigure {
  const shape = num(values, "rewardShape");
  const d = num(values, "d");
  const mu = num(values, "mu");
  const sigma2 = (mu * mu) / shape;
  const grid = nGrid(1e6);
  return overN(
    [
      curve(
        grid,
        grid.map((n) => Math.sqrt(ticketVariance({ mu, sigma2, n, d })) / ticketValue({ mu, n, d })),
        `SD(V)/E[V], reward shape ${shape} (σ/μ = ${(1 / Math.sqrt(shape)).toPrecision(3)})`,
        { color: PALETTE[0], width: 2.5 },
      ),
    ],
    "coefficient of variation of V (log scale)",
    true,
    { x: 0.02, y: 0.98 },
  );
}

/**
 * 10: a ticket drawn m slots ahead of its proposal, μ(1+d)^(−m)/(nd+1), against n, next to the
 * post's ticket (m = 0); the chosen n marked. Values: n, d, lookahead, mu.
 *
 * @example
 * EXPLORER_FIGURES.lookahead({ n: 100, d: 0.01, lookahead: 32, mu: 1 }).data[2].y[0]; // → 0.363652
 */
function lookaheadFigure(values: Values): PlotlyFigure {
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
function pooledRiskFigure(values: Values): PlotlyFigure {
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
function shareWithBonusFigure(values: Values): PlotlyFigure {
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

/** Every figure an explorer can draw, by name. */
export const EXPLORER_FIGURES: Readonly<Record<string, (values: Values, simulated?: SimulatedPoint) => PlotlyFigure>> =
  {
    npv: npvFigure,
    "ticket-value": ticketValueFigure,
    "value-capture": valueCaptureFigure,
    "stake-value": stakeValueFigure,
    "ticket-variance": ticketVarianceFigure,
    lookahead: lookaheadFigure,
    "pooled-risk": pooledRiskFigure,
    "share-with-bonus": shareWithBonusFigure,
  };
