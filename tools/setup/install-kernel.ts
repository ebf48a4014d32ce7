/**
 * Writes the project-local Jupyter kernelspec "execution-tickets" under .jupyter/kernels/.
 * Absolute paths, so the spec works from any working directory; Jupyter finds it through
 * JUPYTER_PATH=<project>/.jupyter (set by `npm run lab`, the runner and the tests).
 */
import { writeKernelSpec } from "../nb/kernelspec";

const dir = writeKernelSpec();
console.log(`kernelspec "execution-tickets" written to ${dir}`);
