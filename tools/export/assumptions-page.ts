import * as fs from "node:fs";
import { createMarkdownRenderer } from "./markdown";
import { createMathRenderer } from "./math";
import { pageHtml } from "./page";
import type { SiteAssets } from "./site-assets";

/** Input of {@link assumptionsPageHtml}. */
export interface AssumptionsPageOptions {
  /** Path of ASSUMPTIONS.md. */
  file: string;
  /** The site's shared assets (undefined: inline them). */
  assets?: SiteAssets;
}

/**
 * ASSUMPTIONS.md as a page of the site (assumptions.html), so the notebooks' links to it work in
 * the exported site as they do in JupyterLab.
 */
export function assumptionsPageHtml({ file, assets }: AssumptionsPageOptions): string {
  const math = createMathRenderer();
  const markdown = createMarkdownRenderer({ math });
  const body = [
    `<nav class="top"><a href="index.html">← All notebooks</a></nav>`,
    `<article class="sheet">`,
    `<main>`,
    markdown.render({ markdown: fs.readFileSync(file, "utf8") }),
    `</main>`,
    `</article>`,
  ].join("\n");
  return pageHtml({
    documentTitle: "Modelling assumptions",
    body,
    withPlotly: false,
    withMath: math.count > 0,
    assets,
  });
}
