import { MAX_SIDE, MAX_TOTAL_PIXELS, MIN_SIDE, MIN_TOTAL_PIXELS } from '../../core/constants.js';
import { parseSize, snapSize } from '../../core/index.js';

/** Why the size the model produces differs from the one asked for. */
export type SnapReason = 'below_min_pixels' | 'above_max_pixels' | 'rounded';

/** What the model will really do with a `"W*H"` size. Framework-free. */
export interface SizeDescription {
  /** The requested width and height (`NaN` when the value does not parse). */
  width: number;
  height: number;
  /** True when both sides are whole numbers in 256..4096, so the API accepts the size. */
  valid: boolean;
  /** The size the model will produce, when valid. */
  snapped: { width: number; height: number } | null;
  /** Why `snapped` differs from the request; `null` when it does not. */
  reason: SnapReason | null;
  /** Megapixels of the snapped size, one decimal. */
  megapixels: number | null;
}

const inSide = (n: number) => Number.isInteger(n) && n >= MIN_SIDE && n <= MAX_SIDE;

export function describeSize(value: string): SizeDescription {
  const parsed = parseSize(value);
  const width = parsed?.width ?? Number.NaN;
  const height = parsed?.height ?? Number.NaN;
  if (!inSide(width) || !inSide(height)) return { width, height, valid: false, snapped: null, reason: null, megapixels: null };
  const snapped = snapSize(width, height);
  const pixels = width * height;
  const reason: SnapReason | null =
    snapped.width === width && snapped.height === height
      ? null
      : pixels < MIN_TOTAL_PIXELS
        ? 'below_min_pixels'
        : pixels > MAX_TOTAL_PIXELS
          ? 'above_max_pixels'
          : 'rounded';
  return { width, height, valid: true, snapped, reason, megapixels: Math.round((snapped.width * snapped.height) / 1e5) / 10 };
}
