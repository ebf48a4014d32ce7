import type { ClaimRecord } from "../../lib/notebook/claim";
import { escapeHtml } from "../../lib/notebook/html-escape";
import { highlightCode } from "./highlight";
import { createMarkdownRenderer } from "./markdown";
import { createMathRenderer, type MathError } from "./math";
import { executionSummary, notebookInfo, plainTitle } from "./notebook-info";
import { pageHtml } from "./page";
import { figureFileStems } from "./figure-files";
import {
  addHeadingIds,
  type Citation,
  citationHtml,
  figureFilesHtml,
  pagerHtml,
  type SitePage,
  siteNavHtml,
  type TocEntry,
  tocHtml,
  toolbarHtml,
} from "./page-navigation";
import type { SiteAssets } from "./site-assets";
import { type BibEntry, PageCitations } from "./bibliography";
import type { ExecutedNotebook, ExportCell } from "./read-notebook";
import {
  numberedCaptions,
  renderOutputs,
  takeFigureCaption,
  type FigureRef,
  type RenderContext,
} from "./render-outputs";

/** A notebook's runs with --param (on its page), or the notebook a run belongs to (on the run's page). */
export interface PageRuns {
  variants?: { name: string; parameters: Record<string, unknown> }[];
  of?: { name: string };
  /** The run's --param values (on a run's page). */
  parameters?: Record<string, unknown>;
}

export interface RenderNotebookPageOptions {
  notebook: ExecutedNotebook;
  /** Links between a notebook's page and its --param runs' pages (footer). */
  runs?: PageRuns;
  /** Link target of the "all notebooks" link. Default "index.html". */
  indexHref?: string;
  /** Export time shown in the footer (default now). */
  exportedAt?: Date;
  /** Render every HTML output unsanitised, signed or not (the CLI's --trust). Default false. */
  trust?: boolean;
  /** The site's shared assets; undefined: a self-contained page with everything inlined. */
  assets?: SiteAssets;
  /** The site's notebooks in order, for the navigation and previous/next links. */
  sitePages?: readonly SitePage[];
  /** Download links (relative to the page) of the executed and the source notebook. */
  downloads?: { executedHref?: string; sourceHref?: string };
  /** Folder of the figure files relative to the page (e.g. "../figures"), when the export writes them. */
  figuresHref?: string;
  /** The work's citation (CITATION.cff), for the "How to cite" block. */
  citation?: Citation;
  /** references.bib, for `[@key]` citations and the page's bibliography. */
  bibliography?: Map<string, BibEntry>;
}

export interface RenderedNotebook {
  html: string;
  /** Title and summary as HTML (math typeset), for the index page. */
  titleHtml: string;
  summaryHtml?: string;
  /** Plain-text title. */
  title: string;
  figures: FigureRef[];
  /** Claims registered in the notebook (showClaim outputs), in order, with their section. */
  claims: { record: ClaimRecord; section: string }[];
  mathErrors: MathError[];
  /** The footer's execution line, if the notebook records one. */
  execution?: string;
  /** `[@key]` citations whose key is not in references.bib. */
  unknownCitations: string[];
}

/** Cell tags that hide parts of a cell in the export (Jupyter Book conventions). */
const REMOVE_CELL = ["remove-cell", "remove_cell"];
const REMOVE_INPUT = ["remove-input", "remove_input", "hide-input"];
const REMOVE_OUTPUT = ["remove-output", "remove_output", "hide-output"];

