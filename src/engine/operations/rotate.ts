import type { RgbaImage } from '../imaging.js';
import { flipHorizontal, flipVertical } from './flip.js';

/** Quarter turns the engine understands, clockwise. */
export type Rotation = 90 | 180 | 270;

/** Rotates clockwise by a multiple of 90°. 90 and 270 swap width and height. Returns a new image for 90/270. */
export function rotate(image: RgbaImage, degrees: Rotation): RgbaImage {
  if (degrees === 180) return flipVertical(flipHorizontal(image));
  const { width, height } = image;
  const src = new Uint32Array(image.data.buffer, image.data.byteOffset, width * height);
  const data = new Uint8ClampedArray(width * height * 4);
  const dst = new Uint32Array(data.buffer);
  // Output is height wide and width tall.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = src[y * width + x]!;
      if (degrees === 90) dst[x * height + (height - 1 - y)] = p;
      else dst[(width - 1 - x) * height + y] = p;
    }
  }
  return { width: height, height: width, data };
}
