/**
 * `npm run reproduce -- --watch`: after the first pass, watches notebooks/, lib/ and data/ and, a
 * moment after each burst of saves, runs another pass through the execution cache, so only what the
 * change affects executes, then re-exports. Prints one line per pass. Stops on Ctrl-C.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "./nb/kernelspec";

/** What one pass reports back for its summary line. */
export interface PassSummary {
  status: number;
  ran: string[];
  cached: number;
  failed: string[];
  exported: string;
  seconds: number;
}

/** Input of {@link watchAndReproduce}. */
export interface WatchOptions {
  /** One reproduce pass. */
  run: () => Promise<PassSummary>;
  /** Folders to watch (default notebooks/, lib/, data/ of the project). */
  dirs?: string[];
  /** Quiet time after the last save before a pass starts (default 400 ms). */
  debounceMs?: number;
  /** Where the summary lines go (default console.log). */
  log?: (line: string) => void;
}

/** The one line printed per pass. */
export function passLine({ changed, summary }: { changed: string[]; summary: PassSummary }): string {
  const what =
    changed.length > 2 ? `${changed.slice(0, 2).join(", ")} and ${changed.length - 2} more` : changed.join(", ");
  const ran = summary.ran.length
    ? `reran ${summary.ran.map((p) => path.basename(p, ".ipynb")).join(", ")}`
    : "nothing to rerun";
  const failed = summary.failed.length
    ? `; FAILED: ${summary.failed.map((p) => path.basename(p, ".ipynb")).join(", ")}`
    : "";
  const time = new Date().toTimeString().slice(0, 8);
  return `${time} ${what} changed → ${ran} (${summary.cached} cached)${failed}; export ${summary.exported}; ${summary.seconds.toFixed(1)} s`;
}

/** A running watch: `close()` stops it (the CLI runs until Ctrl-C). */
export interface Watcher {
  close(): void;
}

/** Starts watching; every burst of saves runs one pass and logs one line. */
export function watchAndReproduce({
  run,
  dirs = ["notebooks", "lib", "data"].map((d) => path.join(PROJECT_ROOT, d)),
  debounceMs = 400,
  log = (line) => console.log(line),
}: WatchOptions): Watcher {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const pass = async () => {
    if (running) return; // the pass in progress picks the change up when it ends
    running = true;
    while (changed.size) {
      const batch = [...changed].sort();
      changed.clear();
      const summary = await run();
      log(passLine({ changed: batch, summary }));
    }
    running = false;
  };
  const watchers: fs.FSWatcher[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    const root = path.dirname(dir);
    const watcher = fs.watch(dir, { recursive: true }, (_event, name) => {
      if (!name) return;
      const rel = path.relative(root, path.join(dir, name.toString()));
      // Generated files and editor droppings do not count as changes.
      if (/(^|\/)(\.|node_modules\/|build\/)|\.types|~$|\.tmp$|\.swp$/.test(rel)) return;
      changed.add(rel);
      clearTimeout(timer);
      timer = setTimeout(() => void pass(), debounceMs);
    });
    watchers.push(watcher);
  }
  log(`watching ${dirs.map((d) => path.relative(PROJECT_ROOT, d) || d).join(", ")} for changes (Ctrl-C to stop) …`);
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
