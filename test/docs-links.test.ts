/**
 * Every reference to docs/ from a tracked file (a relative path, optionally with a #heading anchor)
 * opens: the file exists and the anchor names one of its headings (GitHub's slug rules). No tracked
 * file cites notes that live outside the repository.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";

const ROOT = path.resolve(__dirname, "..");
const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(file: string): Set<string> {
  const text = fs.readFileSync(file, "utf8");
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1])));
}

test("slug follows GitHub's rules", () => {
  assert.equal(slug("Observation 5: the variance of one ticket"), "observation-5-the-variance-of-one-ticket");
  assert.equal(slug("Two tickets: covariance"), "two-tickets-covariance");
  assert.equal(slug("The agent-based market's parts"), "the-agent-based-markets-parts");
  assert.equal(
    slug("Capital cost (ours; Burian–Crapis, arXiv:2408.11255)"),
    "capital-cost-ours-buriancrapis-arxiv240811255",
  );
});

test("every docs/ reference in a tracked file resolves to a file and a heading", () => {
  const broken: string[] = [];
  let seen = 0;
  for (const rel of tracked) {
    if (rel.startsWith("node_modules/") || !fs.existsSync(path.join(ROOT, rel))) continue;
    const text = fs.readFileSync(path.join(ROOT, rel), "utf8");
    // References by path from anywhere, and Markdown links between the docs pages themselves.
    const links = rel.startsWith("docs/")
      ? /\]\(((?:\.\.\/)*[\w./-]+\.md)(#[\w-]+)?\)/g
      : /((?:\.\.\/)*docs\/[\w./-]+\.md)(#[\w-]+)?/g;
    for (const m of text.matchAll(links)) {
      seen++;
      const fromFile = path.resolve(path.dirname(path.join(ROOT, rel)), m[1]);
      const fromRoot = path.join(ROOT, m[1].replace(/^(\.\.\/)+/, ""));
      const target = fs.existsSync(fromFile) ? fromFile : fromRoot;
      if (!fs.existsSync(target)) {
        broken.push(`${rel}: ${m[0]} (no such file)`);
        continue;
      }
      if (m[2] && !anchorsOf(target).has(m[2].slice(1))) broken.push(`${rel}: ${m[0]} (no such heading)`);
    }
  }
  assert.ok(seen >= 40, `expected the lib comments and tests to cite docs/ (found ${seen})`);
  assert.deepEqual(broken, []);
});

test("no tracked file cites the research notes that live outside the repository", () => {
  const citing = tracked.filter((rel) => {
    const file = path.join(ROOT, rel);
    return (
      fs.existsSync(file) &&
      /research[- ]notes/i.test(fs.readFileSync(file, "utf8")) &&
      rel !== "test/docs-links.test.ts"
    );
  });
  assert.deepEqual(citing, []);
});
