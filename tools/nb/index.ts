/**
 * Programmatic API of the headless notebook runner (used by tools/reproduce.ts and the tests).
 */
export { runNotebook, runNotebooks, DEFAULT_OUT_DIR, DEFAULT_TIMEOUT_SECONDS } from "./run-notebook";
export type { RunOptions, RunNotebookOptions, RunNotebooksOptions } from "./run-notebook";
export type { NotebookResult, NotebookStatus } from "./results";
export { isFailure } from "./results";
export { parseParamArgs, ParameterSyntaxError, PARAMETERS_TAG, INJECTED_TAG } from "./parameters";
export type { Parameters } from "./parameters";
export { autoReporter, lineReporter, liveReporter, silentReporter, resultLine } from "./progress";
export type { ProgressReporter } from "./progress";
export { formatResultsTable } from "./report";
export { readNotebook, NotebookInputError } from "./notebook-file";
export { KernelSession, CellTimeoutError, KernelConnectionError, KernelDiedError, KernelStartError } from "./kernel";
