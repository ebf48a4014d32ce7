/**
 * The library's API reference: TypeDoc over every public area of `execution-tickets` (one module per
 * subpath export), written to build/site/api/ beside the notebook pages. Built in a temporary folder
 * and renamed into place, so a failed build never leaves half a reference.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../nb/kernelspec";

const LIB = path.join(PROJECT_ROOT, "lib");

/**
 * TypeDoc is an ES module whose types the project's CommonJS (node10) resolution cannot see, so it is
 * loaded with import() through a variable and typed by the few members used here.
 */
const TYPEDOC = "typedoc";
interface TypeDocApplication {
  convert(): Promise<{ children?: { name: string }[] } | undefined>;
  generateDocs(project: unknown, out: string): Promise<void>;
  logger: { warningCount: number };
}
interface TypeDocModule {
  Application: { bootstrap(options: Record<string, unknown>): Promise<TypeDocApplication> };
  LogLevel: { Error: number };
}

/** Input of {@link buildApiReference}. */
export interface BuildApiReferenceOptions {
  /** Where the reference goes (its index.html is the entry page). */
  outDir: string;
}

/** What {@link buildApiReference} did. */
export interface ApiReferenceResult {
  /** The modules documented, e.g. ["model", "random", …]. */
  modules: string[];
  /** TypeDoc's warnings (a broken {@link} or an unexported type a public one uses). */
  warnings: number;
}

/** The entry file of every subpath export in lib/package.json (the root index is left out: it only re-exports). */
export function apiEntryPoints(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(LIB, "package.json"), "utf8")) as {
    exports: Record<string, string | { default: string }>;
  };
  return Object.entries(pkg.exports)
    .filter(([key, value]) => key !== "." && typeof value === "object")
    .map(([, value]) => path.join(LIB, (value as { default: string }).default));
}

/**
 * Generates the API reference with TypeDoc.
 *
 * @example
 * await buildApiReference({ outDir: "build/site/api" }); // → build/site/api/index.html
 */
export async function buildApiReference({ outDir }: BuildApiReferenceOptions): Promise<ApiReferenceResult> {
  const { Application, LogLevel } = (await import(TYPEDOC)) as TypeDocModule;
  const entryPoints = apiEntryPoints();
  const app = await Application.bootstrap({
    entryPoints,
    tsconfig: path.join(LIB, "tsconfig.json"),
    name: "execution-tickets API",
    readme: path.join(PROJECT_ROOT, "docs", "api.md"),
    excludePrivate: true,
    excludeInternal: true,
    // Members declared outside the library (Error's captureStackTrace from @types/node, which links
    // to v8.dev) are not ours to document, and the reference must fetch nothing remote.
    excludeExternals: true,
    hideGenerator: true,
    disableSources: true,
    // No member-visibility checkboxes: the reference documents public members only, and the
    // filter repeated on each of its 600 pages weighs about a megabyte.
    visibilityFilters: {},
    githubPages: false,
    logLevel: LogLevel.Error,
  });
  const project = await app.convert();
  if (!project) throw new Error("API reference: TypeDoc could not convert the library (see the errors above)");
  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await app.generateDocs(project, tmp);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.renameSync(tmp, outDir);
  return { modules: project.children?.map((c) => c.name) ?? [], warnings: app.logger.warningCount };
}
