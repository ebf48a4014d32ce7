import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { renderFigureImage } from "../../lib/notebook/figure-renderer";
import { writeFileAtomic } from "../../lib/io/write-file-atomic";
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

/**
 * Writes each figure as <stem>.svg (vector, for papers) and <stem>.png (2× pixel ratio) through
 * the shared headless Chromium; a figure whose JSON is unchanged since the previous export (a page
 * rebuilt for a Markdown edit) is copied from it instead of drawn again.
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
    const svgFile = path.join(dir, `${stems[i]}.svg`);
    const pngFile = path.join(dir, `${stems[i]}.png`);
    const old = previous && [".svg", ".png"].map((ext) => path.join(previous.dir, `${stems[i]}${ext}`));
    if (old && previous?.hashes[stems[i]] === hash && old.every((f) => fs.existsSync(f))) {
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(old[0], svgFile);
      fs.copyFileSync(old[1], pngFile);
    } else {
      drawn++;
      const svg = await renderFigureImage({ figure: ref.figure, format: "svg" });
      const png = await renderFigureImage({ figure: ref.figure, format: "png", scale: 2 });
      writeFileAtomic({ file: svgFile, data: svg });
      writeFileAtomic({ file: pngFile, data: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) });
    }
    written.push(svgFile, pngFile);
  }
  return { files: written, hashes, drawn };
}
