import { writeDisplayData, type DisplayBundle } from "./display-writer";
import { formatNumber } from "./format-number";
import { tableBundle } from "./show-table";
import * as validate from "../validate";

/** An agreement-check result, as returned by `check(...)` in lib/stats. */
export interface CheckResultLike {
  label: string;
  estimate: number;
  stderr: number;
  expected: number;
  z: number;
  /** Largest |z| that passes (default 5 when absent). */
  maxZ?: number;
  pass: boolean;
  /** The plausible alternative the check excludes, if declared. */
  alternative?: { label: string; value: number; z: number; minZ: number; excluded: boolean };
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
export function checkBundle(options: CheckBundleOptions): DisplayBundle {
  validate.knownKeys("checkBundle options", options ?? {}, ["results"]);
  const { results } = options;
  const list = Array.isArray(results) ? results : [results];
  const passed = list.filter((r) => r.pass).length;
  const anyAlternative = list.some((r) => r.alternative);
  const rows = list.map((r) => ({
    check: r.label,
    estimate: formatNumber({ value: r.estimate, digits: 6 }),
    stderr: formatNumber({ value: r.stderr, digits: 3 }),
    expected: formatNumber({ value: r.expected, digits: 6 }),
    z: Number.isFinite(r.z) ? r.z.toFixed(2) : formatNumber({ value: r.z }),
    ...(anyAlternative
      ? {
          "plausible alternative": r.alternative
            ? `${r.alternative.label}: ${formatNumber({ value: r.alternative.value, digits: 6 })}`
            : "—",
          "z against it": r.alternative
            ? Number.isFinite(r.alternative.z)
              ? r.alternative.z.toFixed(1)
              : formatNumber({ value: r.alternative.z })
            : "—",
        }
      : {}),
    result: r.pass
      ? "pass"
      : r.alternative && !r.alternative.excluded && Math.abs(r.z) <= (r.maxZ ?? 5)
        ? "FAIL (cannot exclude the alternative)"
        : "FAIL",
  }));
  return tableBundle({
    rows,
    caption: `Agreement checks: ${passed} of ${list.length} pass`,
    rowClasses: list.map((r) => (r.pass ? "et-pass" : "et-fail")),
    rightAlign: ["estimate", "stderr", "expected", "z", "z against it"],
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
