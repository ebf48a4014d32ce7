/**
 * Summaries of sweep rows per group: the numbers behind confidence bands in plots.
 */
import * as validate from "../validate";
import { studentT975 } from "./student-t";
import type { ParamValue, SweepRow } from "./types";

/** Input of {@link summarise}. */
export interface SummariseOptions {
  rows: readonly SweepRow[];
  /** Columns that define a group, e.g. ["mechanism", "n"]; [] for one overall group. */
  by: readonly string[];
  /** Numeric columns to summarise, e.g. ["capture", "hhi"]. */
  metrics: readonly string[];
}

/** One (group, metric) summary. */
export type SummaryRow = Record<string, ParamValue> & {
  metric: string;
  count: number;
  mean: number;
  /** Sample standard deviation (n − 1); NaN for a single row. */
  sd: number;
  /** Standard error of the mean, sd/√count; NaN for a single row. */
  stderr: number;
  /** 95% confidence interval of the mean, Student t with count − 1 degrees of freedom. */
  ci95Low: number;
  ci95High: number;
};

function stringList(name: string, value: unknown, allowEmpty: boolean): string[] {
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0) || value.some((v) => typeof v !== "string")) {
    throw new RangeError(
      `${name} must be ${allowEmpty ? "an" : "a non-empty"} array of column names; received ${JSON.stringify(value)}`,
    );
  }
  return value as string[];
}

/**
 * Groups rows by the `by` columns (groups in order of first appearance) and returns, for each
 * group and each metric, count, mean, sd, stderr and a t-based 95% interval — one row per
 * (group, metric), groups outer, metrics inner.
 *
 * @throws RangeError naming `by`, `metrics` or the offending `rows[i].column` (missing group
 * column, non-finite metric value).
 *
 * @example
 * summarise({ rows: [{ n: 10, capture: 0.8 }, { n: 10, capture: 0.9 }], by: ["n"], metrics: ["capture"] })[0].mean; // → 0.85
 */
export function summarise(options: SummariseOptions): SummaryRow[] {
  validate.knownKeys("summarise options", options ?? {}, ["rows", "by", "metrics"]);
  const { rows, by, metrics } = options;
  if (!Array.isArray(rows)) throw new RangeError(`rows must be an array of rows; received ${typeof rows}`);
  const groupColumns = stringList("by", by, true);
  const metricColumns = stringList("metrics", metrics, false);
  const groups = new Map<string, { key: Record<string, ParamValue>; values: number[][] }>();
  rows.forEach((row, i) => {
    const key: Record<string, ParamValue> = {};
    for (const column of groupColumns) {
      const value = row[column];
      if (value === undefined || value === null) {
        throw new RangeError(`rows[${i}].${column} must be present (a "by" column); received ${String(value)}`);
      }
      key[column] = value;
    }
    const id = JSON.stringify(groupColumns.map((c) => key[c]));
    let group = groups.get(id);
    if (!group) {
      group = { key, values: metricColumns.map(() => []) };
      groups.set(id, group);
    }
    metricColumns.forEach((column, m) => group!.values[m].push(validate.finite(`rows[${i}].${column}`, row[column])));
  });

  const out: SummaryRow[] = [];
  for (const { key, values } of groups.values()) {
    metricColumns.forEach((metric, m) => {
      const xs = values[m];
      const count = xs.length;
      const mean = xs.reduce((a, b) => a + b, 0) / count;
      // Two passes (mean first) so the variance has no E[X²] − E[X]² cancellation.
      const sd = count > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (count - 1)) : NaN;
      const stderr = sd / Math.sqrt(count);
      const half = count > 1 ? studentT975({ df: count - 1 }) * stderr : NaN;
      out.push({ ...key, metric, count, mean, sd, stderr, ci95Low: mean - half, ci95High: mean + half } as SummaryRow);
    });
  }
  return out;
}
