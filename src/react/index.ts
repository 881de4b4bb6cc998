// The React layer: provider and headless hooks. Nothing here touches `window` or storage at import time.
export { HidreamProvider, useHidreamClient, type HidreamProviderProps } from './hidream-provider.js';
export { hidreamKeys } from './query-keys.js';
export { predictionQueryOptions, type PredictionQueryConfig } from './prediction-query-options.js';
export { usePrediction, type UsePredictionOptions, type UsePredictionResult } from './use-prediction.js';
export { useEdit, type EditStatus, type UseEditOptions, type UseEditResult } from './use-edit.js';
export type { EditPhase, EditRequest } from './run-edit.js';
export type { EditSnapshot } from './edit-runner.js';
export { blobToDataUri, type EditImage, type ImageTransport, type UploadProgress } from './resolve-images.js';
export {
  DEFAULT_PERSIST_KEY,
  clearPersistedEdit,
  readPersistedEdit,
  type EditSummary,
  type PersistMode,
  type PersistedEdit,
} from './edit-persistence.js';
