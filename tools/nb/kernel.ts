/**
 * One running Jupyter kernel, started from a kernelspec and driven over the Jupyter messaging
 * protocol (zeromq, through enchannel-zmq-backend and @nteract/messaging). No Python involved.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createMessage, executeRequest, type Channels, type JupyterMessage } from "@nteract/messaging";
import {
  createMainChannelFromSockets,
  createSockets,
  getUsername,
  type JupyterConnectionInfo,
} from "enchannel-zmq-backend";
import type { Subscription } from "rxjs";
import { writeFileAtomic } from "../fs-atomic";
import { findKernelSpec } from "./kernelspec";
import { freePorts } from "./ports";
import { killGroup, trackGroup, untrackGroup } from "./process-group";

// Closing a socket with unsent messages (a kernel that died) must not keep this process alive
// at exit: zeromq's default "blocky" context would wait forever for them.
const zmq = require(
  require.resolve("zeromq", { paths: [path.dirname(require.resolve("enchannel-zmq-backend"))] }),
) as typeof import("zeromq");
zmq.context.blocky = false;

const HOST = "127.0.0.1";
/** tslab drops every request that arrives within 200 ms after a failed one (tslab issue #19). */
const PAUSE_AFTER_ERROR_MS = 250;
/** How much of the kernel's own stdout/stderr to keep for crash messages. */
const OUTPUT_TAIL_CHARS = 4000;

/** The cell did not finish within its time limit. */
export class CellTimeoutError extends Error {
  override name = "CellTimeoutError";
}

/** The kernel process exited (or could not be started) while the runner was waiting on it. */
export class KernelDiedError extends Error {
  override name = "KernelDiedError";
}

class PortInUseError extends Error {}

export interface StartKernelOptions {
  /** Kernelspec name, e.g. "execution-tickets". Unknown names throw, listing the known ones. */
  name: string;
  /** Working folder of the kernel (the notebook's folder, as Jupyter does). */
  cwd: string;
  /** Give up when the kernel has not answered within this time. */
  startupTimeoutMs?: number;
}

export interface ExecuteOptions {
  /** Code of one cell. */
  code: string;
  /** Time limit for this cell; exceeding it throws CellTimeoutError (the kernel is left as is). */
  timeoutMs: number;
  /** Receives every iopub message caused by this cell, in arrival order (outputs, status, …). */
  onIopub: (msg: JupyterMessage) => void;
}

export interface ExecuteReply {
  /** "abort" is tslab's word for a request it dropped after an earlier error. */
  status: "ok" | "error" | "abort" | "aborted";
  executionCount: number | null;
}

interface SpawnOptions {
  name: string;
  /** The kernelspec's folder, for {resource_dir} in argv. */
  resourceDir: string;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
}

interface RequestOptions {
  msg: JupyterMessage;
  timeoutMs: number;
  onIopub: (msg: JupyterMessage) => void;
  onTimeout: () => Error;
  /** Also wait for the iopub "idle" status that ends the request (true for execute requests). */
  needIdle: boolean;
}

/** Resolved when both the shell reply and the iopub "idle" for a request have arrived. */
interface Pending {
  msgId: string;
  onIopub: (msg: JupyterMessage) => void;
  reply?: JupyterMessage;
  idle: boolean;
  resolve: (reply: JupyterMessage) => void;
  reject: (err: Error) => void;
}

/** A tslab (or any Jupyter) kernel process plus the client sockets talking to it. */
export class KernelSession {
  readonly name: string;
  private readonly child: ChildProcess;
  private readonly tmpDir: string;
  private channels?: Channels;
  private sockets?: Awaited<ReturnType<typeof createSockets>>;
  private subscription?: Subscription;
  private readonly pending = new Map<string, Pending>();
  private outputTail = "";
  private exitInfo?: string;
  private readonly exited: Promise<void>;
  private lastErrorAt = -Infinity;
  private closed = false;
  /** kernel_info requests of the start-up handshake: iopub traffic for any of them counts. */
  private readonly handshakeIds = new Map<string, (msg: JupyterMessage) => void>();

