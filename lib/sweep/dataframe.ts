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

/**
 * Rows → a danfojs DataFrame (one column per key, one row per row; empty rows give an empty frame).
 *
 * @example
 * const frame = toDataFrame([{ n: 10, capture: 0.9 }, { n: 100, capture: 0.8 }]); // loads danfojs on first use
 * frame.shape; // [2, 2]
 */
export function toDataFrame(rows: readonly SweepRow[]): DataFrameLike {
  if (!Array.isArray(rows)) throw new RangeError(`rows must be an array of rows; received ${typeof rows}`);
  const danfo = require("danfojs-node") as { DataFrame: new (data: object[]) => DataFrameLike };
  return new danfo.DataFrame(rows.map((row) => ({ ...row })));
}

/**
 * A DataFrame's rows as plain objects (column → value), e.g. for `showTable` or for comparing a
 * `groupby(...).agg(...)` result with {@link summarise}.
 *
 * @example
 * const frame = toDataFrame([{ m: "a", x: 1 }, { m: "a", x: 3 }, { m: "b", x: 5 }]);
 * frameRows(frame.groupby(["m"]).agg({ x: ["mean"] })); // [{ m: "a", x_mean: 2 }, { m: "b", x_mean: 5 }]
 */
export function frameRows(frame: DataFrameLike): Record<string, unknown>[] {
  if (!frame || !Array.isArray(frame.columns) || !Array.isArray(frame.values)) {
    throw new RangeError("frame must be a danfojs DataFrame (with columns and values)");
  }
  return (frame.values as unknown[][]).map((row) =>
    Object.fromEntries(frame.columns.map((column, i) => [column, row[i]])),
  );
}
