/**
 * Explorer figure of notebook 11: protocol capture against n for every sale mechanism of the
 * agent-based market (simulated in the reader's browser, in a worker), next to the second-price
 * closed form for the same populations.
 */
import type { PlotlyFigure } from "../../figure";
import { PALETTE } from "../../theme";
import { MECHANISM_KINDS } from "../../../market/mechanisms/types";
import { competitiveCapture } from "../../../market/theory/capture";
import { resolveHorizon } from "../../../sim/slot-horizon";
import { marketCaptureNs, marketCaptureRun } from "../market-capture-runs";
import type { SimulatedPoint } from "../simulations";
import { num, type Values } from "./plot-helpers";

/** What each mechanism is called in the legend. */
function mechanismLabel(mechanism: string, priceFactor: number): string {
  const labels: Record<string, string> = {
    "fixed-price": `fixed price (${Number(priceFactor.toPrecision(3))} × fair)`,
    "first-price": "first-price, complete-information equilibrium",
    "second-price": "second-price",
    eip1559: "EIP-1559-style price, target n",
    "bonding-curve": "bonding curve",
  };
  return labels[mechanism] ?? mechanism;
}

/**
 * The second-price closed form at each n: the mean over the replications' populations of
 * competitiveCapture at the runs' horizon (what the notebook pairs with its simulation).
 */
function secondPriceTheory(values: Values, ns: number[]): number[] {
  const replications = num(values, "replications");
  return ns.map((n) => {
    let sum = 0;
    for (let r = 0; r < replications; r++) {
      const run = marketCaptureRun(values, "second-price", n, r);
      const horizon = resolveHorizon(run.d, { tolerance: run.tolerance });
      sum += competitiveCapture({
        buyers: run.buyers,
        mu: run.reward.mean,
        sigma2: run.reward.variance,
        n,
        d: run.d,
        horizon,
      }).capture;
    }
    return sum / replications;
  });
}

/**
 * 11: capture against n, simulated per mechanism (mean ± 1.96 s.e. over the replications, once the
 * worker has run) and the second-price closed form (at once). Values: mu, d, tolerance, buyerCount,
 * rMaxFactor, priceFactor, replications, nMax, seed.
 *
 * @example
 * EXPLORER_FIGURES["market-capture"]({ mu: 1, d: 0.001, tolerance: 1e-6, buyerCount: 10, rMaxFactor: 2, priceFactor: 0.8, replications: 2, nMax: 10, seed: 1 }).data.length; // → 1
 */
export function marketCaptureFigure(values: Values, points?: SimulatedPoint[]): PlotlyFigure {
  const ns = marketCaptureNs(values);
  const priceFactor = num(values, "priceFactor");
  const simulated = MECHANISM_KINDS.flatMap((mechanism, j) => {
    const mine = (points ?? []).filter((p) => p.series === mechanism);
    if (mine.length === 0) return [];
    const color = PALETTE[j];
    return [
      {
        type: "scatter",
        mode: "lines+markers",
        x: mine.map((p) => p.x),
        y: mine.map((p) => p.mean),
        error_y: { type: "data", array: mine.map((p) => 1.96 * p.stderr), visible: true, thickness: 1, width: 3 },
        name: mechanismLabel(mechanism, priceFactor),
        line: { color, width: 2 },
        marker: { color, size: 6 },
      },
    ];
  });
  return {
    data: [
      ...simulated,
      {
        type: "scatter",
        mode: "lines",
        x: ns,
        y: secondPriceTheory(values, ns),
        name: "second-price theory: mean of α₍₂₎(1+nd)/(1+n r₍₂₎)",
        line: { color: PALETTE[6], dash: "dot", width: 2 },
      },
    ],
    layout: {
      height: 440,
      margin: { t: 24 },
      xaxis: { title: { text: "target tickets outstanding n (log scale)" }, type: "log" },
      yaxis: { title: { text: "protocol capture χ (PV of proceeds / PV of rewards)" }, range: [0, 1.02] },
      legend: { x: 0.01, y: 0.02, yanchor: "bottom", font: { size: 11 } },
    },
  };
}
