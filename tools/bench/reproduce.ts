/**
 * `npm run bench -- reproduce`: the execution cache, parallel runs and the incremental export,
 * measured on this project as a researcher meets them. Prints one JSON line per step and then the
 * ratios: cold serial (`--jobs 1`, empty cache, cold export), cold with `--jobs 2`, warm with nothing
 * changed, after touching one notebook's Markdown, after editing one notebook's code, and after
 * editing one lib/ file (which reruns every notebook: each imports all of lib/). The edits are to
 * notebooks/02-ticket-value.ipynb and lib/model/ticket-value.ts and are undone afterwards, even on
 * failure. Run it in a clone you are not editing: it runs `npm run reproduce` six times (~15 min).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { emit, round4 } from "./measure";

const ROOT = path.resolve(__dirname, "..", "..");
const NOTEBOOK = path.join(ROOT, "notebooks", "02-ticket-value.ipynb");
const LIB_FILE = path.join(ROOT, "lib", "model", "ticket-value.ts");

interface Step {
  step: string;
  prepare?: () => void;
  args: string[];
}

/** Forgets every cached run and the export's records, so the next pass is cold end to end. */
function coldStart(): void {
  fs.rmSync(path.join(ROOT, "build", "cache", "notebooks"), { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, "build", "site", ".export-manifest.json"), { force: true });
  fs.rmSync(path.join(ROOT, "build", "site", "api", ".source-hash"), { force: true });
}

function editNotebook(edit: (cells: { cell_type: string; source: string | string[] }[]) => void): void {
  const nb = JSON.parse(fs.readFileSync(NOTEBOOK, "utf8"));
  edit(nb.cells);
  fs.writeFileSync(NOTEBOOK, `${JSON.stringify(nb, null, 1)}\n`);
}

const append = (cell: { source: string | string[] }, text: string) => {
  cell.source = `${Array.isArray(cell.source) ? cell.source.join("") : cell.source}${text}`;
};

const STEPS: Step[] = [
  { step: "cold, serial (--jobs 1)", prepare: coldStart, args: ["--jobs", "1"] },
  { step: "cold, --jobs 2", prepare: coldStart, args: ["--jobs", "2"] },
  { step: "warm, nothing changed", args: ["--jobs", "2"] },
  {
    step: "one notebook's Markdown touched",
    prepare: () => editNotebook((cells) => append(cells.find((c) => c.cell_type === "markdown") as never, "\n")),
    args: ["--jobs", "2"],
  },
  {
    step: "one notebook's code edited",
    prepare: () =>
      editNotebook((cells) => append(cells.filter((c) => c.cell_type === "code").at(-1) as never, "\n// bench edit")),
    args: ["--jobs", "2"],
  },
  {
    step: "one lib/ file edited",
    prepare: () => fs.appendFileSync(LIB_FILE, "// bench edit\n"),
    args: ["--jobs", "2"],
  },
];

/** Runs `npm run reproduce` once; its wall time and the cached/ran counts from its table. */
function reproduce(args: string[]): { seconds: number; cached: number; ran: number; ok: boolean; seconds02?: number } {
  const t0 = performance.now();
  const run = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["tools/reproduce.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "true" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  const counts = run.stdout.match(/(\d+) cached, (\d+) ran/);
  const row = run.stdout.match(/notebooks\/02-ticket-value\.ipynb\s+ok\s+([\d.]+)/);
  return {
    seconds,
    cached: counts ? Number(counts[1]) : 0,
    ran: counts ? Number(counts[2]) : 0,
    ok: run.status === 0,
    seconds02: row ? Number(row[1]) : undefined,
  };
}

/** Runs the six steps and prints the figures. */
export function benchReproduce(): void {
  const notebook = fs.readFileSync(NOTEBOOK, "utf8");
  const lib = fs.readFileSync(LIB_FILE, "utf8");
  const seconds: Record<string, number> = {};
  let notebookSeconds: number | undefined;
  try {
    for (const { step, prepare, args } of STEPS) {
      prepare?.();
      const r = reproduce(args);
      seconds[step] = r.seconds;
      if (step.startsWith("cold, serial")) notebookSeconds = r.seconds02;
      emit({
        figure: "reproduce_seconds",
        step,
        value: round4(r.seconds),
        unit: "s",
        ran: r.ran,
        cached: r.cached,
        ok: r.ok,
      });
    }
  } finally {
    fs.writeFileSync(NOTEBOOK, notebook);
    fs.writeFileSync(LIB_FILE, lib);
  }
  const ratio = (name: string, value: number, target: string) =>
    emit({ figure: "reproduce_ratio", name, value: round4(value), target });
  ratio("cold serial / cold --jobs 2", seconds["cold, serial (--jobs 1)"] / seconds["cold, --jobs 2"], "≥ 1.6");
  ratio("warm, nothing changed (s)", seconds["warm, nothing changed"], "< 5 s");
  if (notebookSeconds !== undefined) {
    ratio("code edit: seconds beyond 02's own run", seconds["one notebook's code edited"] - notebookSeconds, "< 5 s");
  }
  ratio("Markdown touch (s)", seconds["one notebook's Markdown touched"], "< 5 s");
}

if (require.main === module) benchReproduce();
