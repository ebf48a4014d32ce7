/**
 * Bundling library code for the reader's browser with esbuild: Node built-ins the library imports
 * are replaced by browser shims (SHA-256 for seed derivation; file access refuses), mathjs is left
 * out (only the formulas' printing loads it, lazily), `__dirname` is
 * a placeholder, and the engine is the JavaScript one (the WebAssembly module is loaded from disk in
 * Node; the JavaScript loops draw bit-identical numbers, as lib/wasm's tests check).
 */
import * as path from "node:path";
import { buildSync } from "esbuild";

const SHIMS = path.join(__dirname, "browser-shims");

/** Node built-ins the library imports, and their browser stand-ins (esbuild's alias; plugins need the async API). */
const ALIASES: Record<string, string> = Object.fromEntries([
  ...["crypto", "node:crypto"].map((name) => [name, path.join(SHIMS, "crypto.ts")]),
  ...["fs", "path", "os", "url", "worker_threads", "child_process", "util", "perf_hooks"].flatMap((name) => [
    [name, path.join(SHIMS, "unavailable.ts")],
    [`node:${name}`, path.join(SHIMS, "unavailable.ts")],
  ]),
]);

/** Input of {@link bundleForBrowser}. */
export interface BundleForBrowserOptions {
  entry: string;
  /** Identifiers to replace (esbuild `define`), e.g. an inlined worker's source. */
  define?: Record<string, string>;
}

/** One IIFE script for the browser from a TypeScript entry. */
export function bundleForBrowser({ entry, define = {} }: BundleForBrowserOptions): string {
  return buildSync({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    logLevel: "silent",
    alias: ALIASES,
    // mathjs (650 KB) prints the formulas in notebooks and is loaded on first use only; no figure
    // uses it, so the browser bundles leave it out (a call would fail with esbuild's "dynamic require").
    external: ["mathjs", "mathjs/*"],
    define: { __dirname: '"/"', "process.env.ET_ENGINE": '"js"', ...define },
  }).outputFiles[0].text;
}
