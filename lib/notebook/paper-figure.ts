/**
 * A figure laid out for a journal column. A figure drawn for the screen (640 px) and shrunk to a
 * 3.5-inch column prints its 12 px labels at under 5 pt; instead the figure is laid out at the
 * column's own width in CSS pixels (96 per inch, so 1 px prints as 0.75 pt), with every font at or
 * above the print minimum, the title left to the paper's caption, and the height kept in
 * proportion. Rendering it then gives vector files (SVG, PDF) and 300-dpi PNGs at print size.
 */
import type { PlotlyFigure } from "./figure";
import { FIGURE_HEIGHT, FIGURE_WIDTH, withTheme } from "./theme";

/** CSS pixels per inch (the unit Plotly lays out in). */
export const CSS_PX_PER_INCH = 96;

/** Column widths of a two-column journal page, in inches. */
export const PAPER_COLUMN_INCHES = { single: 3.5, double: 7 } as const;

/** The smallest font size at print size, in points. */
export const PAPER_MIN_FONT_PT = 7;

/** {@link PAPER_MIN_FONT_PT} in CSS pixels. */
const MIN_FONT_PX = (PAPER_MIN_FONT_PT / 72) * CSS_PX_PER_INCH;

/** A column width. */
export type PaperColumn = keyof typeof PAPER_COLUMN_INCHES;

/** Input of {@link paperFigure}. */
export interface PaperFigureOptions {
  figure: PlotlyFigure;
  /** "single" (3.5 in) or "double" (7 in). */
  column: PaperColumn;
}

/** Font keys whose `size` sets printed text. */
const FONT_KEYS = new Set(["font", "tickfont", "textfont", "titlefont", "insidetextfont", "outsidetextfont"]);

/** Copies `value` with every font size passed through `size` (the input is not modified). */
function mapFontSizes(value: unknown, size: (px: number) => number): unknown {
  if (Array.isArray(value)) return value.map((v) => mapFontSizes(v, size));
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const font = v as { size?: unknown } | null;
    out[key] =
      FONT_KEYS.has(key) && font && typeof font === "object" && typeof font.size === "number"
        ? { ...(mapFontSizes(font, size) as object), size: size(font.size) }
        : mapFontSizes(v, size);
  }
  return out;
}

