// The React entry. The build prefixes the bundle with 'use client'; nothing here touches `window` at import.
export * from './core/index.js';
export * from './react/index.js';
export * from './components/index.js';
