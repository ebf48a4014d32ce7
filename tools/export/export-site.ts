import { splitRunName } from "../nb/run-name";
import { assumptionsPageHtml } from "./assumptions-page";
import * as fs from "node:fs";
import * as path from "node:path";
import { findChromium } from "../../lib/notebook/chromium";
import { closeFigureRenderer } from "../../lib/notebook/figure-renderer";
import { writeFileAtomic } from "../../lib/io/write-file-atomic";
import { buildApiReference } from "./api-reference";
import { claimsPageHtml, ledgerJson, ledgerSummary, type LedgerClaim } from "./claims";
import { createMarkdownRenderer } from "./markdown";
import { createMathRenderer } from "./math";
import { writeFigureFiles } from "./figure-files";
import { indexHtml, type IndexEntry } from "./index-page";
import { readExecutedNotebook } from "./read-notebook";
import {
  apiSourceHash,
  exporterVersion,
  MANIFEST_FILE,
  manifestText,
  type PageRecord,
  pageSource,
  previousPages,
} from "./incremental";
import { readBibliography } from "./bibliography";
import { readCitation, type SitePage } from "./page-navigation";
import { notebookInfo, plainTitle } from "./notebook-info";
import { type PageRuns, renderNotebookPage } from "./render-notebook";
import { writeSiteAssets } from "./site-assets";
import type { FigureRef } from "./render-outputs";
import { figuresManifest } from "./figures-manifest";
import { runParameters } from "./run-parameters";

export const DEFAULT_IN_DIR = "build/notebooks";
export const DEFAULT_OUT_DIR = "build/site";
export const DEFAULT_FIGURES_DIR = "build/figures";

export interface ExportSiteOptions {
  /** Folder of executed notebooks (*.ipynb). */
  inDir?: string;
  /** Folder for the HTML pages and index.html. */
  outDir?: string;
  /** Folder for SVG/PNG figure files. */
  figuresDir?: string;
  /** Write figure files (needs Chromium). Default true. */
  figures?: boolean;
  /** Progress/warning lines (default console.log). */
  log?: (line: string) => void;
  /** Where the claim ledger's JSON goes besides the site (default: claims.json beside outDir, i.e. build/claims.json). */
  claimsFile?: string;
  /** Environment for CHROMIUM_PATH (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Also build the library's API reference into `outDir/api` with TypeDoc (about 10 s). Default false. */
  api?: boolean;
  /**
   * Pages with everything inlined (plotly.js, KaTeX, styles, scripts), each a single file to attach
   * to an e-mail (the CLI's --self-contained). Default false: the site writes those once under
   * assets/ and pages link them.
   */
  selfContained?: boolean;
  /** Folder of the source notebooks, linked for download (default: notebooks/ of the project, when it exists). */
  sourceDir?: string;
  /**
   * Trust every notebook's HTML outputs (the CLI's --trust). Default false: only outputs signed by this
   * machine's runner pass unsanitised (tools/nb/signature.ts); Markdown cells are always sanitised.
   */
  trust?: boolean;
}

export interface ExportedPage {
  notebook: string;
  page: string;
  figures: number;
  figureFiles: string[];
  mathErrors: number;
}

export interface ExportSiteResult {
  index: string;
  pages: ExportedPage[];
  /** Every registered claim of every notebook, in notebook order. */
  claims: LedgerClaim[];
  /** The ledger's JSON written beside the site. */
  claimsFile: string;
  /** Why figure files were not written, if they were not. */
  figuresSkipped?: string;
  /** The API reference's modules, when it was built. */
  apiModules?: string[];
}

/** Thrown for problems with the command's input (reported without a stack trace). */
export class ExportInputError extends Error {}

/**
 * Exports every executed notebook in `inDir` to a self-contained page in `outDir`, writes
 * `outDir/index.html`, and writes every figure as SVG and PNG to `figuresDir` (one headless
 * Chromium for the whole export; skipped with one log line when none is found).
 */
