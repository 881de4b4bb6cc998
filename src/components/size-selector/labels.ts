import type { SnapReason } from './describe-size.js';

/** Every visible string of `SizeSelector`; pass a partial object as `labels` to translate. */
export interface SizeSelectorLabels {
  group: string;
  presets: string;
  width: string;
  height: string;
  aspectLock: string;
  matchReference: string;
  /** The size the model will produce: `2048×2048 · 4.2 MP`. */
  output(width: number, height: number, megapixels: number): string;
  /** Why the output differs: `Snapped from 1000×1000: below the 2560×1440 minimum pixel count`. */
  snapped(width: number, height: number, reason: string): string;
  reasons: Record<SnapReason, string>;
  invalid: string;
}

export const defaultSizeSelectorLabels: SizeSelectorLabels = {
  group: 'Output size',
  presets: 'Size presets',
  width: 'Width',
  height: 'Height',
  aspectLock: 'Lock aspect ratio',
  matchReference: 'Match first reference',
  output: (w, h, mp) => `${w}×${h} · ${mp} MP`,
  snapped: (w, h, reason) => `Snapped from ${w}×${h}: ${reason}`,
  reasons: {
    below_min_pixels: 'below the 2560×1440 minimum pixel count',
    above_max_pixels: 'above the 4096×4096 maximum pixel count',
    rounded: 'each side is rounded to a multiple of 16 pixels',
  },
  invalid: 'Width and height must be whole numbers from 256 to 4096.',
};
