export { ImageEditor, useImageEditorContext } from './image-editor.js';
export type { ImageEditorState, ImageEditorRootProps } from './image-editor.js';
export { useImageEditor, type UseImageEditorOptions, type UseImageEditorReturn, type ImageEditorEntry } from './use-image-editor.js';
export { defaultImageEditorLabels, PROMPT_TEMPLATES, type ImageEditorLabels, type PromptTemplate } from './labels.js';
export { randomSeed, type EditHistory, type EditHistoryEntry } from './edit-history.js';
