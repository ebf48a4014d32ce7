/**
 * Merging shard CSVs back into the single-machine result.
 */
import * as fs from "node:fs";
import { csvRecords } from "./csv";
import { MANIFEST_FORMAT, manifestPath, readManifest, sha256, type SweepManifest } from "./manifest";
import { shardIndices } from "./work-items";
import { writeFileAtomic } from "../io/write-file-atomic";
import * as validate from "../validate";

/** Input of {@link mergeShards}. */
export interface MergeShardsOptions {
  /** The shard CSV files (each with its manifest beside it), in any order. */
  files: readonly string[];
  /** When given, the merged CSV is written here (atomically) with its manifest. */
  out?: string;
}

/** The merged sweep. */
export interface MergedSweep {
  /** CSV text, byte-identical to an unsharded run's `toCSV(rows)`. */
  csv: string;
  manifest: SweepManifest;
}

interface ShardFile {
  file: string;
  manifest: SweepManifest;
  header: string;
  records: string[];
}

/** The fields that make two shards parts of the same sweep. */
function identity(m: SweepManifest): Record<string, string> {
  return {
    "task id": JSON.stringify(m.task.id),
    "task version": JSON.stringify(m.task.version),
    grid: JSON.stringify(m.grid),
    replications: JSON.stringify(m.replications),
    seed: JSON.stringify(m.seed),
    "shard count": JSON.stringify(m.shard?.count),
    "total items": JSON.stringify(m.totalItems),
  };
}

function readShard(file: string): ShardFile {
  const manifest = readManifest({ csvFile: file });
  if (manifest.shard === null)
    throw new Error(`${file} is a complete sweep, not a shard (its manifest has shard: null)`);
  const text = fs.readFileSync(file, "utf8");
  if (sha256({ data: text }) !== manifest.csvSha256) {
    throw new Error(`${file} does not match its manifest ${manifestPath({ csvFile: file })} (edited or truncated?)`);
  }
  const [header = "", ...records] = csvRecords({ text });
  const expected = shardIndices({ total: manifest.totalItems, shard: manifest.shard }).length;
  if (records.length !== manifest.rows || records.length !== expected) {
    throw new Error(
      `${file} holds ${records.length} rows; shard ${manifest.shard.index}/${manifest.shard.count} must hold ${expected}`,
    );
  }
  return { file, manifest, header, records };
}

/**
 * Combines the CSVs of all shards of one sweep into exactly the single-machine result: the same
 * rows in the same (canonical) order, byte for byte. Refuses, with an error naming the files,
 * shards of different sweeps (task, version, grid, replications, seed or shard count differ),
 * a shard given twice, missing shards, and files that no longer match their manifest.
 *
 * @example
 * mergeShards({ files: ["build/sweeps/shard-0.csv", "build/sweeps/shard-1.csv"], out: "build/sweeps/all.csv" });
 */
export function mergeShards(options: MergeShardsOptions): MergedSweep {
  validate.knownKeys("mergeShards options", options ?? {}, ["files", "out"]);
  const { files, out } = options;
  if (!Array.isArray(files) || files.length === 0) {
    throw new RangeError(`files must be a non-empty array of shard CSV paths; received ${JSON.stringify(files)}`);
  }
  const shards = files.map(readShard);
  const first = shards[0];
  const reference = identity(first.manifest);
  for (const shard of shards.slice(1)) {
    const other = identity(shard.manifest);
    for (const field of Object.keys(reference)) {
      if (other[field] !== reference[field]) {
        throw new Error(
          `cannot merge shards of different sweeps: ${field} is ${reference[field]} in ${first.file} ` +
            `but ${other[field]} in ${shard.file}`,
        );
      }
    }
  }

  const count = first.manifest.shard!.count;
  const byIndex = new Map<number, ShardFile>();
  for (const shard of shards) {
    const index = shard.manifest.shard!.index;
    const seen = byIndex.get(index);
    if (seen) throw new Error(`shard ${index}/${count} given twice: ${seen.file} and ${shard.file}`);
    byIndex.set(index, shard);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new Error(
      `missing shard(s) ${missing.map((i) => `${i}/${count}`).join(", ")} of ${count}; got ${files.join(", ")}`,
    );
  }

  const total = first.manifest.totalItems;
  const withRows = shards.filter((s) => s.records.length > 0);
  const header = withRows[0]?.header ?? first.header;
  for (const shard of withRows) {
    if (shard.header !== header) {
      throw new Error(`cannot merge: ${shard.file} has columns ${shard.header} but ${withRows[0].file} has ${header}`);
    }
  }
  const records: string[] = new Array(total);
  for (const shard of shards) {
    shardIndices({ total, shard: shard.manifest.shard! }).forEach((index, k) => {
      records[index] = shard.records[k];
    });
  }
  const csv = total > 0 ? `${header}\n${records.join("\n")}\n` : `${header}\n`;
  const manifest: SweepManifest = {
    ...first.manifest,
    format: MANIFEST_FORMAT,
    shard: null,
    rows: total,
    columns: withRows[0]?.manifest.columns ?? first.manifest.columns,
    csvSha256: sha256({ data: csv }),
  };
  if (out !== undefined) {
    writeFileAtomic({ file: out, data: csv });
    writeFileAtomic({ file: manifestPath({ csvFile: out }), data: `${JSON.stringify(manifest, null, 2)}\n` });
  }
  return { csv, manifest };
}
