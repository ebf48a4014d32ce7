/**
 * The Plotly figure shape the notebook helpers accept: plain JSON, as plotly.js and the
 * `application/vnd.plotly.v1+json` mime type expect it. Deliberately loose (plotly.js's own
 * type definitions are over 1 MB and would slow every tslab cell compile).
 */
import * as validate from "../validate";
export interface PlotlyFigure {
  /** Traces, e.g. `{ type: "scatter", x: [...], y: [...], name: "closed form" }`. */
  data: Array<Record<string, unknown>>;
  /** Layout: titles, axes, legend, size. */
  layout?: Record<string, unknown>;
  /** plotly.js config (mode bar, responsiveness). */
  config?: Record<string, unknown>;
  /** Animation frames, passed through untouched. */
  frames?: Array<Record<string, unknown>>;
}

/** Key under which display outputs carry this project's metadata (read by the exporter). */
export const OUTPUT_METADATA_KEY = "execution-tickets";

/** Metadata stored with each figure output under {@link OUTPUT_METADATA_KEY}. */
export interface FigureOutputMetadata {
  /** File-name friendly figure name; the exporter names build/figures/<notebook>-<name>.* after it. */
  name?: string;
  /** Caption shown under the figure in the exported page. */
  caption?: string;
}

/** The mime type of a Plotly figure (JupyterLab's jupyterlab-plotly renderer and the exporter). */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

export interface FigureTitleOptions {
  figure: PlotlyFigure;
}

/**
 * The figure's title text (`layout.title` as a string or `{ text }`), or undefined.
 *
 * @example
 * figureTitle({ figure: { data: [], layout: { title: { text: "Value of a ticket" } } } }); // → "Value of a ticket"
 */
export function figureTitle(options: FigureTitleOptions): string | undefined {
  validate.knownKeys("figureTitle options", options ?? {}, ["figure"]);
  const { figure } = options;
  const title = figure.layout?.title;
  if (typeof title === "string") return title || undefined;
  if (title && typeof title === "object" && typeof (title as { text?: unknown }).text === "string") {
    return (title as { text: string }).text || undefined;
  }
  return undefined;
}
