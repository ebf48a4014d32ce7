/**
 * npm run export [-- --in build/notebooks --out build/site --figures build/figures]
 * Writes one HTML page per executed notebook (sharing assets/, or self-contained with
 * --self-contained), an index, and SVG/PNG figure files.
 */
import * as path from "node:path";
import { stopWhenOrphaned } from "../nb/orphan-guard";
import { DEFAULT_FIGURES_DIR, DEFAULT_IN_DIR, DEFAULT_OUT_DIR, ExportInputError, exportSite } from "./export-site";

const USAGE = `usage: npm run export -- [--in ${DEFAULT_IN_DIR}] [--out ${DEFAULT_OUT_DIR}] [--figures ${DEFAULT_FIGURES_DIR}] [--no-figures] [--no-api] [--trust] [--self-contained]
  --trust           render every notebook's HTML outputs unsanitised (default: only outputs this machine's runner signed)
  --self-contained  inline plotly.js, KaTeX, styles and scripts into every page (one file each, for e-mail;
                    default: written once under assets/ and linked)`;

interface CliOptions {
  inDir: string;
  outDir: string;
  figuresDir: string;
  figures: boolean;
  api: boolean;
  trust: boolean;
  selfContained: boolean;
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = {
    inDir: DEFAULT_IN_DIR,
    outDir: DEFAULT_OUT_DIR,
    figuresDir: DEFAULT_FIGURES_DIR,
    figures: true,
    api: true,
    trust: false,
    selfContained: false,
  };
  const flags: Record<string, "inDir" | "outDir" | "figuresDir"> = {
    "--in": "inDir",
    "--out": "outDir",
    "--figures": "figuresDir",
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    if (arg === "--no-figures") {
      options.figures = false;
      continue;
    }
    if (arg === "--no-api") {
      options.api = false;
      continue;
    }
    if (arg === "--self-contained") {
      options.selfContained = true;
      continue;
    }
    if (arg === "--trust") {
      options.trust = true;
      continue;
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    const key = flags[flag];
    if (!key) throw new ExportInputError(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (!value) throw new ExportInputError(`${flag} needs a folder\n${USAGE}`);
    options[key] = value;
  }
  return options;
}

async function main(): Promise<void> {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  const result = await exportSite(options);
  const figureFiles = result.pages.reduce((sum, p) => sum + p.figureFiles.length, 0);
  const mathErrors = result.pages.reduce((sum, p) => sum + p.mathErrors, 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const figuresPart = result.figuresSkipped
    ? "figure files skipped"
    : `${figureFiles} figure files in ${options.figuresDir}`;
  console.log(
    `export: ${result.pages.length} page(s) + index in ${options.outDir}, ${figuresPart}, ` +
      `${result.apiModules ? `API reference of ${result.apiModules.length} modules in ${options.outDir}/api` : "no API reference"} (${seconds} s); open ${result.index}`,
  );
  const failing = result.claims.filter((c) => c.status === "fails");
  console.log(
    `claims: ${result.claims.length} registered, ${failing.length ? `${failing.length} FAILING` : "all holding"}; ledger in ${path.relative(process.cwd(), result.claimsFile) || result.claimsFile} and claims.html`,
  );
  if (failing.length) {
    console.error(`export: ${failing.length} claim(s) fail: ${failing.map((c) => `${c.notebook}#${c.id}`).join(", ")}`);
    process.exitCode = 1;
  }
  if (mathErrors) {
    console.error(`export: ${mathErrors} formula(s) could not be typeset (listed above)`);
    process.exitCode = 1;
  }
}

stopWhenOrphaned();
main().catch((err: unknown) => {
  console.error(`export: ${err instanceof ExportInputError ? err.message : ((err as Error).stack ?? String(err))}`);
  process.exit(1);
});
