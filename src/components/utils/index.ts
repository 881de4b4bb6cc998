export { mergeProps } from './merge-props.js';
export { dataAttr, renderPart, type ClassNameProp, type PartElementProps, type PartProps, type RenderProp, type StyleProp } from './render-part.js';
export { useControllableState, type UseControllableStateOptions } from './use-controllable-state.js';
export { createPartContext, usePartContext } from './create-part-context.js';
export { VISUALLY_HIDDEN } from './visually-hidden.js';
