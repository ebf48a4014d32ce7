/**
 * What the CPU offers for vector arithmetic, read from /proc/cpuinfo where there is one: the model
 * name and the SIMD extensions among its flags. Ratios against numpy depend on them (numpy's exp
 * and log use AVX-512 where the CPU has it, our WebAssembly loops at most 128-bit SIMD).
 */
import * as fs from "node:fs";

/** The SIMD flags worth naming, in order of width. */
const SIMD_FLAGS = [
  "sse2",
  "ssse3",
  "sse4_1",
  "sse4_2",
  "avx",
  "avx2",
  "fma",
  "avx512f",
  "avx512dq",
  "avx512bw",
  "avx512vl",
  "avx512_vnni",
  "neon",
  "asimd",
  "sve",
];

/** The CPU's model and SIMD extensions; `source: "none"` where /proc/cpuinfo cannot be read. */
export function cpuFeatures(file = "/proc/cpuinfo"): { model: string; simd: string[]; source: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { model: "unknown", simd: [], source: "none" };
  }
  const model = text.match(/^(?:model name|Model|CPU part)\s*:\s*(.+)$/m)?.[1]?.trim() ?? "unknown";
  const flags = new Set((text.match(/^(?:flags|Features)\s*:\s*(.+)$/m)?.[1] ?? "").trim().split(/\s+/));
  return { model, simd: SIMD_FLAGS.filter((f) => flags.has(f)), source: file };
}
