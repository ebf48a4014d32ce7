/**
 * Numbered citations from the repository's references.bib: `[@key]` in a notebook's Markdown
 * becomes "[n]" linking to the page's bibliography, numbered in order of first use; the cited works
 * are listed at the end of the page. An unknown key is shown as written, flagged, and reported.
 */
import * as fs from "node:fs";
import bibtexParse from "bibtex-parse";
import { escapeHtml } from "../../lib/notebook/html-escape";

const esc = (text: string) => escapeHtml({ text });

/** One work of references.bib. */
export interface BibEntry {
  key: string;
  type: string;
  /** Field names in upper case (AUTHOR, TITLE, YEAR, JOURNAL, HOWPUBLISHED, VOLUME, NUMBER, …). */
  fields: Record<string, string>;
}

/** Reads references.bib; an empty library when the file does not exist. */
export function readBibliography(file: string): Map<string, BibEntry> {
  const library = new Map<string, BibEntry>();
  if (!fs.existsSync(file)) return library;
  const entries = bibtexParse.entries(fs.readFileSync(file, "utf8")) as Array<Record<string, unknown>>;
  for (const { key, type, ...fields } of entries) {
    library.set(String(key), {
      key: String(key),
      type: String(type),
      fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])),
    });
  }
  return library;
}

/** "Burian, Jonah and Crapis, Davide" → "J. Burian and D. Crapis" (three or more: "A, B and C"). */
function authors(field = ""): string {
  const names = field.split(/\s+and\s+/).map((name) => {
    const [last, first] = name.includes(",") ? name.split(/,\s*/, 2) : [name, ""];
    const initials = first
      .split(/\s+/)
      .filter(Boolean)
      .map((part) => `${part[0]}.`)
      .join(" ");
    return initials ? `${initials} ${last}` : last;
  });
  return names.length > 2 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names.join(" and ");
}

/** One bibliography line (plain text, escaped on output). */
export function formatEntry(entry: BibEntry): string {
  const f = entry.fields;
  const where = f.JOURNAL
    ? `${f.JOURNAL}${f.VOLUME ? ` ${f.VOLUME}` : ""}${f.NUMBER ? `(${f.NUMBER})` : ""}`
    : f.BOOKTITLE
      ? `In ${f.BOOKTITLE}${f.PUBLISHER ? `, ${f.PUBLISHER}` : ""}`
      : (f.HOWPUBLISHED ?? "");
  return `${authors(f.AUTHOR)}. “${f.TITLE ?? entry.key}.” ${where}${where ? ", " : ""}${f.YEAR ?? "n.d."}.`;
}

/** The citations of one page: numbers in order of first use, and the keys no entry matched. */
export class PageCitations {
  readonly order: string[] = [];
  readonly unknown = new Set<string>();
  constructor(private readonly library: Map<string, BibEntry>) {}

  /** Replaces `[@key]` and `[@a; @b]` in rendered HTML (outside code) by numbered links. */
  cite(html: string): string {
    return html
      .split(/(<code[\s\S]*?<\/code>|<pre[\s\S]*?<\/pre>)/)
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part.replace(/\[(@[\w:.-]+(?:\s*;\s*@[\w:.-]+)*)\]/g, (_match, list: string) => {
              const keys = list.split(/\s*;\s*/).map((k) => k.slice(1));
              const links = keys.map((key) => {
                if (!this.library.has(key)) {
                  this.unknown.add(key);
                  return `<span class="citation unknown" title="not in references.bib">?${esc(key)}</span>`;
                }
                if (!this.order.includes(key)) this.order.push(key);
                const n = this.order.indexOf(key) + 1;
                return `<a class="citation" href="#ref-${esc(key)}">${n}</a>`;
              });
              return `<span class="citations">[${links.join(", ")}]</span>`;
            }),
      )
      .join("");
  }

  /** The page's bibliography (empty when nothing was cited). */
  html(): string {
    if (this.order.length === 0) return "";
    const items = this.order.map(
      (key) => `<li id="ref-${esc(key)}">${esc(formatEntry(this.library.get(key) as BibEntry))}</li>`,
    );
    return `<section class="bibliography"><h2 id="references">References</h2>\n<ol>\n${items.join("\n")}\n</ol>\n</section>`;
  }
}
