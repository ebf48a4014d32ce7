/**
 * Explorers: figures readers of the exported page can redraw at other parameter values.
 *
 * @module
 */
export { showExplorer, buildExplorerBundle, type ShowExplorerOptions } from "./show-explorer";
export {
  EXPLORER_MIME,
  controlValue,
  controlPosition,
  controlParameter,
  shownValue,
  checkControl,
  type ChoiceControl,
  type ExplorerControl,
  type ExplorerRecord,
  type RangeControl,
} from "./explorer-spec";
export { EXPLORER_FIGURES } from "./figures";
export {
  EXPLORER_SIMULATIONS,
  runExplorerSimulation,
  type ExplorerSimulation,
  type SimulatedPoint,
} from "./simulations";
