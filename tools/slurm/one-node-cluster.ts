/**
 * A real one-node Slurm cluster for tests and benchmarks: munged, slurmctld and slurmd started from
 * Debian's packages with a configuration in a temporary folder (clients find it through SLURM_CONF,
 * so nothing under /etc/slurm changes), each daemon by its own PID, all stopped by `stop()`.
 *
 * Needs root (slurmd runs jobs as their users; munged as user munge) and the packages slurm-wlm and
 * munge. `slurmUnavailable()` says why a cluster cannot start here, for a test to skip with. The
 * daemons are started through `setpriv --pdeathsig=TERM`, so a test process killed outright does not
 * leave a cluster behind.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

const BINARIES = ["munged", "munge", "unmunge", "slurmctld", "slurmd", "sbatch", "squeue", "sinfo", "scontrol"];

function onPath(name: string): boolean {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .some((dir) => dir !== "" && fs.existsSync(path.join(dir, name)));
}

/** Why a one-node cluster cannot start on this machine, or null when it can. */
export function slurmUnavailable(): string | null {
  const missing = BINARIES.filter((b) => !onPath(b) && !fs.existsSync(path.join("/usr/sbin", b)));
  if (missing.length > 0)
    return `Slurm is not installed (missing ${missing.join(", ")}; apt-get install slurm-wlm munge)`;
  if (process.getuid?.() !== 0) return "starting munged and slurmd needs root";
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function mungeWorks(): boolean {
  try {
    execFileSync("bash", ["-c", "munge -n | unmunge"], { stdio: "ignore", timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean, timeoutMs: number, logs: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`one-node Slurm: ${what} did not happen within ${timeoutMs / 1000} s\n${logs()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A running cluster. */
export interface OneNodeCluster {
  /** Environment for Slurm clients (SLURM_CONF and PATH), to merge into a child's env. */
  env: Record<string, string>;
  /** The configuration folder (slurm.conf, state, logs). */
  dir: string;
  /** Seconds from the call to an idle node. */
  startSeconds: number;
  /** Stops every daemon this cluster started (by PID) and removes its folder. */
  stop(): Promise<void>;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/** Folders of clusters whose process died without stop(): their daemons are gone (pdeathsig), the folder is not. */
function removeStaleFolders(): void {
  for (const name of fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("et-slurm-"))) {
    const dir = path.join(os.tmpdir(), name);
    const pidFile = path.join(dir, "slurmctld.pid");
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8")) : Number.NaN;
    let alive = false;
    try {
      alive = Number.isInteger(pid) && pid > 0 && process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts munged (unless one already answers), slurmctld and slurmd, and waits until the node is idle.
 *
 * @example
 * const cluster = await startOneNodeCluster();
 * try { execFileSync("sbatch", ["--wrap", "true"], { env: { ...process.env, ...cluster.env } }); } finally { await cluster.stop(); }
 */
export async function startOneNodeCluster(): Promise<OneNodeCluster> {
  const why = slurmUnavailable();
  if (why) throw new Error(`one-node Slurm cannot start: ${why}`);
  const started = performance.now();
  removeStaleFolders();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "et-slurm-"));
  const children: ChildProcess[] = [];
  const logFiles = ["slurmctld.log", "slurmd.log"].map((f) => path.join(dir, f));
  const logs = () =>
    logFiles.map((f) => (fs.existsSync(f) ? `--- ${f}\n${fs.readFileSync(f, "utf8").slice(-2000)}` : "")).join("\n");
  const stop = async () => {
    for (const child of children.reverse()) await stopProcess(child);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (!mungeWorks()) {
      const key = "/etc/munge/munge.key";
      if (!fs.existsSync(key)) {
        fs.mkdirSync(path.dirname(key), { recursive: true });
        fs.writeFileSync(key, new Uint8Array(crypto.randomBytes(1024)), { mode: 0o400 });
        execFileSync("chown", ["munge:munge", key]);
      }
      fs.mkdirSync("/run/munge", { recursive: true });
      execFileSync("chown", ["munge:munge", "/run/munge"]);
      // setpriv, not su: the PID recorded is munged's own, so stopping it stops the daemon.
      const munged = spawn(
        "setpriv",
        ["--pdeathsig=TERM", "--reuid=munge", "--regid=munge", "--init-groups", "munged", "--foreground"],
        {
          stdio: "ignore",
        },
      );
      children.push(munged);
      await until("munged answering", mungeWorks, 15_000, () => "");
    }
    const host = os.hostname().split(".")[0];
    const cpus = os.availableParallelism();
    const memoryMb = Math.floor((os.totalmem() / 2 ** 20) * 0.85);
    const [ctldPort, slurmdPort] = [await freePort(), await freePort()];
    for (const sub of ["state", "spool"]) fs.mkdirSync(path.join(dir, sub));
    const conf = path.join(dir, "slurm.conf");
    fs.writeFileSync(
      conf,
      [
        "ClusterName=etlab",
        `SlurmctldHost=${host}`,
        `SlurmctldPort=${ctldPort}`,
        `SlurmdPort=${slurmdPort}`,
        "SlurmUser=root",
        "SlurmdUser=root",
        "AuthType=auth/munge",
        "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none",
        "SelectType=select/cons_tres",
        "SelectTypeParameters=CR_Core_Memory",
        "AccountingStorageType=accounting_storage/none",
        "JobAcctGatherType=jobacct_gather/none",
        "MpiDefault=none",
        "ReturnToService=2",
        "MailProg=/bin/true",
        `DefMemPerCPU=${Math.floor(memoryMb / cpus / 4)}`,
        `StateSaveLocation=${path.join(dir, "state")}`,
        `SlurmdSpoolDir=${path.join(dir, "spool")}`,
        `SlurmctldPidFile=${path.join(dir, "slurmctld.pid")}`,
        `SlurmdPidFile=${path.join(dir, "slurmd.pid")}`,
        `SlurmctldLogFile=${logFiles[0]}`,
        `SlurmdLogFile=${logFiles[1]}`,
        `NodeName=${host} CPUs=${cpus} RealMemory=${memoryMb} State=UNKNOWN`,
        "PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
        "",
      ].join("\n"),
    );
    const env = { SLURM_CONF: conf, PATH: `${process.env.PATH}:/usr/sbin` };
    const daemonEnv = { ...process.env, ...env };
    // --pdeathsig: should this process die without stop() (kill -9), the daemons get SIGTERM too.
    children.push(spawn("setpriv", ["--pdeathsig=TERM", "slurmctld", "-D", "-i"], { env: daemonEnv, stdio: "ignore" }));
    children.push(spawn("setpriv", ["--pdeathsig=TERM", "slurmd", "-D"], { env: daemonEnv, stdio: "ignore" }));
    const state = () => {
      try {
        return execFileSync("sinfo", ["-h", "-o", "%T"], { env: daemonEnv, encoding: "utf8", timeout: 5000 }).trim();
      } catch {
        return "";
      }
    };
    await until("the node becoming idle", () => state() === "idle", 30_000, logs);
    return { env, dir, startSeconds: (performance.now() - started) / 1000, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
