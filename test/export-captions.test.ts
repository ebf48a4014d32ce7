/**
 * One numbered caption per figure in the exported page: the notebook's "**Figure N.** …" paragraph
 * right below figure N moves into the figure (and out of the text), a figure without one is numbered
 * with the figure helper's caption, and a "Figure N." paragraph that does not follow figure N stays
 * text.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { figureBundle } from "../lib/notebook/figure-bundle";
import { readExecutedNotebook } from "../tools/export/read-notebook";
import { renderNotebookPage } from "../tools/export/render-notebook";
import { codeCell, display, markdownCell } from "./fixtures/export/executed-notebook";

const figure = (caption: string) =>
  display(figureBundle({ figure: { data: [{ type: "scatter", x: [1], y: [2] }] }, name: caption, caption }));

test("every figure gets exactly one numbered caption, the notebook's own paragraph where it has one", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "et-captions-"));
  try {
    const file = path.join(dir, "captions.ipynb");
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        markdownCell("# Captions\n\nText."),
        codeCell("await showFigure(a)", [figure("short caption one")]),
        markdownCell("**Figure 1.** The long caption of $V$, with *emphasis*.\n\nA paragraph of text after it."),
        codeCell("await showFigure(b)", [figure("short caption two")]),
        markdownCell("Some text.\n\n**Figure 2.** Not at the start of its cell: stays text."),
        codeCell("await showFigure(c)", [figure("short caption three")]),
        markdownCell("**Figure 1.** A caption for a figure that is not the one just shown: stays text."),
      ],
    };
    fs.writeFileSync(file, JSON.stringify(notebook));
    const { html } = renderNotebookPage({ notebook: readExecutedNotebook({ file }) });
    const captions = [...html.matchAll(/<figcaption>([\s\S]*?)<\/figcaption>/g)].map((m) => m[1]);
    assert.equal(captions.length, 3, "one caption per figure");
    assert.match(
      captions[0],
      /^<span class="figure-number">Figure 1\.<\/span> The long caption of <span class="math-tex">/,
    );
    assert.match(captions[0], /<em>emphasis<\/em>/);
    assert.doesNotMatch(captions[0], /short caption one/);
    assert.match(captions[1], /^<span class="figure-number">Figure 2\.<\/span> short caption two$/);
    assert.match(captions[2], /^<span class="figure-number">Figure 3\.<\/span> short caption three$/);
    assert.equal(html.match(/The long caption of/g)?.length, 1, "the paragraph moved, not copied");
    assert.match(html, /<p>A paragraph of text after it\.<\/p>/);
    assert.match(html, /<strong>Figure 2\.<\/strong> Not at the start of its cell: stays text\./);
    assert.match(html, /<strong>Figure 1\.<\/strong> A caption for a figure that is not the one just shown/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a generated caption (showMarkdown's \"**Figure N.** …\" output right below figure N, with the run's values) captions the figure", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "et-captions-"));
  try {
    const file = path.join(dir, "generated.ipynb");
    const markdownOutput = (text: string) =>
      display({ data: { "text/markdown": text, "text/plain": text }, metadata: {} });
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        markdownCell("# Generated captions"),
        codeCell("await showFigure(a)", [figure("short caption one")]),
        codeCell("showMarkdown(figureCaption)", [markdownOutput("**Figure 1.** At $n = 500$.\n\nThen text.")]),
        codeCell("showMarkdown(`**Figure 3.** Not figure 2.`)", [markdownOutput("**Figure 3.** Not figure 2.")]),
      ],
    };
    fs.writeFileSync(file, JSON.stringify(notebook));
    const { html } = renderNotebookPage({ notebook: readExecutedNotebook({ file }) });
    const captions = [...html.matchAll(/<figcaption>([\s\S]*?)<\/figcaption>/g)].map((m) => m[1]);
    assert.equal(captions.length, 1);
    assert.match(
      captions[0],
      /^<span class="figure-number">Figure 1\.<\/span> At <span class="math-tex">n = 500<\/span>\.$/,
    );
    assert.match(html, /<div class="output markdown"><p>Then text\.<\/p>/, "the rest of the output stays");
    assert.match(
      html,
      /<strong>Figure 3\.<\/strong> Not figure 2\./,
      "a paragraph that does not follow its figure stays text",
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
