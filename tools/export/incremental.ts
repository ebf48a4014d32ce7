/**
 * Incremental export: a page (and its figure files) is rebuilt only when its executed notebook or
 * the exporter changed. `outDir/.export-manifest.json` records, per notebook, the SHA-256 of the
 * executed notebook and what the site-wide pages need from its page (title, summary, execution
 * line, figures, claims); the exporter's own version is the SHA-256 of its sources and of the
 * lib/notebook display code it renders with. The index, the ledger and the shared pages are always
 * rebuilt.
 */
import type { ParameterValue } from "./run-parameters";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ClaimRecord } from "../../lib/notebook/claim";
import { listFiles } from "../nb/execution-cache";
import { existingSecret } from "../nb/signature";
import type { FigureRef } from "./render-outputs";

/** What the site-wide pages need from one notebook's page (a figure without its JSON). */
export interface PageRecord {
  /** SHA-256 of the executed notebook file, with the trust flag. */
  source: string;
  titleHtml: string;
  summaryHtml?: string;
  execution?: string;
  figures: Omit<FigureRef, "figure">[];
  claims: { record: ClaimRecord; section: string }[];
  mathErrors: { tex: string; message: string }[];
  /** Figure file names written for the page, relative to the figures folder. */
  figureFiles: string[];
  /** Per figure file stem, the hash of the figure drawn into it. */
  figureHashes?: Record<string, string>;
  /** The run's parameters (the parameters cell with --param overrides) and start, for figures.json. */
  run?: { parameters: Record<string, ParameterValue>; started?: string };
}

interface Manifest {
  exporter: string;
  pages: Record<string, PageRecord>;
}

export const MANIFEST_FILE = ".export-manifest.json";

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

function sources(dir: string, pattern: RegExp): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => pattern.test(f))
        .sort()
        .map((f) => path.join(dir, f))
    : [];
}

/** The exporter's version: a hash of tools/export/ and lib/notebook/ (a change there rebuilds every page). */
export function exporterVersion(): string {
  const root = path.resolve(__dirname, "..", "..");
  return hashFiles(root, [
    ...sources(path.join(root, "tools", "export"), /\.(ts|css)$/),
    ...sources(path.join(root, "lib", "notebook"), /\.ts$/),
    path.join(root, "package-lock.json"),
  ]);
}

/** SHA-256 over the existing files among `files`: each one's path relative to `root`, then its bytes. */
function hashFiles(root: string, files: string[]): string {
  const hash = createHash("sha256");
  for (const f of files.filter((file) => fs.existsSync(file)).sort()) {
    hash
      .update(path.relative(root, f))
      .update("\0")
      .update(new Uint8Array(fs.readFileSync(f)));
  }
  return hash.digest("hex");
}

/**
 * The manifest key of an executed notebook: its bytes, --trust, this machine's signing key
 * (whether a signature matches, and so how HTML outputs render, is a function of the bytes and the
 * key), and the site context the page shows (assets, navigation, downloads, figure links, citation).
 */
export function pageSource({ file, trust, context = "" }: { file: string; trust: boolean; context?: string }): string {
  const secret = existingSecret();
  const keyPrint = secret ? sha256(secret) : "no key";
  return sha256(`${trust ? "trust" : "verify"}\0${keyPrint}\0${context}\0${fs.readFileSync(file, "utf8")}`);
}

/** The previous export's records, when the exporter has not changed since (else none). */
export function previousPages({ outDir, exporter }: { outDir: string; exporter: string }): Record<string, PageRecord> {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), "utf8")) as Manifest;
    return manifest.exporter === exporter ? manifest.pages : {};
  } catch {
    return {};
  }
}

/** The manifest's text for the pages of this export. */
export function manifestText({ exporter, pages }: Manifest): string {
  return `${JSON.stringify({ exporter, pages }, null, 1)}\n`;
}

/** What the API reference documents: lib/ (sources and TSDoc), docs/api.md, the lockfile (TypeDoc's version). */
export function apiSourceHash(): string {
  const root = path.resolve(__dirname, "..", "..");
  return hashFiles(root, [
    ...listFiles(path.join(root, "lib")),
    path.join(root, "docs", "api.md"),
    path.join(root, "package-lock.json"),
    path.join(root, "tools", "export", "api-reference.ts"),
  ]);
}
