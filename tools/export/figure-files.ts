import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { PlotlyFigure } from "../../lib/notebook/figure";
import { renderFigureImage } from "../../lib/notebook/figure-renderer";
import { CSS_PX_PER_INCH, PAPER_COLUMN_INCHES, paperFigure } from "../../lib/notebook/paper-figure";
import { writeFileAtomic } from "../../lib/io/write-file-atomic";
import { withPngResolution } from "./png-resolution";
import type { FigureRef } from "./render-outputs";

export interface FigureFileStemsOptions {
  notebookName: string;
  figures: FigureRef[];
}

/**
 * File names (without extension) for a notebook's figures: `<notebook>-<name>`, or
 * `<notebook>-<index>` for unnamed ones; names are made file-safe and repeats get "-2", "-3", ….
 */
export function figureFileStems({ notebookName, figures }: FigureFileStemsOptions): string[] {
  const used = new Set<string>();
  return figures.map((figure) => {
    const base = `${notebookName}-${figure.name ? slug(figure.name) || figure.index : figure.index}`;
    let stem = base;
    for (let k = 2; used.has(stem); k++) stem = `${base}-${k}`;
    used.add(stem);
    return stem;
  });
}

function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 80);
}

export interface WriteFigureFilesOptions extends FigureFileStemsOptions {
  dir: string;
  /** The previous export's figure files and the hashes of the figures they were drawn from. */
  previous?: { dir: string; hashes: Record<string, string> };
}

/** The files written, and per file stem the hash of the figure it was drawn from. */
export interface WrittenFigureFiles {
  files: string[];
  hashes: Record<string, string>;
  /** How many figures were drawn (the rest were copied). */
  drawn: number;
}

/** Dots per inch of the print PNGs. */
export const PRINT_DPI = 300;

/** The files of one figure, by what they are for (names relative to the figures folder). */
export function figureFileNames(stem: string): string[] {
  const paper = (["single", "double"] as const).flatMap((column) =>
    ["svg", "pdf", "png"].map((ext) => `${stem}-${PAPER_COLUMN_INCHES[column]}in.${ext}`),
  );
  return [`${stem}.svg`, `${stem}.png`, ...paper];
}

/** Draws every file of one figure: the screen SVG and PNG, and per column a vector SVG and PDF and a 300-dpi PNG. */
async function drawFigure(figure: PlotlyFigure): Promise<Uint8Array[]> {
  const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  const text = (svg: string) => new TextEncoder().encode(svg);
  const files: Uint8Array[] = [
    text(await renderFigureImage({ figure, format: "svg" })),
    bytes(await renderFigureImage({ figure, format: "png", scale: 2 })),
  ];
  for (const column of ["single", "double"] as const) {
    const paper = paperFigure({ figure, column });
    const size = { width: paper.layout?.width as number, height: paper.layout?.height as number };
    files.push(
      text(await renderFigureImage({ figure: paper, format: "svg", ...size })),
      bytes(await renderFigureImage({ figure: paper, format: "pdf", ...size })),
      withPngResolution({
        png: bytes(
          await renderFigureImage({ figure: paper, format: "png", ...size, scale: PRINT_DPI / CSS_PX_PER_INCH }),
        ),
        dpi: PRINT_DPI,
      }),
    );
  }
  return files;
}

/**
 * Writes each figure's files ({@link figureFileNames}): <stem>.svg and <stem>.png (2× pixel ratio)
 * as the page shows it, and for papers <stem>-3.5in and <stem>-7in as SVG, PDF and 300-dpi PNG, laid
 * out at the column's width with fonts of at least 7 pt (paperFigure). Drawn through the shared
 * headless Chromium; a figure whose JSON is unchanged since the previous export (a page rebuilt for a
 * Markdown edit) is copied from it instead of drawn again.
 */
export async function writeFigureFiles({
  notebookName,
  figures,
  dir,
  previous,
}: WriteFigureFilesOptions): Promise<WrittenFigureFiles> {
  const stems = figureFileStems({ notebookName, figures });
  const written: string[] = [];
  const hashes: Record<string, string> = {};
  let drawn = 0;
  for (const [i, ref] of figures.entries()) {
    const hash = createHash("sha256").update(JSON.stringify(ref.figure)).digest("hex");
    hashes[stems[i]] = hash;
    const names = figureFileNames(stems[i]);
    const targets = names.map((name) => path.join(dir, name));
    const old = previous && names.map((name) => path.join(previous.dir, name));
    if (old && previous?.hashes[stems[i]] === hash && old.every((f) => fs.existsSync(f))) {
      fs.mkdirSync(dir, { recursive: true });
      old.forEach((f, k) => fs.copyFileSync(f, targets[k]));
    } else {
      drawn++;
      const files = await drawFigure(ref.figure);
      files.forEach((data, k) => writeFileAtomic({ file: targets[k], data }));
    }
    written.push(...targets);
  }
  return { files: written, hashes, drawn };
}
