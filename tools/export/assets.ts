import * as fs from "node:fs";
import * as path from "node:path";
import { plotlyScriptPath } from "../../lib/notebook/figure-renderer";

const cache = new Map<string, string>();

function cached(key: string, load: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = load();
    cache.set(key, value);
  }
  return value;
}

/**
 * KaTeX's script followed by the page's typesetting script (MATH_SCRIPT): the pages carry TeX and
 * typeset it on load.
 */
export function katexScript(mathScript: string): string {
  return cached(
    "katex-js",
    () => `${fs.readFileSync(require.resolve("katex/dist/katex.min.js"), "utf8")}\n${mathScript}`,
  );
}

/**
 * KaTeX's stylesheet with every font embedded as a woff2 data: URI (about 0.4 MB), so formulas
 * render from file:// with no network. The woff/ttf fallbacks are dropped: every browser that
 * runs plotly.js reads woff2.
 */
export function katexCss(): string {
  return cached("katex", () => {
    const cssFile = require.resolve("katex/dist/katex.min.css");
    const fontsDir = path.join(path.dirname(cssFile), "fonts");
    const css = fs.readFileSync(cssFile, "utf8");
    const inlined = css.replace(
      /src:\s*url\(([^)]+?\.woff2)\)\s*format\((["'])woff2\2\)[^;}]*/g,
      (_match, file: string) => {
        const font = fs.readFileSync(path.join(fontsDir, path.basename(file)));
        return `src:url(data:font/woff2;base64,${font.toString("base64")}) format("woff2")`;
      },
    );
    if (/url\((?!data:)/.test(inlined)) {
      throw new Error("katex.min.css changed: some url(...) was not inlined; update tools/export/assets.ts");
    }
    return inlined;
  });
}

/**
 * highlight.js theme for code cells (GitHub light). Its header comment is replaced by a short
 * attribution: it names a web URL, and pages name none.
 */
export function highlightCss(): string {
  return cached("hljs", () => {
    const css = fs.readFileSync(require.resolve("highlight.js/styles/github.min.css"), "utf8");
    return `/* highlight.js "GitHub" theme (BSD-3-Clause) */\n${css.replace(/\/\*[\s\S]*?\*\//g, "")}`;
  });
}

/** The page stylesheet (tools/export/page.css). */
export function pageCss(): string {
  return cached("page", () => fs.readFileSync(path.join(__dirname, "page.css"), "utf8"));
}

/**
 * plotly.js's source (about 4.8 MB): written once as a site asset, or inlined into a self-contained
 * page (page.ts keeps its "</script" from closing the element).
 */
export function plotlyScript(): string {
  return cached("plotly", () => fs.readFileSync(plotlyScriptPath(), "utf8"));
}
