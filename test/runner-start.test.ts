/**
 * Kernel start-up under the races of a busy machine: a start-up request that tslab drops while
 * it is still binding its sockets (zeromq "Socket is blocked by a bind or unbind operation"),
 * ports taken by another process between probing and binding, kernels that crash, print an
 * unhandled error and go silent, or never answer. Kernels used: tslab (three starts) and a
 * stand-in script (test/fixtures/runner/fake-kernel.js) for the failures.
 */
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { createMessage, type JupyterMessage } from "@nteract/messaging";
import { KernelSession, KernelStartError, runNotebook } from "../tools/nb";
import { KERNEL_NAME, projectKernelSpec, type KernelSpec } from "../tools/nb/kernelspec";
import { freePorts } from "../tools/nb/ports";
import { decodeMessage, encodeMessage } from "../tools/nb/wire";
import { alive, FIXTURES, fixture, osTempDir, projectTempDir, ROOT } from "./fixtures/runner/helpers";

// Every promise of the runner must be handled: record what would otherwise go unnoticed.
const unhandled: unknown[] = [];
process.on("unhandledRejection", (reason) => unhandled.push(reason));

// Test kernelspecs live in a folder of their own, found through JUPYTER_PATH.
const jupyterDir = osTempDir();
process.env.JUPYTER_PATH = [jupyterDir, process.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter);

function addKernelSpec(name: string, spec: KernelSpec): string {
  const dir = path.join(jupyterDir, "kernels", name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(spec));
  return name;
}

/** A stand-in kernel that behaves as `modes` say, one mode per launch (the last one repeats). */
function fakeKernel(name: string, modes: string[]): string {
  const counter = path.join(osTempDir(), "launches");
  return addKernelSpec(name, {
    argv: [process.execPath, path.join(FIXTURES, "fake-kernel.js"), counter, ...modes],
    display_name: name,
    language: "typescript",
  });
}

const cwd = FIXTURES;

async function executes(kernel: KernelSession): Promise<void> {
  const out: string[] = [];
  const onIopub = (m: JupyterMessage) => {
    if (m.header.msg_type === "stream") out.push(String((m.content as { text: string }).text));
  };
  const reply = await kernel.execute({ code: 'console.log("answered")', timeoutMs: 60_000, onIopub });
  assert.equal(reply.status, "ok");
  assert.deepEqual(out, ["answered\n"]);
}

test("wire messages are signed; a message with another key (another kernel's port) is dropped", () => {
  const msg = createMessage("kernel_info_request");
  const frames = encodeMessage({ msg, key: "k1" });
  const back = decodeMessage({ frames, key: "k1", channel: "shell" });
  assert.deepEqual(back?.header, msg.header);
  assert.equal(back?.channel, "shell");
  assert.equal(decodeMessage({ frames, key: "k2", channel: "shell" }), null);
  assert.equal(decodeMessage({ frames: frames.slice(0, 3), key: "k1", channel: "shell" }), null);
});

test("a start-up request that arrives while tslab is still binding is answered: the patched kernel waits for the bind", async () => {
  const spec = projectKernelSpec();
  const name = addKernelSpec("nb-test-slow-iopub-bind", {
    ...spec,
    env: {
      ...spec.env,
      NODE_OPTIONS: `${spec.env?.NODE_OPTIONS ?? ""} --require ${path.join(FIXTURES, "slow-iopub-bind.js")}`,
      UV_THREADPOOL_SIZE: "1",
    },
  });
  const kernel = await KernelSession.start({ name, cwd });
  try {
    // Unpatched, tslab's status messages met "Socket is blocked by a bind or unbind operation" and
    // were lost (an UnhandledPromiseRejection); patches/tslab+1.0.22.patch sends them once bound.
    assert.doesNotMatch(kernel.output, /blocked by a bind|UnhandledPromiseRejection|could not be sent/);
    assert.deepEqual(kernel.startFailures, [], "the first kernel answered");
    await executes(kernel);
  } finally {
    await kernel.shutdown();
  }
});

