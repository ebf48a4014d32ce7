/**
 * Citations: `[@key]` in Markdown becomes a numbered link to the page's bibliography (numbers in
 * order of first use, from references.bib), code is left alone, and an unknown key is flagged on
 * the page and reported by the export.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { readBibliography } from "../tools/export/bibliography";
import { exportSite } from "../tools/export/export-site";
import { codeCell, markdownCell } from "./fixtures/export/executed-notebook";

test("[@key] citations are numbered by first use and listed at the end; unknown keys are flagged and reported", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "et-citations-"));
  try {
    const input = path.join(tmp, "notebooks");
    fs.mkdirSync(input);
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "execution-tickets" }, title: "Citations" },
      cells: [
        markdownCell(
          "# Citations\n\nThe post [@burian2024economic] and the capture paper [@burian2024capture; @burian2024economic].\n\nNot in the library: [@nobody2099].\n\n`[@burian2024future]` in code stays as written.\n",
        ),
        codeCell("1", []),
      ],
    };
    fs.writeFileSync(path.join(input, "cites.ipynb"), JSON.stringify(notebook));
    const log: string[] = [];
    const site = path.join(tmp, "site");
    await exportSite({
      inDir: input,
      outDir: site,
      figuresDir: path.join(tmp, "figures"),
      figures: false,
      log: (l) => log.push(l),
    });
    const html = fs.readFileSync(path.join(site, "cites.html"), "utf8");
    assert.match(
      html,
      /The post <span class="citations">\[<a class="citation" href="#ref-burian2024economic">1<\/a>\]<\/span>/,
    );
    assert.match(
      html,
      /\[<a class="citation" href="#ref-burian2024capture">2<\/a>, <a class="citation" href="#ref-burian2024economic">1<\/a>\]/,
    );
    assert.match(html, /<span class="citation unknown"[^>]*>\?nobody2099<\/span>/);
    assert.match(html, /<code>\[@burian2024future\]<\/code>/, "code is not a citation");
    const bibliography = html.slice(html.indexOf('<section class="bibliography">'));
    const items = [...bibliography.matchAll(/<li id="ref-([\w]+)">([^<]+)<\/li>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(
      items.map(([key]) => key),
      ["burian2024economic", "burian2024capture"],
    );
    assert.match(
      items[0][1],
      /^J\. Burian and D\. Crapis\. “Economic Analysis of Execution Tickets\.” ethresear\.ch, topic 18894, 2024\.$/,
    );
    assert.match(html, /<li class="toc-h2"><a href="#references">References<\/a><\/li>/);
    assert.ok(
      log.some((l) => /cites: \[@nobody2099\] is not in references\.bib/.test(l)),
      log.join("\n"),
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("every key the notebooks cite is in references.bib", () => {
  const library = readBibliography(path.join(__dirname, "..", "references.bib"));
  const dir = path.join(__dirname, "..", "notebooks");
  const missing: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb"))) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    for (const m of text.matchAll(/\[@([\w:.-]+)/g)) if (!library.has(m[1])) missing.push(`${file}: ${m[1]}`);
  }
  assert.deepEqual(missing, []);
  assert.ok(library.size >= 10);
});
