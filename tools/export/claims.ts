/**
 * The claim ledger in the exported site: each claim output (lib/notebook `showClaim`, MIME
 * CLAIM_MIME) is rendered from its JSON record with a status badge linking to its row in
 * claims.html, and collected with its notebook, section and the section's figures; the site then
 * gets claims.html and claims.json, and build/claims.json is written beside the site.
 */
import { checkBundle } from "../../lib/notebook/show-check";
import type { ClaimRecord } from "../../lib/notebook/claim";
import { escapeHtml } from "../../lib/notebook/html-escape";
import { formatNumber } from "../../lib/notebook/format-number";
import type { MarkdownRenderer } from "./markdown";
import { pageHtml } from "./page";
import type { SiteAssets } from "./site-assets";

/** A claim as the ledger lists it: the record plus where it stands. */
export interface LedgerClaim extends Omit<ClaimRecord, "figures"> {
  /** Notebook name without .ipynb, e.g. "02-ticket-value". */
  notebook: string;
  /** The notebook's page, relative to the site root. */
  page: string;
  /** The heading of the section the claim appears in ("" before any heading). */
  section: string;
  /** Figures of the same section: number, caption, link. */
  figures: { index: number; caption?: string; href: string }[];
  /** Link to the claim in its page. */
  href: string;
}

/** The anchor of a claim's row in claims.html. */
export function claimAnchor({ notebook, id }: { notebook: string; id: string }): string {
  return `${notebook}--${id}`;
}

const esc = (text: string) => escapeHtml({ text });
/**
 * Plain text with Markdown and $math$ (not HTML): "<" must show as written. Inside $…$ the
 * comparison signs become TeX's \lt and \gt, so that "$a < b$" typesets as a < b (not as "&lt;")
 * and no "<" reaches the Markdown renderer as HTML.
 */
const plain = (text: string) =>
  text
    .split(/(\$[^$]+\$)/)
    .map((part, i) =>
      i % 2 === 1
        ? part.replace(/</g, "\\lt ").replace(/>/g, "\\gt ").replace(/&/g, "\\&")
        : part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    )
    .join("");

/** Checks as check(...) results again (null numbers back to NaN) for the shared table. */
function asResults(record: ClaimRecord) {
  const num = (x: number | null) => (x === null ? Number.NaN : x);
  return record.checks.map((c) => ({
    label: c.label,
    estimate: num(c.estimate),
    stderr: num(c.stderr),
    expected: num(c.expected),
    z: num(c.z),
    maxZ: c.maxZ,
    pass: c.pass,
    ...(c.alternative
      ? { alternative: { ...c.alternative, value: num(c.alternative.value), z: num(c.alternative.z) } }
      : {}),
  }));
}

/** Reads a claim record from an output's JSON, refusing anything that is not one. */
export function parseClaimRecord(value: unknown): ClaimRecord {
  const r = value as ClaimRecord;
  const ok =
    r !== null &&
    typeof r === "object" &&
    typeof r.id === "string" &&
    /^[a-z0-9][a-z0-9-]{0,63}$/.test(r.id) &&
    typeof r.text === "string" &&
    typeof r.reference === "string" &&
    (r.status === "holds" || r.status === "fails") &&
    Array.isArray(r.checks) &&
    r.checks.every(
      (c) => c !== null && typeof c === "object" && typeof c.label === "string" && typeof c.pass === "boolean",
    ) &&
    (r.figures === undefined || (Array.isArray(r.figures) && r.figures.every((f) => typeof f === "string")));
  if (!ok) throw new Error(`a claim output is not a valid claim record: ${JSON.stringify(value)?.slice(0, 120)}`);
  // The status is recomputed from the checks: a record cannot claim to hold while a check fails.
  return { ...r, status: r.checks.every((c) => c.pass) ? "holds" : "fails" };
}

/** A claim output in a notebook page: badge, claim, reference and the checks' table, all from the record. */
export function claimOutputHtml({
  record,
  notebook,
  markdown,
}: {
  record: ClaimRecord;
  notebook: string;
  markdown: MarkdownRenderer;
}): string {
  const holds = record.status === "holds";
  const table = String(checkBundle({ results: asResults(record) }).data["text/html"]);
  return [
    `<div class="output claim" id="claim-${esc(record.id)}">`,
    `<p class="claim-text"><a class="claim-badge ${holds ? "holds" : "fails"}" href="claims.html#${esc(claimAnchor({ notebook, id: record.id }))}" title="In the claim ledger">${holds ? "✓ holds" : "✗ fails"}</a> ${markdown.renderInline({ markdown: plain(record.text) })}</p>`,
    `<p class="claim-reference">Backed by: ${markdown.renderInline({ markdown: plain(record.reference) })}</p>`,
    table,
    `</div>`,
  ].join("\n");
}

