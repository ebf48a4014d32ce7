/**
 * On-disk result cache: one small JSON file per (task id, task version, params, replication,
 * master seed), named by the SHA-256 of those five, under `<cacheDir>/<2 hex>/<hash>.json`.
 * Any change of task version (default: a hash of the task module's text), parameters or seed is
 * a different key, so stale entries are never read — only left behind; delete the folder to
 * reclaim space. Entries are written atomically, so concurrent sweeps (e.g. shards on one
 * machine) can share a cache folder.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Metrics, MetricValue } from "./types";
import { writeFileAtomic } from "../io/write-file-atomic";

/** The identity of one cached result. */
export interface CacheKeyParts {
  taskId: string;
  taskVersion: string;
  /** Canonical cell key (sorted-key JSON of the params). */
  cellKey: string;
  replication: number;
  seed: number | string;
}

// JSON cannot carry NaN, ±Infinity or -0: tag them so a cache hit returns identical values.
type Encoded = MetricValue | { $number: string };

function encode(value: MetricValue): Encoded {
  if (typeof value !== "number") return value;
  if (Number.isNaN(value) || !Number.isFinite(value) || Object.is(value, -0)) {
    return { $number: Object.is(value, -0) ? "-0" : String(value) };
  }
  return value;
}

function decode(value: Encoded): MetricValue {
  if (value !== null && typeof value === "object") return Number(value.$number);
  return value;
}

/** SHA-256 over the key and the stored metrics: an entry edited or damaged after writing fails it. */
function checksum(key: string, metrics: Record<string, Encoded>): string {
  return createHash("sha256")
    .update(JSON.stringify([key, metrics]))
    .digest("hex");
}

function keyText(parts: CacheKeyParts): string {
  return JSON.stringify([
    "execution-tickets/sweep-cache/2", // 2: entries carry a checksum
    parts.taskId,
    parts.taskVersion,
    parts.cellKey,
    parts.replication,
    parts.seed,
  ]);
}

/** Input of {@link SweepCache} construction. */
export interface SweepCacheOptions {
  dir: string;
  /** Told about every corrupt entry (default: a line on stderr). */
  onCorrupt?: (message: string) => void;
}

/**
 * A folder of cached work-item results.
 *
 * @example
 * const cache = new SweepCache({ dir: "build/cache/sweeps" }); // what runSweep's cacheDir uses
 */
export class SweepCache {
  readonly dir: string;

  /** Entries found corrupt (and recomputed) since this cache was opened. */
  corruptEntries = 0;
  private readonly onCorrupt: (message: string) => void;

  constructor({ dir, onCorrupt = (message) => process.stderr.write(`${message}\n`) }: SweepCacheOptions) {
    this.dir = path.resolve(dir);
    this.onCorrupt = onCorrupt;
  }

  private fileFor(text: string): string {
    const hash = createHash("sha256").update(text).digest("hex");
    return path.join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }

  /**
   * The cached metrics, or undefined on a miss. An entry that does not parse, belongs to another key
   * or fails its checksum (hand-edited, truncated, corrupted) is reported through `onCorrupt` and
   * counts as a miss, so the item is recomputed and the entry rewritten.
   */
  get(parts: CacheKeyParts): Metrics | undefined {
    const text = keyText(parts);
    const file = this.fileFor(text);
    let raw: string;
    try {
      raw = fs.readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(raw) as { key: string; metrics: Record<string, Encoded>; checksum?: string };
      if (entry.key !== text) return this.corrupt(file, "it belongs to another key");
      if (entry.checksum !== checksum(text, entry.metrics)) return this.corrupt(file, "its checksum does not match");
      const metrics: Metrics = {};
      for (const [name, value] of Object.entries(entry.metrics)) metrics[name] = decode(value);
      return metrics;
    } catch {
      return this.corrupt(file, "it is not valid JSON");
    }
  }

  private corrupt(file: string, why: string): undefined {
    this.corruptEntries++;
    const shown = path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file);
    this.onCorrupt(`sweep cache: ${shown} was not used (${why}); recomputing it`);
    return undefined;
  }

  /** Stores one result. */
  set(parts: CacheKeyParts, metrics: Metrics): void {
    const text = keyText(parts);
    const encoded: Record<string, Encoded> = {};
    for (const [name, value] of Object.entries(metrics)) encoded[name] = encode(value);
    const entry = { key: text, metrics: encoded, checksum: checksum(text, encoded) };
    writeFileAtomic({ file: this.fileFor(text), data: JSON.stringify(entry) });
  }
}
