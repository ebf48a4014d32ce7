/** Worker-thread entry: runs each posted chunk task and posts back { id, result } or { id, error }. */
import { parentPort } from "node:worker_threads";
import { runChunkTask, type ChunkTask } from "./chunk-task";

if (!parentPort) throw new Error("chunk-worker.ts must run in a worker thread");
const port = parentPort;
port.on("message", ({ id, task }: { id: number; task: ChunkTask }) => {
  try {
    port.postMessage({ id, result: runChunkTask(task) });
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
