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

const rows: [string, string, number, number, string][] = [
  ['square', 'Square', 2048, 2048, 'Product tiles, avatars and social posts'],
  ['portrait-4-5', 'Portrait', 1728, 2160, 'E-commerce product shots and feed posts'],
  ['portrait-3-4', 'Portrait', 1728, 2304, 'Wardrobe and portrait edits'],
  ['portrait-2-3', 'Portrait', 1664, 2496, 'Full-length shots and posters'],
  ['story-9-16', 'Story', 1440, 2560, 'Stories, reels and phone wallpapers'],
  ['landscape-4-3', 'Landscape', 2304, 1728, 'Scenes and background swaps'],
  ['landscape-3-2', 'Landscape', 2496, 1664, 'Photography and marketing variants'],
  ['wide-16-9', 'Widescreen', 2560, 1440, 'Slides, thumbnails and hero images'],
  ['ultrawide-21-9', 'Ultrawide', 3024, 1296, 'Website banners and cinematic scenes'],
];

/** Output sizes for the model's use cases, squarest first. */
export const SIZE_PRESETS: readonly SizePreset[] = rows.map(([id, name, width, height, useCase]) => {
  const aspect = id.includes('-') ? id.replace(/^\D+-/, '').replace('-', ':') : '1:1';
  return { id, label: `${name} ${aspect}`, width, height, aspect, useCase };
});
