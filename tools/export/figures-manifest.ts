/**
 * build/figures/figures.json: for every figure file set, where it comes from — the notebook, the
 * figure's number and caption, the parameters and seed of the run that drew it, when that run
 * started, and the project's commit and library version at export — so a figure in a paper can be
 * traced back to the exact run and rerun.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { gitCommit } from "../../lib/sweep/plan/provenance";
import { figureFileNames, figureFileStems } from "./figure-files";
import type { PageRecord } from "./incremental";
import type { ParameterValue } from "./run-parameters";

/** One figure's entry. */
export interface FigureManifestEntry {
  notebook: string;
  /** Its number on the page (1-based). */
  figure: number;
  name?: string;
  caption?: string;
  section?: string;
  /** Files in the figures folder: the screen SVG/PNG, then SVG, PDF and 300-dpi PNG at 3.5 in and 7 in. */
  files: string[];
  parameters: Record<string, ParameterValue>;
  /** The run's `seed` parameter, when it has one. */
  seed: ParameterValue;
  /** When the notebook's run started (ISO 8601), from its execution record. */
  run?: string;
}

/** The whole manifest. */
export interface FiguresManifest {
  exported: string;
  commit: string;
  libraryVersion: string;
  figures: FigureManifestEntry[];
}

/** Input of {@link figuresManifest}. */
export interface FiguresManifestOptions {
  records: Record<string, PageRecord>;
  exportedAt: Date;
  /** The project root (for the commit and library version). */
  root: string;
}

/**
 * The manifest of every page's figures, in page order.
 *
 * @example
 * figuresManifest({ records, exportedAt: new Date(), root: "." }).figures[0].files[0]; // → "02-ticket-value-value-vs-n.svg"
 */
export function figuresManifest({ records, exportedAt, root }: FiguresManifestOptions): FiguresManifest {
  const libraryVersion = (
    JSON.parse(fs.readFileSync(path.join(root, "lib", "package.json"), "utf8")) as { version: string }
  ).version;
  const figures = Object.entries(records)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([notebook, record]) => {
      const stems = figureFileStems({
        notebookName: notebook,
        figures: record.figures.map((f) => ({ ...f, figure: { data: [] } })),
      });
      const parameters = record.run?.parameters ?? {};
      return record.figures.map((f, i) => ({
        notebook,
        figure: f.index,
        name: f.name,
        caption: f.caption,
        section: f.section,
        files: figureFileNames(stems[i]),
        parameters,
        seed: "seed" in parameters ? parameters.seed : null,
        run: record.run?.started,
      }));
    });
  return { exported: exportedAt.toISOString(), commit: gitCommit(root), libraryVersion, figures };
}
