import { createCanvasImaging } from './canvas-imaging.js';
import type { Imaging } from './imaging.js';
import { createSharpImaging, loadSharp } from './sharp-imaging.js';

/** True where `OffscreenCanvas` and `createImageBitmap` exist (browsers and their workers). */
export function hasCanvasImaging(): boolean {
  return typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function';
}

/** The canvas backend where the platform has one (browsers, workers), sharp otherwise (Node). */
export function createDefaultImaging(): Imaging {
  return hasCanvasImaging() ? createCanvasImaging() : createSharpImaging();
}

/**
 * The default imaging, checked before use: canvas where it exists, else sharp once it has loaded. Rejects where
 * neither works (an edge runtime without canvas), so a server can say so up front instead of failing each edit.
 */
export async function loadDefaultImaging(): Promise<Imaging> {
  const imaging = createDefaultImaging();
  if (imaging.name === 'sharp') await loadSharp();
  return imaging;
}
