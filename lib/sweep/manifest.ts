/**
 * Sweep manifests: a small JSON file next to each result CSV saying which sweep (task, version,
 * grid, replications, seed) and which shard the CSV holds, with the CSV's hash. Merging uses it to
 * put shard rows back in canonical order and to refuse mixing different sweeps.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import type { ShardProvenance } from "./plan/provenance";
import type { Grid, Shard } from "./types";
import * as validate from "../validate";

/** Format tag of manifest files. */
export const MANIFEST_FORMAT = "execution-tickets-sweep/1";

/** Contents of `<name>.manifest.json`. */
export interface SweepManifest {
  format: typeof MANIFEST_FORMAT;
  task: { id: string; version: string };
  grid: Grid;
  replications: number;
  seed: number | string;
  /** The shard this CSV holds; null for a complete sweep. */
  shard: Shard | null;
  /** Work items of the whole sweep. */
  totalItems: number;
  /** Data rows in this CSV. */
  rows: number;
  columns: string[];
  /** SHA-256 (hex) of the CSV file's bytes. */
  csvSha256: string;
  /** Hash of the plan the shard ran from (planned sweeps only). */
  plan?: string;
  /** Who ran the shard, where, when, with which code (planned sweeps only). */
  provenance?: ShardProvenance;
  /** A merged planned sweep: each shard's provenance, row count and CSV hash, in shard order. */
  shards?: Array<{ shard: Shard; rows: number; csvSha256: string; provenance: ShardProvenance | null }>;
}

/** Input of {@link manifestPath}. */
export interface ManifestPathOptions {
  csvFile: string;
}

/**
 * The manifest beside a CSV: "x.csv" → "x.manifest.json" (other names get ".manifest.json" appended).
 *
 * @example
 * manifestPath({ csvFile: "build/sweeps/all.csv" }); // → "build/sweeps/all.manifest.json"
 */
export function manifestPath(options: ManifestPathOptions): string {
  validate.knownKeys("manifestPath options", options ?? {}, ["csvFile"]);
  const { csvFile } = options;
  return csvFile.endsWith(".csv") ? `${csvFile.slice(0, -4)}.manifest.json` : `${csvFile}.manifest.json`;
}

/** Input of {@link sha256}. */
export interface Sha256Options {
  data: string | Uint8Array;
}

/** Hex SHA-256 of text or bytes. */
export function sha256(options: Sha256Options): string {
  validate.knownKeys("sha256 options", options ?? {}, ["data"]);
  const { data } = options;
  return createHash("sha256").update(data).digest("hex");
}

/** Input of {@link readManifest}. */
export interface ReadManifestOptions {
  csvFile: string;
}

/**
 * Reads and checks the manifest of a CSV file; clear errors when it is missing or not a manifest.
 *
 * @example
 * const manifest = readManifest({ csvFile: "build/sweeps/shard-1.csv" }); // grid, seed, task version
 */
export function readManifest(options: ReadManifestOptions): SweepManifest {
  validate.knownKeys("readManifest options", options ?? {}, ["csvFile"]);
  const { csvFile } = options;
  const file = manifestPath({ csvFile });
  let manifest: SweepManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8")) as SweepManifest;
  } catch (err) {
    throw new Error(`${csvFile}: cannot read its manifest ${file} (${(err as Error).message})`);
  }
  if (manifest?.format !== MANIFEST_FORMAT) {
    throw new Error(`${file} is not a sweep manifest (format must be "${MANIFEST_FORMAT}")`);
  }
  return manifest;
}
