import type { RgbaImage } from '../imaging.js';

/**
 * Scales every colour channel by `factor` (> 1 brighter, < 1 darker) and adds `offset`, clamped to 0..255.
 * In place.
 */
export function brightness(image: RgbaImage, factor: number, offset = 0): RgbaImage {
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    d[i] = d[i]! * factor + offset;
    d[i + 1] = d[i + 1]! * factor + offset;
    d[i + 2] = d[i + 2]! * factor + offset;
  }
  return image;
}
