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

// Per preset: its label word and aspect W-H (lower-cased, the id), a scale k (the size is W*k by H*k), use case
const rows =
  'Square 2048 Products, avatars;Portrait-4-5 432 E-commerce;Portrait-3-4 576 Portraits;Portrait-2-3 832 Posters;' +
  'Story-9-16 160 Stories, reels;Landscape-4-3 576 Scenes;Landscape-3-2 832 Photography;Wide-16-9 160 Slides, heroes;' +
  'Ultrawide-21-9 144 Banners';

/** Output sizes for the model's use cases, squarest first. */
export const SIZE_PRESETS: readonly SizePreset[] = /* @__PURE__ */ rows.split(';').map((row) => {
  const [word, k, ...use] = row.split(' ') as [string, string];
  const [name, w = 1, h = 1] = word.split('-');
  const aspect = `${w}:${h}`;
  return { id: word.toLowerCase(), label: `${name} ${aspect}`, width: +w * +k, height: +h * +k, aspect, useCase: use.join(' ') };
});
