/**
 * Nothing from a notebook's data runs in a reader's browser. A corpus of injection vectors (raw HTML
 * in Markdown, text/html and text/markdown outputs, image data, captions, titles; the classes of
 * issue 19 and the OWASP XSS cheat sheet's) is exported and opened in Chromium from file://: no
 * script runs, no request leaves the page, the page does not navigate, and the legitimate content
 * around the vectors still renders.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { after, test } from "node:test";
import { CHROMIUM_FLAGS } from "../lib/notebook/chromium";
import { exportSite } from "../tools/export/export-site";
import { sanitizeNotebookHtml } from "../tools/export/sanitize";
import { chromiumGate } from "./fixtures/export/chromium-gate";

const chromium = chromiumGate();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "export-untrusted-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every vector tries to set window.__xss, call alert, fetch or navigate. */
const VECTORS = [
  "<script>window.__xss = 1</script>",
  '<img src=x onerror="window.__xss=2">',
  '<svg onload="window.__xss=3"></svg>',
  "<svg><script>window.__xss=4</script></svg>",
  '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
  '<iframe src="javascript:parent.__xss=6"></iframe>',
  '<a href="javascript:window.__xss=7" id="jslink">click</a>',
  '<a href="JaVaScRiPt:window.__xss=8">click</a>',
  '<a href="&#106;avascript:window.__xss=9">click</a>',
  '<body onload="window.__xss=10">',
  '<div onmouseover="window.__xss=11">hover</div>',
  '<details open ontoggle="window.__xss=12"><summary>t</summary></details>',
  '<input autofocus onfocus="window.__xss=13">',
  '<video><source onerror="window.__xss=14"></video>',
  '<audio src=x onerror="window.__xss=15"></audio>',
  '<object data="data:text/html,<script>parent.__xss=16</script>"></object>',
  '<embed src="data:text/html,<script>parent.__xss=17</script>">',
  '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/refresh">',
  '<base href="http://127.0.0.1:9/base/">',
  '<form action="http://127.0.0.1:9/form"><button id="submitme">go</button></form>',
  '<img src="http://127.0.0.1:9/pixel.png">',
  '<img srcset="http://127.0.0.1:9/srcset.png 2x">',
  '<link rel="stylesheet" href="http://127.0.0.1:9/style.css">',
  "<style>body { background: url(http://127.0.0.1:9/bg.png) }</style>",
  '<div style="background-image:url(http://127.0.0.1:9/inline.png)">styled</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=18"></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=19>"></noscript>',
  '<img src="x" onerror="&#119;indow.__xss=20">',
  "<scr<script>ipt>window.__xss=21</scr</script>ipt>",
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
  '<svg><a xlink:href="javascript:window.__xss=22"><text>x</text></a></svg>',
  '<table background="http://127.0.0.1:9/table.png"><tr><td>t</td></tr></table>',
  '<isindex action="javascript:window.__xss=23" type=image>',
  '<marquee onstart="window.__xss=24">m</marquee>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+" onload="window.__xss=25">',
  "<template><script>window.__xss=26</script></template>",
  '<portal src="http://127.0.0.1:9/portal"></portal>',
  '<x onclick="window.__xss=27">custom</x>',
  '"><script>window.__xss=28</script>',
  "<img src=`javascript:window.__xss=29`>",
];

