import { stripVTControlCharacters } from "node:util";
import {
  OUTPUT_METADATA_KEY,
  PLOTLY_MIME,
  type FigureOutputMetadata,
  type PlotlyFigure,
} from "../../lib/notebook/figure";
import { CLAIM_MIME, type ClaimRecord } from "../../lib/notebook/claim";
import { escapeHtml } from "../../lib/notebook/html-escape";
import { EXPLORER_MIME, type ExplorerRecord } from "../../lib/notebook/explorer";
import { explorerHtml, parseExplorerRecord } from "./explorer-html";
import { claimOutputHtml, parseClaimRecord } from "./claims";
import type { MarkdownRenderer } from "./markdown";
import { isBase64, sanitizeNotebookHtml } from "./sanitize";
import type { MathRenderer } from "./math";
import type { ExportOutput } from "./read-notebook";

/** A Plotly figure found in a notebook's outputs, in order of appearance. */
export interface FigureRef {
  /** 1-based position among the notebook's figures. */
  index: number;
  /** DOM id of its container in the page. */
  domId: string;
  name?: string;
  caption?: string;
  figure: PlotlyFigure;
  /** Heading of the section the figure appears in. */
  section?: string;
  /** Whether the figure is an explorer (the page then loads the explorer script). */
  explorer?: boolean;
}

/** What rendering a page needs and collects. */
export interface RenderContext {
  markdown: MarkdownRenderer;
  math: MathRenderer;
  figures: FigureRef[];
  /** HTML outputs pass unsanitised (a signed notebook, or --trust); otherwise they are sanitised. */
  trustedOutputs?: boolean;
  /** The notebook's name (for claim badges' links into claims.html). */
  notebookName?: string;
  /** Heading of the section being rendered (set by Markdown cells). */
  section?: string;
  /** Claims found so far, with their section. */
  claims?: { record: ClaimRecord; section: string }[];
  /** Caption paragraphs ("**Figure N.** …") taken from Markdown cells, rendered, by figure number. */
  figureCaptions?: Map<number, string>;
}

export interface RenderOutputsOptions {
  outputs: ExportOutput[];
  context: RenderContext;
}

const esc = (text: string) => escapeHtml({ text });

/**
 * Renders a code cell's outputs. For rich outputs the richest mime type this page can show wins:
 * Plotly JSON (drawn by the page's one plotly.js) > HTML > SVG > PNG/JPEG > Markdown > LaTeX >
 * JSON > plain text. Adjacent stream chunks of the same name are merged.
 */
export function renderOutputs({ outputs, context }: RenderOutputsOptions): string {
  const parts: string[] = [];
  for (const output of mergeStreams(outputs)) {
    switch (output.output_type) {
      case "stream": {
        const cls = output.name === "stderr" ? "stderr" : "stdout";
        parts.push(`<pre class="output stream ${cls}">${esc(stripVTControlCharacters(output.text ?? ""))}</pre>`);
        break;
      }
      case "error": {
        const trace = output.traceback?.length
          ? output.traceback.join("\n")
          : `${output.ename ?? "Error"}: ${output.evalue ?? ""}`;
        parts.push(`<pre class="output error">${esc(stripVTControlCharacters(trace))}</pre>`);
        break;
      }
      case "display_data":
      case "execute_result":
        parts.push(renderRich(output, context));
        break;
      default:
        break;
    }
  }
  return parts.filter(Boolean).join("\n");
}

function mergeStreams(outputs: ExportOutput[]): ExportOutput[] {
  const merged: ExportOutput[] = [];
  for (const output of outputs) {
    const last = merged[merged.length - 1];
    if (output.output_type === "stream" && last?.output_type === "stream" && last.name === output.name) {
      merged[merged.length - 1] = { ...last, text: (last.text ?? "") + (output.text ?? "") };
    } else {
      merged.push(output);
    }
  }
  return merged;
}

