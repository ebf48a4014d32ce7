/**
 * Result rows as a danfojs DataFrame. danfojs-node is required on first use only: loading it
 * (with its pure-JS TensorFlow backend) takes 1.5–3 s on this machine, which sweeps that only
 * write CSV should not pay.
 */
import type { DataFrame } from "danfojs-node";
import type { SweepRow } from "./types";

/** Rows → a danfojs DataFrame (one column per key, one row per row; empty rows give an empty frame). */
export function toDataFrame(rows: readonly SweepRow[]): DataFrame {
  if (!Array.isArray(rows)) throw new RangeError(`rows must be an array of rows; received ${typeof rows}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const danfo = require("danfojs-node") as typeof import("danfojs-node");
  return new danfo.DataFrame(rows.map((row) => ({ ...row })));
}
