/**
 * Install step (npm postinstall): writes the project-local Jupyter kernelspec "execution-tickets"
 * under .jupyter/kernels/ and builds lib's declaration files (lib/.types) that notebooks
 * type-check against. Jupyter finds the kernel through JUPYTER_PATH=<project>/.jupyter (set by
 * `npm run lab`, the runner and the tests).
 */
import { writeKernelSpec } from "../nb/kernelspec";
const { ensureLibTypes } = require("./lib-types.cjs") as { ensureLibTypes: (o?: { quiet?: boolean }) => void };

const dir = writeKernelSpec();
console.log(`kernelspec "execution-tickets" written to ${dir}`);
ensureLibTypes();
console.log("lib declaration files up to date in lib/.types/");
