/**
 * Explorer figures of the calibrated and risk notebooks: the observations at a realistic discount
 * rate (06), the value of a ticket bought in a storm or in calm (07) and the capture of one buyer
 * with a cost of capital and risk aversion (08). Closed forms of the library only.
 */
import type { PlotlyFigure } from "../../figure";
import { PALETTE } from "../../theme";
import { processTicketValue } from "../../../dynamics/process-ticket";
import { captureRatio, protocolCapture } from "../../../model/capital-cost";
import { perSlotRate } from "../../../model/rates";
import { certaintyEquivalent } from "../../../model/risk-aversion";
import { ticketValue } from "../../../model/ticket-value";
import { issuedShare } from "../../../model/value-capture";
import { ticketVariance } from "../../../model/variance";
import { exponentialStorms } from "../../../rewards/exponential-storms";
import { CALM, STORM } from "../../../rewards/regime-switching";
import { curve, nGrid, num, type Values } from "./plot-helpers";

/**
 * 06: at one annual rate (d per slot from it), E[V]/μ and the issued share nd/(nd+1) against n
 * (left), and Var(V)/Var(R) for the calibrated law (right). Values: annualRate, mu, sigma2, nLogMax.
 *
 * @example
 * EXPLORER_FIGURES["realistic-scale"]({ annualRate: 0.04, mu: 0.05, sigma2: 0.3, nLogMax: 1e10 }).data.length; // → 3
 */
export function realisticScaleFigure(values: Values): PlotlyFigure {
  const annualRate = num(values, "annualRate");
  const mu = num(values, "mu");
  const sigma2 = num(values, "sigma2");
  const d = perSlotRate(annualRate);
  const grid = nGrid(num(values, "nLogMax"), 200);
  const rate = `${(100 * annualRate).toPrecision(3)} %/yr`;
  return {
    data: [
      curve(
        grid,
        grid.map((n) => ticketValue({ mu: 1, n, d })),
        `E[V]/μ, ${rate}`,
        { color: PALETTE[0], width: 2.5 },
      ),
      curve(
        grid,
        grid.map((n) => issuedShare({ n, d })),
        `issued share nd/(nd+1), ${rate}`,
        { color: PALETTE[0], width: 2, dash: "dash" },
      ),
      {
        ...curve(
          grid,
          grid.map((n) => ticketVariance({ mu, sigma2, n, d }) / sigma2),
          `Var(V)/Var(R), ${rate}`,
          { color: PALETTE[3], width: 2.5 },
        ),
        xaxis: "x2",
        yaxis: "y2",
      },
    ],
    layout: {
      height: 400,
      margin: { t: 24, b: 110 },
      xaxis: { domain: [0, 0.44], type: "log", title: { text: "tickets outstanding n (log scale)" } },
      yaxis: { title: { text: "share (E[V]/μ and nd/(nd+1))" }, range: [0, 1.05] },
      xaxis2: { domain: [0.58, 1], anchor: "y2", type: "log", title: { text: "tickets outstanding n (log scale)" } },
      yaxis2: { anchor: "x2", title: { text: "Var(V)/Var(R) (ratio)" }, range: [0, 1.05] },
      legend: { orientation: "h", x: 0, y: -0.3 },
    },
  };
}

/**
 * 07: the value of a ticket bought in a storm and in calm, relative to μ/(nd+1), against n.
 * Values: mu, d, calmMean, stormMean, pCalmToStorm, pStormToCalm, premiumNMax.
 *
 * @example
 * EXPLORER_FIGURES["storm-premium"]({ mu: 1, d: 0.01, calmMean: 0.6, stormMean: 3, pCalmToStorm: 0.02, pStormToCalm: 0.1, premiumNMax: 1e5 }).data.length; // → 3
 */
export function stormPremiumFigure(values: Values): PlotlyFigure {
  const d = num(values, "d");
  const process = exponentialStorms({
    mu: num(values, "mu"),
    calmMean: num(values, "calmMean"),
    stormMean: num(values, "stormMean"),
    pCalmToStorm: num(values, "pCalmToStorm"),
    pStormToCalm: num(values, "pStormToCalm"),
  });
  const grid = nGrid(num(values, "premiumNMax"), 120);
  const ratio = (state: number) =>
    grid.map((n) => processTicketValue({ process, n, d, state }) / ticketValue({ mu: process.stationaryMean, n, d }));
  return {
    data: [
      curve(grid, ratio(STORM), "bought in a storm", { color: PALETTE[3], width: 2.5 }),
      curve(grid, ratio(CALM), "bought in calm", { color: PALETTE[0], width: 2.5 }),
      curve([1, grid[grid.length - 1]], [1, 1], "any time (stationary): E[V] = μ/(nd+1)", {
        color: "#777777",
        width: 1,
        dash: "dash",
      }),
    ],
    layout: {
      height: 380,
      margin: { t: 24 },
      xaxis: { type: "log", title: { text: "tickets outstanding n (log scale)" } },
      yaxis: { title: { text: "E[V | regime at purchase] / E[V] (ratio)" } },
      legend: { x: 0.98, xanchor: "right", y: 0.5, yanchor: "middle" },
    },
  };
}

/**
 * 08: capture against n when one kind of buyer sets the price: risk neutral with a cost of capital
 * r, (1+nd)/(1+nr), and CARA with risk aversion γ at the same r (exponential rewards of mean μ),
 * next to the limit d/r. Values: mu, socialRate, buyerRate, gamma, nLogMax.
 *
 * @example
 * EXPLORER_FIGURES["one-buyer-capture"]({ mu: 0.05, socialRate: 0.03, buyerRate: 0.05, gamma: 1, nLogMax: 1e9 }).data.length; // → 3
 */
export function oneBuyerCaptureFigure(values: Values): PlotlyFigure {
  const mu = num(values, "mu");
  const gamma = num(values, "gamma");
  const d = perSlotRate(num(values, "socialRate"));
  const r = perSlotRate(num(values, "buyerRate"));
  const grid = nGrid(num(values, "nLogMax"), 120);
  const percent = (x: number) => `${(100 * x).toPrecision(3)} %`;
  return {
    data: [
      curve(
        grid,
        grid.map((n) => captureRatio({ n, d, r })),
        `risk neutral at ${percent(num(values, "buyerRate"))}/yr: (1+nd)/(1+nr)`,
        { color: PALETTE[0], width: 2.5 },
      ),
      curve(
        grid,
        grid.map((n) =>
          protocolCapture({
            price: certaintyEquivalent({ mu, n, d: r, gamma, rewards: "exponential" }),
            mu,
            n,
            d,
          }),
        ),
        `CARA, γ = ${gamma.toPrecision(3)}/ETH, same rate`,
        { color: PALETTE[3], width: 2.5 },
      ),
      curve([1, grid[grid.length - 1]], [d / r, d / r], `limit d/r = ${(d / r).toPrecision(3)}`, {
        color: PALETTE[6],
        dash: "dot",
        width: 1.5,
      }),
    ],
    layout: {
      height: 380,
      margin: { t: 24 },
      xaxis: { type: "log", title: { text: "tickets outstanding n (log scale)" } },
      yaxis: { title: { text: "capture χ (share of μ/d)" }, range: [0, 1.03] },
      legend: { x: 0.02, y: 0.02, yanchor: "bottom" },
    },
  };
}
