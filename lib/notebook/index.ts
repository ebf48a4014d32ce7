/**
 * Notebook display helpers: the shared Plotly theme, figures as one multi-mime output, tables,
 * agreement checks, Markdown and LaTeX. Everything that touches tslab's internals is in
 * display-writer.ts; headless Chromium (PNG/SVG rendering) is in figure-renderer.ts.
 *
 * @module
 */
export { theme, themeConfig, withTheme, PALETTE, FONT_FAMILY, FIGURE_WIDTH, FIGURE_HEIGHT } from "./theme";
export { showFigure, buildFigureBundle, pngAvailability, type ShowFigureOptions } from "./show-figure";
export * from "./explorer";
export { figureBundle } from "./figure-bundle";
export { type PlotlyFigure, type FigureOutputMetadata, OUTPUT_METADATA_KEY, PLOTLY_MIME, figureTitle } from "./figure";
export { showTable, tableBundle, type TableRow, type ShowTableOptions } from "./show-table";
export { showCheck, checkBundle, type CheckResultLike } from "./show-check";
export {
  showClaim,
  claimBundle,
  claimRecord,
  CLAIM_MIME,
  type ClaimOptions,
  type ClaimRecord,
  type ClaimCheck,
} from "./claim";
export { showMarkdown, markdownBundle } from "./show-markdown";
export { showLatex, latexBundle } from "./show-latex";
export { showEquations, alignedEquations, type EquationLike, type AlignedEquationsOptions } from "./show-equations";
export { formatNumber } from "./format-number";
export { logIntegerGrid, decadeTicks, type LogIntegerGridOptions, type DecadeTicksOptions } from "./log-axis";
export {
  renderFigureImage,
  closeFigureRenderer,
  checkTraceTypes,
  PLOTLY_TRACE_TYPES,
} from "./figure-renderer";
export { findChromium } from "./chromium";
export { writeDisplayData, type DisplayBundle } from "./display-writer";
