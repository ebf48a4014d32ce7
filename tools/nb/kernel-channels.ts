/**
 * The client side of a kernel connection: a DEALER socket on the shell port and a SUB socket on
 * iopub, straight on zeromq 6. Every zeromq promise is awaited or caught here: a failed send
 * rejects the promise `send` returns, a failed receive loop is reported through `onError`, and
 * nothing is left to become an unhandled rejection in the runner process.
 */
import { randomBytes } from "node:crypto";
import type { JupyterMessage } from "@nteract/messaging";
import * as zmq from "zeromq";
import { decodeMessage, encodeMessage } from "./wire";

/** The parts of a Jupyter connection file the client needs. */
export interface ConnectionInfo {
  transport: "tcp";
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  signature_scheme: "hmac-sha256";
  key: string;
}

export interface OpenChannelsOptions {
  connection: ConnectionInfo;
  /** Every valid, correctly signed message from shell or iopub (`msg.channel` says which). */
  onMessage: (msg: JupyterMessage) => void;
  /** A receive loop failed (or `onMessage` threw); the channels are unusable afterwards. */
  onError: (err: Error) => void;
}

export interface SendOptions {
  /** A shell request, e.g. from @nteract/messaging's createMessage / executeRequest. */
  msg: JupyterMessage;
}

/** Shell and iopub sockets connected to one kernel. */
export class KernelChannels {
  private readonly shell: import("zeromq").Dealer;
  private readonly iopub: import("zeromq").Subscriber;
  private readonly key: string;
  private readonly onMessage: (msg: JupyterMessage) => void;
  private readonly onError: (err: Error) => void;
  /** zeromq allows one send in progress per socket: sends are chained. */
  private sendChain: Promise<void> = Promise.resolve();
  private readonly loops: Promise<void>;
  private closed = false;

  private constructor({ connection, onMessage, onError }: OpenChannelsOptions) {
    this.key = connection.key;
    this.onMessage = onMessage;
    this.onError = onError;
    // linger 0: closing with unsent requests (a kernel that died) must not keep the process alive.
    this.shell = new zmq.Dealer({ linger: 0, routingId: randomBytes(8).toString("hex") });
    this.iopub = new zmq.Subscriber({ linger: 0 });
    this.iopub.subscribe();
    this.shell.connect(`tcp://${connection.ip}:${connection.shell_port}`);
    this.iopub.connect(`tcp://${connection.ip}:${connection.iopub_port}`);
    this.loops = Promise.all([this.receiveLoop(this.shell, "shell"), this.receiveLoop(this.iopub, "iopub")]).then(
      () => undefined,
    );
  }

  /**
   * Connects to the kernel's shell and iopub ports. Connecting does not wait for the kernel:
   * zeromq keeps reconnecting and queues requests until the kernel has bound its ports.
   */
  static open(options: OpenChannelsOptions): KernelChannels {
    return new KernelChannels(options);
  }

  private async receiveLoop(
    socket: import("zeromq").Dealer | import("zeromq").Subscriber,
    channel: string,
  ): Promise<void> {
    try {
      for await (const frames of socket) {
        const msg = decodeMessage({ frames, key: this.key, channel });
        if (msg) this.onMessage(msg);
      }
    } catch (err) {
      if (!this.closed) this.onError(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /** Sends a shell request; resolves once zeromq has queued it, rejects when it cannot. */
  send({ msg }: SendOptions): Promise<void> {
    const sent = this.sendChain.then(async () => {
      if (this.closed) throw new Error("the connection to the kernel is closed");
      await this.shell.send(encodeMessage({ msg, key: this.key }));
    });
    this.sendChain = sent.catch(() => {}); // the caller handles `sent`; the chain goes on
    return sent;
  }

  /** Closes both sockets (dropping unsent requests) and waits for the receive loops to end. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.shell.close();
    this.iopub.close();
    await this.loops;
  }
}
