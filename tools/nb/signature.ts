/**
 * Output trust, as Jupyter has it: the runner signs the notebooks it executes with a key kept outside
 * any notebook, and the exporter renders a notebook's HTML outputs unsanitised only when the signature
 * matches (or the user passes --trust). Anything else — a notebook from elsewhere, or one whose code or
 * outputs were edited after the run — is untrusted and sanitised (tools/export/sanitize.ts).
 *
 * The signature is HMAC-SHA256 over the canonical JSON of every cell's type, source and outputs (not
 * the notebook metadata, which holds it), stored as metadata["et-signature"] = "hmac-sha256:<hex>".
 * The key is 32 random bytes in $ET_NOTEBOOK_SECRET or ~/.local/share/execution-tickets/notebook_secret,
 * created (mode 0600) on first use; losing it only makes earlier outputs untrusted.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { canonicalJson } from "../../lib/io/canonical-json";

/** The notebook metadata key of the signature. */
export const SIGNATURE_KEY = "et-signature";
const SCHEME = "hmac-sha256:";

/** Where the signing key lives. */
export function secretFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.ET_NOTEBOOK_SECRET || path.join(os.homedir(), ".local", "share", "execution-tickets", "notebook_secret");
}

/** The signing key, created on first use; concurrent first uses agree (the file is linked into place once). */
export function notebookSecret(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const file = secretFile(env);
  if (fs.existsSync(file)) return new Uint8Array(fs.readFileSync(file));
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(tmp, new Uint8Array(randomBytes(32)), { mode: 0o600 });
  try {
    fs.linkSync(tmp, file); // fails if another process got there first: then its key is the key
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return new Uint8Array(fs.readFileSync(file));
}

/** The signing key if it exists (the exporter never creates one: without it nothing here was signed). */
export function existingSecret(env: NodeJS.ProcessEnv = process.env): Uint8Array | null {
  const file = secretFile(env);
  return fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : null;
}

/** JSON with object keys sorted at every level (the library's canonicalJson). */
export const canonical = canonicalJson;

/** A multiline nbformat string as one string (nbformat allows both forms). */
const text = (v: unknown) => (Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "");

/** What the signature covers: each cell's type, source and outputs, with multiline strings joined. */
function signedContent(cells: unknown): string {
  const list = Array.isArray(cells) ? cells : [];
  const normalise = (o: unknown): unknown => {
    if (!o || typeof o !== "object") return o;
    const out = { ...(o as Record<string, unknown>) };
    if ("text" in out) out.text = text(out.text);
    if (out.data && typeof out.data === "object") {
      out.data = Object.fromEntries(
        Object.entries(out.data as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? text(v) : v]),
      );
    }
    return out;
  };
  return canonical(
    list.map((c: Record<string, unknown>) => ({
      cell_type: c?.cell_type,
      source: text(c?.source),
      outputs: Array.isArray(c?.outputs) ? c.outputs.map(normalise) : [],
    })),
  );
}

/** The signature of a notebook's cells under `key`. */
export function signCells(cells: unknown, key: Uint8Array): string {
  return SCHEME + createHmac("sha256", key).update(signedContent(cells)).digest("hex");
}

/** Whether a parsed notebook carries a signature that matches its cells under `key`. */
export function signatureMatches(notebook: { metadata?: unknown; cells?: unknown }, key: Uint8Array): boolean {
  const metadata = (notebook?.metadata ?? {}) as Record<string, unknown>;
  const claimed = metadata[SIGNATURE_KEY];
  if (typeof claimed !== "string" || !claimed.startsWith(SCHEME)) return false;
  const expected = new TextEncoder().encode(signCells(notebook.cells, key));
  const given = new TextEncoder().encode(claimed);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
