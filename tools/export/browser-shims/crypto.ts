/**
 * node:crypto for the browser bundles of library code: the one call the library makes
 * (`createHash("sha256").update(text, "utf8").digest()`, in seed derivation) with @noble/hashes'
 * SHA-256, so seeds derive to the same streams as in Node.
 */
import { sha256 } from "@noble/hashes/sha2.js";

class Digest {
  constructor(private readonly bytes: Uint8Array) {}
  toString(encoding: string): string {
    if (encoding === "hex") return Array.from(this.bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    if (encoding === "latin1" || encoding === "binary") return String.fromCharCode(...this.bytes);
    throw new Error(`browser createHash: digest encoding ${encoding} is not supported`);
  }
}

export function createHash(algorithm: string) {
  if (algorithm !== "sha256") throw new Error(`browser createHash: only sha256 (asked for ${algorithm})`);
  const parts: Uint8Array[] = [];
  return {
    update(data: string | Uint8Array) {
      parts.push(typeof data === "string" ? new TextEncoder().encode(data) : data);
      return this;
    },
    digest(encoding?: string) {
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      const digest = new Digest(sha256(all));
      return encoding ? digest.toString(encoding) : digest;
    },
  };
}
