/**
 * Loads the WebAssembly kernels (lib/wasm/assembly, built into lib/wasm/build/hot-loops.wasm by
 * `npm install` or `npm run build:wasm`) once per thread and gives typed access to them.
 *
 * The kernels reproduce the JavaScript hot loops bit for bit (same generator, ziggurat tables,
 * discount tables and Math.exp), so which one runs changes the speed, never a number. The
 * environment variable ET_ENGINE chooses: "js" (the JavaScript loops), "wasm" (the kernels; an
 * error if they are not built) or unset (the kernels when built, else JavaScript).
 */
import { existsSync, readFileSync } from "node:fs";
import { EXPONENTIAL_TABLES } from "../random/ziggurat-tables";
import { SFC64_STATE_WORDS } from "../random/sfc64-stream";
import { RandomStream } from "../random/random-stream";
import type { GeneratorStream } from "../random/generator-stream";
import { WASM_DIGEST_FILE, WASM_FILE, wasmSourceDigest } from "./build-info";

/** Which engine runs the hot loops. */
export type SimulationEngine = "wasm" | "js";

interface Exports {
  memory: WebAssembly.Memory;
  STATE: WebAssembly.Global;
  STATE64: WebAssembly.Global;
  ZIGGURAT44_X: WebAssembly.Global;
  ZIGGURAT44_RATIO: WebAssembly.Global;
  ZIGGURAT_X: WebAssembly.Global;
  ZIGGURAT_F: WebAssembly.Global;
  ZIGGURAT_RATIO: WebAssembly.Global;
  ZIGGURAT_R: WebAssembly.Global;
  DISCOUNT_LOW: WebAssembly.Global;
  DISCOUNT_HIGH: WebAssembly.Global;
  SUMS: WebAssembly.Global;
  PATH_SUMS: WebAssembly.Global;
  RUN_COUNTS: WebAssembly.Global;
  rewardsInto(at: number, count: number, rewardKind: number, mu: number): void;
  ABM_LAYOUT: WebAssembly.Global;
  ABM_PARAMS: WebAssembly.Global;
  ABM_SCALARS: WebAssembly.Global;
  ABM_STREAMS: WebAssembly.Global;
  ABM_REWARDS: WebAssembly.Global;
  abmHeapPointer(): number;
  abmReserve(bytes: number): number;
  abmBegin(): void;
  abmRun(first: number, last: number): void;
  setDiscount(logFactor: number, offset: number): void;
  ticketBlock(count: number, rewardKind: number, mu: number, scale: number, shift: number, wide: number): void;
  stampsPointer(): number;
  /** lhs < Math.exp(−x) for x on layer `layer` of the tables at xs, fs, decided as exp-decision.ts does (1 or 0). */
  wedgeBelowExp(lhs: number, x: number, layer: number, xs: number, fs: number): number;
  reserveStamps(n: number): number;
  marketPath(
    n: number,
    small: number,
    threshold: number,
    k: number,
    rewardKind: number,
    mu: number,
    price: number,
    horizon: number,
    logFactor: number,
    epoch: number,
    maxRun: number,
    wide: number,
  ): void;
}

/**
 * The loaded kernels: exported functions plus views of the memory they share with JavaScript.
 * The views are rebuilt whenever the memory grows (growing detaches the old buffer).
 */
export class WasmModule {
  readonly exports: Exports;
  /** The generator state words (see RandomStream.saveState / loadState). */
  state!: Int32Array;
  /** The sfc64 generator's state words (see Sfc64Stream.saveState / loadState). */
  state64!: Int32Array;
  discountLow!: Float64Array;
  discountHigh!: Float64Array;
  /** Power sums of the last ticket block: [s1, s2, s3, s4, min, max]. */
  sums!: Float64Array;
  /** Present values of the last market path: [total, issued, unissued, static, net, gross]. */
  pathSums!: Float64Array;
  /** Run counts of the current market path (1000 slots; cleared by the caller). */
  runCounts!: Float64Array;
  private buffer: ArrayBuffer | null = null;

  constructor(exports: Exports) {
    this.exports = exports;
    this.bindViews();
    // The ziggurat's tables come from the JavaScript module, so both engines use the same bits.
    this.f64(exports.ZIGGURAT_X, 257).set(EXPONENTIAL_TABLES.x);
    this.f64(exports.ZIGGURAT_F, 257).set(EXPONENTIAL_TABLES.f);
    this.f64(exports.ZIGGURAT_RATIO, 256).set(EXPONENTIAL_TABLES.ratio);
    this.f64(exports.ZIGGURAT_R, 1)[0] = EXPONENTIAL_TABLES.r;
    // Scaled by powers of two for the sfc64 kernels (exact; see exponential-sfc64.ts).
    this.f64(exports.ZIGGURAT44_X, 257).set(EXPONENTIAL_TABLES.x.map((x) => x * 2 ** -44));
    this.f64(exports.ZIGGURAT44_RATIO, 256).set(EXPONENTIAL_TABLES.ratio.map((ratio) => ratio * 2 ** 44));
  }

  /**
   * Saves `stream`'s state where the kernels read it (STATE for sfc32, STATE64 for sfc64) and returns
   * their `wide` argument: 1 when the kernel must run the sfc64 generator, 0 for sfc32. After the
   * kernel, {@link resumeStream} continues the stream from where it stopped.
   */
  shareStream(stream: GeneratorStream): 0 | 1 {
    if (stream instanceof RandomStream) {
      stream.saveState(this.state);
      return 0;
    }
    stream.saveState(this.state64);
    return 1;
  }

