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

// id (its first word is the label, the rest the aspect), width, height, use case
const rows: [string, number, number, string][] = [
  ['square', 2048, 2048, 'Products, avatars'],
  ['portrait-4-5', 1728, 2160, 'E-commerce'],
  ['portrait-3-4', 1728, 2304, 'Portraits'],
  ['portrait-2-3', 1664, 2496, 'Posters'],
  ['story-9-16', 1440, 2560, 'Stories, reels'],
  ['landscape-4-3', 2304, 1728, 'Scenes'],
  ['landscape-3-2', 2496, 1664, 'Photography'],
  ['wide-16-9', 2560, 1440, 'Slides, heroes'],
  ['ultrawide-21-9', 3024, 1296, 'Banners'],
];

/** Output sizes for the model's use cases, squarest first. */
export const SIZE_PRESETS: readonly SizePreset[] = rows.map(([id, width, height, useCase]) => {
  const [name, w = 1, h = 1] = id.split('-');
  const aspect = `${w}:${h}`;
  return { id, label: `${name![0]!.toUpperCase()}${name!.slice(1)} ${aspect}`, width, height, aspect, useCase };
});
