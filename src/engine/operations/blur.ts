import type { RgbaImage } from '../imaging.js';

function boxPass(src: Float32Array, dst: Float32Array, width: number, height: number, radius: number, horizontal: boolean) {
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const step = horizontal ? 4 : width * 4;
  const size = radius * 2 + 1;
  for (let line = 0; line < lines; line++) {
    const base = horizontal ? line * width * 4 : line * 4;
    for (let c = 0; c < 4; c++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += src[base + Math.min(length - 1, Math.max(0, k)) * step + c]!;
      for (let i = 0; i < length; i++) {
        dst[base + i * step + c] = sum / size;
        const out = Math.max(0, i - radius);
        const inn = Math.min(length - 1, i + radius + 1);
        sum += src[base + inn * step + c]! - src[base + out * step + c]!;
      }
    }
  }
}

/**
 * A Gaussian-like blur (three box passes each way). `radius` in pixels; 0 leaves the image as is. Returns a new
 * image.
 */
export function blur(image: RgbaImage, radius: number): RgbaImage {
  const r = Math.max(0, Math.round(radius));
  const data = new Uint8ClampedArray(image.data);
  if (r === 0) return { width: image.width, height: image.height, data };
  const a = Float32Array.from(image.data);
  const b = new Float32Array(a.length);
  for (let pass = 0; pass < 3; pass++) {
    boxPass(a, b, image.width, image.height, r, true);
    boxPass(b, a, image.width, image.height, r, false);
  }
  data.set(a);
  return { width: image.width, height: image.height, data };
}

/** The blur radius the engine uses for "blur": about 0.5 % of the shorter side, at least 2 px. */
export function blurRadiusFor(image: RgbaImage): number {
  return Math.max(2, Math.round(Math.min(image.width, image.height) / 200));
}