/** One line for the index: "N claims, all holding" or "N claims, K failing". */
export function ledgerSummary(claims: readonly LedgerClaim[]): string {
  const failing = claims.filter((c) => c.status === "fails").length;
  const n = `${claims.length} claim${claims.length === 1 ? "" : "s"}`;
  return failing === 0 ? `${n}, all holding` : `${n}, ${failing} failing`;
}

/** claims.json: every claim with its notebook, section, figures and status. */
export function ledgerJson({ claims, exportedAt }: { claims: readonly LedgerClaim[]; exportedAt: Date }): string {
  const failing = claims.filter((c) => c.status === "fails");
  return `${JSON.stringify(
    {
      exportedAt: exportedAt.toISOString(),
      summary: ledgerSummary(claims),
      total: claims.length,
      holding: claims.length - failing.length,
      failing: failing.map((c) => claimAnchor(c)),
      claims,
    },
    null,
    1,
  )}\n`;
}

/** claims.html: every claim, grouped by notebook, with its section, checks, figures and status. */
export function claimsPageHtml({
  claims,
  markdown,
  withMath,
  assets,
}: {
  claims: readonly LedgerClaim[];
  markdown: MarkdownRenderer;
  withMath: () => boolean;
  /** The site's shared assets (undefined: inline them). */
  assets?: SiteAssets;
}): string {
  const number = (x: number | null, digits: number) => (x === null ? "—" : formatNumber({ value: x, digits }));
  const rows = claims.map((c) => {
    const holds = c.status === "holds";
    const checks = c.checks
      .map(
        (k) =>
          `<li class="${k.pass ? "et-pass" : "et-fail"}">${esc(k.label)}: ${esc(number(k.estimate, 6))} ± ${esc(number(k.stderr, 3))} vs ${esc(number(k.expected, 6))}, |z| = ${esc(k.z === null ? "—" : Math.abs(k.z).toFixed(2))} (tolerance ${esc(String(k.maxZ))})${k.alternative ? `; excludes ${esc(k.alternative.label)} at |z| ${esc(k.alternative.z === null ? "—" : Math.abs(k.alternative.z).toFixed(1))}` : ""}</li>`,
      )
      .join("");
    const figures = c.figures.map((f) => `<a href="${esc(f.href)}">Figure ${f.index}</a>`).join(", ");
    return [
      `<tr id="${esc(claimAnchor(c))}" class="${holds ? "et-pass" : "et-fail"}">`,
      `<td><span class="claim-badge ${holds ? "holds" : "fails"}">${holds ? "✓ holds" : "✗ fails"}</span></td>`,
      `<td><a href="${esc(c.href)}">${markdown.renderInline({ markdown: plain(c.text) })}</a><br><span class="meta">${esc(c.notebook)} · ${markdown.renderInline({ markdown: plain(c.section || "(before the first heading)") })}</span></td>`,
      `<td><ul class="claim-checks">${checks}</ul><span class="meta">Backed by: ${markdown.renderInline({ markdown: plain(c.reference) })}</span></td>`,
      `<td>${figures || "—"}</td>`,
      `</tr>`,
    ].join("");
  });
  const body = [
    `<nav class="top"><a href="index.html">← All notebooks</a></nav>`,
    `<article class="sheet wide">`,
    `<header class="page-header">`,
    `<h1>Claim ledger</h1>`,
    `<p class="summary">${esc(ledgerSummary(claims))}. Every quantitative claim a notebook states, the check that backs it (estimate ± standard error against the closed form or reference, and the largest |z| that passes), the section and figures it belongs to, and whether it held in this run. Machine-readable: <a href="claims.json">claims.json</a>.</p>`,
    `</header>`,
    `<main>`,
    claims.length
      ? `<table class="claims"><thead><tr><th>status</th><th>claim</th><th>checks</th><th>figures</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`
      : `<p>No notebook registered a claim.</p>`,
    `</main>`,
    `</article>`,
  ].join("\n");
  return pageHtml({ documentTitle: "Claim ledger", body, withPlotly: false, withMath: withMath(), assets });
}
