/**
 * JSON with object keys sorted at every level: the same content always gives the same bytes, so
 * hashes over it (plan identities, cache keys, notebook signatures) do not depend on key order.
 */

/**
 * Canonical JSON text of a value.
 *
 * @example
 * JSON.parse(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })); // → {"a":[{"c":3,"d":2}],"b":1}
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