function notebook(): Record<string, unknown> {
  const md = (source: string) => ({ cell_type: "markdown", metadata: {}, source });
  const code = (outputs: unknown[]) => ({ cell_type: "code", metadata: {}, source: "1", outputs, execution_count: 1 });
  const display = (data: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
    output_type: "display_data",
    data,
    metadata,
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "execution-tickets" },
      title: 'Untrusted <img src=x onerror="window.__xss=100"> title',
      summary: "Summary <script>window.__xss=101</script> end",
    },
    cells: [
      md(
        '# Legitimate content\n\n<table class="keep"><tr><td style="text-align:right">kept-cell</td></tr></table>\n\n<details><summary>kept-summary</summary>inside</details>\n\nH<sub>2</sub>O and $a+b$.\n',
      ),
      ...VECTORS.map((v) => md(`Vector: ${v} after`)),
      code([
        ...VECTORS.map((v) => display({ "text/html": `<p>html output</p>${v}` })),
        ...VECTORS.slice(0, 10).map((v) => display({ "text/markdown": `md output ${v}` })),
        display({ "image/png": 'AAAA" onerror="window.__xss=102' }),
        display({ "image/png": "iVBORw0KGgo=" }, { "image/png": { width: '1" onload="window.__xss=103', height: 10 } }),
        display(
          { "application/vnd.plotly.v1+json": { data: [{ type: "scatter", x: [1, 2], y: [1, 2] }], layout: {} } },
          {
            "execution-tickets": {
              name: 'f"><script>window.__xss=104</script>',
              caption: 'cap <img src=x onerror="window.__xss=105">',
            },
          },
        ),
      ]),
    ],
  };
}

test("the sanitiser keeps research formatting and drops every vector's active part", () => {
  assert.ok(VECTORS.length >= 40, `${VECTORS.length} vectors`);
  assert.equal(
    sanitizeNotebookHtml('<table class="t"><tr><th style="text-align:left">a</th><td>b</td></tr></table><sub>2</sub>'),
    '<table class="t"><tr><th style="text-align:left">a</th><td>b</td></tr></table><sub>2</sub>',
  );
  for (const vector of VECTORS) {
    const clean = sanitizeNotebookHtml(vector);
    // Quoted attribute values are inert text (an escaped "<img onerror=…>" inside a title is harmless).
    const markup = clean.replace(/="[^"]*"/g, '=""');
    assert.doesNotMatch(
      markup,
      /<script|on[a-z]+=|javascript:|<iframe|<object|<embed|<meta|<base|<form|<link|<style|http:\/\/127/i,
      `${vector} → ${clean}`,
    );
    assert.doesNotMatch(clean, /(href|src)="(javascript|https?:\/\/127)/i, `${vector} → ${clean}`);
  }
});

test("exported from file://, no vector runs script, fetches or navigates; legitimate content renders", {
  skip: chromium.skip,
}, async () => {
  const input = path.join(tmp, "notebooks");
  fs.mkdirSync(input);
  fs.writeFileSync(path.join(input, "untrusted.ipynb"), JSON.stringify(notebook()));
  const site = path.join(tmp, "site");
  await exportSite({
    inDir: input,
    outDir: site,
    figuresDir: path.join(tmp, "figures"),
    figures: false,
    log: () => {},
  });
  const pageFile = path.join(site, "untrusted.html");
  const html = fs.readFileSync(pageFile, "utf8");
  assert.match(html, /Content-Security-Policy" content="default-src 'none';[^"]*form-action 'none'; base-uri 'none'/);

  const { chromium: playwright } = await import("playwright-core");
  const browser = await playwright.launch({ executablePath: chromium.executable(), args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on("request", (r) => {
      if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url());
    });
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const url = pathToFileURL(pageFile).href;
    await page.goto(url);
    await page.waitForTimeout(500);
    // Interact as a reader might: hover, click the links and the button that vectors planted.
    await page.mouse.move(200, 300);
    for (const selector of ["#jslink", "#submitme", "a[href^='data:']"]) {
      const el = await page.$(selector);
      if (el) await el.click({ timeout: 1000 }).catch(() => {});
    }
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => (window as { __xss?: number }).__xss ?? null), null, "no vector ran script");
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests, [], "no request left the page");
    assert.equal(page.url(), url, "the page did not navigate");
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, what a reader sees
    const text = await page.evaluate(() => document.body.innerText);
    for (const kept of ["kept-cell", "kept-summary", "html output", "Vector:", "md output"])
      assert.ok(text.includes(kept), kept);
    assert.equal(await page.evaluate(() => document.querySelectorAll("sub").length > 0), true);
    assert.equal(await page.evaluate(() => document.querySelectorAll(".katex").length > 0), true, "math still typeset");
    assert.ok(text.includes("output omitted: its data is not base64"));
  } finally {
    await browser.close();
  }
});
