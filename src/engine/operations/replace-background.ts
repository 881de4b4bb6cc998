import type { RgbaImage } from '../imaging.js';
import { blurSamples } from './blur.js';

export interface SubjectMaskOptions {
  /**
   * How far (Euclidean RGB distance) a pixel may be from the estimated background colour and still count as
   * background.
   * @default 56
   */
  tolerance?: number;
}

function median(histogram: Uint32Array, count: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen * 2 >= count) return v;
  }
  return 255;
}

/** The background colour estimate: the per-channel median of a thin ring of border pixels. */
export function estimateBorderColor(image: RgbaImage): [number, number, number] {
  const { width, height, data } = image;
  const ring = Math.max(1, Math.round(Math.min(width, height) * 0.02));
  const hist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let count = 0;
  const add = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    hist[0]![data[i]!]!++;
    hist[1]![data[i + 1]!]!++;
    hist[2]![data[i + 2]!]!++;
    count++;
  };
  for (let y = 0; y < height; y++) {
    if (y < ring || y >= height - ring) {
      for (let x = 0; x < width; x++) add(x, y);
    } else {
      for (let x = 0; x < ring; x++) add(x, y);
      for (let x = Math.max(ring, width - ring); x < width; x++) add(x, y);
    }
  }
  return [median(hist[0]!, count), median(hist[1]!, count), median(hist[2]!, count)];
}

/**
 * Which pixels are the subject: 1 for subject, 0 for background. Background is every pixel close to the border
 * colour estimate that is connected to the image border (a flood fill), so subject pixels that happen to share
 * the background colour but sit inside the subject are kept.
 */
export function subjectMask(image: RgbaImage, options: SubjectMaskOptions = {}): Uint8Array {
  const { width, height, data } = image;
  const [br, bg, bb] = estimateBorderColor(image);
  const limit = (options.tolerance ?? 56) ** 2;
  const n = width * height;
  const mask = new Uint8Array(n).fill(1);
  const near = (p: number) => {
    const i = p * 4;
    const dr = data[i]! - br;
    const dg = data[i + 1]! - bg;
    const db = data[i + 2]! - bb;
    return dr * dr + dg * dg + db * db <= limit;
  };
  const queue = new Uint32Array(n);
  let head = 0;
  let tail = 0;
  const visit = (p: number) => {
    if (mask[p] === 1 && near(p)) {
      mask[p] = 0;
      queue[tail++] = p;
    }
  };
  for (let x = 0; x < width; x++) {
    visit(x);
    visit((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    visit(y * width);
    visit(y * width + width - 1);
  }
  while (head < tail) {
    const p = queue[head++]!;
    const x = p % width;
    if (x > 0) visit(p - 1);
    if (x < width - 1) visit(p + 1);
    if (p >= width) visit(p - width);
    if (p < n - width) visit(p + width);
  }
  return mask;
}

/**
 * Keeps the subject (see `subjectMask`) and replaces everything else with `backdrop` (same size), with a soft
 * 1–2 px edge. Returns a new image.
 */
export function replaceBackground(image: RgbaImage, backdrop: RgbaImage, options: SubjectMaskOptions = {}): RgbaImage {
  if (backdrop.width !== image.width || backdrop.height !== image.height) {
    throw new Error('The backdrop must be the same size as the image.');
  }
  const mask = subjectMask(image, options);
  const soft = blurSamples(new Float32Array(mask), image.width, image.height, 1, Math.max(1, Math.round(Math.min(image.width, image.height) / 1000)));
  const out = { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data.length) };
  const s = image.data;
  const b = backdrop.data;
  const o = out.data;
  for (let p = 0, i = 0; p < mask.length; p++, i += 4) {
    // Feather only across the edge: subject pixels stay at least half opaque, background at most half.
    const a = soft[p]!;
    const k = mask[p] === 1 ? Math.max(a, 0.5) : Math.min(a, 0.5);
    o[i] = s[i]! * k + b[i]! * (1 - k);
    o[i + 1] = s[i + 1]! * k + b[i + 1]! * (1 - k);
    o[i + 2] = s[i + 2]! * k + b[i + 2]! * (1 - k);
    o[i + 3] = s[i + 3]! * k + b[i + 3]! * (1 - k);
  }
  return out;
}
