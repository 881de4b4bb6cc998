import type { RgbaImage } from '../imaging.js';

/** Mosaic: every `block` × `block` tile takes its mean colour. In place. */
export function pixelate(image: RgbaImage, block: number): RgbaImage {
  const size = Math.max(1, Math.round(block));
  const { width, height, data: d } = image;
  for (let by = 0; by < height; by += size) {
    for (let bx = 0; bx < width; bx += size) {
      const yEnd = Math.min(height, by + size);
      const xEnd = Math.min(width, bx + size);
      const sum = [0, 0, 0, 0];
      for (let y = by; y < yEnd; y++) {
        for (let x = bx; x < xEnd; x++) {
          const i = (y * width + x) * 4;
          sum[0]! += d[i]!;
          sum[1]! += d[i + 1]!;
          sum[2]! += d[i + 2]!;
          sum[3]! += d[i + 3]!;
        }
      }
      const n = (yEnd - by) * (xEnd - bx);
      const mean = sum.map((s) => Math.round(s / n));
      for (let y = by; y < yEnd; y++) {
        for (let x = bx; x < xEnd; x++) {
          const i = (y * width + x) * 4;
          d[i] = mean[0]!;
          d[i + 1] = mean[1]!;
          d[i + 2] = mean[2]!;
          d[i + 3] = mean[3]!;
        }
      }
    }
  }
  return image;
}

/** The block size the engine uses for "pixelate": about 1/48 of the shorter side, at least 4 px. */
export function pixelBlockFor(image: RgbaImage): number {
  return Math.max(4, Math.round(Math.min(image.width, image.height) / 48));
}
