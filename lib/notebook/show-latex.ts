import { writeDisplayData, type DisplayBundle } from "./display-writer";
import * as validate from "../validate";

export interface LatexBundleOptions {
  tex: string;
}

/** True when the text already carries math delimiters ($, $$, \( \), \[ \], or an environment). */
function hasDelimiters(tex: string): boolean {
  const t = tex.trim();
  return t.startsWith("$") || t.startsWith("\\(") || t.startsWith("\\[") || t.startsWith("\\begin{");
}

/**
 * The display payload {@link showLatex} sends: text/latex (wrapped in $$…$$ unless it has
 * delimiters, as Jupyter's renderers require) plus the source as text/plain.
 *
 * @example
 * latexBundle({ tex: "E[V] = \\frac{\\mu}{nd+1}" }).data["text/latex"]; // → "$$E[V] = \\frac{\\mu}{nd+1}$$"
 */
export function latexBundle(options: LatexBundleOptions): DisplayBundle {
  validate.knownKeys("latexBundle options", options ?? {}, ["tex"]);
  const { tex } = options;
  if (typeof tex !== "string" || tex.trim() === "")
    throw new RangeError(`tex must be a non-empty string; received ${JSON.stringify(tex)}`);
  const latex = hasDelimiters(tex) ? tex : `$$${tex.trim()}$$`;
  return { data: { "text/latex": latex, "text/plain": tex }, metadata: {}, transient: {} };
}

/**
 * Shows a formula as one display-math output: showLatex(String.raw`E[V] = \frac{\mu}{nd+1}`).
 *
 * @example
 * showLatex(formulas.ticketValue.equation);
 */
export function showLatex(tex: string): void {
  writeDisplayData({ bundle: latexBundle({ tex }) });
}
