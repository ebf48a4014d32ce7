import { escapeHtml } from "../../lib/notebook/html-escape";
import { assetText, type AssetRole, type SiteAssets } from "./site-assets";

/**
 * Resource policy of every page: nothing may be fetched from anywhere but the site itself (its
 * assets/ folder; 'self' matches file:// pages' own folder in Chromium). Images and fonts are data:
 * URIs; explorers' simulation workers start from blob: URLs. (plotly.js needs 'unsafe-eval' for
 * some trace types.)
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src data: blob:; font-src 'self' data:; worker-src blob:; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'";

export interface PageHtmlOptions {
  /** Plain text for <title>. */
  documentTitle: string;
  /** Body content (already rendered HTML). */
  body: string;
  /** Load plotly.js and draw the page's figures. */
  withPlotly: boolean;
  /** Load KaTeX (script, stylesheet and fonts) to typeset the page's formulas. */
  withMath: boolean;
  /** Load the explorers' script (after plotly.js and the figures). */
  withExplorers?: boolean;
  /** The site's shared assets to link; undefined: inline them (a self-contained page). */
  assets?: SiteAssets;
}

/** A complete HTML document: assets linked from the site's assets/ folder, or inlined. */
export function pageHtml({
  documentTitle,
  body,
  withPlotly,
  withMath,
  withExplorers = false,
  assets,
}: PageHtmlOptions): string {
  const styles: AssetRole[] = [...(withMath ? (["katex"] as const) : []), "highlight", "style"];
  const scripts: AssetRole[] = [
    ...(withPlotly ? (["plotly", "figures"] as const) : []),
    ...(withPlotly && withExplorers ? (["explorer"] as const) : []),
    ...(withMath ? (["math"] as const) : []),
    "page",
  ];
  const esc = (text: string) => escapeHtml({ text });
  const style = (role: AssetRole) =>
    assets ? `<link rel="stylesheet" href="${esc(assets[role])}">` : `<style>\n${assetText(role)}\n</style>`;
  // Inlined scripts must not close their element early (plotly.js's source mentions "</script").
  const script = (role: AssetRole) =>
    assets
      ? `<script src="${esc(assets[role])}"></script>`
      : `<script>${assetText(role).replace(/<\/(script)/gi, "<\\/$1")}</script>`;
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    `<title>${esc(documentTitle)}</title>`,
    ...styles.map(style),
    "</head>",
    "<body>",
    body,
    ...scripts.map(script),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
