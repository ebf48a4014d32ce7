/**
 * Draws figures in headless Chromium with the project's plotly.js and theme, and lists each one's
 * layout problems (layout-problems.ts). Used by the layout test and by
 * `npm run check-figures -- <folder of executed notebooks>`, which reports every figure it flags.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CHROMIUM_FLAGS, findChromium } from "../../lib/notebook/chromium";
import { PLOTLY_MIME, type PlotlyFigure } from "../../lib/notebook/figure";
import { plotlyScriptPath } from "../../lib/notebook/figure-renderer";
import { withTheme } from "../../lib/notebook/theme";
import { type LayoutProblem, layoutProblemsInPage } from "../../lib/notebook/layout-problems";

/** One figure to check, and a label to report it by. */
export interface FigureToCheck {
  label: string;
  figure: PlotlyFigure;
}

/** A checked figure and its problems (none: its layout is clean). */
export interface CheckedFigure {
  label: string;
  problems: LayoutProblem[];
}

/**
 * Draws each figure (themed, at its own size) and measures it.
 *
 * @example
 * const [result] = await checkFigureLayouts({ figures: [{ label: "demo", figure }] }); // result.problems
 */
export async function checkFigureLayouts({ figures }: { figures: FigureToCheck[] }): Promise<CheckedFigure[]> {
  const lookup = findChromium();
  if (!lookup.found) throw new Error(`cannot check figure layouts: ${lookup.reason}`);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: lookup.path, args: [...CHROMIUM_FLAGS] });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1200 } });
    await context.route(/^(https?|wss?|ftp):/, (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(
      "<!doctype html><html><head><meta charset='utf-8'></head><body style='margin:0'><div id='f'></div></body></html>",
    );
    await page.addScriptTag({ path: plotlyScriptPath() });
    // The check runs in the page as compiled by tsx, whose output names functions with esbuild's
    // __name helper: give the page a do-nothing one.
    await page.addScriptTag({ content: "window.__name = (f) => f;" });
    const out: CheckedFigure[] = [];
    for (const { label, figure } of figures) {
      const themed = withTheme(figure);
      await page.evaluate(
        async (fig) => {
          const plotly = (
            window as unknown as { Plotly: { newPlot(...a: unknown[]): Promise<unknown>; purge(d: unknown): void } }
          ).Plotly;
          const div = document.getElementById("f") as HTMLElement;
          plotly.purge(div);
          await plotly.newPlot(div, fig.data, fig.layout, { ...(fig.config ?? {}), staticPlot: true });
        },
        themed as { data: unknown[]; layout: unknown; config?: Record<string, unknown> },
      );
      out.push({ label, problems: await page.evaluate(layoutProblemsInPage, { id: "f" }) });
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** Every Plotly figure output of the executed notebooks in `dir`, labelled "<notebook> figure N". */
export function notebookFigures(dir: string): FigureToCheck[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .flatMap((file) => {
      const nb = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as {
        cells: { outputs?: { data?: Record<string, unknown> }[] }[];
      };
      const figures = nb.cells.flatMap((c) => (c.outputs ?? []).map((o) => o.data?.[PLOTLY_MIME]).filter(Boolean));
      return figures.map((figure, i) => ({
        label: `${path.basename(file, ".ipynb")} figure ${i + 1}`,
        figure: figure as PlotlyFigure,
      }));
    });
}

async function main(): Promise<number> {
  const dir = process.argv[2] ?? path.join(__dirname, "..", "..", "build", "notebooks");
  const results = await checkFigureLayouts({ figures: notebookFigures(dir) });
  const flagged = results.filter((r) => r.problems.length > 0);
  for (const r of flagged) for (const p of r.problems) console.log(`${r.label}: ${p.kind}: ${p.detail}`);
  console.log(`${flagged.length} of ${results.length} figures flagged`);
  return flagged.length ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(`check-figures: ${(err as Error).message}`);
      process.exitCode = 2;
    },
  );
}
