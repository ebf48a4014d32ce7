/**
 * Provenance of a shard: who ran it where, when and with which code, recorded in its manifest so
 * that a merged sweep can say how each part of it was made.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { schedulerContext, type SchedulerContext } from "../scheduler-env";

/** What a shard's manifest records about its run. */
export interface ShardProvenance extends SchedulerContext {
  host: string;
  /** ISO 8601 times of the start and end of the shard's run. */
  started: string;
  finished: string;
  node: string;
  /** Versions of the project and of the library package (package.json "version"). */
  packageVersion: string;
  libraryVersion: string;
  /** `git rev-parse HEAD` of the project, with "-dirty" when files differ from it; or "not a git checkout". */
  gitCommit: string;
  /** Worker threads the shard used. */
  workers: number;
}

function version(file: string): string {
  try {
    return String(JSON.parse(fs.readFileSync(file, "utf8")).version ?? "unknown");
  } catch {
    return "unknown";
  }
}

/**
 * The project's commit, or "not a git checkout" (no git, or not a repository).
 *
 * @example
 * gitCommit(process.cwd()); // "6c1e250…", "6c1e250…-dirty" or "not a git checkout"
 */
export function gitCommit(root: string): string {
  try {
    const run = (...args: string[]) =>
      execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const head = run("rev-parse", "HEAD");
    return run("status", "--porcelain", "--untracked-files=no") === "" ? head : `${head}-dirty`;
  } catch {
    return "not a git checkout";
  }
}

/** Input of {@link shardProvenance}. */
export interface ShardProvenanceOptions {
  root: string;
  started: Date;
  finished: Date;
  workers: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Provenance of a shard run that started and finished at the given times.
 *
 * @example
 * shardProvenance({ root: process.cwd(), started: new Date(), finished: new Date(), workers: 1 }).host; // this machine's name
 */
export function shardProvenance(options: ShardProvenanceOptions): ShardProvenance {
  return {
    ...schedulerContext({ env: options.env }),
    host: os.hostname(),
    started: options.started.toISOString(),
    finished: options.finished.toISOString(),
    node: process.version,
    packageVersion: version(path.join(options.root, "package.json")),
    libraryVersion: version(path.join(__dirname, "..", "..", "package.json")),
    gitCommit: gitCommit(options.root),
    workers: options.workers,
  };
}
