import * as fs from "node:fs";

/** Flags verified to work for headless Chromium on this project's machines (toolchain.md). */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where Chromium is looked for when CHROMIUM_PATH is not set. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

export interface FindChromiumOptions {
  /** Environment to read CHROMIUM_PATH from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** Result of looking for a Chromium executable. */
export type ChromiumLookup = { found: true; path: string } | { found: false; reason: string };

/**
 * Finds a Chromium executable: `CHROMIUM_PATH` if set (it must exist), else the first of
 * {@link CHROMIUM_CANDIDATES} that exists. Never downloads anything.
 *
 * @example
 * typeof findChromium().found; // → "boolean"
 */
export function findChromium({ env = process.env }: FindChromiumOptions = {}): ChromiumLookup {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    return isExecutable(explicit)
      ? { found: true, path: explicit }
      : { found: false, reason: `CHROMIUM_PATH=${explicit} is not an executable file` };
  }
  const path = CHROMIUM_CANDIDATES.find(isExecutable);
  return path
    ? { found: true, path }
    : {
        found: false,
        reason: `no Chromium found (looked for ${CHROMIUM_CANDIDATES[0]}; set CHROMIUM_PATH or apt-get install chromium)`,
      };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
