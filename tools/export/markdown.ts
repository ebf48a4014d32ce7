import MarkdownIt from "markdown-it";
import { escapeHtml } from "../../lib/notebook/html-escape";
import { highlightCode } from "./highlight";
import { markdownMath } from "./markdown-math";
import { sanitizeNotebookHtml } from "./sanitize";
import type { MathRenderer } from "./math";

export interface MarkdownRendererOptions {
  math: MathRenderer;
}

export interface RenderMarkdownOptions {
  markdown: string;
  /** Cell attachments (nbformat: name → mime bundle), for `![](attachment:name)` images. */
  attachments?: Record<string, Record<string, unknown>>;
}

/**
 * A Markdown renderer for notebook cells: CommonMark + tables (markdown-it), raw HTML allowed
 * (as in Jupyter), fenced code highlighted, math typeset with KaTeX at build time, and cell
 * attachments inlined as data: URIs.
 */
/** Renders a cell (block Markdown) or a one-line title/summary (inline Markdown, no <p>). */
export interface MarkdownRenderer {
  render(params: RenderMarkdownOptions): string;
  renderInline(params: { markdown: string }): string;
}

export function createMarkdownRenderer({ math }: MarkdownRendererOptions): MarkdownRenderer {
  const md = new MarkdownIt({
    html: true,
    linkify: false,
    typographer: false,
    highlight: (code, language) => highlightCode({ code, language: language || undefined }),
  });
  md.use(markdownMath, { math });
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = String(token.attrGet("src") ?? "");
    if (src.startsWith("attachment:")) {
      const attachments = (env as { attachments?: RenderMarkdownOptions["attachments"] }).attachments;
      const bundle = attachments?.[src.slice("attachment:".length)];
      const mime = bundle && Object.keys(bundle).find((m) => m.startsWith("image/"));
      if (bundle && mime) {
        const data = bundle[mime];
        const text = Array.isArray(data) ? data.join("") : String(data);
        const uri =
          mime === "image/svg+xml"
            ? `data:${mime};base64,${Buffer.from(text).toString("base64")}`
            : `data:${mime};base64,${text.replace(/\s+/g, "")}`;
        token.attrSet("src", uri);
      }
    }
    return defaultImage(tokens, idx, options, env, self);
  };
  // Links between notebooks point at their exported pages: "02-ticket-value.ipynb#x" → ".html#x".
  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = String(tokens[idx].attrGet("href") ?? "");
    if (href && !/^[a-z]+:/i.test(href)) {
      const page = href.match(/^(?:\.\/)?([^/?#]+)\.ipynb(#.*)?$/);
      if (page) tokens[idx].attrSet("href", `${page[1]}.html${page[2] ?? ""}`);
      const assumptions = href.match(/^(?:\.\.\/)?ASSUMPTIONS\.md(#.*)?$/);
      if (assumptions) tokens[idx].attrSet("href", `assumptions.html${assumptions[1] ?? ""}`);
    }
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  // Fenced code gets the same look as code cells.
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx];
    const language = token.info.trim().split(/\s+/)[0] || undefined;
    const cls = language ? ` class="hljs language-${escapeHtml({ text: language })}"` : ' class="hljs"';
    return `<pre class="code"><code${cls}>${highlightCode({ code: token.content, language })}</code></pre>\n`;
  };
  // Typeset math is HTML the exporter made itself: it stands in as a placeholder while the rest (raw
  // HTML from the notebook) is sanitised, then comes back. Placeholders use private-use characters,
  // which the sanitiser keeps as text and a notebook cannot forge (their text is escaped first).
  const trusted: string[] = [];
  for (const rule of ["math_inline", "math_display", "math_block"] as const) {
    const render = md.renderer.rules[rule];
    if (!render) continue;
    md.renderer.rules[rule] = (...args) => {
      trusted.push(render(...args));
      return `\uE000${trusted.length - 1}\uE001`;
    };
  }
  const safe = (html: string) => {
    const out = sanitizeNotebookHtml(html).replace(/\uE000(\d+)\uE001/g, (_, i: string) => trusted[Number(i)] ?? "");
    trusted.length = 0;
    return out;
  };
  const unforgeable = (markdown: string) => markdown.replace(/[\uE000\uE001]/g, "");
  return {
    render: ({ markdown, attachments }) => safe(md.render(unforgeable(markdown), { attachments })),
    renderInline: ({ markdown }) => safe(md.renderInline(unforgeable(markdown), {})),
  };
}
