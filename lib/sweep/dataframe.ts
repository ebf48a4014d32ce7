/**
 * Result rows as a danfojs DataFrame. danfojs-node is required on first use only: loading it
 * (with its pure-JS TensorFlow backend) takes 1.5–3 s on this machine, which sweeps that only
 * write CSV should not pay. Its type declarations (with TensorFlow's) are not imported either:
 * the tslab kernel type-checks everything a notebook imports, and they cost seconds per kernel
 * start. `DataFrameLike` names the members notebooks use; any other danfojs member is callable.
 */
import type { SweepRow } from "./types";

/** The danfojs DataFrame returned by {@link toDataFrame} (see danfojs' docs for the full API). */
export interface DataFrameLike {
  readonly shape: number[];
  readonly columns: string[];
  readonly values: unknown[];
  print(): void;
  head(rows?: number): DataFrameLike;
  toCSV(options?: Record<string, unknown>): string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: danfojs ships no usable types; the named members above are the ones we rely on
  [member: string]: any;
}

/** Rows → a danfojs DataFrame (one column per key, one row per row; empty rows give an empty frame). */
export function toDataFrame(rows: readonly SweepRow[]): DataFrameLike {
  if (!Array.isArray(rows)) throw new RangeError(`rows must be an array of rows; received ${typeof rows}`);
  const danfo = require("danfojs-node") as { DataFrame: new (data: object[]) => DataFrameLike };
  return new danfo.DataFrame(rows.map((row) => ({ ...row })));
}
