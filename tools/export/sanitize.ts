/**
 * The exported pages' trust model for HTML taken from notebooks (raw HTML in Markdown cells,
 * `text/html` and `text/markdown` outputs, captions, titles): it is sanitised with sanitize-html,
 * a well-kept allowlist sanitiser that runs in Node without a DOM (DOMPurify would need jsdom).
 * Kept: what research pages need (text formatting, lists, tables, details, sub/sup, data: images,
 * links). Dropped: scripts, event handlers, javascript: and other non-http(s) links, iframes, meta,
 * base, forms, object/embed, styles beyond table alignment, and every remote image. Math typeset
 * by KaTeX at build time is HTML the exporter made itself, so it bypasses the sanitiser through
 * placeholders (see markdown.ts).
 */
import sanitizeHtml from "sanitize-html";

const TEXT_TAGS = ["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "span", "div"];
const INLINE_TAGS = [
  "em",
  "strong",
  "b",
  "i",
  "u",
  "s",
  "del",
  "ins",
  "sub",
  "sup",
  "small",
  "mark",
  "kbd",
  "abbr",
  "cite",
  "q",
];
const BLOCK_TAGS = ["ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "figure", "figcaption"];
const TABLE_TAGS = ["table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col"];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...TEXT_TAGS, ...INLINE_TAGS, ...BLOCK_TAGS, ...TABLE_TAGS, "img", "a"],
  allowedAttributes: {
    "*": ["class", "title", "lang", "dir"],
    a: ["href", "name", "rel"],
    img: ["src", "alt", "width", "height"],
    th: ["style", "colspan", "rowspan", "scope"],
    td: ["style", "colspan", "rowspan"],
    ol: ["start", "reversed"],
    details: ["open"],
    abbr: ["title"],
  },
  allowedStyles: {
    th: { "text-align": [/^(left|right|center)$/] },
    td: { "text-align": [/^(left|right|center)$/] },
  },
  // Links may leave the page only when the reader clicks them; images never load from anywhere.
  allowedSchemesByTag: { a: ["http", "https", "mailto"], img: ["data"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^(https?:|mailto:)/i.test(attribs.href ?? "") ? { ...attribs, rel: "noopener noreferrer" } : attribs,
    }),
    img: (tagName, attribs) => {
      // Only raster or SVG images inlined as base64 data: URIs (an SVG in <img> runs no script).
      const ok = /^data:image\/(png|jpe?g|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]*$/i.test(attribs.src ?? "");
      const { src, ...rest } = attribs;
      return { tagName, attribs: ok ? { ...rest, src: src as string } : rest };
    },
  },
};

/**
 * Notebook HTML made safe to put in a page.
 *
 * @example
 * sanitizeNotebookHtml('<b onclick="x()">bold</b><script>alert(1)</script>'); // '<b>bold</b>'
 */
export function sanitizeNotebookHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** True when `text` is base64 (what a data: URI's image payload must be). */
export function isBase64(text: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(text.replace(/\s+/g, ""));
}
