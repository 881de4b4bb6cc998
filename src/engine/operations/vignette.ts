import type { RgbaImage } from '../imaging.js';

export interface VignetteOptions {
  /** How dark the corners get, 0..1. @default 0.6 */
  strength?: number;
  /** Centre of the light area, as fractions of width and height. @default 0.5 */
  centerX?: number;
  /** @default 0.5 */
  centerY?: number;
}

/** Darkens towards the corners with a smooth radial falloff; the centre is unchanged. In place. */
export function vignette(image: RgbaImage, options: VignetteOptions = {}): RgbaImage {
  const strength = options.strength ?? 0.6;
  const cx = (options.centerX ?? 0.5) * image.width;
  const cy = (options.centerY ?? 0.5) * image.height;
  const radius = Math.hypot(image.width, image.height) / 2;
  const d = image.data;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const t = Math.min(1, Math.hypot(x - cx, y - cy) / radius);
      const k = 1 - strength * t * t;
      const i = (y * image.width + x) * 4;
      d[i] = d[i]! * k;
      d[i + 1] = d[i + 1]! * k;
      d[i + 2] = d[i + 2]! * k;
    }
  }
  return image;
}
