import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { katexCss } from "../tools/export/assets";
import { createMarkdownRenderer } from "../tools/export/markdown";
import { createMathRenderer } from "../tools/export/math";
import { renderOutputs, type RenderContext } from "../tools/export/render-outputs";

function renderer() {
  const math = createMathRenderer();
  return { math, md: createMarkdownRenderer({ math }) };
}
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;
/** A formula checked at build time and left for the page's KaTeX (tools/export/math.ts). */
const KATEX = /<span class="math-tex"/g;

describe("markdown with math", () => {
  test("checks every delimiter style at build time and leaves its TeX for the page to typeset", () => {
    const { md, math } = renderer();
    const html = md.render({
      markdown:
        "Inline $a_1$ and \\(b_2\\) and $$c_3$$.\n\n$$\nx^2_i\n$$\n\n\\[ y_{ij} \\]\n\n\\begin{align}\nz &= 1\n\\end{align}\n",
    });
    assert.equal(count(html, KATEX), 6);
    assert.equal(count(html, /data-display="true"/g), 4);
    assert.match(html, /<span class="math-tex">a_1<\/span>/);
    assert.equal(count(html, /class="katex/g), 0, "no KaTeX HTML in the page: its TeX is typeset on load");
    assert.equal(math.count, 6);
    assert.deepEqual(math.errors, []);
    assert.doesNotMatch(html.replace(/<annotation[\s\S]*?<\/annotation>/g, ""), /\$|\\\(|\\\[/);
  });

  test("protects math from Markdown emphasis and escapes", () => {
    const { md } = renderer();
    const html = md.render({ markdown: "$a_1 * b_2 * c_3$ and $x_i y_i$" });
    assert.doesNotMatch(html, /<em>|<strong>/);
    assert.equal(count(html, KATEX), 2);
  });

  test("leaves prices, escaped dollars and code alone", () => {
    const { md, math } = renderer();
    const html = md.render({
      markdown: "It costs $5 and $10, or \\$x\\$, and `$y$` in code.\n\n```ts\nconst s = `$${n}$`;\n```\n",
    });
    assert.equal(math.count, 0);
    assert.match(html, /\$5 and \$10/);
    assert.match(html, /<code>\$y\$<\/code>/);
    assert.match(html, /\$x\$/);
    assert.match(html, /class="hljs language-ts"/);
  });

  test("records a formula KaTeX cannot typeset instead of throwing", () => {
    const { md, math } = renderer();
    const html = md.render({ markdown: "Bad: $\\notamacro{x}$." });
    assert.equal(math.errors.length, 1);
    assert.match(math.errors[0].message, /notamacro/);
    assert.match(html, /katex-error/);
  });

  test("a \\newcommand in one cell holds in later cells of the page", () => {
    const { md, math } = renderer();
    md.render({ markdown: "$\\gdef\\EV{\\mathbb{E}[V]}$" });
    md.render({ markdown: "$\\EV = 1$" });
    assert.deepEqual(math.errors, []);
  });

  test("KaTeX's stylesheet embeds its fonts (no url() other than data:)", () => {
    const css = katexCss();
    assert.doesNotMatch(css, /url\((?!data:)/);
    assert.equal(count(css, /url\(data:font\/woff2;base64,/g), 20);
  });
});

describe("outputs", () => {
  function context(): RenderContext {
    const { md, math } = renderer();
    return { markdown: md, math, figures: [] };
  }

  test("merges stream chunks, strips ANSI, and typesets text/latex", () => {
    const ctx = context();
    const html = renderOutputs({
      context: ctx,
      outputs: [
        { output_type: "stream", name: "stdout", text: "a\n" },
        { output_type: "stream", name: "stdout", text: "\u001b[31mb\u001b[0m\n" },
        { output_type: "display_data", data: { "text/latex": "$$\\frac{1}{2}$$", "text/plain": "1/2" } },
      ],
    });
    assert.equal(count(html, /<pre class="output stream stdout">/g), 1);
    assert.match(html, />a\nb\n</);
    assert.equal(count(html, KATEX), 1);
  });

  test("prefers the Plotly mime type and collects the figure with its name and caption", () => {
    const ctx = context();
    const html = renderOutputs({
      context: ctx,
      outputs: [
        {
          output_type: "display_data",
          data: {
            "application/vnd.plotly.v1+json": { data: [{ y: [1, 2] }], layout: { title: { text: "</script><b>x" } } },
            "image/png": "iVBORw0KGgo=",
            "text/plain": "Figure",
          },
          metadata: { "execution-tickets": { name: "my-fig", caption: "Cap" } },
        },
      ],
    });
    assert.equal(ctx.figures.length, 1);
    assert.equal(ctx.figures[0].name, "my-fig");
    assert.match(html, /<div class="plotly-figure" id="figure-1"><\/div>/);
    assert.doesNotMatch(html, /<img/, "the PNG fallback is not needed when plotly.js draws the figure");
    assert.doesNotMatch(html, /<\/script><b>/, "figure JSON cannot close its script element");
  });
});
