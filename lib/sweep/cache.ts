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

function keyText(parts: CacheKeyParts): string {
  return JSON.stringify([
    "execution-tickets/sweep-cache/1",
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
}

/**
 * A folder of cached work-item results.
 *
 * @example
 * const cache = new SweepCache({ dir: "build/cache/sweeps" }); // what runSweep's cacheDir uses
 */
export class SweepCache {
  readonly dir: string;

  constructor({ dir }: SweepCacheOptions) {
    this.dir = path.resolve(dir);
  }

  private fileFor(text: string): string {
    const hash = createHash("sha256").update(text).digest("hex");
    return path.join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }

  /** The cached metrics, or undefined on a miss (an unreadable entry counts as a miss). */
  get(parts: CacheKeyParts): Metrics | undefined {
    const text = keyText(parts);
    let raw: string;
    try {
      raw = fs.readFileSync(this.fileFor(text), "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(raw) as { key: string; metrics: Record<string, Encoded> };
      if (entry.key !== text) return undefined;
      const metrics: Metrics = {};
      for (const [name, value] of Object.entries(entry.metrics)) metrics[name] = decode(value);
      return metrics;
    } catch {
      return undefined;
    }
  }

  /** Stores one result. */
  set(parts: CacheKeyParts, metrics: Metrics): void {
    const text = keyText(parts);
    const encoded: Record<string, Encoded> = {};
    for (const [name, value] of Object.entries(metrics)) encoded[name] = encode(value);
    writeFileAtomic({ file: this.fileFor(text), data: JSON.stringify({ key: text, metrics: encoded }) });
  }
}
