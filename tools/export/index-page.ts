import { escapeHtml } from "../../lib/notebook/html-escape";
import { pageHtml } from "./page";
import { type Citation, citationHtml } from "./page-navigation";
import type { SiteAssets } from "./site-assets";

/** One notebook as the index lists it. */
export interface IndexEntry {
  /** Page file name relative to the index, e.g. "02-ticket-value.html". */
  href: string;
  /** Title and summary as HTML (math already typeset). */
  titleHtml: string;
  summaryHtml?: string;
  figureCount: number;
  execution?: string;
}

export interface IndexHtmlOptions {
  entries: IndexEntry[];
  /** Whether any title or summary holds typeset math (then KaTeX's CSS is inlined). */
  withMath: boolean;
  exportedAt?: Date;
  /** Link to the library's API reference, when the export built one. */
  apiHref?: string;
  /** The claim ledger: its one-line summary, its page, and the claims that fail. */
  ledger?: { summary: string; href: string; failing: string[] };
  /** The site's shared assets (undefined: inline them). */
  assets?: SiteAssets;
  /** The work's citation (CITATION.cff), for the "How to cite" block. */
  citation?: Citation;
}

/** build/site/index.html: every notebook with its title, summary and execution line. */
export function indexHtml({
  entries,
  withMath,
  exportedAt = new Date(),
  apiHref,
  ledger,
  assets,
  citation,
}: IndexHtmlOptions): string {
  const esc = (text: string) => escapeHtml({ text });
  const items = entries.map((e) => {
    const meta = [e.figureCount ? `${e.figureCount} figure${e.figureCount === 1 ? "" : "s"}` : "", e.execution ?? ""]
      .filter(Boolean)
      .join(" · ");
    return [
      "<li>",
      `<a class="title" href="${esc(e.href)}">${e.titleHtml}</a>`,
      e.summaryHtml ? `<p class="summary">${e.summaryHtml}</p>` : "",
      meta ? `<p class="meta">${esc(meta)}</p>` : "",
      "</li>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  const body = [
    `<article class="sheet">`,
    `<header class="page-header">`,
    `<h1>Execution Tickets Lab</h1>`,
    `<p class="summary">Derivations, seeded simulations and figures on the economics of Ethereum Execution Tickets — one page per notebook.</p>`,
    `</header>`,
    apiHref
      ? `<nav class="meta"><a href="${esc(apiHref)}">API reference of the <code>execution-tickets</code> library</a> (generated from its TSDoc)</nav>`
      : "",
    ledger
      ? `<p class="ledger ${ledger.failing.length ? "fails" : "holds"}"><a href="${esc(ledger.href)}">${esc(ledger.summary)}</a>${ledger.failing.length ? `: ${ledger.failing.map(esc).join("; ")}` : ""} — every quantitative claim and the check that backs it.</p>`
      : "",
    `<main>`,
    entries.length ? `<ul class="notebooks">\n${items.join("\n")}\n</ul>` : `<p>No executed notebooks were found.</p>`,
    `</main>`,
    `<footer class="page-footer"><p>Exported ${esc(exportedAt.toISOString().slice(0, 16).replace("T", " "))} UTC with <code>npm run export</code>.</p>${citation ? citationHtml({ citation }) : ""}</footer>`,
    `</article>`,
  ].join("\n");
  return pageHtml({ documentTitle: "Execution Tickets Lab — notebooks", body, withPlotly: false, withMath, assets });
}
