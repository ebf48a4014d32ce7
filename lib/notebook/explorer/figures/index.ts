/**
 * The figures explorers redraw: each a function of plain values (and, for a figure with a simulated
 * part, the simulation's points) to a Plotly figure, built from the library's closed forms only
 * (pure: no Node API), so the exporter can bundle them for the browser and the page computes
 * exactly what the notebook computed.
 */
import type { PlotlyFigure } from "../../figure";
import type { SimulatedPoint } from "../simulations";
import { lookaheadFigure, pooledRiskFigure, shareWithBonusFigure } from "./extensions";
import { builderInvestorFigure } from "./heterogeneous-buyers";
import { marketCaptureFigure } from "./market-mechanisms";
import {
  burnVersusTicketsFigure,
  contestSharesFigure,
  dominanceVersusBonusFigure,
  jitVersusAheadFigure,
} from "./new-results";
import type { Values } from "./plot-helpers";
import {
  npvFigure,
  stakeValueFigure,
  ticketValueFigure,
  ticketVarianceFigure,
  valueCaptureFigure,
} from "./post-observations";
import { oneBuyerCaptureFigure, realisticScaleFigure, stormPremiumFigure } from "./realistic-and-risk";

/** A figure an explorer draws: the values of its parameters (and simulated points) to a figure. */
export type ExplorerFigure = (values: Values, simulated?: SimulatedPoint[]) => PlotlyFigure;

/** Every figure an explorer can draw, by name. */
export const EXPLORER_FIGURES: Readonly<Record<string, ExplorerFigure>> = {
  npv: npvFigure,
  "ticket-value": ticketValueFigure,
  "value-capture": valueCaptureFigure,
  "stake-value": stakeValueFigure,
  "ticket-variance": ticketVarianceFigure,
  lookahead: lookaheadFigure,
  "pooled-risk": pooledRiskFigure,
  "share-with-bonus": shareWithBonusFigure,
  "realistic-scale": realisticScaleFigure,
  "storm-premium": stormPremiumFigure,
  "one-buyer-capture": oneBuyerCaptureFigure,
  "builder-investor": builderInvestorFigure,
  "market-capture": marketCaptureFigure,
  "jit-vs-aot": jitVersusAheadFigure,
  "burn-vs-tickets": burnVersusTicketsFigure,
  "contest-shares": contestSharesFigure,
  "dominance-vs-bonus": dominanceVersusBonusFigure,
};