function renderRich(output: ExportOutput, context: RenderContext): string {
  const data = output.data ?? {};
  const metadata = output.metadata ?? {};
  const text = (mime: string) => String(data[mime]);
  if (data[CLAIM_MIME] !== undefined) {
    // Rendered from the record by this exporter, never from the output's own HTML.
    const record = parseClaimRecord(data[CLAIM_MIME]);
    context.claims?.push({ record, section: context.section ?? "" });
    return claimOutputHtml({ record, notebook: context.notebookName ?? "", markdown: context.markdown });
  }
  if (data[PLOTLY_MIME] && typeof data[PLOTLY_MIME] === "object") {
    return renderFigure(
      data[PLOTLY_MIME] as PlotlyFigure,
      (metadata[OUTPUT_METADATA_KEY] ?? {}) as FigureOutputMetadata,
      context,
      parseExplorerRecord(data[EXPLORER_MIME]),
    );
  }
  if (data["text/html"] !== undefined) {
    const html = text("text/html");
    return `<div class="output html">${context.trustedOutputs ? html : sanitizeNotebookHtml(html)}</div>`;
  }
  if (data["image/svg+xml"] !== undefined) {
    const uri = `data:image/svg+xml;base64,${Buffer.from(text("image/svg+xml")).toString("base64")}`;
    return `<div class="output image"><img src="${uri}" alt="figure"></div>`;
  }
  for (const mime of ["image/png", "image/jpeg", "image/gif"]) {
    if (data[mime] === undefined) continue;
    // The payload goes into an attribute: it must be base64 and nothing else.
    if (!isBase64(text(mime)))
      return `<pre class="output error">${esc(`[${mime} output omitted: its data is not base64]`)}</pre>`;
    const size = (metadata[mime] ?? {}) as { width?: unknown; height?: unknown };
    const dimension = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : undefined);
    const attrs = [
      dimension(size.width) ? ` width="${dimension(size.width)}"` : "",
      dimension(size.height) ? ` height="${dimension(size.height)}"` : "",
    ].join("");
    return `<div class="output image"><img src="data:${mime};base64,${text(mime).replace(/\s+/g, "")}"${attrs} alt="figure"></div>`;
  }
  if (data["text/markdown"] !== undefined) {
    // A generated "**Figure N.** …" paragraph (showMarkdown with the run's values) captions figure N.
    const rest = takeFigureCaption(text("text/markdown"), context);
    return rest.trim() ? `<div class="output markdown">${context.markdown.render({ markdown: rest })}</div>` : "";
  }
  if (data["text/latex"] !== undefined)
    return `<div class="output latex">${renderLatex(text("text/latex"), context)}</div>`;
  if (data["application/json"] !== undefined) {
    return `<pre class="output json">${esc(JSON.stringify(data["application/json"], null, 2))}</pre>`;
  }
  if (data["text/plain"] !== undefined)
    return `<pre class="output text">${esc(stripVTControlCharacters(text("text/plain")))}</pre>`;
  return "";
}

/** text/latex holds delimited math (or a bare formula): typeset it all at build time. */
function renderLatex(latex: string, context: RenderContext): string {
  const trimmed = latex.trim();
  const delimited = /^(\$|\\\(|\\\[|\\begin\{)/.test(trimmed);
  return delimited
    ? context.markdown.render({ markdown: trimmed })
    : context.math.render({ tex: trimmed, display: true });
}

function renderFigure(
  figure: PlotlyFigure,
  meta: FigureOutputMetadata,
  context: RenderContext,
  explorer?: ExplorerRecord,
): string {
  const index = context.figures.length + 1;
  const domId = `figure-${index}`;
  const name = typeof meta.name === "string" && meta.name ? meta.name : undefined;
  const caption = typeof meta.caption === "string" && meta.caption ? meta.caption : undefined;
  context.figures.push({
    index,
    domId,
    name,
    caption,
    figure,
    section: context.section ?? "",
    explorer: explorer !== undefined,
  });
  // The one numbered caption is filled in when the page is complete (numberedCaptions): the notebook's
  // "**Figure N.**" paragraph below the figure when it has one, else the figure helper's caption.
  const figcaption = `<!--figcaption-${index}-->`;
  return [
    `<figure class="output plotly${explorer ? " explorer" : ""}" id="${domId}-figure"${name ? ` data-name="${esc(name)}"` : ""}>`,
    ...(explorer ? [explorerHtml({ domId, record: explorer, notebook: context.notebookName ?? "notebook" })] : []),
    `<div class="plotly-figure" id="${domId}"></div>`,
    `<script type="application/json" id="${domId}-json">${jsonForScript(figure)}</script>`,
    figcaption,
    // Where the page links the figure's SVG/PNG files, when the export writes them (render-notebook.ts).
    `<!--figure-files-${index}-->`,
    `</figure>`,
  ].join("\n");
}

/**
 * Gives every figure exactly one numbered caption: the "**Figure N.** …" paragraph a Markdown cell
 * gave it (moved out of the text into the figure), else the figure helper's short caption, else the
 * number alone.
 *
 * @example
 * numberedCaptions({ html, figures: context.figures, captions: context.figureCaptions, markdown });
 */
export function numberedCaptions({
  html,
  figures,
  captions,
  markdown,
}: {
  html: string;
  figures: FigureRef[];
  captions: Map<number, string>;
  markdown: MarkdownRenderer;
}): string {
  return html.replace(/<!--figcaption-(\d+)-->/g, (_m, n: string) => {
    const index = Number(n);
    const short = figures[index - 1]?.caption;
    const text = captions.get(index) ?? (short ? markdown.renderInline({ markdown: short }) : "");
    return `<figcaption><span class="figure-number">Figure ${index}.</span>${text ? ` ${text}` : ""}</figcaption>`;
  });
}

/** JSON that can sit inside <script>: no "</script", "<!--" or U+2028/9 can end or break it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Markdown (a cell, or a cell's Markdown output) that opens with "**Figure N.** …" right after figure
 * N captions it: that paragraph goes into the figure (numberedCaptions) and the rest stays text.
 * Returns the rest.
 *
 * @example
 * takeFigureCaption("**Figure 1.** At n = 50.\n\nMore text.", context); // → "More text."
 */
export function takeFigureCaption(source: string, context: RenderContext): string {
  const match = source.match(/^\s*\*\*Figure (\d+)\.\*\*[ \t]*([\s\S]*?)(?:\n[ \t]*\n([\s\S]*))?$/);
  if (!match) return source;
  const index = Number(match[1]);
  if (index !== context.figures.length || context.figureCaptions?.has(index)) return source;
  context.figureCaptions?.set(index, context.markdown.renderInline({ markdown: match[2].trim() }));
  return match[3] ?? "";
}
