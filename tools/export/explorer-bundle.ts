/**
 * The explorers' script for the browser: explorer-browser.ts with the library's figure code, and
 * the simulation worker (explorer-worker.ts with the library's engines) inlined as a string from
 * which the page makes a Blob URL (a worker cannot load from file://). Bundled once per export by
 * esbuild, from the same TypeScript the notebooks run: no second implementation of any formula.
 */
import * as path from "node:path";
import { bundleForBrowser } from "./browser-bundle";

let bundled: string | undefined;

/** The bundled explorer script (an IIFE; the worker inside it holds the simulation engines). */
export function explorerScript(): string {
  if (bundled === undefined) {
    const worker = bundleForBrowser({ entry: path.join(__dirname, "explorer-worker.ts") });
    bundled = bundleForBrowser({
      entry: path.join(__dirname, "explorer-browser.ts"),
      define: { __EXPLORER_WORKER__: JSON.stringify(worker) },
    });
  }
  return bundled;
}
