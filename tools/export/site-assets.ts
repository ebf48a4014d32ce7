/**
 * The site's shared assets: plotly.js, KaTeX (its script and its stylesheet with fonts embedded), the code and page
 * stylesheets and the page scripts, written once under `<site>/assets/` with content-hashed names,
 * so that a page weighs what its own content weighs and a reader's browser caches them across
 * pages. A self-contained page (`--self-contained`) inlines the same texts instead.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { writeFileAtomic } from "../../lib/io/write-file-atomic";
import { highlightCss, katexCss, katexScript, pageCss, plotlyScript } from "./assets";
import { explorerScript } from "./explorer-bundle";
import { DRAW_FIGURES, MATH_SCRIPT, PAGE_SCRIPT } from "./page-scripts";

/** Asset roles, and the text each one holds. */
const ASSET_SOURCES = {
  plotly: { ext: "js", text: () => plotlyScript() },
  figures: { ext: "js", text: () => DRAW_FIGURES },
  page: { ext: "js", text: () => PAGE_SCRIPT },
  explorer: { ext: "js", text: () => explorerScript() },
  katex: { ext: "css", text: () => katexCss() },
  math: { ext: "js", text: () => katexScript(MATH_SCRIPT) },
  highlight: { ext: "css", text: () => highlightCss() },
  style: { ext: "css", text: () => pageCss() },
} as const;

export type AssetRole = keyof typeof ASSET_SOURCES;

/** Where each asset is, relative to the site's root (e.g. "assets/plotly-3f2a9c01d4e5.js"). */
export type SiteAssets = Record<AssetRole, string>;

/** The text of an asset (what a self-contained page inlines). */
export function assetText(role: AssetRole): string {
  return ASSET_SOURCES[role].text();
}

/**
 * Writes every asset into `<outDir>/assets/` under a name with 12 hex digits of its SHA-256, and
 * returns their relative paths.
 */
export function writeSiteAssets({ outDir }: { outDir: string }): SiteAssets {
  const dir = path.join(outDir, "assets");
  fs.mkdirSync(dir, { recursive: true });
  const assets = {} as SiteAssets;
  for (const [role, source] of Object.entries(ASSET_SOURCES) as [AssetRole, (typeof ASSET_SOURCES)[AssetRole]][]) {
    const text = source.text();
    const hash = createHash("sha256").update(text).digest("hex").slice(0, 12);
    const name = `${role}-${hash}.${source.ext}`;
    writeFileAtomic({ file: path.join(dir, name), data: text });
    assets[role] = `assets/${name}`;
  }
  return assets;
}