export async function exportSite(options: ExportSiteOptions = {}): Promise<ExportSiteResult> {
  const outDir = path.resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const figuresDir = path.resolve(options.figuresDir ?? DEFAULT_FIGURES_DIR);
  // Built beside the targets (same file system, so the swap is a rename) and swapped in whole: an
  // interrupted or failed export leaves the previous site and figures as they were.
  const stage = `${outDir}.staging-${process.pid}`;
  const stageFigures = `${figuresDir}.staging-${process.pid}`;
  for (const dir of [stage, stageFigures]) fs.rmSync(dir, { recursive: true, force: true });
  const oldApi = path.join(outDir, "api");
  if (!options.api && fs.existsSync(path.join(oldApi, "index.html"))) {
    fs.cpSync(oldApi, path.join(stage, "api"), { recursive: true }); // keep the reference a --no-api export did not rebuild
  }
  let built: ExportSiteResult;
  try {
    built = await buildSite({
      ...options,
      outDir: stage,
      figuresDir: stageFigures,
      previousOutDir: outDir,
      previousFiguresDir: figuresDir,
    });
  } catch (err) {
    for (const dir of [stage, stageFigures]) fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  swapIn({ staged: stage, target: outDir });
  if (fs.existsSync(stageFigures)) swapIn({ staged: stageFigures, target: figuresDir });
  const claimsFile = path.resolve(options.claimsFile ?? path.join(path.dirname(outDir), "claims.json"));
  writeFileAtomic({ file: claimsFile, data: fs.readFileSync(path.join(outDir, "claims.json"), "utf8") });
  const moved = (file: string) => file.replace(stage, outDir).replace(stageFigures, figuresDir);
  return {
    ...built,
    claimsFile,
    index: moved(built.index),
    pages: built.pages.map((p) => ({ ...p, page: moved(p.page), figureFiles: p.figureFiles.map(moved) })),
  };
}

/** Replaces `target` by `staged` with two renames; the old folder is removed afterwards. */
function swapIn({ staged, target }: { staged: string; target: string }): void {
  const old = `${target}.old-${process.pid}`;
  fs.rmSync(old, { recursive: true, force: true });
  if (fs.existsSync(target)) fs.renameSync(target, old);
  fs.renameSync(staged, target);
  fs.rmSync(old, { recursive: true, force: true });
}

async function buildSite({
  inDir = DEFAULT_IN_DIR,
  outDir = DEFAULT_OUT_DIR,
  figuresDir = DEFAULT_FIGURES_DIR,
  figures = true,
  log = (line) => console.log(line),
  env = process.env,
  api = false,
  trust = false,
  selfContained = false,
  sourceDir = path.resolve(__dirname, "..", "..", "notebooks"),
  previousOutDir = outDir,
  previousFiguresDir = figuresDir,
}: ExportSiteOptions & { previousOutDir?: string; previousFiguresDir?: string }): Promise<ExportSiteResult> {
  if (!fs.existsSync(inDir) || !fs.statSync(inDir).isDirectory()) {
    throw new ExportInputError(
      `input folder ${inDir} does not exist: run the notebooks first (npm run nb -- run notebooks/*.ipynb) or pass --in <folder>`,
    );
  }
  const files = fs
    .readdirSync(inDir)
    .filter((f) => f.endsWith(".ipynb") && !f.startsWith("."))
    .sort()
    .map((f) => path.join(inDir, f));
  if (files.length === 0) log(`export: no .ipynb files in ${inDir}; writing an empty index`);

  const chromium = findChromium({ env });
  const figuresSkipped = !figures ? "disabled" : chromium.found ? undefined : chromium.reason;
  if (figures && !chromium.found) log(`export: figure files skipped (${chromium.reason}); the HTML pages are complete`);

  const reserved: Record<string, string> = {
    index: "the index",
    assumptions: "the assumptions page",
    claims: "the claim ledger",
  };
  for (const file of files) {
    const stem = path.basename(file, ".ipynb");
    if (reserved[stem]) {
      throw new ExportInputError(
        `${file}: its page ${stem}.html would overwrite ${reserved[stem]}; rename the notebook (the previous site was left as it was)`,
      );
    }
  }
  const exportedAt = new Date();
  const exporter = exporterVersion();
  const assets = selfContained ? undefined : writeSiteAssets({ outDir });
  const citation = readCitation(path.resolve(__dirname, "..", "..", "CITATION.cff"));
  const bibliography = readBibliography(path.resolve(__dirname, "..", "..", "references.bib"));
  // Runs with --param (<notebook>.p-<hash>) are pages of their own, linked from their notebook's page
  // rather than listed in the navigation, the index or the claim ledger.
  const runs = parameterRuns(files);
  const sitePages: SitePage[] = files
    .filter((file) => !splitRunName(path.basename(file, ".ipynb")).parameterised)
    .map((file) => ({ name: path.basename(file, ".ipynb"), title: pageTitle(file) }));
  // Relative to the site's final place: the export is staged beside it, and the final folders are what pages see.
  const figuresHref =
    figuresSkipped === undefined
      ? path.relative(previousOutDir, previousFiguresDir).split(path.sep).map(encodeURIComponent).join("/")
      : undefined;
  // What a page shows besides its notebook: a page is rebuilt when any of it changes.
  const siteContext = JSON.stringify({
    assets,
    sitePages,
    figuresHref,
    citation,
    bibliography: [...bibliography.values()],
  });
  const previous = previousPages({ outDir: previousOutDir, exporter });
  const records: Record<string, PageRecord> = {};
  let reused = 0;
  fs.mkdirSync(outDir, { recursive: true });
  const pages: ExportedPage[] = [];
  const entries: IndexEntry[] = [];
  const claims: LedgerClaim[] = [];
  let indexHasMath = false;
  try {
    for (const file of files) {
      const name = path.basename(file, ".ipynb");
      const page = path.join(outDir, `${name}.html`);
      const downloads = downloadLinks({ file, name, outDir, finalOutDir: previousOutDir, sourceDir });
      const pageRuns = runs.get(name);
      const source = pageSource({
        file,
        trust,
        context: `${siteContext}${JSON.stringify(downloads)}${JSON.stringify(pageRuns ?? null)}`,
      });
      const old = previous[name];
      const oldPage = path.join(previousOutDir, `${name}.html`);
      const reusable =
        old?.source === source &&
        fs.existsSync(oldPage) &&
        (figuresSkipped !== undefined ||
          (old.figureFiles.length > 0 &&
            old.figureFiles.every((f) => fs.existsSync(path.join(previousFiguresDir, f)))) ||
          old.figures.length === 0);
      let record: PageRecord;
      if (reusable) {
        // Unchanged notebook and exporter: the page and its figure files are copied, not rebuilt.
        fs.copyFileSync(oldPage, page);
        if (figuresSkipped === undefined) {
          fs.mkdirSync(figuresDir, { recursive: true });
          for (const f of old.figureFiles) fs.copyFileSync(path.join(previousFiguresDir, f), path.join(figuresDir, f));
        }
        record = { ...old, figureFiles: figuresSkipped === undefined ? old.figureFiles : [] };
        reused++;
      } else {
        let notebook: ReturnType<typeof readExecutedNotebook>;
        let rendered: ReturnType<typeof renderNotebookPage>;
        try {
          notebook = readExecutedNotebook({ file });
          rendered = renderNotebookPage({
            notebook,
            exportedAt,
            trust,
            assets,
            sitePages,
            downloads,
            figuresHref,
            citation,
            bibliography,
            runs: pageRuns,
          });
          for (const key of rendered.unknownCitations) {
            log(`export: ${notebook.name}: [@${key}] is not in references.bib (shown as "?${key}")`);
          }
        } catch (err) {
          // Named, without a stack trace; the previous site stays (see exportSite).
          throw new ExportInputError(`${file}: ${(err as Error).message}; the previous site was left as it was`);
        }
        writeFileAtomic({ file: page, data: rendered.html });
        const drawn =
          figuresSkipped === undefined && rendered.figures.length
            ? await writeFigureFiles({
                notebookName: notebook.name,
                figures: rendered.figures,
                dir: figuresDir,
                previous: old?.figureHashes && { dir: previousFiguresDir, hashes: old.figureHashes },
              })
            : { files: [], hashes: {}, drawn: 0 };
        if (drawn.drawn < rendered.figures.length && figuresSkipped === undefined) {
          log(
            `export: ${notebook.name}: ${rendered.figures.length - drawn.drawn} unchanged figure file pair(s) copied, ${drawn.drawn} drawn`,
          );
        }
        record = {
          source,
          titleHtml: rendered.titleHtml,
          summaryHtml: rendered.summaryHtml,
          execution: rendered.execution,
          figures: rendered.figures.map(({ figure: _figure, ...ref }) => ref),
          claims: rendered.claims,
          mathErrors: rendered.mathErrors.map((e) => ({ tex: e.tex, message: e.message })),
          figureFiles: drawn.files.map((f) => path.relative(figuresDir, f)),
          figureHashes: drawn.hashes,
          run: {
            parameters: runParameters({ notebook }),
            started: (notebook.metadata.execution as { started?: string } | undefined)?.started,
          },
        };
      }
      records[name] = record;
      for (const e of record.mathErrors) log(`export: ${name}: KaTeX could not typeset "${e.tex}": ${e.message}`);
      const rendered = record;
      const notebook = { name };
      const figureFiles = record.figureFiles.map((f) => path.join(figuresDir, f));
      pages.push({
        notebook: file,
        page,
        figures: rendered.figures.length,
        figureFiles,
        mathErrors: rendered.mathErrors.length,
      });
      const pageHref = `${encodeURIComponent(notebook.name)}.html`;
      if (splitRunName(name).parameterised) continue; // linked from its notebook's page only
      for (const { record, section } of rendered.claims) {
        if (claims.some((c) => c.notebook === notebook.name && c.id === record.id)) {
          throw new ExportInputError(
            `${file}: two claims share the id "${record.id}"; claim ids must be unique in a notebook`,
          );
        }
        claims.push({
          ...record,
          notebook: notebook.name,
          page: pageHref,
          section,
          href: `${pageHref}#claim-${record.id}`,
          figures: claimFigures({ file, record, section, figures: rendered.figures }).map((f) => ({
            index: f.index,
            caption: f.caption,
            href: `${pageHref}#${f.domId}-figure`,
          })),
        });
      }
      entries.push({
        href: pageHref,
        titleHtml: numberedTitle({ name: notebook.name, titleHtml: rendered.titleHtml }),
        summaryHtml: rendered.summaryHtml,
        figureCount: rendered.figures.length,
        execution: rendered.execution,
      });
      indexHasMath ||= /class="math-tex"/.test(rendered.titleHtml + (rendered.summaryHtml ?? ""));
    }
  } finally {
    await closeFigureRenderer();
  }
  writeFileAtomic({ file: path.join(outDir, MANIFEST_FILE), data: manifestText({ exporter, pages: records }) });
  if (reused) log(`export: ${reused} of ${files.length} page(s) unchanged, copied from the previous export`);
  const assumptions = path.resolve(__dirname, "..", "..", "ASSUMPTIONS.md");
  if (fs.existsSync(assumptions))
    writeFileAtomic({
      file: path.join(outDir, "assumptions.html"),
      data: assumptionsPageHtml({ file: assumptions, assets }),
    });
  const apiModules = api ? await apiReference({ outDir, previousOutDir, log }) : undefined;
  const apiHref = fs.existsSync(path.join(outDir, "api", "index.html")) ? "api/index.html" : undefined;
  const ledgerMath = createMathRenderer();
  const ledgerMarkdown = createMarkdownRenderer({ math: ledgerMath });
  writeFileAtomic({
    file: path.join(outDir, "claims.html"),
    data: claimsPageHtml({ claims, markdown: ledgerMarkdown, withMath: () => ledgerMath.count > 0, assets }),
  });
  writeFileAtomic({ file: path.join(outDir, "claims.json"), data: ledgerJson({ claims, exportedAt }) });
  const failing = claims.filter((c) => c.status === "fails");
  for (const c of failing) log(`export: claim ${c.notebook}#${c.id} FAILS: ${c.text}`);
  const index = path.join(outDir, "index.html");
  writeFileAtomic({
    file: index,
    data: indexHtml({
      entries,
      withMath: indexHasMath,
      exportedAt,
      apiHref,
      assets,
      citation,
      ledger: {
        summary: ledgerSummary(claims),
        href: "claims.html",
        failing: failing.map((c) => `${c.notebook}: ${c.text}`),
      },
    }),
  });
  if (!fs.existsSync(figuresDir) && figuresSkipped === undefined) fs.mkdirSync(figuresDir, { recursive: true });
  if (figuresSkipped === undefined) {
    const manifest = figuresManifest({ records, exportedAt, root: path.resolve(__dirname, "..", "..") });
    writeFileAtomic({ file: path.join(figuresDir, "figures.json"), data: `${JSON.stringify(manifest, null, 1)}\n` });
  }
  return { index, pages, claims, claimsFile: "", figuresSkipped, apiModules };
}

/**
 * For every notebook with --param runs among the files, its runs; for every run, its notebook: what
 * the pages' footers link, with each run's --param values (from its execution record).
 */
function parameterRuns(files: string[]): Map<string, PageRuns> {
  const out = new Map<string, PageRuns>();
  const names = new Set(files.map((f) => path.basename(f, ".ipynb")));
  for (const file of files) {
    const name = path.basename(file, ".ipynb");
    const { notebook, parameterised } = splitRunName(name);
    if (!parameterised || !names.has(notebook)) continue;
    let parameters: Record<string, unknown> = {};
    try {
      const meta = JSON.parse(fs.readFileSync(file, "utf8")).metadata?.execution?.parameters;
      if (meta && typeof meta === "object") parameters = meta;
    } catch {
      // An unreadable notebook fails with its name when its page is rendered.
    }
    const run = { name, parameters };
    const of = out.get(notebook) ?? { variants: [] };
    of.variants?.push(run);
    out.set(notebook, of);
    out.set(name, { of: { name: notebook }, parameters });
  }
  return out;
}

/**
 * The API reference, rebuilt only when what it documents changed (lib/, docs/api.md, the lockfile):
 * otherwise copied from the previous export. Its source hash is kept in `api/.source-hash`.
 */
async function apiReference({
  outDir,
  previousOutDir,
  log,
}: {
  outDir: string;
  previousOutDir: string;
  log: (line: string) => void;
}): Promise<string[]> {
  const hash = apiSourceHash();
  const old = path.join(previousOutDir, "api");
  const target = path.join(outDir, "api");
  let recorded: { hash?: string; modules?: string[] } = {};
  try {
    recorded = JSON.parse(fs.readFileSync(path.join(old, ".source-hash"), "utf8"));
  } catch {
    recorded = {};
  }
  if (recorded.hash === hash && recorded.modules && fs.existsSync(path.join(old, "index.html"))) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(old, target, { recursive: true });
    log("export: API reference unchanged (lib/ did not change), copied from the previous export");
    return recorded.modules;
  }
  const { modules } = await buildApiReference({ outDir: target });
  writeFileAtomic({ file: path.join(target, ".source-hash"), data: `${JSON.stringify({ hash, modules })}\n` });
  return modules;
}

