import type { RgbaImage } from '../imaging.js';

/**
 * Shifts the white balance: `amount` > 0 warms (more red and a little green, less blue), < 0 cools. In place.
 */
export function temperature(image: RgbaImage, amount: number): RgbaImage {
  const d = image.data;
  const green = amount * 0.35;
  for (let i = 0; i < d.length; i += 4) {
    d[i] = d[i]! + amount;
    d[i + 1] = d[i + 1]! + green;
    d[i + 2] = d[i + 2]! - amount;
  }
  return image;
}
