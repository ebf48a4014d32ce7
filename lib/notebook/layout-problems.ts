/**
 * What is wrong with a drawn figure's layout, measured on the SVG plotly.js drew in a real browser:
 * a legend box over a data point or line, text over text, or a plot whose lines and markers leave
 * more than 15 % of its width empty (bar and box charts are not measured for that). The function below runs inside the page (Playwright's `evaluate`), so it may
 * use only the DOM; it reads nothing from the figure's JSON, only what was drawn.
 */

/** One problem, with the figure element's id and enough detail to find it. */
export interface LayoutProblem {
  kind: "legend-over-data" | "text-over-text" | "empty-width";
  detail: string;
}

/** Input of the in-page check: the id of the plotly div, and the empty-width limit. */
export interface LayoutCheckInput {
  id: string;
  /** Largest share of a subplot's width with no data at either end (default 0.15). */
  emptyWidthLimit?: number;
}

/**
 * The in-page check (pass to `page.evaluate(layoutProblemsInPage, { id })`). Lines are sampled
 * every few pixels along their path; markers and bars count by their boxes; filled bands do not
 * (a legend may sit on a band's pale fill, not on its lines).
 */
export function layoutProblemsInPage({ id, emptyWidthLimit = 0.15 }: LayoutCheckInput): LayoutProblem[] {
  const root = document.getElementById(id);
  if (!root) return [{ kind: "text-over-text", detail: `no element #${id}` }];
  const problems: LayoutProblem[] = [];
  type Box = { left: number; right: number; top: number; bottom: number };
  const box = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  };
  const inside = (x: number, y: number, b: Box, pad = 1) =>
    x > b.left + pad && x < b.right - pad && y > b.top + pad && y < b.bottom - pad;
  /** Screen points along every drawn line and at every marker and bar of one trace group. */
  const dataPoints = (scope: Element): { x: number; y: number }[] => {
    const out: { x: number; y: number }[] = [];
    for (const path of Array.from(scope.querySelectorAll<SVGPathElement>(".trace path.js-line"))) {
      const length = path.getTotalLength();
      const matrix = path.getScreenCTM();
      if (!matrix || !(length > 0)) continue;
      const steps = Math.min(2000, Math.max(2, Math.ceil(length / 3)));
      for (let i = 0; i <= steps; i++) {
        const p = path.getPointAtLength((i / steps) * length);
        out.push({ x: matrix.a * p.x + matrix.c * p.y + matrix.e, y: matrix.b * p.x + matrix.d * p.y + matrix.f });
      }
    }
    for (const mark of Array.from(scope.querySelectorAll(".trace path.point, .trace.bars path, .trace.boxes path"))) {
      const b = box(mark);
      if (b.right - b.left > 0 || b.bottom - b.top > 0)
        out.push({ x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 });
    }
    return out;
  };

  // The plot areas, from plotly's laid-out axes (offset and length in the SVG's pixels): a line's
  // path runs on beyond its axis range, clipped, so only points inside an area were drawn.
  type Axis = { _offset: number; _length: number; type?: string };
  const svg = root.querySelector("svg.main-svg");
  const plots =
    (root as unknown as { _fullLayout?: { _plots?: Record<string, { xaxis: Axis; yaxis: Axis }> } })._fullLayout
      ?._plots ?? {};
  const origin = svg?.getBoundingClientRect() ?? { left: 0, top: 0 };
  const areas = Object.entries(plots).map(([subplot, { xaxis, yaxis }]) => ({
    subplot,
    box: {
      left: origin.left + xaxis._offset,
      right: origin.left + xaxis._offset + xaxis._length,
      top: origin.top + yaxis._offset,
      bottom: origin.top + yaxis._offset + yaxis._length,
    },
  }));
  const drawn = (p: { x: number; y: number }, b: Box) =>
    p.x >= b.left - 1 && p.x <= b.right + 1 && p.y >= b.top - 1 && p.y <= b.bottom + 1;

  // 1. The legend over data.
  const legend = root.querySelector("g.legend rect.bg");
  const everything = dataPoints(root).filter((p) => areas.some((a) => drawn(p, a.box)));
  if (legend) {
    const b = box(legend);
    const covered = everything.filter((p) => inside(p.x, p.y, b));
    if (covered.length > 0) {
      problems.push({
        kind: "legend-over-data",
        detail: `the legend (${Math.round(b.right - b.left)}×${Math.round(b.bottom - b.top)} px) covers ${covered.length} drawn point(s) of the data`,
      });
    }
  }

  // 2. Text over text (tick labels, axis and figure titles, legend entries, annotations).
  const texts = Array.from(
    root.querySelectorAll(
      ".xtick text, .ytick text, .g-xtitle text, .g-ytitle text, .legendtext, .annotation-text, .gtitle, [class^='g-x'] text, [class^='g-y'] text",
    ),
  )
    .filter((t, i, all) => all.indexOf(t) === i && (t.textContent ?? "").trim() !== "")
    .map((t) => ({ text: (t.textContent ?? "").trim(), b: box(t) }));
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].b;
      const c = texts[j].b;
      const w = Math.min(a.right, c.right) - Math.max(a.left, c.left);
      const h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
      if (w > 2 && h > 2) {
        problems.push({ kind: "text-over-text", detail: `"${texts[i].text}" overlaps "${texts[j].text}"` });
      }
    }
  }

  // 3. Empty width: per subplot, the share of the plot's width left of and right of all its data.
  for (const { subplot, box: area } of areas) {
    // A category axis pads its ends by design (half a category each side), and bars stand on their
    // base, so a share axis may rightly run to 1: only lines and markers are measured.
    if (plots[subplot]?.xaxis.type === "category") continue;
    const scope = root.querySelector(`.cartesianlayer .subplot.${subplot}`);
    if (!scope || scope.querySelector(".trace.bars, .trace.boxes")) continue;
    const xs = dataPoints(scope)
      .filter((p) => drawn(p, area))
      .map((p) => p.x);
    if (xs.length < 2) continue;
    const width = area.right - area.left;
    const empty = (Math.min(...xs) - area.left + (area.right - Math.max(...xs))) / width;
    if (empty > emptyWidthLimit) {
      problems.push({
        kind: "empty-width",
        detail: `subplot ${subplot}: ${(100 * empty).toFixed(0)} % of its width has no data (limit ${(100 * emptyWidthLimit).toFixed(0)} %)`,
      });
    }
  }
  return problems;
}
