/**
 * One running Jupyter kernel, started from a kernelspec and driven over the Jupyter messaging
 * protocol (zeromq 6 sockets in kernel-channels.ts, messages from @nteract/messaging). No Python
 * involved. Starting is robust to the races of a busy machine (see startup-output.ts): the
 * start-up request is repeated, and a start that fails is retried with fresh ports.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createMessage, executeRequest, type JupyterMessage } from "@nteract/messaging";
import { writeFileAtomic } from "../../lib/io/write-file-atomic";
import { type ConnectionInfo, KernelChannels } from "./kernel-channels";
import { headlessKernelEnv } from "./headless-env";
import { findKernelSpec } from "./kernelspec";
import { freePorts, type FreePortsOptions } from "./ports";
import { killGroup, trackGroup, untrackGroup } from "./process-group";
import { reportsPortInUse, reportsUnhandledError } from "./startup-output";

const HOST = "127.0.0.1";
/** tslab drops every request that arrives within 200 ms after a failed one (tslab issue #19). */
const PAUSE_AFTER_ERROR_MS = 250;
/** How much of the kernel's own stdout/stderr to keep for crash messages. */
const OUTPUT_TAIL_CHARS = 4000;
/** How much of it each failed start attempt quotes (several attempts share one message). */
const ATTEMPT_TAIL_CHARS = 1500;
/** While starting, kernel_info_request is repeated this often: one request may be lost (see startup-output.ts). */
const HANDSHAKE_RESEND_MS = 1000;
/** After the kernel printed an unhandled error while starting, how long it may still take to answer. */
const ERROR_GRACE_MS = 5000;
/** How often the start-up watch looks at the kernel's output and exit. */
const STARTUP_POLL_MS = 50;
/** After the kernel exits, how long to wait for the rest of its output before reporting. */
const EXIT_DRAIN_MS = 200;
/** Kernel starts tried, each with fresh ports, before giving up. */
export const DEFAULT_START_ATTEMPTS = 3;

/** The cell did not finish within its time limit. */
export class CellTimeoutError extends Error {
  override name = "CellTimeoutError";
}

/** The kernel process exited (or could not be started) while the runner was waiting on it. */
export class KernelDiedError extends Error {
  override name = "KernelDiedError";
}

/** The runner's sockets to the kernel failed (a zeromq error); the kernel may still be running. */
export class KernelConnectionError extends Error {
  override name = "KernelConnectionError";
}

/** No kernel answered: every start attempt failed (the message lists why, attempt by attempt). */
export class KernelStartError extends Error {
  override name = "KernelStartError";
}

/** One failed start attempt; `retry` is false when a new attempt cannot help (no such program). */
class StartAttemptError extends Error {
  constructor(
    message: string,
    readonly retry = true,
  ) {
    super(message);
  }
}

export interface StartKernelOptions {
  /** Kernelspec name, e.g. "execution-tickets". Unknown names throw, listing the known ones. */
  name: string;
  /** Working folder of the kernel (the notebook's folder, as Jupyter does). */
  cwd: string;
  /** Give up on one start attempt when the kernel has not answered within this time (default 60 s). */
  startupTimeoutMs?: number;
  /** Start attempts, each with fresh ports, before throwing KernelStartError (default 3). */
  attempts?: number;
  /** Chooses the kernel's five ports (default: free ports from the OS; tests pass taken ones). */
  pickPorts?: (options: FreePortsOptions) => Promise<number[]>;
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
  pickPorts: (options: FreePortsOptions) => Promise<number[]>;
}

