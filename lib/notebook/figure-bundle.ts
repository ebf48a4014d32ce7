import type { DisplayBundle } from "./display-writer";
import { figureTitle, OUTPUT_METADATA_KEY, PLOTLY_MIME, type FigureOutputMetadata, type PlotlyFigure } from "./figure";
import { toPlainJson } from "./plain-json";
import { FIGURE_HEIGHT, FIGURE_WIDTH } from "./theme";
import * as validate from "../validate";

/**
 * Widest static fallback, in pixels. JupyterLab's plotly renderer (jupyterlab-plotly) shows the
 * bundle's PNG at its natural size until the mouse enters it, in an output area of about 850 px at a
 * 1280-px window with the file browser open, so the fallback is drawn at one pixel per CSS pixel
 * (not at a high-DPI ratio) and no wider than this: every client then shows it whole.
 */
export const FALLBACK_MAX_WIDTH = 720;

/** The static fallback's pixel ratio and size for a figure: {@link FALLBACK_MAX_WIDTH} at most. */
export function fallbackSize(figure: PlotlyFigure): { scale: number; width: number; height: number } {
  const width = sizeOf(figure.layout?.width, FIGURE_WIDTH);
  const height = sizeOf(figure.layout?.height, FIGURE_HEIGHT);
  const scale = Math.min(1, FALLBACK_MAX_WIDTH / width);
  return { scale, width: Math.round(width * scale), height: Math.round(height * scale) };
}

export interface FigureBundleOptions {
  /** The figure as it should be shown (already themed). */
  figure: PlotlyFigure;
  /** File-name friendly name, stored in the output metadata for the exporter. */
  name?: string;
  /** Caption, stored in the output metadata and repeated in text/plain. */
  caption?: string;
  /** Static PNG fallback (already rendered); omitted from the bundle when undefined. */
  png?: Buffer;
  /** Why there is no PNG; shown in text/plain when `png` is undefined. */
  pngNote?: string;
}

/**
 * Builds the one display_data payload for a figure: the Plotly JSON (interactive in JupyterLab with
 * jupyterlab-plotly, read by the exporter), an optional PNG fallback (shown by any Jupyter front
 * end, even untrusted) and a text/plain line. plotly.js itself is never included.
 *
 * @example
 * Object.keys(figureBundle({ figure: { data: [], layout: {} }, name: "demo" }).data).join(", "); // → "application/vnd.plotly.v1+json, text/plain"
 */
export function figureBundle(options: FigureBundleOptions): DisplayBundle {
  validate.knownKeys("figureBundle options", options ?? {}, ["figure", "name", "caption", "png", "pngNote"]);
  const { figure, name, caption, png, pngNote } = options;
  if (name !== undefined && (typeof name !== "string" || name.trim() === "")) {
    throw new RangeError(`name must be a non-empty string; received ${JSON.stringify(name)}`);
  }
  if (caption !== undefined && typeof caption !== "string") {
    throw new RangeError(`caption must be a string; received ${JSON.stringify(caption)}`);
  }
  const plotly = toPlainJson({ value: pickFigure(figure) }) as PlotlyFigure;
  const data: Record<string, unknown> = { [PLOTLY_MIME]: plotly };
  const metadata: Record<string, unknown> = {};
  if (png) {
    data["image/png"] = png.toString("base64");
    // The PNG's own size (fallbackSize), which clients that read this metadata show it at too.
    const { width, height } = fallbackSize(plotly);
    metadata["image/png"] = { width, height };
  }
  data["text/plain"] = plainText({ figure: plotly, name, caption, note: png ? undefined : pngNote });
  const own: FigureOutputMetadata = {};
  if (name !== undefined) own.name = name;
  if (caption !== undefined) own.caption = caption;
  metadata[OUTPUT_METADATA_KEY] = own;
  return { data, metadata, transient: {} };
}

/** Keeps only the parts of a figure the plotly mime type defines. */
function pickFigure(figure: PlotlyFigure): PlotlyFigure {
  const out: PlotlyFigure = { data: figure.data, layout: figure.layout ?? {}, config: figure.config ?? {} };
  if (figure.frames) out.frames = figure.frames;
  return out;
}

function sizeOf(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback;
}

function plainText({
  figure,
  name,
  caption,
  note,
}: {
  figure: PlotlyFigure;
  name?: string;
  caption?: string;
  note?: string;
}): string {
  const title = figureTitle({ figure });
  const head = name && title ? `Figure "${name}": ${title}` : `Figure: ${title ?? name ?? "(untitled)"}`;
  const lines = [head];
  if (caption) lines.push(caption);
  if (note) lines.push(`(${note})`);
  return lines.join("\n");
}
