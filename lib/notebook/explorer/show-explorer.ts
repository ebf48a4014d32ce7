/**
 * showExplorer: a figure of the notebook that readers of the exported page can recompute (see
 * explorer-spec.ts). In the notebook it is an ordinary figure at the notebook's values; its output
 * also carries the explorer's record, from which the exporter builds the controls.
 */
import { currentDisplayWriter, type DisplayBundle } from "../display-writer";
import { buildFigureBundle } from "../show-figure";
import * as validate from "../../validate";
import { EXPLORER_FIGURES } from "./figures";
import { runExplorerSimulation } from "./simulations";
import {
  checkControl,
  controlParameter,
  EXPLORER_MIME,
  type ExplorerControl,
  type ExplorerRecord,
} from "./explorer-spec";

/** Input of {@link showExplorer} and {@link buildExplorerBundle}. */
export interface ShowExplorerOptions {
  /** The library figure to draw, a key of EXPLORER_FIGURES: "npv" (d, mu), "ticket-value" (n, d, mu), "value-capture" (d, mu), "stake-value" (share, d, mu), "ticket-variance" (rewardShape, d, mu), "lookahead" (n, d, lookahead, mu), "pooled-risk" (n, d, rewardShape, mu), "share-with-bonus" (beta, d, mu), "realistic-scale" (annualRate, mu, sigma2, nLogMax), "storm-premium" (mu, d, calmMean, stormMean, pCalmToStorm, pStormToCalm, premiumNMax), "one-buyer-capture" (mu, socialRate, buyerRate, gamma, nLogMax), "builder-investor" (mu, d, builderAlpha, builderRFactor, investorAlpha, investorRFactor), "market-capture" (mu, d, tolerance, buyerCount, rMaxFactor, priceFactor, replications, nMax, seed; simulated). */
  figure: string;
  /** The notebook's values of every parameter the figure takes (from its parameters cell). */
  values: Record<string, number | string>;
  /** The parameters a reader may move, each named as in the parameters cell. */
  controls: ExplorerControl[];
  /** File-name friendly name and caption, as for showFigure. */
  name?: string;
  caption?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The display payload of an explorer: the figure's bundle (as showFigure) plus its record.
 *
 * @example
 * const bundle = await buildExplorerBundle({ figure: "ticket-value", values: { n: 100, d: 0.01, mu: 1 }, controls: [{ name: "n", min: 1, max: 1e4, scale: "log", integer: true }], env: { ET_FIGURE_PNG: "0" } });
 */
export async function buildExplorerBundle(options: ShowExplorerOptions): Promise<DisplayBundle> {
  validate.knownKeys("showExplorer options", options ?? {}, ["figure", "values", "controls", "name", "caption", "env"]);
  const { figure, values, controls, name, caption, env } = options;
  const draw = EXPLORER_FIGURES[figure];
  if (!draw)
    throw new RangeError(
      `figure must be one of ${Object.keys(EXPLORER_FIGURES).join(", ")}; received ${JSON.stringify(figure)}`,
    );
  if (!Array.isArray(controls) || controls.length === 0)
    throw new RangeError("controls must list at least one parameter a reader may move");
  for (const control of controls) {
    const parameter = controlParameter(control);
    if (!(parameter in values))
      throw new RangeError(`controls: ${parameter} is not one of the values (${Object.keys(values).join(", ")})`);
    checkControl(control, values[parameter]);
  }
  // The simulated part (if the figure has one) runs here in full; the page reruns it in a worker.
  const bundle = await buildFigureBundle({
    figure: draw(values, runExplorerSimulation(figure, values)),
    name,
    caption,
    env,
  });
  const record: ExplorerRecord = { figure, controls: controls.map((c) => ({ ...c })), values: { ...values } };
  return { ...bundle, data: { ...bundle.data, [EXPLORER_MIME]: record } };
}

/**
 * Shows a figure that readers of the exported page can redraw at other values of the given
 * parameters (sliders and menus named as in the parameters cell; the page's URL fragment keeps the
 * view). Await it.
 *
 * @example
 * await showExplorer({ figure: "ticket-value", values: { n, d, mu }, controls: [
 *   { name: "n", min: 1, max: 1e5, scale: "log", integer: true }, { name: "d", min: 1e-4, max: 0.1, scale: "log" },
 *   { name: "mu", min: 0.1, max: 10, step: 0.1 } ], name: "explore-ticket-value" });
 */
export async function showExplorer(options: ShowExplorerOptions): Promise<void> {
  const write = currentDisplayWriter();
  write(await buildExplorerBundle(options));
}
