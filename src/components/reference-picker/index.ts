export { ReferencePicker, useReferencePickerContext } from './reference-picker.js';
export type {
  ReferencePickerState,
  ReferencePickerItemState,
  ReferencePickerRootProps,
  ReferencePickerDropzoneProps,
  ReferencePickerInputProps,
  ReferencePickerUrlInputProps,
  ReferencePickerButtonProps,
  ReferencePickerListProps,
  ReferencePickerItemProps,
  ReferencePickerThumbnailProps,
  ReferencePickerItemButtonProps,
  ReferencePickerRejectionsProps,
  ReferencePickerCountProps,
} from './reference-picker.js';
export { useReferencePicker, type UseReferencePickerOptions, type UseReferencePickerReturn } from './use-reference-picker.js';
export { defaultReferencePickerLabels, type ReferencePickerLabels } from './labels.js';
export { toEditImages } from './list-ops.js';
export { downscaleImage, createDownscaler, type DownscaleResult, type Downscaler, type DownscalerOptions } from './downscale.js';
export type {
  ReferenceImage,
  Rejection,
  RejectionCode,
  RejectionError,
  DownscaleOptions,
  DownscaleVia,
  DragState,
} from './types.js';
