import { CHROMIUM_FLAGS, findChromium } from "./chromium";
import { layoutProblemsInPage } from "./layout-problems";
import type { PlotlyFigure } from "./figure";
import { FIGURE_HEIGHT, FIGURE_WIDTH } from "./theme";

/**
 * plotly.js bundle on disk; loaded into the rendering page and the exported site from here, never
 * from the network. The cartesian bundle (1.5 MB, the full one is 4.8 MB) holds every trace type
 * the notebooks draw; {@link PLOTLY_TRACE_TYPES} lists them and showFigure refuses any other.
 */
export function plotlyScriptPath(): string {
  return require.resolve("plotly.js-cartesian-dist-min/plotly-cartesian.min.js");
}

/** The trace types of the plotly.js bundle the project ships (checked against the bundle in Chromium by the tests). */
export const PLOTLY_TRACE_TYPES: readonly string[] = Object.freeze([
  "bar",
  "box",
  "contour",
  "heatmap",
  "histogram",
  "histogram2d",
  "histogram2dcontour",
  "image",
  "pie",
  "scatter",
  "scatterternary",
  "violin",
]);

/**
 * Refuses a figure with a trace type the shipped plotly.js bundle cannot draw (it would show
 * nothing where the notebook meant a trace), naming the trace and what the bundle has.
 *
 * @example
 * checkTraceTypes({ data: [{ type: "scatter" }, { type: "bar" }] }); // passes; a "scatter3d" trace would throw
 */
export function checkTraceTypes(figure: PlotlyFigure): void {
  (figure.data ?? []).forEach((trace, i) => {
    const type = (trace as { type?: unknown }).type ?? "scatter";
    if (typeof type !== "string" || !PLOTLY_TRACE_TYPES.includes(type)) {
      throw new RangeError(
        `figure.data[${i}] has type ${JSON.stringify(type)}, which the project's plotly.js bundle (plotly.js-cartesian-dist-min) does not draw; ` +
          `use one of ${PLOTLY_TRACE_TYPES.join(", ")}, or switch plotlyScriptPath in lib/notebook/figure-renderer.ts to a bundle that has it`,
      );
    }
  });
}

export interface RenderFigureOptions {
  figure: PlotlyFigure;
  /** "pdf": the SVG printed by Chromium to a one-page PDF of the figure's size (vector, fonts embedded). */
  format: "png" | "svg" | "pdf";
  /** CSS pixels; default layout.width or {@link FIGURE_WIDTH}. */
  width?: number;
  /** CSS pixels; default layout.height or {@link FIGURE_HEIGHT}. */
  height?: number;
  /** Pixel ratio for PNG (2 = crisp on high-DPI screens and in print). Default 2. */
  scale?: number;
}

/**
 * The few Playwright calls used here, typed locally: importing playwright-core's 2 MB of type
 * definitions would slow tslab's type check of every notebook that imports the library.
 */
interface BrowserLike {
  newContext(): Promise<ContextLike>;
  close(): Promise<void>;
}
interface ContextLike {
  route(url: RegExp, handler: (route: { abort(): Promise<void> }) => unknown): Promise<void>;
  newPage(): Promise<PageLike>;
}
interface PageLike {
  setContent(html: string): Promise<void>;
  addScriptTag(options: { path?: string; content?: string }): Promise<unknown>;
  pdf(options: { width: string; height: string; printBackground: boolean; pageRanges: string }): Promise<Buffer>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}
interface PlaywrightLike {
  chromium: {
    launch(options: { executablePath: string; args: string[]; handleSIGINT: boolean }): Promise<BrowserLike>;
  };
}

interface Renderer {
  browser: BrowserLike;
  page: PageLike;
  /** A second page that prints SVGs to PDF (created on first use). */
  printer: () => Promise<PageLike>;
}

