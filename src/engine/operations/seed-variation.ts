import type { RgbaImage } from '../imaging.js';
import { createSeededRandom } from '../random.js';

/**
 * What a seed does to a result, like the noise a diffusion model starts from: a colour tint (±10 levels per
 * channel), a soft light falloff along a seeded direction (±6 %) and a fine luminance grain (±6 levels). The
 * same seed always gives the same pixels; different seeds give visibly different ones. In place.
 */
export function seedVariation(image: RgbaImage, seed: number): RgbaImage {
  const random = createSeededRandom(seed);
  const tint = [0, 1, 2].map(() => Math.round((random() * 2 - 1) * 10));
  const angle = random() * Math.PI * 2;
  const cos = Math.cos(angle) * 0.12;
  const sin = Math.sin(angle) * 0.12;
  const { width, height, data: d } = image;
  for (let y = 0; y < height; y++) {
    const fy = (height > 1 ? y / (height - 1) : 0.5) - 0.5;
    for (let x = 0; x < width; x++) {
      const fx = (width > 1 ? x / (width - 1) : 0.5) - 0.5;
      const light = 1 + fx * cos + fy * sin;
      const grain = (random() * 2 - 1) * 6;
      const i = (y * width + x) * 4;
      d[i] = d[i]! * light + tint[0]! + grain;
      d[i + 1] = d[i + 1]! * light + tint[1]! + grain;
      d[i + 2] = d[i + 2]! * light + tint[2]! + grain;
    }
  }
  return image;
}
