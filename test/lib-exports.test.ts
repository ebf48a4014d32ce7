/**
 * The package's subpath exports (`execution-tickets/model`, `/random`, …): every subpath in
 * lib/package.json resolves at run time and through its declaration file, every library folder with
 * an index has a subpath, and what a subpath exports is the very object the root exports.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";

const LIB = path.resolve(__dirname, "..", "lib");
const pkg = JSON.parse(fs.readFileSync(path.join(LIB, "package.json"), "utf8")) as {
  exports: Record<string, string | { types: string; default: string }>;
  typesVersions: { "*": Record<string, string[]> };
};
const root = require("execution-tickets") as Record<string, unknown>;
const subpaths = Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json");

test("every library folder with an index.ts has a subpath export, with types for old resolvers too", () => {
  const folders = fs
    .readdirSync(LIB, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(LIB, e.name, "index.ts")))
    .map((e) => `./${e.name}`);
  for (const folder of folders) assert.ok(subpaths.includes(folder), `${folder} is exported`);
  for (const sub of subpaths) {
    const entry = pkg.exports[sub] as { types: string; default: string };
    assert.ok(fs.existsSync(path.join(LIB, entry.default)), `${sub}: ${entry.default} exists`);
    assert.equal(
      pkg.typesVersions["*"][sub.slice(2)]?.[0],
      entry.types.slice(2),
      `${sub}: typesVersions matches exports`,
    );
  }
});

test("each subpath loads, and its exports are the root's own objects", () => {
  for (const sub of subpaths) {
    const mod = require(`execution-tickets/${sub.slice(2)}`) as Record<string, unknown>;
    const names = Object.keys(mod);
    assert.ok(names.length > 0, `${sub} exports something`);
    for (const name of names) {
      if (sub === "./validate") continue; // the root exports validate as one namespace
      assert.equal(root[name], mod[name], `${sub}: ${name} is the root's ${name}`);
    }
  }
  assert.equal((root.validate as Record<string, unknown>).positive, require("execution-tickets/validate").positive);
});

test("a path that is not exported is refused by Node (the surface is what the table says)", () => {
  assert.throws(
    () => require("execution-tickets/sim/ticket-values"),
    /ERR_PACKAGE_PATH_NOT_EXPORTED|not defined by "exports"/,
  );
});
