/**
 * Progress display. On a terminal: one live line "notebook i/N name · cell j/M · elapsed",
 * redrawn in place. Otherwise, or under CI=true: one line per finished notebook.
 */
import * as path from "node:path";
import type { NotebookResult } from "./results";

export interface NotebookStarted {
  index: number;
  total: number;
  path: string;
  /** Code cells to run, including an injected parameters cell. */
  cells: number;
}
export interface CellStarted {
  /** 1-based position among the cells to run. */
  index: number;
  total: number;
  /** The notebook's index in the batch (several run at once with --jobs). */
  notebook?: number;
}
export interface NotebookFinished {
  index: number;
  total: number;
  result: NotebookResult;
}

/** Receives run events; every method is optional to call in order: started, cells…, finished. */
export interface ProgressReporter {
  notebookStarted(event: NotebookStarted): void;
  cellStarted(event: CellStarted): void;
  notebookFinished(event: NotebookFinished): void;
}

/** Reports nothing (the default of the programmatic API). */
export const silentReporter: ProgressReporter = {
  notebookStarted() {},
  cellStarted() {},
  notebookFinished() {},
};

function cellsText(r: NotebookResult): string {
  const { executed, total } = r.cells;
  const noun = total === 1 ? "cell" : "cells";
  return executed === total ? `${total} ${noun}` : `${executed}/${total} ${noun}`;
}

/** One line per finished notebook: status, seconds, cells, path (plus the error message). */
export function resultLine({ result }: { result: NotebookResult }): string {
  const status = result.status === "ok" ? (result.stderr ? "ok*" : "ok") : result.status.toUpperCase();
  const note = result.status === "ok" && result.stderr ? "  (* wrote to stderr)" : "";
  const time = result.cache?.hit ? "  cached " : `${result.seconds.toFixed(1).padStart(6)} s`;
  const why = result.cache && !result.cache.hit ? `  (ran: ${result.cache.reason})` : "";
  return `${status.padEnd(8)} ${time}  ${cellsText(result).padEnd(11)} ${result.path}${note}${why}`;
}

interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface LineReporterOptions {
  out: Stream;
  err: Stream;
}

/** For logs and CI: prints one line when each notebook ends, and its error message. */
export function lineReporter({ out, err }: LineReporterOptions): ProgressReporter {
  return {
    notebookStarted() {},
    cellStarted() {},
    notebookFinished({ result }) {
      out.write(`${resultLine({ result })}\n`);
      if (result.error) err.write(`${result.error}\n`);
    },
  };
}

export interface LiveReporterOptions {
  /** A terminal; the live line is redrawn there with carriage returns. */
  tty: Stream;
  out: Stream;
  err: Stream;
  /** Redraw period. */
  refreshMs?: number;
}

/**
 * For terminals: a live status line plus one permanent line per finished notebook. With several
 * notebooks running at once (--jobs) the line shows each of them: "02-ticket-value cell 3/10 · 05-… ".
 */
export function liveReporter({ tty, out, err, refreshMs = 250 }: LiveReporterOptions): ProgressReporter {
  const running = new Map<number, { name: string; step: string; since: number }>();
  let finished = 0;
  let total = 0;
  let timer: NodeJS.Timeout | undefined;
  const clear = () => tty.write("\r\x1b[K");
  const draw = () => {
    if (running.size === 0) return;
    const now = Date.now();
    const parts = [...running.values()].map((r) => `${r.name} · ${r.step} · ${((now - r.since) / 1000).toFixed(1)} s`);
    const line = `${finished}/${total} done · ${parts.join(" | ")}`;
    const width = Math.max(20, (tty.columns || 80) - 1);
    tty.write(`\r\x1b[K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
  };
  return {
    notebookStarted({ index, total: count, path: file, cells }) {
      total = count;
      running.set(index, {
        name: path.basename(file, ".ipynb"),
        step: `starting kernel (${cells} cells)`,
        since: Date.now(),
      });
      timer ??= setInterval(draw, refreshMs);
      timer.unref();
      draw();
    },
    cellStarted({ index, total: cells, notebook }) {
      const entry = notebook !== undefined ? running.get(notebook) : [...running.values()].at(-1);
      if (entry) entry.step = `cell ${index}/${cells}`;
      draw();
    },
    notebookFinished({ index, total: count, result }) {
      total = count;
      finished++;
      running.delete(index);
      clear();
      out.write(`${resultLine({ result })}\n`);
      if (result.error) err.write(`${result.error}\n`);
      if (finished === count && timer) {
        clearInterval(timer);
        timer = undefined;
      } else draw();
    },
  };
}

export interface AutoReporterOptions {
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The live reporter on a terminal (stderr is a TTY and CI is not "true"), else the line reporter. */
export function autoReporter({ env = process.env }: AutoReporterOptions = {}): ProgressReporter {
  const live = process.stderr.isTTY === true && env.CI !== "true";
  return live
    ? liveReporter({ tty: process.stderr, out: process.stdout, err: process.stderr })
    : lineReporter({ out: process.stdout, err: process.stderr });
}
