import { writeDisplayData, type DisplayBundle } from "./display-writer";
import * as validate from "../validate";

export interface MarkdownBundleOptions {
  markdown: string;
}

/**
 * The display payload {@link showMarkdown} sends: text/markdown plus the same text as text/plain.
 *
 * @example
 * Object.keys(markdownBundle({ markdown: "**bold**" }).data).join(", "); // → "text/markdown, text/plain"
 */
export function markdownBundle(options: MarkdownBundleOptions): DisplayBundle {
  validate.knownKeys("markdownBundle options", options ?? {}, ["markdown"]);
  const { markdown } = options;
  if (typeof markdown !== "string") throw new RangeError(`markdown must be a string; received ${typeof markdown}`);
  return { data: { "text/markdown": markdown, "text/plain": markdown }, metadata: {}, transient: {} };
}

/**
 * Shows Markdown (with $…$ math) as one output, e.g. a sentence with computed numbers:
 * showMarkdown(`The ticket is worth **${v.toFixed(4)}**.`)
 *
 * @example
 * showMarkdown(`**${formatNumber({ value: 0.5 })}** of μ`);
 */
export function showMarkdown(markdown: string): void {
  writeDisplayData({ bundle: markdownBundle({ markdown }) });
}