/** Renders one executed notebook as a self-contained page. */
export function renderNotebookPage({
  notebook,
  indexHref = "index.html",
  exportedAt = new Date(),
  trust = false,
  assets,
  sitePages,
  downloads,
  figuresHref,
  citation,
  bibliography = new Map(),
  runs,
}: RenderNotebookPageOptions): RenderedNotebook {
  const math = createMathRenderer();
  const markdown = createMarkdownRenderer({ math });
  const context: RenderContext = {
    markdown,
    math,
    figures: [],
    trustedOutputs: trust || notebook.signed,
    notebookName: notebook.name,
    section: "",
    claims: [],
    figureCaptions: new Map(),
  };
  const info = notebookInfo({ notebook });
  // Metadata is plain text with Markdown and math, not HTML: "<name>" must show as written.
  const plain = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const titleHtml = markdown.renderInline({ markdown: plain(info.title) });
  const summaryHtml = info.summary ? markdown.renderInline({ markdown: plain(info.summary) }) : undefined;

  const toc: TocEntry[] = [];
  const usedIds = new Set<string>();
  const cells = withoutRepeatedTitle(notebook.cells, info.title)
    .map((cell) => renderCell(cell, context))
    .filter(Boolean)
    .map((html) => addHeadingIds(html, toc, usedIds));
  const citations = new PageCitations(bibliography);
  const cited = cells
    .map((html) =>
      numberedCaptions({ html, figures: context.figures, captions: context.figureCaptions ?? new Map(), markdown }),
    )
    .map((html) => citations.cite(html));
  const references = citations.html();
  if (references) toc.push({ level: 2, id: "references", html: "References" });
  const stems = figureFileStems({ notebookName: notebook.name, figures: context.figures });
  const withFigureFiles = (html: string) =>
    html.replace(/<!--figure-files-(\d+)-->/g, (_m, n: string) => {
      const stem = stems[Number(n) - 1];
      if (!figuresHref || !stem) return "";
      const file = (ext: string) => `${figuresHref}/${encodeURIComponent(stem)}.${ext}`;
      return figureFilesHtml({ index: Number(n), svg: file("svg"), png: file("png") });
    });
  const execution = executionSummary({ execution: notebook.metadata.execution });
  const esc = (text: string) => escapeHtml({ text });
  const title = plainTitle({ markdown: info.title });
  const site = sitePages && { pages: sitePages, current: notebook.name };
  const body = [
    `<nav class="top"><a href="${esc(indexHref)}">← All notebooks</a></nav>`,
    `<div class="layout">`,
    site ? siteNavHtml(site) : "",
    `<article class="sheet">`,
    `<header class="page-header">`,
    `<h1>${titleHtml}</h1>`,
    summaryHtml ? `<p class="summary">${summaryHtml}</p>` : "",
    toolbarHtml(downloads ?? {}),
    `</header>`,
    `<main>`,
    runs?.of ? runBannerHtml(runs, esc) : "",
    ...cited.map(withFigureFiles),
    references,
    `</main>`,
    site ? pagerHtml(site) : "",
    `<footer class="page-footer">`,
    `<p>${esc(execution ?? "No execution record in this notebook's metadata.")}</p>`,
    runs ? runsHtml(runs, esc) : "",
    `<p>Source: <code>${esc(notebook.name)}.ipynb</code> · exported ${esc(exportedAt.toISOString().slice(0, 16).replace("T", " "))} UTC with <code>npm run export</code>.</p>`,
    citation ? citationHtml({ citation, pageTitle: title }) : "",
    `</footer>`,
    `</article>`,
    tocHtml(toc),
    `</div>`,
  ]
    .filter(Boolean)
    .join("\n");
  const html = pageHtml({
    documentTitle: title,
    body,
    withPlotly: context.figures.length > 0,
    withMath: math.count > 0,
    withExplorers: context.figures.some((f) => f.explorer),
    assets,
  });
  return {
    html,
    titleHtml,
    summaryHtml,
    title,
    figures: context.figures,
    claims: context.claims ?? [],
    mathErrors: math.errors,
    execution,
    unknownCitations: [...citations.unknown],
  };
}

/**
 * Drops the first cell's leading "# Title" when it repeats the page header's title, so the page
 * does not show the same title twice.
 */
