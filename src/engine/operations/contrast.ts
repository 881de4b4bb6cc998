import type { RgbaImage } from '../imaging.js';

/** Scales each channel's distance from mid-grey 128 (`factor` > 1 more contrast, < 1 flatter). In place. */
export function contrast(image: RgbaImage, factor: number): RgbaImage {
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    d[i] = (d[i]! - 128) * factor + 128;
    d[i + 1] = (d[i + 1]! - 128) * factor + 128;
    d[i + 2] = (d[i + 2]! - 128) * factor + 128;
  }
  return image;
}