  private constructor(name: string, child: ChildProcess, tmpDir: string) {
    this.name = name;
    this.child = child;
    this.tmpDir = tmpDir;
    const keep = (chunk: Buffer) => {
      this.outputTail = (this.outputTail + chunk.toString("utf8")).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    this.exited = new Promise((resolve) => {
      const done = (info: string) => {
        if (this.exitInfo === undefined) this.exitInfo = info;
        const err = new KernelDiedError(this.deathMessage());
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
        resolve();
      };
      child.once("error", (err) => done(`could not be started: ${err.message}`));
      child.once("exit", (code, signal) => done(signal ? `was killed by ${signal}` : `exited with code ${code}`));
    });
  }

  /**
   * Starts the kernel named `name` from its kernelspec (argv with {connection_file}, env merged
   * over this process's, cwd as given) in its own process group, and waits until it answers on
   * both the shell and the iopub channel.
   */
  static async start({ name, cwd, startupTimeoutMs = 60_000 }: StartKernelOptions): Promise<KernelSession> {
    const { dir, spec } = findKernelSpec(name);
    for (let attempt = 1; ; attempt++) {
      const kernel = await KernelSession.spawn({ name, resourceDir: dir, argv: spec.argv, env: spec.env ?? {}, cwd });
      try {
        await kernel.waitUntilReady(startupTimeoutMs);
        return kernel;
      } catch (err) {
        await kernel.shutdown();
        if (err instanceof PortInUseError && attempt < 3) continue;
        throw err;
      }
    }
  }

  private static async spawn({ name, resourceDir, argv, env, cwd }: SpawnOptions): Promise<KernelSession> {
    const [shell, iopub, stdin, control, hb] = await freePorts({ count: 5, host: HOST });
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "nb-kernel-"));
    const connection: JupyterConnectionInfo & { kernel_name: string } = {
      version: 5,
      transport: "tcp",
      ip: HOST,
      shell_port: shell,
      iopub_port: iopub,
      stdin_port: stdin,
      control_port: control,
      hb_port: hb,
      signature_scheme: "hmac-sha256",
      key: randomBytes(32).toString("hex"),
      kernel_name: name,
    };
    const connectionFile = path.join(tmpDir, "connection.json");
    writeFileAtomic(connectionFile, JSON.stringify(connection, null, 2));
    const args = argv.map((a) =>
      a.replaceAll("{connection_file}", connectionFile).replaceAll("{resource_dir}", resourceDir),
    );
    const child = spawn(args[0], args.slice(1), {
      cwd,
      env: { ...process.env, ...env },
      detached: true, // own process group: killed as a whole, and Ctrl-C reaches us, not it
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (child.pid !== undefined) {
      trackGroup({ pid: child.pid, cleanUp: () => fs.rmSync(tmpDir, { recursive: true, force: true }) });
    }
    const kernel = new KernelSession(name, child, tmpDir);
    try {
      kernel.sockets = await createSockets(connection);
      for (const socket of Object.values(kernel.sockets)) socket.on("error", () => {}); // sends to a dead kernel
      kernel.channels = createMainChannelFromSockets(kernel.sockets, {
        session: randomBytes(16).toString("hex"),
        username: getUsername(),
      });
      kernel.subscription = kernel.channels.subscribe({ next: (msg) => kernel.dispatch(msg) });
    } catch (err) {
      await kernel.shutdown();
      throw err;
    }
    return kernel;
  }

  private deathMessage(): string {
    const tail = this.outputTail.trim();
    return `the kernel ${this.exitInfo ?? "died"}` + (tail ? `; its last output:\n${tail}` : "");
  }

  private dispatch(msg: JupyterMessage): void {
    const parentId = (msg.parent_header as { msg_id?: string }).msg_id;
    if (parentId === undefined) return;
    if (msg.channel === "iopub") this.handshakeIds.get(parentId)?.(msg);
    const p = this.pending.get(parentId);
    if (!p) return;
    if (msg.channel === "iopub") {
      p.onIopub(msg);
      if (msg.header.msg_type === "status" && msg.content.execution_state === "idle") p.idle = true;
    } else if (msg.channel === "shell" && msg.header.msg_type.endsWith("_reply")) {
      p.reply = msg;
    }
    if (p.reply && p.idle) {
      this.pending.delete(p.msgId);
      p.resolve(p.reply);
    }
  }

  /** Sends a shell request; resolves with its reply once the kernel is idle again. */
  private request({ msg, timeoutMs, onIopub, onTimeout, needIdle }: RequestOptions): Promise<JupyterMessage> {
    if (this.exitInfo !== undefined) return Promise.reject(new KernelDiedError(this.deathMessage()));
    return new Promise<JupyterMessage>((resolve, reject) => {
      const msgId = msg.header.msg_id;
      const timer = setTimeout(() => {
        this.pending.delete(msgId);
        reject(onTimeout());
      }, timeoutMs);
      const settle = <T>(fn: (v: T) => void) => (v: T) => {
        clearTimeout(timer);
        fn(v);
      };
      this.pending.set(msgId, {
        msgId,
        onIopub,
        idle: !needIdle,
        resolve: settle(resolve),
        reject: settle(reject),
      });
      this.channels!.next(msg);
    });
  }

  /**
   * Waits until the kernel answers a kernel_info_request on shell AND its status messages reach
   * us on iopub: a new subscriber misses what is published before its subscription is in place,
   * so the request is repeated until iopub traffic for one of them shows up.
   */
  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const timeout = () => {
      if (/EADDRINUSE|Address already in use/i.test(this.outputTail)) return new PortInUseError("port in use");
      return new KernelDiedError(
        `the kernel did not answer within ${Math.round(timeoutMs / 1000)} s` +
          (this.outputTail.trim() ? `; its output:\n${this.outputTail.trim()}` : ""),
      );
    };
    let iopubSeen = false;
    const onIopub = () => (iopubSeen = true);
    // A port taken between probing and binding leaves tslab alive but deaf: notice it early.
    const portWatch = setInterval(() => {
      if (!/EADDRINUSE|Address already in use/i.test(this.outputTail)) return;
      for (const p of this.pending.values()) p.reject(new PortInUseError("port in use"));
      this.pending.clear();
    }, 100);
    try {
      while (!iopubSeen) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw timeout();
        const msg = createMessage("kernel_info_request");
        this.handshakeIds.set(msg.header.msg_id, onIopub);
        await this.request({ msg, timeoutMs: remaining, onIopub, onTimeout: timeout, needIdle: false });
        // iopub may trail the shell reply a little.
        for (let i = 0; i < 10 && !iopubSeen; i++) await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      clearInterval(portWatch);
      this.handshakeIds.clear();
    }
  }