/** The figures a claim names (each must exist in its notebook), else those of its section. */
function claimFigures({
  file,
  record,
  section,
  figures,
}: {
  file: string;
  record: { id: string; figures?: string[] };
  section: string;
  figures: Omit<FigureRef, "figure">[];
}): Omit<FigureRef, "figure">[] {
  if (!record.figures) return figures.filter((f) => f.section === section);
  return record.figures.map((name) => {
    const figure = figures.find((f) => f.name === name);
    if (!figure) {
      const known = figures
        .map((f) => f.name)
        .filter(Boolean)
        .join(", ");
      throw new ExportInputError(
        `${file}: claim "${record.id}" names figure "${name}", which the notebook does not show (its figures: ${known || "none"})`,
      );
    }
    return figure;
  });
}

/** "04-choosing-n" + "Observation 4: …" → "04 · Observation 4: …" (the index lists notebooks by number). */
function numberedTitle({ name, titleHtml }: { name: string; titleHtml: string }): string {
  const number = name.match(/^(\d+)-/)?.[1];
  return number && !titleHtml.startsWith(number) ? `${number} · ${titleHtml}` : titleHtml;
}

/** A notebook's plain-text title, for the site navigation (its metadata.title, else its name). */
function pageTitle(file: string): string {
  try {
    const notebook = readExecutedNotebook({ file });
    const title = plainTitle({ markdown: notebookInfo({ notebook }).title });
    const number = path.basename(file).match(/^(\d+)-/)?.[1];
    return number && !title.startsWith(number) ? `${number} · ${title}` : title;
  } catch {
    return path.basename(file, ".ipynb");
  }
}

/**
 * Download links of a page: the executed notebook where the export read it (linked, like the figure
 * files, relative to the site's final place: no second copy of its outputs), and the source notebook
 * (when the source folder has it) copied to source/<name>.ipynb in the site.
 */
function downloadLinks({
  file,
  name,
  outDir,
  finalOutDir,
  sourceDir,
}: {
  file: string;
  name: string;
  outDir: string;
  finalOutDir: string;
  sourceDir: string;
}): {
  executedHref: string;
  sourceHref?: string;
} {
  const executedHref = path.relative(finalOutDir, path.resolve(file)).split(path.sep).map(encodeURIComponent).join("/");
  const notebook = splitRunName(name).notebook; // a --param run's source is its notebook's
  const sourceFile = path.join(sourceDir, `${notebook}.ipynb`);
  if (!fs.existsSync(sourceFile)) return { executedHref };
  fs.mkdirSync(path.join(outDir, "source"), { recursive: true });
  fs.copyFileSync(sourceFile, path.join(outDir, "source", `${notebook}.ipynb`));
  return { executedHref, sourceHref: `source/${encodeURIComponent(notebook)}.ipynb` };
}
