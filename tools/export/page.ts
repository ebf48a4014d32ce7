import { escapeHtml } from "../../lib/notebook/html-escape";
import { highlightCss, katexCss, pageCss, plotlyScript } from "./assets";

/**
 * Resource policy of every page: nothing may be fetched, from anywhere. Scripts and styles are
 * inline, images and fonts data: URIs. (plotly.js needs 'unsafe-eval' for some trace types.)
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'";

export interface PageHtmlOptions {
  /** Plain text for <title>. */
  documentTitle: string;
  /** Body content (already rendered HTML). */
  body: string;
  /** Inline plotly.js and draw the page's figures. */
  withPlotly: boolean;
  /** Inline KaTeX's stylesheet and fonts. */
  withMath: boolean;
}

/** Draws every figure container from its JSON (one plotly.js for the page). */
const DRAW_FIGURES = `
(function () {
  var containers = document.querySelectorAll("div.plotly-figure");
  for (var i = 0; i < containers.length; i++) {
    var div = containers[i];
    var figure = JSON.parse(document.getElementById(div.id + "-json").textContent);
    Plotly.newPlot(div, figure.data, figure.layout || {}, figure.config || {});
  }
})();`;

/** A complete, self-contained HTML document. */
export function pageHtml({ documentTitle, body, withPlotly, withMath }: PageHtmlOptions): string {
  const styles = [withMath ? katexCss() : "", highlightCss(), pageCss()].filter(Boolean);
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    `<title>${escapeHtml({ text: documentTitle })}</title>`,
    ...styles.map((css) => `<style>\n${css}\n</style>`),
    "</head>",
    "<body>",
    body,
    ...(withPlotly ? [`<script>${plotlyScript()}</script>`, `<script>${DRAW_FIGURES}\n</script>`] : []),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
