/**
 * Plain TypeScript in the real tslab kernel: subpath imports of the library, and object shorthand. tslab rewrites names declared in earlier cells to
 * `exports.name` but missed shorthand properties (`{ rows }` → "rows is not defined"); the patch
 * in patches/tslab+1.0.22.patch, applied by `npm install`, fixes that at its root.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { JupyterMessage } from "@nteract/messaging";
import { KernelSession } from "../tools/nb";
import { KERNEL_NAME } from "../tools/nb/kernelspec";
import { projectTempDir, ROOT } from "./fixtures/runner/helpers";

let kernel: KernelSession;
before(async () => {
  kernel = await KernelSession.start({ name: KERNEL_NAME, cwd: projectTempDir() });
});
after(async () => {
  await kernel.shutdown();
});

async function run(code: string): Promise<{ status: string; stdout: string; stderr: string }> {
  const out = { stdout: "", stderr: "" };
  const onIopub = (m: JupyterMessage) => {
    if (m.header.msg_type !== "stream") return;
    const { name, text } = m.content as { name: "stdout" | "stderr"; text: string };
    out[name] += text;
  };
  const reply = await kernel.execute({ code, timeoutMs: 60_000, onIopub });
  return { status: String(reply.status), ...out };
}

test("the tslab patch is applied in node_modules", () => {
  const converter = fs.readFileSync(path.join(ROOT, "node_modules", "tslab", "dist", "converter.js"), "utf8");
  assert.match(converter, /isShorthandPropertyAssignment\(node\)/);
  const jupyter = fs.readFileSync(path.join(ROOT, "node_modules", "tslab", "dist", "jupyter.js"), "utf8");
  assert.match(jupyter, /sendChains/);
  assert.match(jupyter, /noDrop: true/);
});

test("shorthand properties name variables, functions and classes of earlier cells", async () => {
  const first = await run(
    'const rows = [1, 2, 3];\nlet label = "a";\nfunction twice(x: number) { return 2 * x; }\nclass Box { v = 7; }',
  );
  assert.equal(first.status, "ok", first.stderr);
  const second = await run(
    "const o = { rows, label, twice, Box };\nconsole.log(JSON.stringify({ rows, label }), o.twice(4), new o.Box().v);",
  );
  assert.equal(second.status, "ok", second.stderr);
  assert.equal(second.stdout, '{"rows":[1,2,3],"label":"a"} 8 7\n');
});

test("a later assignment is seen through the shorthand; locals and parameters still shadow", async () => {
  assert.equal((await run('label = "b";')).status, "ok");
  const r = await run(
    'const f = (rows: number[]) => ({ rows });\n{ const label = "inner"; console.log(JSON.stringify({ label }), f([9]).rows[0], JSON.stringify({ label: label }).length); }\nconsole.log(JSON.stringify({ label }));',
  );
  assert.equal(r.status, "ok", r.stderr);
  assert.equal(r.stdout, '{"label":"inner"} 9 17\n{"label":"b"}\n');
});

test("destructuring with defaults and shorthand in the same cell are left alone", async () => {
  const r = await run(
    "const { rows: copy = [0], extra = 5 } = { rows } as { rows?: number[]; extra?: number };\nconsole.log(copy.length, extra);",
  );
  assert.equal(r.status, "ok", r.stderr);
  assert.equal(r.stdout, "3 5\n");
});

test("the library's subpath exports import in the kernel, type-checked", async () => {
  const r = await run(
    'import { ticketValue } from "execution-tickets/model";\nimport { useScenario } from "execution-tickets/scenarios";\n' +
      'const v: number = ticketValue({ mu: 1, n: 100, d: 0.01 });\nconsole.log(v, useScenario({ name: "mainnet" }).name);',
  );
  assert.equal(r.status, "ok", r.stderr);
  assert.equal(r.stdout, "0.5 mainnet\n");
  const bad = await run(
    'import { ticketValue as tv } from "execution-tickets/model";\nconst s: string = tv({ mu: 1, n: 100, d: 0.01 });',
  );
  assert.notEqual(bad.status, "ok", "a type error through the subpath's declarations is reported");
  assert.match(bad.stderr, /not assignable to type 'string'/);
});