test("ports taken between probing and binding: the kernel is started again on fresh ports", async () => {
  // Another process holds the ports of the first attempt, as a concurrent runner could.
  const taken: net.Server[] = [];
  const connections: net.Socket[] = [];
  for (let i = 0; i < 5; i++) {
    const server = net.createServer((socket) => connections.push(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    taken.push(server);
  }
  const takenPorts = taken.map((s) => (s.address() as net.AddressInfo).port);
  let picks = 0;
  const kernel = await KernelSession.start({
    name: KERNEL_NAME,
    cwd,
    pickPorts: async (options) => (picks++ === 0 ? takenPorts : freePorts(options)),
  });
  try {
    assert.equal(picks, 2);
    assert.equal(kernel.startFailures.length, 1);
    assert.match(kernel.startFailures[0], /a port was taken by another process before the kernel bound it/);
    assert.match(kernel.startFailures[0], /Address already in use/);
    await executes(kernel);
  } finally {
    await kernel.shutdown();
    for (const socket of connections) socket.destroy();
    await Promise.all(taken.map((s) => new Promise((resolve) => s.close(resolve))));
  }
  assert.ok(!alive(kernel.pid!));
});

test("a kernel that prints an unhandled error while starting and then stays silent is given up early", async () => {
  const name = fakeKernel("nb-test-deaf", ["deaf"]);
  const err = await KernelSession.start({ name, cwd, attempts: 1 }).then(
    () => assert.fail("the start should fail"),
    (e: unknown) => e,
  );
  assert.ok(err instanceof KernelStartError, String(err));
  // Not after the 60 s start-up timeout: 5 s after the error.
  assert.equal(
    err.message,
    "the kernel reported an error while starting and did not answer within 5 s after it; its output:\n" +
      "UnhandledPromiseRejection: Error: Socket is blocked by a bind or unbind operation",
  );
});

test("a kernel that never answers is retried with fresh ports a bounded number of times", async () => {
  const name = fakeKernel("nb-test-silent", ["silent"]);
  let picks = 0;
  const pickPorts = (options: { count: number; host: string }) => {
    picks++;
    return freePorts(options);
  };
  await assert.rejects(
    KernelSession.start({ name, cwd, attempts: 2, startupTimeoutMs: 1000, pickPorts }),
    (err: Error) => {
      assert.ok(err instanceof KernelStartError);
      assert.equal(
        err.message,
        "2 attempts, each with fresh ports, failed:\n" +
          "  attempt 1: the kernel did not answer within 1 s\n" +
          "  attempt 2: the kernel did not answer within 1 s",
      );
      return true;
    },
  );
  assert.equal(picks, 2);
});

test("a notebook whose kernel cannot start says so, naming the notebook and each attempt", async () => {
  const name = fakeKernel("nb-test-crashing", ["crash"]);
  const dir = projectTempDir();
  const file = path.join(dir, "uses-crashing-kernel.ipynb");
  const nb = JSON.parse(fs.readFileSync(path.join(ROOT, fixture("ok.ipynb")), "utf8"));
  nb.metadata.kernelspec = { name, display_name: name, language: "typescript" };
  fs.writeFileSync(file, JSON.stringify(nb));
  const rel = path.relative(ROOT, file);
  const result = await runNotebook({ path: rel, outDir: osTempDir() });
  assert.equal(result.status, "crashed");
  assert.match(
    result.error ?? "",
    new RegExp(
      `^${rel.replace(/[.]/g, "\\.")}: the kernel "${name}" could not be started: 3 attempts, each with fresh ports, failed:\n  attempt 1: the kernel exited with code 3`,
    ),
  );
});

test("a kernel program that does not exist is reported at once, without retries", async () => {
  const name = addKernelSpec("nb-test-missing-program", {
    argv: [path.join(osTempDir(), "no-such-kernel"), "{connection_file}"],
    display_name: "missing",
    language: "typescript",
  });
  await assert.rejects(KernelSession.start({ name, cwd }), (err: Error) => {
    assert.ok(err instanceof KernelStartError);
    assert.match(err.message, /^the kernel could not be started: spawn .*no-such-kernel ENOENT$/);
    return true;
  });
});

test("no promise of the runner was left unhandled in any of the above", () => {
  assert.deepEqual(unhandled, []);
});
