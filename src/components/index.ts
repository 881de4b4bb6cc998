export * from './reference-picker/index.js';
export * from './size-selector/index.js';
export * from './result-viewer/index.js';
export * from './image-editor/index.js';
