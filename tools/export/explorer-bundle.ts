/**
 * The explorers' script for the browser: explorer-browser.ts with the library's figure code,
 * bundled once per export by esbuild (the same TypeScript the notebooks run; no second
 * implementation of any formula).
 */
import * as path from "node:path";
import { buildSync } from "esbuild";

let bundled: string | undefined;

/** The bundled explorer script (an IIFE, about 10 KB). */
export function explorerScript(): string {
  bundled ??= buildSync({
    entryPoints: [path.join(__dirname, "explorer-browser.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    logLevel: "silent",
  }).outputFiles[0].text;
  return bundled;
}
