/**
 * The kernels' ziggurat wedge test (lib/wasm/assembly/exp-decision.ts) decides lhs < exp(−x) without
 * calling JavaScript in almost every case; these tests hold it to the JavaScript engine's answer,
 * `lhs < Math.exp(-x)`, where it is easy (draws as the ziggurat makes them) and where it is hard:
 * lhs within a few ulp of Math.exp(−x), where the kernel's own exp and V8's can disagree in the last
 * bit and only the fallback to Math.exp gets the answer right, and lhs on the squeeze's bounds.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { EXPONENTIAL_TABLES } from "../lib/random/ziggurat-tables";
import { rng } from "../lib/random";
import { wasmModule } from "../lib/wasm/wasm-module";

const wasm = wasmModule();
const { x: X, f: F, ratio } = EXPONENTIAL_TABLES;

/** The kernel's decision as a boolean. */
function kernel(lhs: number, x: number, layer: number): boolean {
  if (wasm === null) throw new Error("the WebAssembly kernels are not built");
  const { exports } = wasm;
  return (
    exports.wedgeBelowExp(lhs, x, layer, exports.ZIGGURAT_X.value as number, exports.ZIGGURAT_F.value as number) === 1
  );
}

/** The double next to v towards +∞ (steps > 0) or −∞ (steps < 0), |steps| ulp away. */
function ulpsAway(v: number, steps: number): number {
  const bits = new BigInt64Array(new Float64Array([v]).buffer);
  bits[0] += BigInt(steps); // v > 0: the bit pattern orders like the value
  return new Float64Array(bits.buffer)[0];
}

/** A wedge point of layer l ≥ 1 as the ziggurat makes it: position in [ratio, 1), x = position·x[l]. */
function wedgePoint(draw: () => number): { layer: number; x: number } {
  const layer = 1 + Math.floor(draw() * 255);
  const position = ratio[layer] + draw() * (1 - ratio[layer]);
  return { layer, x: position * X[layer] };
}

test("the wedge test agrees with Math.exp on 200,000 draws as the ziggurat makes them", {
  skip: wasm === null && "the WebAssembly kernels are not built",
}, () => {
  const stream = rng("exp-decision", 1);
  const draw = () => stream.next();
  let accepted = 0;
  for (let i = 0; i < 200_000; i++) {
    const { layer, x } = wedgePoint(draw);
    const lhs = F[layer] + draw() * (F[layer + 1] - F[layer]);
    const expected = lhs < Math.exp(-x);
    assert.equal(kernel(lhs, x, layer), expected, `layer ${layer}, x ${x}, lhs ${lhs}`);
    if (expected) accepted++;
  }
  // Both answers occur often (the check could fail either way).
  assert.ok(accepted > 20_000 && accepted < 180_000, `accepted ${accepted}`);
});

test("the wedge test agrees with Math.exp within 4 ulp of exp(−x), where only the fallback decides", {
  skip: wasm === null && "the WebAssembly kernels are not built",
}, () => {
  const stream = rng("exp-decision", 2);
  const draw = () => stream.next();
  for (let i = 0; i < 20_000; i++) {
    const { layer, x } = wedgePoint(draw);
    const e = Math.exp(-x);
    for (let steps = -4; steps <= 4; steps++) {
      const lhs = ulpsAway(e, steps);
      assert.equal(kernel(lhs, x, layer), steps < 0, `layer ${layer}, x ${x}, ${steps} ulp`);
    }
  }
});

test("the wedge test agrees with Math.exp at the squeeze's bounds (tangents and chord)", {
  skip: wasm === null && "the WebAssembly kernels are not built",
}, () => {
  const stream = rng("exp-decision", 3);
  const draw = () => stream.next();
  for (let i = 0; i < 20_000; i++) {
    const { layer, x } = wedgePoint(draw);
    const tangent = Math.max(F[layer] * (1 + (X[layer] - x)), F[layer + 1] * (1 - (x - X[layer + 1])));
    const chord = F[layer] + (F[layer + 1] - F[layer]) * ((X[layer] - x) / (X[layer] - X[layer + 1]));
    for (const bound of [tangent, chord]) {
      for (const relative of [-1e-12, -1e-13, 0, 1e-13, 1e-12]) {
        const lhs = bound * (1 + relative);
        assert.equal(
          kernel(lhs, x, layer),
          lhs < Math.exp(-x),
          `layer ${layer}, x ${x}, bound ${bound}·(1 + ${relative})`,
        );
      }
    }
  }
});
