/**
 * The library's layers (ARCHITECTURE.md): a module may import from its own folder and from the
 * layers below its own, never from a layer above or beside it, and lib/ never imports tools/ or
 * test/. Imports are read with TypeScript's own pre-processor (static, dynamic and require).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..");
const LIB = path.join(ROOT, "lib");

/** Bottom to top; folders on one line are peers and may not import each other. */
export const LAYERS: readonly (readonly string[])[] = [
  ["validate", "io"],
  ["stats", "model"],
  ["random"],
  ["rewards"],
  ["scenarios"],
  ["wasm"],
  ["sim"],
  ["dynamics", "market"],
  ["sweep"],
  ["notebook"],
  ["index"],
];

/** The layer unit of a file under lib/: its top folder, or the file's stem at lib's top. */
function unitOf(file: string): string {
  const rel = path.relative(LIB, file).split(path.sep);
  return rel.length === 1 ? rel[0].replace(/\.[cm]?[jt]s$/, "") : rel[0];
}

function layerOf(unit: string): number {
  const i = LAYERS.findIndex((layer) => layer.includes(unit));
  if (i < 0)
    throw new Error(`lib/${unit} is in no layer of test/architecture.test.ts; add it there and to ARCHITECTURE.md`);
  return i;
}

/** Every lib source file (TypeScript and CommonJS), without generated folders and AssemblyScript. */
function libFiles(dir = LIB): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return [".types", ".types.lock", "build", "assembly", "node_modules"].includes(entry.name) ? [] : libFiles(full);
    return /\.(ts|cjs|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** A violation found in `source` of `file`, as "file: imports spec (why)". */
export function violations(file: string, source: string): string[] {
  const info = ts.preProcessFile(source, true, true);
  const found: string[] = [];
  const from = unitOf(file);
  for (const { fileName: spec } of info.importedFiles) {
    if (!spec.startsWith(".")) continue;
    const target = path.resolve(path.dirname(file), spec);
    const rel = path.relative(ROOT, file);
    if (!target.startsWith(LIB + path.sep)) {
      found.push(`${rel}: imports ${spec} (outside lib/: the library never depends on tools or tests)`);
      continue;
    }
    const to = unitOf(
      target.endsWith(".ts") || fs.existsSync(`${target}.ts`) || !fs.existsSync(target)
        ? target
        : path.join(target, "index.ts"),
    );
    if (to === from) continue;
    if (layerOf(to) >= layerOf(from)) {
      found.push(`${rel}: imports ${spec} (lib/${to} is not below lib/${from})`);
    }
  }
  return found;
}

test("every lib module imports only from its own folder and the layers below", () => {
  const found = libFiles().flatMap((file) => violations(file, fs.readFileSync(file, "utf8")));
  assert.deepEqual(found, []);
});

test("every folder of lib/ is placed in a layer", () => {
  for (const entry of fs.readdirSync(LIB, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules") layerOf(entry.name);
  }
});

test("the check fails on imports against the direction (negative controls)", () => {
  const wasm = path.join(LIB, "wasm", "ticket-block.ts");
  assert.match(violations(wasm, 'import { x } from "../sim/ticket-values";').join(), /lib\/sim is not below lib\/wasm/);
  assert.match(violations(wasm, 'const m = require("../sim");').join(), /lib\/sim is not below lib\/wasm/);
  const market = path.join(LIB, "market", "simulate.ts");
  assert.match(violations(market, 'export * from "../dynamics";').join(), /lib\/dynamics is not below lib\/market/);
  assert.match(violations(market, 'const t = await import("../../tools/nb");').join(), /outside lib/);
  assert.deepEqual(violations(market, 'import { ticketValue } from "../model"; import { x } from "./state";'), []);
});
