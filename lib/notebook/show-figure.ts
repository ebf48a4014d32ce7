import { findChromium } from "./chromium";
import { currentDisplayWriter, type DisplayBundle } from "./display-writer";
import type { PlotlyFigure } from "./figure";
import { fallbackSize, figureBundle } from "./figure-bundle";
import { checkTraceTypes, placeLegend, renderFigureImage } from "./figure-renderer";
import { withTheme } from "./theme";
import * as validate from "../validate";

/** Options of {@link showFigure}. */
export interface ShowFigureOptions {
  /** File-name friendly name; the exporter writes build/figures/<notebook>-<name>.{svg,png}. */
  name?: string;
  /** Caption shown under the figure in the exported page. */
  caption?: string;
}

export interface PngAvailabilityOptions {
  env?: NodeJS.ProcessEnv;
}

/**
 * Whether a static PNG can be rendered, and if not, why (for the text/plain note).
 *
 * @example
 * pngAvailability({ env: { ET_FIGURE_PNG: "0" } }).render; // → false
 */
export function pngAvailability({
  env = process.env,
}: PngAvailabilityOptions = {}): { render: true } | { render: false; reason: string } {
  if (env.ET_FIGURE_PNG === "0") return { render: false, reason: "static PNG disabled by ET_FIGURE_PNG=0" };
  const chromium = findChromium({ env });
  return chromium.found ? { render: true } : { render: false, reason: `static PNG omitted: ${chromium.reason}` };
}

export interface BuildFigureBundleOptions extends ShowFigureOptions {
  figure: PlotlyFigure;
  env?: NodeJS.ProcessEnv;
}

/**
 * The display payload {@link showFigure} sends: the themed figure as Plotly JSON, a PNG rendered
 * with headless Chromium when one is available (else a note in text/plain), and text/plain.
 * Works without a kernel (this is what tests check).
 *
 * @example
 * const bundle = await buildFigureBundle({ figure: { data: [], layout: {} }, name: "demo" });
 */
export async function buildFigureBundle(options: BuildFigureBundleOptions): Promise<DisplayBundle> {
  validate.knownKeys("buildFigureBundle options", options ?? {}, ["figure", "name", "caption", "env"]);
  const { figure, name, caption, env = process.env } = options;
  checkTraceTypes(figure);
  const themed = withTheme(figure);
  const availability = pngAvailability({ env });
  if (!availability.render) return figureBundle({ figure: themed, name, caption, pngNote: availability.reason });
  let png: Buffer;
  let placed: PlotlyFigure;
  try {
    // Chromium is at hand for the PNG: the legend goes where it covers no data (placeLegend).
    placed = await placeLegend({ figure: themed });
    // One pixel per CSS pixel, no wider than FALLBACK_MAX_WIDTH: whole in every client (fallbackSize).
    png = await renderFigureImage({ figure: placed, format: "png", scale: fallbackSize(placed).scale });
  } catch (err) {
    const message = (err as Error).message.split("\n")[0];
    throw new Error(
      `showFigure: rendering the static PNG with headless Chromium failed: ${message} (set ET_FIGURE_PNG=0 to skip the PNG)`,
    );
  }
  return figureBundle({ figure: placed, name, caption, png });
}

/**
 * Shows a Plotly figure in the notebook as ONE display output carrying
 * `application/vnd.plotly.v1+json` (interactive in JupyterLab with jupyterlab-plotly; read by
 * `npm run export`), `image/png` (static fallback for untrusted or plain front ends; omitted with
 * a note when no Chromium is found or ET_FIGURE_PNG=0) and `text/plain`. The shared theme is
 * applied. Await it: `await showFigure(fig, { name: "value-vs-n" })`.
 *
 * @example
 * await showFigure({ data: [{ type: "scatter", x: [1, 2], y: [0.5, 0.33] }], layout: {} }, { name: "value", caption: "E[V] against n" });
 */
export async function showFigure(figure: PlotlyFigure, options: ShowFigureOptions = {}): Promise<void> {
  validate.knownKeys("showFigure options", options ?? {}, ["name", "caption"]);
  // Take the cell's writer first: fails fast outside a kernel, and the output lands in this cell.
  const write = currentDisplayWriter();
  write(await buildFigureBundle({ figure, ...options }));
}