function withoutRepeatedTitle(cells: ExportCell[], title: string): ExportCell[] {
  const first = cells.findIndex((c) => c.cell_type === "markdown" && c.source.trim() !== "");
  if (first < 0) return cells;
  const match = cells[first].source.match(/^\s*#\s+(.+?)\s*#*\s*(\n|$)/);
  if (!match || plainTitle({ markdown: match[1] }) !== plainTitle({ markdown: title })) return cells;
  const copy = [...cells];
  copy[first] = { ...cells[first], source: cells[first].source.slice(match[0].length) };
  return copy;
}

/** `n = 500, d = 0.02`: a run's --param values as a reader reads them. */
function parameterText(parameters: Record<string, unknown>): string {
  return Object.entries(parameters)
    .map(([k, v]) => `${k} = ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}

/**
 * At the top of a --param run's page: which values differ from the notebook's, and that prose
 * written for the defaults may still state those (the outputs, figures and tables are this run's).
 */
function runBannerHtml(runs: PageRuns, esc: (text: string) => string): string {
  const href = `${encodeURIComponent(runs.of?.name ?? "")}.html`;
  return `<aside class="run-banner"><p><strong>A run with other parameters:</strong> ${esc(parameterText(runs.parameters ?? {}))}. Every output, figure and table below is this run's; sentences written for the notebook's defaults may still state those (<a href="${href}">the default run</a>).</p></aside>`;
}

/** The footer's links between a notebook's default run and its --param runs. */
function runsHtml(runs: PageRuns, esc: (text: string) => string): string {
  const href = (name: string) => `${encodeURIComponent(name)}.html`;
  if (runs.of) {
    return `<p class="runs">This page is a run with ${esc(parameterText(runs.parameters ?? {}))}; the notebook's default run: <a href="${href(runs.of.name)}">${esc(runs.of.name)}</a>.</p>`;
  }
  const links = (runs.variants ?? []).map((v) => `<a href="${href(v.name)}">${esc(parameterText(v.parameters))}</a>`);
  return links.length ? `<p class="runs">Runs of this notebook with other parameters: ${links.join(" · ")}.</p>` : "";
}

function renderCell(cell: ExportCell, context: RenderContext): string {
  const tags = Array.isArray(cell.metadata.tags) ? (cell.metadata.tags as unknown[]).map(String) : [];
  const has = (list: string[]) => tags.some((t) => list.includes(t));
  if (has(REMOVE_CELL)) return "";
  if (cell.cell_type === "markdown") {
    const headings = [...cell.source.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)];
    if (headings.length) context.section = headings[headings.length - 1][1];
    const source = takeFigureCaption(cell.source, context);
    if (source.trim() === "") return "";
    return `<section class="cell markdown">\n${context.markdown.render({ markdown: source, attachments: cell.attachments })}</section>`;
  }
  if (cell.cell_type === "raw") {
    const format = String(cell.metadata.format ?? cell.metadata.raw_mimetype ?? "");
    return format === "text/html" ? `<section class="cell raw">${cell.source}</section>` : "";
  }
  const label = tags.includes("injected-parameters")
    ? `<p class="cell-label">Parameters injected for this run</p>`
    : tags.includes("parameters")
      ? `<p class="cell-label">Parameters</p>`
      : "";
  // Code is folded (Jupyter Book's hide-input, unfoldable); the parameters a run used stay open.
  const open = tags.includes("parameters") || tags.includes("injected-parameters") ? " open" : "";
  const lines = cell.source.split("\n").length;
  const input =
    has(REMOVE_INPUT) || cell.source.trim() === ""
      ? ""
      : `<details class="code-input"${open}><summary>Code <span class="lines">(${lines} line${lines === 1 ? "" : "s"})</span></summary><div class="input">${label}<pre class="code"><code class="hljs language-typescript">${highlightCode({ code: cell.source, language: "typescript" })}</code></pre></div></details>`;
  const outputs = has(REMOVE_OUTPUT) ? "" : renderOutputs({ outputs: cell.outputs, context });
  if (!input && !outputs) return "";
  return `<div class="cell code">\n${input}\n<div class="outputs">${outputs}</div>\n</div>`;
}