interface RequestOptions {
  msg: JupyterMessage;
  timeoutMs: number;
  onIopub: (msg: JupyterMessage) => void;
  onTimeout: () => Error;
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

/** The last `chars` characters of `text`, trimmed, marked when cut. */
function lastChars(text: string, chars: number): string {
  const trimmed = text.trim();
  return trimmed.length > chars ? `…${trimmed.slice(-chars)}` : trimmed;
}

function parentIdOf(msg: JupyterMessage): string | undefined {
  return (msg.parent_header as { msg_id?: string } | undefined)?.msg_id;
}

/** A tslab (or any Jupyter) kernel process plus the client sockets talking to it. */
export class KernelSession {
  readonly name: string;
  private readonly child: ChildProcess;
  private readonly tmpDir: string;
  private channels?: KernelChannels;
  private readonly pending = new Map<string, Pending>();
  private outputTail = "";
  private exitInfo?: string;
  /** The kernel program could not be run at all (e.g. ENOENT): starting again cannot help. */
  private spawnFailed = false;
  private readonly exited: Promise<void>;
  private connectionError?: Error;
  private lastErrorAt = -Infinity;
  private closed = false;
  /** Receives shell and iopub messages while the start-up handshake runs. */
  private handshake?: (msg: JupyterMessage) => void;
  private failedStarts: string[] = [];

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
        this.failPending(new KernelDiedError(this.deathMessage()));
        resolve();
      };
      child.once("error", (err) => {
        this.spawnFailed = true;
        done(`could not be started: ${err.message}`);
      });
      child.once("exit", (code, signal) => {
        // Its last words may still be in the pipes: wait for them, briefly (a grandchild may
        // hold the pipes open much longer).
        const drained = [child.stdout, child.stderr].map((s) =>
          s && !s.closed ? new Promise((r) => s.once("close", r)) : Promise.resolve(),
        );
        const brief = new Promise((r) => setTimeout(r, EXIT_DRAIN_MS).unref());
        void Promise.race([Promise.all(drained), brief]).then(() =>
          done(signal ? `was killed by ${signal}` : `exited with code ${code}`),
        );
      });
    });
  }

  /**
   * Starts the kernel named `name` from its kernelspec (argv with {connection_file}, env merged
   * over this process's, cwd as given) in its own process group, and waits until it answers on
   * both the shell and the iopub channel. A start that fails (a port taken by another process,
   * an early exit, an error printed by the kernel, no answer within `startupTimeoutMs`) is
   * retried with fresh ports, up to `attempts` starts in all; then KernelStartError says why
   * each attempt failed.
   */
  static async start({
    name,
    cwd,
    startupTimeoutMs = 60_000,
    attempts = DEFAULT_START_ATTEMPTS,
    pickPorts = freePorts,
  }: StartKernelOptions): Promise<KernelSession> {
    const { dir, spec } = findKernelSpec(name);
    const failures: string[] = [];
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const kernel = await KernelSession.spawn({
        name,
        resourceDir: dir,
        argv: spec.argv,
        env: spec.env ?? {},
        cwd,
        pickPorts,
      });
      try {
        await kernel.waitUntilReady(startupTimeoutMs);
        kernel.failedStarts = failures;
        return kernel;
      } catch (err) {
        await kernel.shutdown();
        if (!(err instanceof StartAttemptError)) throw err;
        failures.push(err.message);
        if (!err.retry) break;
      }
    }
    if (failures.length === 1) throw new KernelStartError(failures[0]);
    const indent = (text: string) => text.replaceAll("\n", "\n    ");
    throw new KernelStartError(
      `${failures.length} attempts, each with fresh ports, failed:\n` +
        failures.map((f, i) => `  attempt ${i + 1}: ${indent(f)}`).join("\n"),
    );
  }

  private static async spawn({ name, resourceDir, argv, env, cwd, pickPorts }: SpawnOptions): Promise<KernelSession> {
    const [shell, iopub, stdin, control, hb] = await pickPorts({ count: 5, host: HOST });
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "nb-kernel-"));
    const connection: ConnectionInfo & { version: number; kernel_name: string } = {
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
    writeFileAtomic({ file: connectionFile, data: JSON.stringify(connection, null, 2) });
    const args = argv.map((a) =>
      a.replaceAll("{connection_file}", connectionFile).replaceAll("{resource_dir}", resourceDir),
    );
    const child = spawn(args[0], args.slice(1), {
      cwd,
      env: headlessKernelEnv({ env }),
      detached: true, // own process group: killed as a whole, and Ctrl-C reaches us, not it
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (child.pid !== undefined) {
      trackGroup({ pid: child.pid, cleanUp: () => fs.rmSync(tmpDir, { recursive: true, force: true }) });
    }
    const kernel = new KernelSession(name, child, tmpDir);
    try {
      kernel.channels = KernelChannels.open({
        connection,
        onMessage: (msg) => kernel.dispatch(msg),
        onError: (err) => kernel.connectionFailed(err),
      });
    } catch (err) {
      await kernel.shutdown();
      throw err;
    }
    return kernel;
  }

  private deathMessage(): string {
    const tail = this.outputTail.trim();
    return `the kernel ${this.exitInfo ?? "died"}${tail ? `; its last output:\n${tail}` : ""}`;
  }

  /** "; its output:\n…" with the end of what the kernel printed, or "" when it printed nothing. */
  private outputNote(): string {
    const tail = lastChars(this.outputTail, ATTEMPT_TAIL_CHARS);
    return tail ? `; its output:\n${tail}` : "";
  }

  private failPending(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private connectionFailed(err: Error): void {
    this.connectionError = err;
    this.failPending(new KernelConnectionError(`lost the connection to the kernel: ${err.message}`));
  }

  private dispatch(msg: JupyterMessage): void {
    this.handshake?.(msg);
    const parentId = parentIdOf(msg);
    if (parentId === undefined) return;
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
  private request({ msg, timeoutMs, onIopub, onTimeout }: RequestOptions): Promise<JupyterMessage> {
    if (this.exitInfo !== undefined) return Promise.reject(new KernelDiedError(this.deathMessage()));
    if (this.connectionError) {
      return Promise.reject(
        new KernelConnectionError(`lost the connection to the kernel: ${this.connectionError.message}`),
      );
    }
    if (this.closed || !this.channels)
      return Promise.reject(new KernelConnectionError("the kernel session is shut down"));
    const channels = this.channels;
    return new Promise<JupyterMessage>((resolve, reject) => {
      const msgId = msg.header.msg_id;
      const timer = setTimeout(() => {
        this.pending.delete(msgId);
        reject(onTimeout());
      }, timeoutMs);
      const settle =
        <T>(fn: (v: T) => void) =>
        (v: T) => {
          clearTimeout(timer);
          fn(v);
        };
      this.pending.set(msgId, { msgId, onIopub, idle: false, resolve: settle(resolve), reject: settle(reject) });
      channels.send({ msg }).catch((err: Error) => {
        const p = this.pending.get(msgId);
        if (!p) return;
        this.pending.delete(msgId);
        p.reject(new KernelConnectionError(`could not send the request to the kernel: ${err.message}`));
      });
    });
  }

  /**
   * Waits until the kernel answers a kernel_info_request on shell AND its status messages reach
   * us on iopub (a new subscriber misses what is published before its subscription is in place).
   * The request is repeated every second, as jupyter_client does: tslab may drop one that
   * arrives while it is still binding its sockets. Rejects with StartAttemptError when the
   * kernel exits, reports a port clash, printed an unhandled error and stays silent, or does
   * not answer in time.
   */
  private waitUntilReady(timeoutMs: number): Promise<void> {
    const channels = this.channels!;
    return new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const ids = new Set<string>();
      let replied = false;
      let iopubSeen = false;
      let errorSeenAt: number | undefined;
      let finished = false;
      const finish = (err?: StartAttemptError) => {
        if (finished) return;
        finished = true;
        clearInterval(resend);
        clearInterval(watch);
        this.handshake = undefined;
        if (err) reject(err);
        else resolve();
      };
      this.handshake = (msg) => {
        const parentId = parentIdOf(msg);
        if (parentId === undefined || !ids.has(parentId)) return;
        if (msg.channel === "iopub") iopubSeen = true;
        else if (msg.channel === "shell" && msg.header.msg_type === "kernel_info_reply") replied = true;
        if (replied && iopubSeen) finish();
      };
      const ask = () => {
        const msg = createMessage("kernel_info_request");
        ids.add(msg.header.msg_id);
        channels.send({ msg }).catch((err: Error) => {
          finish(new StartAttemptError(`could not send to the kernel: ${err.message}${this.outputNote()}`));
        });
      };
      const check = () => {
        if (this.exitInfo !== undefined) {
          const tail = lastChars(this.outputTail, ATTEMPT_TAIL_CHARS);
          return finish(
            new StartAttemptError(
              `the kernel ${this.exitInfo}${tail ? `; its last output:\n${tail}` : ""}`,
              !this.spawnFailed,
            ),
          );
        }
        if (this.connectionError) {
          return finish(new StartAttemptError(`the connection to the kernel failed: ${this.connectionError.message}`));
        }
        if (reportsPortInUse({ output: this.outputTail })) {
          return finish(
            new StartAttemptError(`a port was taken by another process before the kernel bound it${this.outputNote()}`),
          );
        }
        const now = Date.now();
        if (errorSeenAt === undefined && reportsUnhandledError({ output: this.outputTail })) errorSeenAt = now;
        if (errorSeenAt !== undefined && now - errorSeenAt >= ERROR_GRACE_MS) {
          return finish(
            new StartAttemptError(
              `the kernel reported an error while starting and did not answer within ${ERROR_GRACE_MS / 1000} s after it${this.outputNote()}`,
            ),
          );
        }
        if (now - started >= timeoutMs) {
          return finish(
            new StartAttemptError(`the kernel did not answer within ${timeoutMs / 1000} s${this.outputNote()}`),
          );
        }
      };
      const resend = setInterval(ask, HANDSHAKE_RESEND_MS);
      const watch = setInterval(check, STARTUP_POLL_MS);
      ask();
    });
  }

  /**
   * Executes one cell. Resolves with the reply status once the reply and the "idle" status have
   * arrived; throws CellTimeoutError after `timeoutMs`, KernelDiedError if the kernel exits,
   * KernelConnectionError if the runner's sockets fail.
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
    this.failPending(new KernelConnectionError("the kernel session was shut down"));
    await this.channels?.close();
    fs.rmSync(this.tmpDir, { recursive: true, force: true });
    if (pid !== undefined) untrackGroup({ pid });
  }

  /** The process id of the kernel (leader of its process group). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Why earlier start attempts failed before this kernel answered ([] when the first one did). */
  get startFailures(): readonly string[] {
    return this.failedStarts;
  }

  /** Everything the kernel process printed itself (not cell output), its last 4000 characters. */
  get output(): string {
    return this.outputTail;
  }
}