  /** Continues `stream` from the state the last kernel left (see {@link shareStream}). */
  resumeStream(stream: GeneratorStream): void {
    if (stream instanceof RandomStream) stream.loadState(this.state);
    else stream.loadState(this.state64);
  }

  /**
   * Grows the memory so that `bytes` fit in the free memory after the static data and returns where
   * that memory starts, or null if it cannot grow. The agent-based market lays out its arrays there;
   * the market paths' stamps use the same memory, which is fine because neither keeps anything there
   * between calls of the engines that use it (see lib/market/wasm-slot-loop.ts).
   */
  reserveHeap(bytes: number): number | null {
    if (!this.exports.abmReserve(bytes)) return null;
    this.bindViews();
    return this.exports.abmHeapPointer();
  }

  /**
   * n stamp bytes (one per market position) in the kernels' memory, growing it if needed; null
   * when the memory cannot grow that far.
   */
  reserveStamps(n: number): Uint8Array | null {
    if (!this.exports.reserveStamps(n)) return null;
    this.bindViews();
    return new Uint8Array(this.exports.memory.buffer, this.exports.stampsPointer(), n);
  }

  private f64(global: WebAssembly.Global, length: number): Float64Array {
    return new Float64Array(this.exports.memory.buffer, global.value as number, length);
  }

  private bindViews(): void {
    const { memory, STATE, STATE64, DISCOUNT_LOW, DISCOUNT_HIGH, SUMS, PATH_SUMS, RUN_COUNTS } = this.exports;
    if (memory.buffer === this.buffer) return;
    this.buffer = memory.buffer;
    this.state = new Int32Array(memory.buffer, STATE.value as number, 4);
    this.state64 = new Int32Array(memory.buffer, STATE64.value as number, SFC64_STATE_WORDS);
    this.discountLow = this.f64(DISCOUNT_LOW, 4096);
    this.discountHigh = this.f64(DISCOUNT_HIGH, 4096);
    this.sums = this.f64(SUMS, 6);
    this.pathSums = this.f64(PATH_SUMS, 6);
    this.runCounts = this.f64(RUN_COUNTS, 1000);
  }
}

let loaded: WasmModule | null | undefined;

/** What the kernels call when the agent-based market misses a pool size's valuations. */
let valuationFiller: (way: number, pool: number) => void = () => {
  throw new Error("the agent-based market kernel asked for valuations outside a run");
};

/** Sets the callback the agent-based market kernel calls on a valuation cache miss (one run at a time). */
export function setValuationFiller(filler: (way: number, pool: number) => void): void {
  valuationFiller = filler;
}
let chosen: SimulationEngine | "auto" | undefined;
const CHOICES = ["wasm", "js", "auto"] as const;

/** The engine chosen by setSimulationEngine, else by ET_ENGINE (validated), else "auto". */
function requestedEngine(): SimulationEngine | "auto" {
  if (chosen !== undefined) return chosen;
  const value = process.env.ET_ENGINE;
  if (value === undefined || value === "") return "auto";
  if ((CHOICES as readonly string[]).includes(value)) return value as SimulationEngine | "auto";
  throw new RangeError(`ET_ENGINE must be "wasm", "js" or "auto" (or unset); received ${JSON.stringify(value)}`);
}

/**
 * Chooses the engine of this thread's hot loops (ticket sampler, market paths), overriding
 * ET_ENGINE: "wasm", "js" or "auto" (wasm when built). Results are bit-identical either way; the
 * switch is for checking that, and for timing one against the other. Worker threads read
 * ET_ENGINE, not this setting.
 *
 * @example
 * setSimulationEngine("js"); // the JavaScript loops (bit-identical results, about half the speed)
 * simulationEngine(); // → "js"
 * setSimulationEngine("auto"); // back to the default: WebAssembly when the module is built
 */
export function setSimulationEngine(engine: SimulationEngine | "auto"): void {
  if (!(CHOICES as readonly unknown[]).includes(engine)) {
    throw new RangeError(`engine must be "wasm", "js" or "auto"; received ${JSON.stringify(engine)}`);
  }
  chosen = engine;
}

function instantiate(): WasmModule {
  const built = existsSync(WASM_DIGEST_FILE) ? readFileSync(WASM_DIGEST_FILE, "utf8").trim() : "(no digest)";
  if (built !== wasmSourceDigest()) {
    throw new Error(
      `${WASM_FILE} was built from other sources than lib/wasm/assembly; run npm run build:wasm (or set ET_ENGINE=js)`,
    );
  }
  const module = new WebAssembly.Module(new Uint8Array(readFileSync(WASM_FILE)));
  const fillValuations = (way: number, pool: number) => valuationFiller(way, pool);
  const instance = new WebAssembly.Instance(module, { env: { exp: Math.exp, fillValuations } });
  return new WasmModule(instance.exports as unknown as Exports);
}

/**
 * The kernels of this thread, or null when the JavaScript loops are to run (ET_ENGINE=js, or
 * the module is not built and ET_ENGINE is unset).
 */
export function wasmModule(): WasmModule | null {
  const engine = requestedEngine();
  if (engine === "js") return null;
  if (loaded === undefined) loaded = existsSync(WASM_FILE) ? instantiate() : null;
  if (loaded === null && engine === "wasm") {
    throw new Error(`the WebAssembly engine was requested but ${WASM_FILE} is not built; run npm run build:wasm`);
  }
  return loaded;
}

/**
 * Which engine runs the hot loops in this thread: "wasm" or "js".
 *
 * @example
 * ["wasm", "js"].includes(simulationEngine()); // → true
 */
export function simulationEngine(): SimulationEngine {
  return wasmModule() === null ? "js" : "wasm";
}
