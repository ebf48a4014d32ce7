/**
 * The warning `npm run reproduce` ends with when it could not write every output: without Chromium
 * (or with ET_FIGURE_PNG=0) the executed notebooks carry no static PNG fallbacks and the export
 * writes no figure files, while every notebook still reports "ok". One line in the middle of a
 * long log is easy to miss, so the run ends with a block that says what is missing, why, and how
 * to get it.
 */
import { findChromium } from "../lib/notebook/chromium";
import { pngAvailability } from "../lib/notebook/show-figure";

/** Input of {@link skippedOutputsWarning}. */
export interface SkippedOutputsWarningOptions {
  /** The environment the notebooks and the export ran with (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/**
 * The warning block, or undefined when every output could be written.
 *
 * @example
 * skippedOutputsWarning({ env: { ET_FIGURE_PNG: "0" } })?.includes("ET_FIGURE_PNG=0"); // → true
 */
export function skippedOutputsWarning({ env = process.env }: SkippedOutputsWarningOptions = {}): string | undefined {
  const png = pngAvailability({ env });
  const chromium = findChromium({ env });
  const missing: string[] = [];
  if (!png.render) {
    missing.push(
      `- no static PNG fallbacks in the executed notebooks (${png.reason}): GitHub, nbviewer and JupyterLab without the plotly renderer show no figures`,
    );
  }
  if (!chromium.found) {
    missing.push(`- no figure files (SVG, PNG) in build/figures/ for papers (${chromium.reason})`);
  }
  if (missing.length === 0) return undefined;
  const rule = "─".repeat(72);
  return [
    rule,
    "WARNING: reproduce could not write every output (the notebooks ran and the HTML pages are complete):",
    ...missing,
    "To get them: apt-get install chromium (Debian's, no download), or set CHROMIUM_PATH to a Chromium",
    "binary, and leave ET_FIGURE_PNG unset; then run npm run reproduce -- --force.",
    rule,
  ].join("\n");
}
