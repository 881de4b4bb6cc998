import type { RgbaImage } from '../imaging.js';

/** One horizontal box pass over interleaved rows (contiguous memory). */
function horizontal(src: Float32Array, dst: Float32Array, width: number, height: number, channels: number, r: number) {
  const scale = 1 / (2 * r + 1);
  const stride = width * channels;
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    for (let c = 0; c < channels; c++) {
      let sum = 0;
      for (let k = -r; k <= r; k++) sum += src[row + Math.min(width - 1, Math.max(0, k)) * channels + c]!;
      // Edges clamp; the middle, where both ends are inside the row, runs without bounds checks.
      const lo = Math.min(width, r + 1);
      const hi = Math.max(lo, width - r - 1);
      let x = 0;
      for (; x < lo; x++) {
        dst[row + x * channels + c] = sum * scale;
        sum += src[row + Math.min(width - 1, x + r + 1) * channels + c]! - src[row + Math.max(0, x - r) * channels + c]!;
      }
      for (let i = row + x * channels + c, add = i + (r + 1) * channels, sub = i - r * channels; x < hi; x++, i += channels, add += channels, sub += channels) {
        dst[i] = sum * scale;
        sum += src[add]! - src[sub]!;
      }
      for (; x < width; x++) {
        dst[row + x * channels + c] = sum * scale;
        sum += src[row + Math.min(width - 1, x + r + 1) * channels + c]! - src[row + Math.max(0, x - r) * channels + c]!;
      }
    }
  }
}

/** One vertical box pass, walking rows in order with running column sums, so memory is read sequentially. */
function vertical(src: Float32Array, dst: Float32Array, width: number, height: number, channels: number, r: number) {
  const scale = 1 / (2 * r + 1);
  const stride = width * channels;
  const sums = new Float32Array(stride);
  for (let k = -r; k <= r; k++) {
    const row = Math.min(height - 1, Math.max(0, k)) * stride;
    for (let i = 0; i < stride; i++) sums[i]! += src[row + i]!;
  }
  for (let y = 0; y < height; y++) {
    const out = y * stride;
    const add = Math.min(height - 1, y + r + 1) * stride;
    const sub = Math.max(0, y - r) * stride;
    for (let i = 0; i < stride; i++) {
      dst[out + i] = sums[i]! * scale;
      sums[i]! += src[add + i]! - src[sub + i]!;
    }
  }
}

/**
 * A Gaussian-like blur of interleaved float samples (three box passes each way), in place.
 * `channels` samples per pixel; `radius` in pixels.
 */
export function blurSamples(samples: Float32Array, width: number, height: number, channels: number, radius: number): Float32Array {
  const r = Math.max(0, Math.round(radius));
  if (r === 0) return samples;
  const tmp = new Float32Array(samples.length);
  for (let pass = 0; pass < 3; pass++) {
    horizontal(samples, tmp, width, height, channels, r);
    vertical(tmp, samples, width, height, channels, r);
  }
  return samples;
}

/**
 * A Gaussian-like blur (three box passes each way). `radius` in pixels; 0 leaves the image as is. Returns a new
 * image.
 */
export function blur(image: RgbaImage, radius: number): RgbaImage {
  const samples = blurSamples(new Float32Array(image.data), image.width, image.height, 4, radius);
  return { width: image.width, height: image.height, data: new Uint8ClampedArray(samples) };
}

/** The blur radius the engine uses for "blur": about 0.5 % of the shorter side, at least 2 px. */
export function blurRadiusFor(image: RgbaImage): number {
  return Math.max(2, Math.round(Math.min(image.width, image.height) / 200));
}
