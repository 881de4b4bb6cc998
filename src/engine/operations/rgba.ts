import type { RgbaImage } from '../imaging.js';

/** A new transparent-black image. */
export function createImage(width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8ClampedArray(width * height * 4) };
}

/** A deep copy. */
export function cloneImage(image: RgbaImage): RgbaImage {
  return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
}

/** The pixels inside a rectangle (clamped to the image). */
export function crop(image: RgbaImage, x: number, y: number, width: number, height: number): RgbaImage {
  const left = Math.max(0, Math.min(image.width - 1, Math.round(x)));
  const top = Math.max(0, Math.min(image.height - 1, Math.round(y)));
  const w = Math.max(1, Math.min(image.width - left, Math.round(width)));
  const h = Math.max(1, Math.min(image.height - top, Math.round(height)));
  if (left === 0 && top === 0 && w === image.width && h === image.height) return image;
  const out = createImage(w, h);
  for (let row = 0; row < h; row++) {
    const start = ((top + row) * image.width + left) * 4;
    out.data.set(image.data.subarray(start, start + w * 4), row * w * 4);
  }
  return out;
}

/**
 * The centred rectangle of `image` with the aspect ratio of `width` × `height` (what CSS `object-fit: cover`
 * shows).
 */
export function coverRect(sourceWidth: number, sourceHeight: number, width: number, height: number) {
  const scale = Math.max(width / sourceWidth, height / sourceHeight);
  const w = Math.min(sourceWidth, Math.round(width / scale));
  const h = Math.min(sourceHeight, Math.round(height / scale));
  return { x: Math.floor((sourceWidth - w) / 2), y: Math.floor((sourceHeight - h) / 2), width: w, height: h };
}

/** Copies `source` onto `target` at (x, y), alpha-blending it over what is there. */
export function drawOver(target: RgbaImage, source: RgbaImage, x: number, y: number): void {
  const t = target.data;
  const s = source.data;
  for (let row = 0; row < source.height; row++) {
    const ty = y + row;
    if (ty < 0 || ty >= target.height) continue;
    for (let col = 0; col < source.width; col++) {
      const tx = x + col;
      if (tx < 0 || tx >= target.width) continue;
      const si = (row * source.width + col) * 4;
      const ti = (ty * target.width + tx) * 4;
      const a = s[si + 3]! / 255;
      if (a === 0) continue;
      t[ti] = s[si]! * a + t[ti]! * (1 - a);
      t[ti + 1] = s[si + 1]! * a + t[ti + 1]! * (1 - a);
      t[ti + 2] = s[si + 2]! * a + t[ti + 2]! * (1 - a);
      t[ti + 3] = Math.max(t[ti + 3]!, s[si + 3]!);
    }
  }
}

/** Applies `fn` to every pixel's RGB in place (alpha kept). */
export function mapRgb(image: RgbaImage, fn: (r: number, g: number, b: number, out: number[]) => void): RgbaImage {
  const d = image.data;
  const out = [0, 0, 0];
  for (let i = 0; i < d.length; i += 4) {
    fn(d[i]!, d[i + 1]!, d[i + 2]!, out);
    d[i] = out[0]!;
    d[i + 1] = out[1]!;
    d[i + 2] = out[2]!;
  }
  return image;
}
