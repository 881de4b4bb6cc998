import type { RgbaImage } from '../imaging.js';

/** Black and white: every pixel becomes its Rec. 601 luma, so R = G = B. In place. */
export function grayscale(image: RgbaImage): RgbaImage {
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    const y = Math.round(0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!);
    d[i] = y;
    d[i + 1] = y;
    d[i + 2] = y;
  }
  return image;
}
