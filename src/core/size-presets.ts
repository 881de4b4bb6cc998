/** An output size for a common use case. Every preset is a size the model produces unchanged. */
export interface SizePreset {
  /** Stable id, e.g. `portrait-3-4`. */
  id: string;
  /** Short label for a menu, e.g. `Portrait 3:4`. */
  label: string;
  width: number;
  height: number;
  /** The aspect as `W:H`, e.g. `3:4`. */
  aspect: string;
  /** What it suits, in a few words. */
  useCase: string;
}

// Per preset: id (its first word is the label, the rest the aspect W-H), a scale k (the size is W*k by H*k), use case
const rows =
  'square 2048 Products, avatars;portrait-4-5 432 E-commerce;portrait-3-4 576 Portraits;portrait-2-3 832 Posters;' +
  'story-9-16 160 Stories, reels;landscape-4-3 576 Scenes;landscape-3-2 832 Photography;wide-16-9 160 Slides, heroes;' +
  'ultrawide-21-9 144 Banners';

/** Output sizes for the model's use cases, squarest first. */
export const SIZE_PRESETS: readonly SizePreset[] = rows.split(';').map((row) => {
  const [id, k, ...use] = row.split(' ') as [string, string];
  const [name, w = 1, h = 1] = id.split('-');
  const aspect = `${w}:${h}`;
  return { id, label: `${name![0]!.toUpperCase()}${name!.slice(1)} ${aspect}`, width: +w * +k, height: +h * +k, aspect, useCase: use.join(' ') };
});
