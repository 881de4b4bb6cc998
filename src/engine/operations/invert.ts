import type { RgbaImage } from '../imaging.js';

/** Negative: each colour channel becomes 255 − value; alpha is kept. In place. */
export function invert(image: RgbaImage): RgbaImage {
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    d[i] = 255 - d[i]!;
    d[i + 1] = 255 - d[i + 1]!;
    d[i + 2] = 255 - d[i + 2]!;
  }
  return image;
}
