import type { PlotlyFigure } from "./figure";

/** Default figure size in CSS pixels: fits a single paper column and the exported page. */
export const FIGURE_WIDTH = 640;
export const FIGURE_HEIGHT = 400;

/**
 * Font stack: the first family present wins. Liberation Sans (metric-compatible with Arial) and
 * DejaVu Sans ship with Linux; Helvetica/Arial cover macOS and Windows. No web font, so figures
 * render identically offline.
 */
export const FONT_FAMILY = '"Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif';

/**
 * Okabe–Ito palette: distinguishable under the common colour-vision deficiencies and in greyscale
 * print order. Yellow is last because it is faint on white.
 */
export const PALETTE: readonly string[] = [
  "#0072B2", // blue
  "#E69F00", // orange
  "#009E73", // bluish green
  "#D55E00", // vermillion
  "#CC79A7", // reddish purple
  "#56B4E9", // sky blue
  "#000000", // black
  "#F0E442", // yellow
];

const INK = "#222222";
const AXIS_LINE = "#444444";
const GRID = "#e6e6e6";

const axis = {
  showline: true,
  linecolor: AXIS_LINE,
  linewidth: 1,
  mirror: false,
  ticks: "outside",
  tickcolor: AXIS_LINE,
  ticklen: 5,
  tickfont: { size: 12 },
  showgrid: true,
  gridcolor: GRID,
  gridwidth: 1,
  zeroline: false,
  automargin: true,
  title: { font: { size: 13 }, standoff: 10 },
  exponentformat: "power",
};

/**
 * The shared Plotly layout template (`layout.template`): one font, the colour-blind-safe palette,
 * white background with light grid, outside ticks. {@link withTheme} applies it; values set
 * explicitly in a figure's layout win over the template.
 *
 * @example
 * theme.layout.font.size; // → 13
 */
export const theme = {
  layout: {
    font: { family: FONT_FAMILY, size: 13, color: INK },
    title: { font: { size: 16, color: INK }, x: 0.02, xanchor: "left", y: 0.96, yanchor: "top" },
    colorway: [...PALETTE],
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    margin: { l: 64, r: 24, t: 56, b: 56, pad: 0 },
    xaxis: axis,
    yaxis: axis,
    legend: {
      bgcolor: "rgba(255,255,255,0.85)",
      bordercolor: "#cccccc",
      borderwidth: 0,
      font: { size: 12 },
    },
    hoverlabel: { font: { family: FONT_FAMILY, size: 12 } },
    hovermode: "closest",
    colorscale: {
      sequential: "Viridis",
      diverging: "RdBu",
    },
  },
  data: {
    scatter: [{ line: { width: 2 }, marker: { size: 6 } }],
    bar: [{ marker: { line: { width: 0 } } }],
  },
};

/**
 * plotly.js config every themed figure gets (explicit figure config wins).
 *
 * @example
 * themeConfig.displaylogo; // → false
 */
export const themeConfig = {
  displaylogo: false,
  responsive: false,
  toImageButtonOptions: { format: "svg", width: FIGURE_WIDTH, height: FIGURE_HEIGHT, scale: 1 },
};

/**
 * Returns a copy of `figure` with the shared {@link theme} as its layout template, the default
 * paper-column size ({@link FIGURE_WIDTH}×{@link FIGURE_HEIGHT}) and the default config. Anything
 * the figure sets itself is kept. Idempotent; the input is not modified.
 *
 * @example
 * withTheme({ data: [], layout: { title: { text: "t" } } }).layout.template === theme; // → true
 */
export function withTheme(figure: PlotlyFigure): PlotlyFigure {
  if (!figure || !Array.isArray(figure.data)) {
    throw new TypeError(
      `figure must be a Plotly figure { data: [...], layout?, config? }; received ${describe(figure)}`,
    );
  }
  const layout = figure.layout ?? {};
  const config = figure.config ?? {};
  return {
    ...figure,
    layout: { width: FIGURE_WIDTH, height: FIGURE_HEIGHT, ...layout, template: layout.template ?? theme },
    config: { ...themeConfig, ...config },
  };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value !== "object") return JSON.stringify(value) ?? String(value);
  return `an object with keys [${Object.keys(value).join(", ")}]`;
}
