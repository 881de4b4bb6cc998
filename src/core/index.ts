// The order of these exports is the order of the modules in a bundle: this one compresses best (size budget).
export { sniffImage, orientedSize } from './sniff-image.js';
export { parseSize, formatSize } from './parse-size.js';
export { snapSize } from './snap-size.js';
export { SIZE_PRESETS, type SizePreset } from './size-presets.js';
export { isTerminalStatus } from './is-terminal-status.js';
export { validateImageBytes } from './validate-image-bytes.js';
export * from './errors.js';
export * from './types.js';
export { isPredictionId } from './is-prediction-id.js';
export {
  createClient,
  CLIENT_VERSION,
  type ClientOptions,
  type EditOptions,
  type HidreamClient,
  type UploadOptions,
  type WaitOptions,
} from './create-client.js';
export { decodeDataUri } from './decode-data-uri.js';
export * from './constants.js';
export { validateEditInput, assertEditInput } from './validate-edit-input.js';
