/**
 * Explorer figures of the post's observations (notebooks 01–05), from the library's closed forms.
 */
import type { PlotlyFigure } from "../../figure";
import { PALETTE } from "../../theme";
import { npvOfRewards, npvVariance } from "../../../model/npv";
import { stakeValue } from "../../../model/stake";
import { ticketValue } from "../../../model/ticket-value";
import { issuedValue, unissuedValue } from "../../../model/value-capture";
import { ticketVariance } from "../../../model/variance";
import type { SimulatedPoint } from "../simulations";
import { curve, logGrid, nGrid, num, overN, type Values } from "./plot-helpers";

/**
 * 02: one ticket's value μ/(nd+1) against n, the chosen n marked, and (when given) the simulated
 * mean at that n with its 95 % interval. Values: n, d, mu (and samples, seed for the simulation).
 *
 * @example
 * EXPLORER_FIGURES["ticket-value"]({ n: 100, d: 0.01, mu: 1 }).data[1].y[0]; // → 0.5
 */
export function ticketValueFigure(values: Values, points?: SimulatedPoint[]): PlotlyFigure {
  const simulated = points?.[0];
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
export function stakeValueFigure(values: Values): PlotlyFigure {
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

/**
 * 01: the NPV of all future rewards, μ/d, with ± one standard deviation √(σ²/(d(2+d))) for
 * exponential rewards (σ = μ), against d; the chosen d marked. Values: d, mu.
 *
 * @example
 * EXPLORER_FIGURES.npv({ d: 0.01, mu: 1 }).data[2].y[0]; // → 100
 */
export function npvFigure(values: Values): PlotlyFigure {
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
export function valueCaptureFigure(values: Values): PlotlyFigure {
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
export function ticketVarianceFigure(values: Values): PlotlyFigure {
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
