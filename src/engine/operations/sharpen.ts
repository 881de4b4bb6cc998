import type { RgbaImage } from '../imaging.js';

/**
 * Unsharp mask: value + amount × (value − blurred value), the blur a 5×5 binomial (σ = 1 px, [1 4 6 4 1]
 * each way, edges clamped) in integer arithmetic. Raises local contrast at edges; alpha is kept. Returns a new
 * image. One pass each way, so a 2048×2048 image takes tens of milliseconds.
 */
export function sharpen(image: RgbaImage, amount = 1.2): RgbaImage {
  const { width: w, height: h, data: s } = image;
  const stride = w * 4;
  // Horizontal pass: sums up to 16 × 255, kept exact.
  const row = new Uint16Array(s.length);
  for (let y = 0; y < h; y++) {
    const base = y * stride;
    for (let x = 0; x < w; x++) {
      const l2 = base + Math.max(0, x - 2) * 4;
      const l1 = base + Math.max(0, x - 1) * 4;
      const c = base + x * 4;
      const r1 = base + Math.min(w - 1, x + 1) * 4;
      const r2 = base + Math.min(w - 1, x + 2) * 4;
      for (let k = 0; k < 3; k++) row[c + k] = s[l2 + k]! + 4 * s[l1 + k]! + 6 * s[c + k]! + 4 * s[r1 + k]! + s[r2 + k]!;
    }
  }
  // Vertical pass and the mask, row by row (memory read in order).
  const out = new Uint8ClampedArray(s.length);
  const scale = amount / 256;
  for (let y = 0; y < h; y++) {
    const u2 = Math.max(0, y - 2) * stride;
    const u1 = Math.max(0, y - 1) * stride;
    const c = y * stride;
    const d1 = Math.min(h - 1, y + 1) * stride;
    const d2 = Math.min(h - 1, y + 2) * stride;
    for (let i = 0; i < stride; i++) {
      if ((i & 3) === 3) {
        out[c + i] = s[c + i]!;
        continue;
      }
      const blurred = row[u2 + i]! + 4 * row[u1 + i]! + 6 * row[c + i]! + 4 * row[d1 + i]! + row[d2 + i]!;
      const value = s[c + i]!;
      out[c + i] = value + (256 * value - blurred) * scale;
    }
  }
  return { width: w, height: h, data: out };
}
