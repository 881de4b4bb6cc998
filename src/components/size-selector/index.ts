export { SizeSelector, useSizeSelectorContext } from './size-selector.js';
export type {
  SizeSelectorState,
  SizeSelectorRootProps,
  SizeSelectorPresetsProps,
  SizeSelectorPresetProps,
  SizeSelectorPresetState,
  SizeSelectorSideProps,
  SizeSelectorButtonProps,
} from './size-selector.js';
export { useSizeSelector, type UseSizeSelectorOptions, type UseSizeSelectorReturn } from './use-size-selector.js';
export { describeSize, type SizeDescription, type SnapReason } from './describe-size.js';
export { defaultSizeSelectorLabels, type SizeSelectorLabels } from './labels.js';
