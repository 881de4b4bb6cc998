import { createCanvasImaging } from './canvas-imaging.js';
import type { Imaging } from './imaging.js';
import { createSharpImaging } from './sharp-imaging.js';

/** True where `OffscreenCanvas` and `createImageBitmap` exist (browsers and their workers). */
export function hasCanvasImaging(): boolean {
  return typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function';
}

/** The canvas backend where the platform has one (browsers, workers), sharp otherwise (Node). */
export function createDefaultImaging(): Imaging {
  return hasCanvasImaging() ? createCanvasImaging() : createSharpImaging();
}
