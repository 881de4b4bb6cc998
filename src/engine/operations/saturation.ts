import type { RgbaImage } from '../imaging.js';

/** Scales each pixel's distance from its own grey (`factor` > 1 more vivid, < 1 more muted). In place. */
export function saturation(image: RgbaImage, factor: number): RgbaImage {
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    const y = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
    d[i] = y + (d[i]! - y) * factor;
    d[i + 1] = y + (d[i + 1]! - y) * factor;
    d[i + 2] = y + (d[i + 2]! - y) * factor;
  }
  return image;
}
