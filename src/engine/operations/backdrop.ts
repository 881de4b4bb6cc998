import type { RgbaImage } from '../imaging.js';
import { createImage } from './rgba.js';

type Rgb = readonly [number, number, number];

/** Plain colours a background can be changed to. `transparent` needs PNG or WebP output to show. */
export const BACKDROP_COLORS: Readonly<Record<string, readonly [number, number, number, number]>> = {
  white: [255, 255, 255, 255],
  black: [0, 0, 0, 255],
  red: [220, 38, 38, 255],
  green: [34, 160, 72, 255],
  blue: [37, 99, 235, 255],
  yellow: [250, 204, 21, 255],
  orange: [249, 115, 22, 255],
  purple: [126, 34, 206, 255],
  pink: [244, 114, 182, 255],
  gray: [128, 128, 128, 255],
  grey: [128, 128, 128, 255],
  brown: [120, 72, 40, 255],
  beige: [232, 220, 196, 255],
  transparent: [0, 0, 0, 0],
};

/** Vertical gradients: [stop (0 top .. 1 bottom), colour] pairs. */
const SCENES: Readonly<Record<string, readonly (readonly [number, Rgb])[]>> = {
  beach: [[0, [86, 160, 226]], [0.5, [190, 226, 246]], [0.56, [40, 128, 186]], [0.62, [70, 160, 200]], [0.64, [236, 216, 170]], [1, [214, 184, 124]]],
  sunset: [[0, [43, 16, 85]], [0.55, [214, 69, 122]], [1, [249, 163, 75]]],
  forest: [[0, [120, 170, 110]], [0.4, [47, 110, 58]], [1, [15, 61, 30]]],
  ocean: [[0, [60, 145, 201]], [1, [10, 61, 98]]],
  sky: [[0, [74, 144, 217]], [1, [207, 232, 251]]],
  night: [[0, [5, 10, 31]], [1, [27, 42, 85]]],
  snow: [[0, [200, 218, 234]], [0.55, [236, 242, 248]], [1, [250, 252, 255]]],
  desert: [[0, [120, 180, 230]], [0.5, [240, 220, 190]], [0.55, [224, 180, 108]], [1, [196, 140, 70]]],
  studio: [[0, [150, 150, 150]], [0.5, [215, 215, 215]], [1, [140, 140, 140]]],
};

/** Scene words that map to another scene. */
const SCENE_ALIASES: Readonly<Record<string, string>> = {
  sea: 'ocean',
  underwater: 'ocean',
  woods: 'forest',
  jungle: 'forest',
  sunrise: 'sunset',
  dusk: 'sunset',
  starry: 'night',
  space: 'night',
  winter: 'snow',
  dunes: 'desert',
  clouds: 'sky',
  seaside: 'beach',
};

/** Every word `renderBackdrop` understands, colours first. */
export const BACKDROP_NAMES: readonly string[] = [
  ...Object.keys(BACKDROP_COLORS),
  ...Object.keys(SCENES),
  ...Object.keys(SCENE_ALIASES),
];

function gradientAt(stops: readonly (readonly [number, Rgb])[], t: number): Rgb {
  let prev = stops[0]!;
  for (const stop of stops) {
    if (t <= stop[0]) {
      const span = stop[0] - prev[0];
      const k = span > 0 ? (t - prev[0]) / span : 0;
      return [0, 1, 2].map((c) => prev[1][c]! + (stop[1][c]! - prev[1][c]!) * k) as unknown as Rgb;
    }
    prev = stop;
  }
  return prev[1];
}

/** A full-size background image for a colour or scene word (see `BACKDROP_NAMES`); unknown words give white. */
export function renderBackdrop(name: string, width: number, height: number): RgbaImage {
  const key = name.toLowerCase();
  const image = createImage(width, height);
  const d = image.data;
  const color = BACKDROP_COLORS[key];
  if (color || !(SCENES[key] ?? SCENES[SCENE_ALIASES[key] ?? ''])) {
    const [r, g, b, a] = color ?? BACKDROP_COLORS.white!;
    for (let i = 0; i < d.length; i += 4) {
      d[i] = r;
      d[i + 1] = g;
      d[i + 2] = b;
      d[i + 3] = a;
    }
    return image;
  }
  const scene = SCENE_ALIASES[key] ?? key;
  const stops = SCENES[scene]!;
  for (let y = 0; y < height; y++) {
    const [r, g, b] = gradientAt(stops, height > 1 ? y / (height - 1) : 0);
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      let shade = 1;
      if (scene === 'studio') shade = 1 - 0.25 * Math.min(1, Math.abs(x / width - 0.5) * 2) ** 2;
      d[i] = r * shade;
      d[i + 1] = g * shade;
      d[i + 2] = b * shade;
      d[i + 3] = 255;
    }
  }
  if (scene === 'night') {
    // Deterministic stars: a hash of the pixel position, so the same size always gives the same sky.
    for (let y = 0; y < height * 0.7; y++) {
      for (let x = 0; x < width; x++) {
        const h = Math.imul(x * 73856093 ^ y * 19349663, 2654435761) >>> 0;
        if (h % 1500 === 0) {
          const i = (y * width + x) * 4;
          d[i] = d[i + 1] = d[i + 2] = 230 + (h % 25);
        }
      }
    }
  }
  return image;
}