/** Decades a log axis spans: from its range (log10 units) or from the positive data on it. */
function logSpan(figure: PlotlyFigure, axisKey: string): number {
  const axis = (figure.layout?.[axisKey] ?? {}) as { range?: unknown };
  if (Array.isArray(axis.range) && axis.range.length === 2)
    return Math.abs(Number(axis.range[1]) - Number(axis.range[0]));
  const letter = axisKey[0];
  const id = `${letter}${axisKey.slice(5)}`; // "xaxis2" → "x2", "yaxis" → "y"
  let lo = Infinity;
  let hi = -Infinity;
  for (const trace of figure.data) {
    if ((trace[`${letter}axis`] ?? letter) !== id) continue;
    const values = trace[letter];
    if (!values || typeof values !== "object") continue;
    for (const v of Array.from(values as ArrayLike<unknown>)) {
      if (typeof v === "number" && v > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  return hi > lo ? Math.log10(hi / lo) : 0;
}

/**
 * Log axes labelled at decades only, where they span two or more: between decades plotly labels
 * 2 and 5 at three quarters of the tick font, under the print minimum at a column's size.
 */
function decadeTicks(figure: PlotlyFigure, layout: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, axis] of Object.entries(layout)) {
    if (!/^[xy]axis\d*$/.test(key) || !axis || typeof axis !== "object") continue;
    const a = axis as Record<string, unknown>;
    if (a.type !== "log") continue;
    if (a.dtick === undefined && logSpan(figure, key) >= 2) out[key] = { ...a, dtick: 1 };
    else {
      // A narrow log axis keeps its 2-and-5 labels: its tick font is raised so that they stay legible.
      const font = (a.tickfont ?? {}) as { size?: number };
      out[key] = {
        ...a,
        tickfont: { ...font, size: Math.max(font.size ?? 0, Math.ceil((MIN_FONT_PX / 0.75) * 10) / 10) },
      };
    }
  }
  return out;
}

/** `text` broken into lines of at most `width` characters at spaces (Plotly's `<br>`). */
function wrapWords(text: string, width: number): string {
  if (text.length <= width || text.includes("<br>")) return text;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join("<br>");
}

/**
 * The figure laid out at a column's width: width = inches × 96 px, height in the figure's own
 * proportion (taller, relative to its width, in the narrow column, where legends and tick labels
 * need the room), the legend in rows below the plot, no title, fonts no smaller than {@link PAPER_MIN_FONT_PT} at print size (and no
 * larger than 10.5 px in the single column). Themed as the notebook themes it.
 *
 * @example
 * paperFigure({ figure: { data: [], layout: { height: 400 } }, column: "single" }).layout?.width; // → 336
 */
export function paperFigure({ figure, column }: PaperFigureOptions): PlotlyFigure {
  const inches = PAPER_COLUMN_INCHES[column];
  if (inches === undefined)
    throw new RangeError(`column must be "single" or "double"; received ${JSON.stringify(column)}`);
  const themed = withTheme(figure);
  const layout = themed.layout ?? {};
  const width = inches * CSS_PX_PER_INCH;
  const aspect = (Number(layout.height) || FIGURE_HEIGHT) / (Number(layout.width) || FIGURE_WIDTH);
  // The plot's own height: in proportion, but never so flat that an axis title no longer fits.
  const plotHeight = Math.round(
    column === "single" ? 0.85 * width : Math.max(0.4 * width, Math.min(0.55 * width, aspect * width)),
  );
  const size = (px: number) =>
    Math.max(Math.ceil(MIN_FONT_PX * 10) / 10, column === "single" ? Math.min(px, 10.5) : px);
  const scaled = mapFontSizes({ ...layout, title: undefined }, size) as Record<string, unknown>;
  const topAnnotations = Array.isArray(layout.annotations)
    ? (layout.annotations as { yref?: string; y?: number }[]).some((a) => a.yref === "paper" && (a.y ?? 0) > 1)
    : false;
  // The legend, one entry a line (long names wrapped), goes under the axes in a band of its own: it
  // covers no data and never needs more width than the column has.
  const wrapAt = column === "single" ? 34 : 32;
  const data = (mapFontSizes(themed.data, size) as PlotlyFigure["data"]).map((t) =>
    typeof t.name === "string" ? { ...t, name: wrapWords(t.name, wrapAt) } : t,
  );
  // One entry a line in the single column; three entries a row in the double column.
  const perRow = column === "single" ? 1 : 3;
  const heights = data
    .filter((t) => t.showlegend !== false && typeof t.name === "string" && t.name !== "")
    .map((t) => (t.name as string).split("<br>").length);
  let lines = 0;
  for (let i = 0; i < heights.length; i += perRow) lines += Math.max(...heights.slice(i, i + perRow));
  const showLegend = layout.showlegend !== false && lines > 0;
  const legendBand = showLegend ? lines * (column === "single" ? 17 : 20) + 14 : 0;
  const axisBand = 52;
  const top = topAnnotations ? 28 : 10;
  return {
    ...themed,
    data,
    layout: {
      ...scaled,
      ...decadeTicks(themed, scaled),
      font: { ...((scaled.font as object) ?? {}), size: size(column === "single" ? 10 : 12) },
      width,
      height: plotHeight + top + axisBand + legendBand,
      legend: {
        ...((scaled.legend as object) ?? {}),
        orientation: perRow === 1 ? "v" : "h",
        ...(perRow === 1 ? {} : { entrywidth: 1 / perRow, entrywidthmode: "fraction" }),
        x: 0,
        xanchor: "left",
        xref: "paper",
        y: 0,
        yanchor: "bottom",
        yref: "container",
        bgcolor: "rgba(0,0,0,0)",
        tracegroupgap: 0,
        itemwidth: 30,
      },
      margin: { l: 8, r: 12, t: top, b: axisBand + legendBand, pad: 0 },
    },
  };
}
