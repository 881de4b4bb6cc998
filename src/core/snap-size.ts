import { MAX_SIDE, MAX_TOTAL_PIXELS, MIN_SIDE, MIN_TOTAL_PIXELS } from './constants.js';

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * The size the model really produces for a requested one: each side within 256..4096 and a multiple of 16,
 * the total within [2560*1440, 4096*4096], the aspect kept as close as possible (aspects beyond what the
 * limits allow, about 4.5:1, are clamped) and then the total as close as possible. A size that is already
 * valid comes back unchanged; a non-positive one becomes 2048*2048.
 */
export function snapSize(width: number, height: number): { width: number; height: number } {
  // A valid size comes back unchanged from the search below too: it is its own exact fit.
  if (width < height) {
    const s = snapSize(height, width);
    return { width: s.height, height: s.width };
  }
  // Here width >= height, unless either is NaN.
  const ok = height > 0 && width * height < Infinity;
  const aspect = ok ? Math.log(width / height) : 0;
  const total = Math.log(ok ? clamp(width * height, MIN_TOTAL_PIXELS, MAX_TOTAL_PIXELS) : 2048 * 2048);
  let best = { width: 2048, height: 2048 };
  let cost = Infinity;
  for (let h = MIN_SIDE; h <= MAX_SIDE; h += 16) {
    const ideal = (Math.exp(aspect) * h) / 16;
    for (const w of [Math.floor(ideal) * 16, Math.ceil(ideal) * 16]) {
      // Both sides are multiples of 16 within 256..4096 here: only the total may be out of range.
      const cw = clamp(w, MIN_SIDE, MAX_SIDE);
      if (cw * h < MIN_TOTAL_PIXELS || cw * h > MAX_TOTAL_PIXELS) continue;
      // The aspect weighs most; among near-equal aspects, the closest total wins.
      const c = 8 * Math.abs(Math.log(cw / h) - aspect) + Math.abs(Math.log(cw * h) - total);
      if (c < cost) {
        cost = c;
        best = { width: cw, height: h };
      }
    }
  }
  return best;
}