  /**
   * Executes one cell. Resolves with the reply status once the reply and the "idle" status have
   * arrived; throws CellTimeoutError after `timeoutMs`, KernelDiedError if the kernel exits.
   */
  async execute({ code, timeoutMs, onIopub }: ExecuteOptions): Promise<ExecuteReply> {
    const wait = this.lastErrorAt + PAUSE_AFTER_ERROR_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const msg = executeRequest(code, { silent: false, store_history: true, allow_stdin: false, stop_on_error: true });
    const reply = await this.request({
      msg: msg as JupyterMessage,
      timeoutMs,
      onIopub,
      onTimeout: () => new CellTimeoutError(),
      needIdle: true,
    });
    const status = reply.content.status as ExecuteReply["status"];
    if (status !== "ok") this.lastErrorAt = Date.now();
    const count = reply.content.execution_count;
    return { status, executionCount: typeof count === "number" ? count : null };
  }

  /** Kills the kernel's process group, waits until it has exited, closes sockets, removes temp files. */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const pid = this.child.pid;
    if (pid !== undefined) killGroup({ pid }); // also what the kernel started, even if it already died
    // SIGKILL cannot be ignored; the limit only guards against a process stuck in the OS.
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
    this.subscription?.unsubscribe();
    for (const socket of Object.values(this.sockets ?? {})) socket.close();
    fs.rmSync(this.tmpDir, { recursive: true, force: true });
    if (pid !== undefined) untrackGroup({ pid });
  }

  /** The process id of the kernel (leader of its process group). */
  get pid(): number | undefined {
    return this.child.pid;
  }
}
