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
}

/**
 * Writes each figure as <stem>.svg (vector, for papers) and <stem>.png (2× pixel ratio) through
 * the shared headless Chromium. Returns the files written.
 */
export async function writeFigureFiles({ notebookName, figures, dir }: WriteFigureFilesOptions): Promise<string[]> {
  const stems = figureFileStems({ notebookName, figures });
  const written: string[] = [];
  for (const [i, ref] of figures.entries()) {
    const svg = await renderFigureImage({ figure: ref.figure, format: "svg" });
    const png = await renderFigureImage({ figure: ref.figure, format: "png", scale: 2 });
    const svgFile = path.join(dir, `${stems[i]}.svg`);
    const pngFile = path.join(dir, `${stems[i]}.png`);
    writeFileAtomic({ file: svgFile, data: svg });
    writeFileAtomic({ file: pngFile, data: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) });
    written.push(svgFile, pngFile);
  }
  return written;
}
