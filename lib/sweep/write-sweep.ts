/**
 * Writing a sweep's (or a shard's) rows as CSV plus its manifest.
 */
import { csvColumns, csvLine, toCSV } from "./csv";
import { REPLICATION_COLUMN, validateGrid } from "./grid";
import { MANIFEST_FORMAT, manifestPath, sha256, type SweepManifest } from "./manifest";
import type { ShardProvenance } from "./plan/provenance";
import { resolveTask, type TaskSpec } from "./task-ref";
import type { Grid, Shard, SweepRow } from "./types";
import { validateShard } from "./validate-options";
import { totalWorkItems } from "./work-items";
import { writeFileAtomic } from "../io/write-file-atomic";

/** Input of {@link writeSweep}: the rows and the runSweep options that produced them. */
export interface WriteSweepOptions {
  /** CSV file to write; the manifest goes beside it (see manifestPath). */
  file: string;
  rows: readonly SweepRow[];
  task: TaskSpec;
  grid: Grid;
  replications: number;
  seed: number | string;
  shard?: Shard;
  /** Folder relative task paths start from (as for runSweep). */
  cwd?: string;
  /** A planned sweep's shard: the plan's hash and the run's provenance, recorded in the manifest. */
  plan?: string;
  provenance?: ShardProvenance;
}

/**
 * Writes the rows as CSV and a manifest describing the sweep, both atomically; returns the
 * manifest. A shard with no rows still gets a header (the parameter columns).
 *
 * @example
 * writeSweep({ file: "build/sweeps/shard-1.csv", rows, task: marketTaskRef(), grid, replications: 20, seed: 42, shard: null });
 */
export function writeSweep(options: WriteSweepOptions): SweepManifest {
  const grid = validateGrid({ grid: options.grid });
  const shard = options.shard === undefined ? null : validateShard({ shard: options.shard });
  const task = resolveTask({ task: options.task, cwd: options.cwd });
  const emptyColumns = [...Object.keys(grid), REPLICATION_COLUMN];
  const csv = options.rows.length > 0 ? toCSV(options.rows) : `${csvLine({ values: emptyColumns })}\n`;
  const manifest: SweepManifest = {
    format: MANIFEST_FORMAT,
    task: { id: task.id, version: task.version },
    grid,
    replications: options.replications,
    seed: options.seed,
    shard,
    totalItems: totalWorkItems({ grid, replications: options.replications }),
    rows: options.rows.length,
    columns: options.rows.length > 0 ? csvColumns({ rows: options.rows }) : emptyColumns,
    csvSha256: sha256({ data: csv }),
    ...(options.plan === undefined ? {} : { plan: options.plan }),
    ...(options.provenance === undefined ? {} : { provenance: options.provenance }),
  };
  writeFileAtomic({ file: options.file, data: csv });
  writeFileAtomic({ file: manifestPath({ csvFile: options.file }), data: `${JSON.stringify(manifest, null, 2)}\n` });
  return manifest;
}