/** One browser and one plotly-loaded page per process, created on first use and reused. */
let renderer: Promise<Renderer> | undefined;
/** Renders run one at a time on the shared page. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Renders a Plotly figure to PNG bytes or SVG text with headless Chromium and plotly.js's own
 * `Plotly.toImage`. The first call launches the browser (about a second) and loads plotly.js into
 * a page (several seconds on a busy 2-core machine); later calls reuse both. Throws when no
 * Chromium is found (check {@link findChromium} first) or when plotly.js rejects the figure.
 *
 * @example
 * const png = await renderFigureImage({ figure: { data: [], layout: {} }, format: "png" });
 */
export function renderFigureImage(params: RenderFigureOptions & { format: "png" | "pdf" }): Promise<Buffer>;
export function renderFigureImage(params: RenderFigureOptions & { format: "svg" }): Promise<string>;
export function renderFigureImage(params: RenderFigureOptions): Promise<Buffer | string> {
  const run = queue.then(() => renderNow(params));
  queue = run.catch(() => undefined);
  return run;
}

async function renderNow({ figure, format, width, height, scale = 2 }: RenderFigureOptions): Promise<Buffer | string> {
  const { page, printer } = await getRenderer();
  const layout = figure.layout ?? {};
  if (format === "pdf") {
    const size = {
      width: width ?? numberOr(layout.width, FIGURE_WIDTH),
      height: height ?? numberOr(layout.height, FIGURE_HEIGHT),
    };
    const svg = (await renderNow({ figure, format: "svg", ...size })) as string;
    const print = await printer();
    // The SVG is plotly.js's own output (text in it is escaped); the page has no script and no network.
    await print.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>@page{margin:0}html,body{margin:0;padding:0}svg{display:block}</style></head><body>${svg}</body></html>`,
    );
    return print.pdf({ width: `${size.width}px`, height: `${size.height}px`, printBackground: true, pageRanges: "1" });
  }
  const options = {
    format,
    width: width ?? numberOr(layout.width, FIGURE_WIDTH),
    height: height ?? numberOr(layout.height, FIGURE_HEIGHT),
    scale: format === "png" ? scale : 1,
  };
  const dataUrl = await page.evaluate(
    ({ fig, opts }) =>
      (globalThis as unknown as { Plotly: { toImage(f: unknown, o: unknown): Promise<string> } }).Plotly.toImage(
        fig,
        opts,
      ),
    {
      fig: { data: figure.data, layout: figure.layout ?? {}, config: { ...(figure.config ?? {}), staticPlot: true } },
      opts: options,
    },
  );
  const comma = dataUrl.indexOf(",");
  const payload = dataUrl.slice(comma + 1);
  if (format === "png") return Buffer.from(payload, "base64");
  return dataUrl.slice(0, comma).endsWith(";base64")
    ? Buffer.from(payload, "base64").toString("utf8")
    : decodeURIComponent(payload);
}

/** Where a legend may go, in order of preference: the plot's four corners, then under the plot. */
const LEGEND_PLACES: Record<string, unknown>[] = [
  { orientation: "v", x: 0.01, xanchor: "left", y: 0.99, yanchor: "top" },
  { orientation: "v", x: 0.99, xanchor: "right", y: 0.99, yanchor: "top" },
  { orientation: "v", x: 0.01, xanchor: "left", y: 0.01, yanchor: "bottom" },
  { orientation: "v", x: 0.99, xanchor: "right", y: 0.01, yanchor: "bottom" },
];
const LEGEND_BELOW = { orientation: "h", x: 0, xanchor: "left", y: -0.2, yanchor: "top" };

/**
 * The figure with its legend where it covers no data: as it is when it already does; else the first
 * free corner of the plot; else under the plot. Measured on the figure as plotly.js draws it in the
 * shared headless Chromium (layout-problems.ts), at the figure's own size. A figure without a legend
 * comes back unchanged.
 *
 * @example
 * const placed = await placeLegend({ figure: withTheme(figure) }); // placed.layout.legend: a free corner
 */
export function placeLegend({ figure }: { figure: PlotlyFigure }): Promise<PlotlyFigure> {
  const run = queue.then(() => placeNow(figure));
  queue = run.catch(() => undefined);
  return run;
}

async function placeNow(figure: PlotlyFigure): Promise<PlotlyFigure> {
  const { page } = await getRenderer();
  const layout = figure.layout ?? {};
  const legend = (layout.legend ?? {}) as Record<string, unknown>;
  const covered = async (place: Record<string, unknown> | undefined) => {
    const candidate = place ? { ...figure, layout: { ...layout, legend: { ...legend, ...place } } } : figure;
    const problems = await page.evaluate(
      async ({ fig, size }) => {
        const g = globalThis as unknown as {
          Plotly: { newPlot(...a: unknown[]): Promise<unknown>; purge(d: unknown): void };
          layoutProblemsInPage: (input: { id: string }) => { kind: string }[];
          document: {
            getElementById(id: string): unknown;
            createElement(t: string): { id: string; style: Record<string, string> };
            body: { append(e: unknown): void };
          };
        };
        let div = g.document.getElementById("legend-probe");
        if (!div) {
          const made = g.document.createElement("div");
          made.id = "legend-probe";
          g.document.body.append(made);
          div = made;
        }
        g.Plotly.purge(div);
        await g.Plotly.newPlot(div, fig.data, { ...fig.layout, ...size }, { staticPlot: true });
        return g.layoutProblemsInPage({ id: "legend-probe" });
      },
      {
        fig: { data: figure.data, layout: candidate.layout ?? {} },
        size: { width: numberOr(layout.width, FIGURE_WIDTH), height: numberOr(layout.height, FIGURE_HEIGHT) },
      },
    );
    return problems.filter((p) => p.kind === "legend-over-data").length;
  };
  if (layout.showlegend === false || (await covered(undefined)) === 0) return figure;
  for (const place of [...LEGEND_PLACES, LEGEND_BELOW]) {
    if ((await covered(place)) === 0) return { ...figure, layout: { ...layout, legend: { ...legend, ...place } } };
  }
  return figure;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback;
}

function getRenderer(): Promise<Renderer> {
  if (!renderer) {
    renderer = launch();
    // A failed launch is not cached: a later call may retry (e.g. after CHROMIUM_PATH is set).
    renderer.catch(() => {
      renderer = undefined;
    });
  }
  return renderer;
}

async function launch(): Promise<Renderer> {
  const lookup = findChromium();
  if (!lookup.found) throw new Error(`cannot render figures: ${lookup.reason}`);
  // Loaded on first use only: plain `import "execution-tickets"` stays light.
  const { chromium } = require("playwright-core") as PlaywrightLike;
  const browser = await chromium.launch({
    executablePath: lookup.path,
    args: [...CHROMIUM_FLAGS],
    // Jupyter interrupts a cell with SIGINT: it must not take the kernel's browser down.
    // Playwright still kills the browser when this process exits.
    handleSIGINT: false,
  });
  try {
    const context = await browser.newContext();
    // Nothing in a figure render may reach the network.
    await context.route(/^(https?|wss?|ftp):/, (route) => route.abort());
    const page = await context.newPage();
    await page.setContent("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>");
    await page.addScriptTag({ path: plotlyScriptPath() });
    // The layout check runs in this page (placeLegend); tsx-compiled functions call esbuild's __name.
    await page.addScriptTag({
      content: `window.__name = (f) => f; window.layoutProblemsInPage = ${layoutProblemsInPage.toString()};`,
    });
    let printPage: Promise<PageLike> | undefined;
    const printer = () => {
      printPage ??= context.newPage();
      return printPage;
    };
    return { browser, page, printer };
  } catch (err) {
    await browser.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Closes the shared browser if one was started. Scripts and tests call it when done so Node can
 * exit (an open browser keeps the event loop alive); in a kernel, Playwright closes it on exit.
 *
 * @example
 * await closeFigureRenderer(); // at the end of a script that rendered figures
 */
export async function closeFigureRenderer(): Promise<void> {
  const current = renderer;
  renderer = undefined;
  if (!current) return;
  const { browser } = await current.catch(() => ({ browser: undefined }));
  await browser?.close().catch(() => undefined);
}
