export { ResultViewer, useResultViewerContext } from './result-viewer.js';
export type { ResultViewerState, ResultViewerRootProps, ResultViewerCompareProps, ResultViewerCompareState } from './result-viewer.js';
export {
  useResultViewer,
  type ResultViewerEdit,
  type ResultViewerStatus,
  type UseResultViewerOptions,
  type UseResultViewerReturn,
} from './use-result-viewer.js';
export { outputFileName, outputSrc } from './output-file.js';
export { defaultResultViewerLabels, type ResultViewerLabels } from './labels.js';
