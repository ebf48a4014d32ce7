import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { assumptionsPageHtml } from "../tools/export/assumptions-page";
import { createMarkdownRenderer } from "../tools/export/markdown";
import { createMathRenderer } from "../tools/export/math";

test("ASSUMPTIONS.md becomes a site page with its table", () => {
  const html = assumptionsPageHtml({ file: path.join(__dirname, "..", "ASSUMPTIONS.md") });
  assert.match(html, /<table>/);
  assert.match(html, /Uniform draw/);
  assert.match(html, /href="index.html"/);
});

test("links to notebooks and to ASSUMPTIONS.md point at the exported pages", () => {
  const md = createMarkdownRenderer({ math: createMathRenderer() });
  const html = md.render({
    markdown: "[02](02-ticket-value.ipynb#the-claim) [A](../ASSUMPTIONS.md) [web](https://example.org/x.ipynb)",
  });
  assert.match(html, /href="02-ticket-value.html#the-claim"/);
  assert.match(html, /href="assumptions.html"/);
  assert.match(html, /href="https:\/\/example.org\/x.ipynb"/);
});
