/**
 * The figures explorers redraw: each a function of plain values to a Plotly figure, built from the
 * library's closed forms only (pure: no Node API), so the exporter can bundle them for the browser
 * and the page computes exactly what the notebook computed.
 */
import type { PlotlyFigure } from "../figure";
import { PALETTE } from "../theme";
import { npvOfRewards } from "../../model/npv";
import { stakeValue } from "../../model/stake";
import { ticketValue } from "../../model/ticket-value";

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

/**
 * 02: one ticket's value μ/(nd+1) against n, the chosen n marked. Values: n, d, mu.
 *
 * @example
 * EXPLORER_FIGURES["ticket-value"]({ n: 100, d: 0.01, mu: 1 }).data[1].y[0]; // → 0.5
 */
function ticketValueFigure(values: Values): PlotlyFigure {
  const n = num(values, "n");
  const d = num(values, "d");
  const mu = num(values, "mu");
  const grid = nGrid(Math.max(1e4, 10 * n));
  const at = ticketValue({ mu, n, d });
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        x: grid,
        y: grid.map((k) => ticketValue({ mu, n: k, d })),
        name: "μ/(nd+1)",
        line: { color: PALETTE[0], width: 2.5 },
      },
      {
        type: "scatter",
        mode: "markers",
        x: [n],
        y: [at],
        name: `n = ${n}: E[V] = ${at.toPrecision(4)}`,
        marker: { color: PALETTE[3], size: 10 },
      },
      {
        type: "scatter",
        mode: "lines",
        x: [1, grid[grid.length - 1]],
        y: [mu, mu],
        name: "μ (a ticket drawn at once)",
        line: { color: PALETTE[6], dash: "dot", width: 1.5 },
      },
    ],
    layout: {
      height: 360,
      margin: { t: 24 },
      xaxis: { title: { text: "tickets outstanding n (log scale)" }, type: "log" },
      yaxis: { title: { text: "expected ticket value E[V]" }, rangemode: "tozero" },
      legend: { x: 0.98, xanchor: "right", y: 0.98 },
    },
  };
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
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        x: grid,
        y: grid.map((n) => stakeValue({ mu, n, d, share: P })),
        name: `P·nμ/(nd+1), P = ${(100 * P).toPrecision(3)} %`,
        line: { color: PALETTE[0], width: 2.5 },
      },
      {
        type: "scatter",
        mode: "lines",
        x: [1, 1e6],
        y: [limit, limit],
        name: "limit P·μ/d",
        line: { color: PALETTE[6], dash: "dot", width: 1.5 },
      },
    ],
    layout: {
      height: 360,
      margin: { t: 24 },
      xaxis: { title: { text: "tickets outstanding n (log scale)" }, type: "log" },
      yaxis: { title: { text: "value of P % of the tickets" }, rangemode: "tozero" },
      legend: { x: 0.02, y: 0.98 },
    },
  };
}

/** Every figure an explorer can draw, by name. */
export const EXPLORER_FIGURES: Readonly<Record<string, (values: Values) => PlotlyFigure>> = {
  "ticket-value": ticketValueFigure,
  "stake-value": stakeValueFigure,
};
