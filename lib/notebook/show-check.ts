import { writeDisplayData, type DisplayBundle } from "./display-writer";
import { formatNumber } from "./format-number";
import { tableBundle } from "./show-table";

/** An agreement-check result, as returned by `check(...)` in lib/stats. */
export interface CheckResultLike {
  label: string;
  estimate: number;
  stderr: number;
  expected: number;
  z: number;
  pass: boolean;
}

export interface CheckBundleOptions {
  results: CheckResultLike | CheckResultLike[];
}

/**
 * The display payload {@link showCheck} sends: a table of checks (estimate ± stderr against the
 * expected value, z-score, pass/FAIL) with a caption counting the passes.
 *
 * @example
 * Object.keys(checkBundle({ results: check({ label: "E[V]", estimate: 0.502, stderr: 0.001, expected: 0.5 }) }).data).join(", "); // → "text/html, text/plain"
 */
export function checkBundle({ results }: CheckBundleOptions): DisplayBundle {
  const list = Array.isArray(results) ? results : [results];
  const passed = list.filter((r) => r.pass).length;
  const rows = list.map((r) => ({
    check: r.label,
    estimate: formatNumber({ value: r.estimate, digits: 6 }),
    stderr: formatNumber({ value: r.stderr, digits: 3 }),
    expected: formatNumber({ value: r.expected, digits: 6 }),
    z: Number.isFinite(r.z) ? r.z.toFixed(2) : formatNumber({ value: r.z }),
    result: r.pass ? "pass" : "FAIL",
  }));
  return tableBundle({
    rows,
    caption: `Agreement checks: ${passed} of ${list.length} pass`,
    rowClasses: list.map((r) => (r.pass ? "et-pass" : "et-fail")),
    rightAlign: ["estimate", "stderr", "expected", "z"],
  });
}

/**
 * Shows agreement-check results (from lib/stats `check`) as one table output.
 * `showCheck([check({ label: "E[V]", estimate, stderr, expected })])`.
 *
 * @example
 * showCheck(check({ label: "E[V]", estimate: 0.502, stderr: 0.001, expected: 0.5 }));
 */
export function showCheck(results: CheckResultLike | CheckResultLike[]): void {
  writeDisplayData({ bundle: checkBundle({ results }) });
}
