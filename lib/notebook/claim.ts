/**
 * The claim ledger's entry point for notebooks: a quantitative claim the notebook states, shown
 * with the agreement checks that back it. The output carries the claim as JSON under
 * {@link CLAIM_MIME}; the exporter gathers every claim of every notebook into build/claims.json and
 * claims.html and gives each claim in a page a status badge linking to its row.
 */
import { writeDisplayData, type DisplayBundle } from "./display-writer";
import { escapeHtml } from "./html-escape";
import { checkBundle, type CheckResultLike } from "./show-check";
import * as validate from "../validate";

/** MIME type of a claim record in a notebook output. */
export const CLAIM_MIME = "application/vnd.execution-tickets.claim+json";

/** Input of {@link showClaim} and {@link claimBundle}. */
export interface ClaimOptions {
  /** Stable id, unique within the notebook: lower-case letters, digits and hyphens (the claim's anchor). */
  id: string;
  /** The claim as a sentence, as the notebook states it (plain text; may hold inline $…$ math). */
  text: string;
  /** What the checks compare against: the closed form, equation or source (e.g. "Observation 2, ticketValue"). */
  reference: string;
  /** The agreement check(s) backing the claim (lib/stats `check`); the claim holds when all pass. */
  checks: CheckResultLike | CheckResultLike[];
  /** Names of the notebook's figures (`showFigure(…, { name })`) that show the claim; the ledger links them. */
  figures?: string[];
}

/** One check of a claim, as the ledger stores it. */
export interface ClaimCheck {
  label: string;
  estimate: number | null;
  stderr: number | null;
  expected: number | null;
  z: number | null;
  /** Largest |z| that passes (the tolerance). */
  maxZ: number;
  pass: boolean;
  alternative?: { label: string; value: number | null; z: number | null; minZ: number; excluded: boolean };
}

/** A claim as the ledger stores it (plain JSON: non-finite numbers become null). */
export interface ClaimRecord {
  id: string;
  text: string;
  reference: string;
  status: "holds" | "fails";
  checks: ClaimCheck[];
  /** Names of the figures that show the claim. */
  figures?: string[];
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const json = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * The claim as a plain-JSON record (status "holds" when every check passes).
 *
 * @example
 * claimRecord({ id: "mean", text: "E[V] = 1/2", reference: "exact", checks: check({ label: "E[V]", estimate: 0.502, stderr: 0.001, expected: 0.5 }) }).status; // → "holds"
 */
export function claimRecord(options: ClaimOptions): ClaimRecord {
  validate.knownKeys("claim options", options ?? {}, ["id", "text", "reference", "checks", "figures"]);
  const { id, text, reference, checks, figures } = options;
  if (figures !== undefined && (!Array.isArray(figures) || figures.some((f) => typeof f !== "string" || f === ""))) {
    throw new RangeError(`figures must be an array of figure names; received ${JSON.stringify(figures)}`);
  }
  if (typeof id !== "string" || !ID.test(id)) {
    throw new RangeError(
      `id must be 1–64 lower-case letters, digits and hyphens, starting with a letter or digit; received ${JSON.stringify(id)}`,
    );
  }
  for (const [name, value] of [
    ["text", text],
    ["reference", reference],
  ] as const) {
    if (typeof value !== "string" || value.trim() === "") {
      throw new RangeError(`${name} must be a non-empty string; received ${JSON.stringify(value)}`);
    }
  }
  const list = Array.isArray(checks) ? checks : [checks];
  if (list.length === 0 || list.some((c) => c === null || typeof c !== "object" || typeof c.pass !== "boolean")) {
    throw new RangeError(`checks must be one or more results of check(...); received ${JSON.stringify(checks)}`);
  }
  const records = list.map(
    (c): ClaimCheck => ({
      label: c.label,
      estimate: json(c.estimate),
      stderr: json(c.stderr),
      expected: json(c.expected),
      z: json(c.z),
      maxZ: c.maxZ ?? 5,
      pass: c.pass,
      ...(c.alternative
        ? {
            alternative: {
              label: c.alternative.label,
              value: json(c.alternative.value),
              z: json(c.alternative.z),
              minZ: c.alternative.minZ,
              excluded: c.alternative.excluded,
            },
          }
        : {}),
    }),
  );
  return {
    id,
    text,
    reference,
    status: records.every((c) => c.pass) ? "holds" : "fails",
    checks: records,
    ...(figures ? { figures: [...figures] } : {}),
  };
}

/**
 * The display payload {@link showClaim} sends: the record under {@link CLAIM_MIME}, and for every
 * other client the claim, its status and reference above the checks' table.
 *
 * @example
 * Object.keys(claimBundle({ id: "mean", text: "E[V] = 1/2", reference: "exact", checks: check({ label: "E[V]", estimate: 0.502, stderr: 0.001, expected: 0.5 }) }).data).join(", "); // → "application/vnd.execution-tickets.claim+json, text/html, text/plain"
 */
export function claimBundle(options: ClaimOptions): DisplayBundle {
  const record = claimRecord(options);
  const table = checkBundle({ results: options.checks });
  const esc = (text: string) => escapeHtml({ text });
  const status = record.status === "holds" ? "holds" : "FAILS";
  const html = [
    `<div class="et-claim" id="claim-${record.id}">`,
    `<p class="et-claim-text"><span class="et-claim-badge et-claim-${record.status}">${status}</span> ${esc(record.text)}</p>`,
    `<p class="et-claim-reference">Backed by: ${esc(record.reference)}</p>`,
    String(table.data["text/html"]),
    `</div>`,
  ].join("\n");
  const plain = `Claim [${status}] ${record.text}\nBacked by: ${record.reference}\n${String(table.data["text/plain"])}`;
  return { data: { [CLAIM_MIME]: record, "text/html": html, "text/plain": plain }, metadata: {}, transient: {} };
}

/**
 * Registers a claim in the ledger and shows it with its checks; returns the record.
 *
 * @example
 * showClaim({ id: "mean", text: "E[V] = 1/2", reference: "exact", checks: check({ label: "E[V]", estimate: 0.502, stderr: 0.001, expected: 0.5 }) });
 */
export function showClaim(options: ClaimOptions): ClaimRecord {
  const bundle = claimBundle(options);
  writeDisplayData({ bundle });
  return bundle.data[CLAIM_MIME] as ClaimRecord;
}
