import type { RgbaImage } from '../imaging.js';
import { blur } from './blur.js';

/** Unsharp mask: value + amount × (value − blurred value). Raises local contrast at edges. Returns a new image. */
export function sharpen(image: RgbaImage, amount = 1.2, radius = 1): RgbaImage {
  const soft = blur(image, radius);
  const s = image.data;
  const d = soft.data;
  for (let i = 0; i < d.length; i += 4) {
    d[i] = s[i]! + amount * (s[i]! - d[i]!);
    d[i + 1] = s[i + 1]! + amount * (s[i + 1]! - d[i + 1]!);
    d[i + 2] = s[i + 2]! + amount * (s[i + 2]! - d[i + 2]!);
    d[i + 3] = s[i + 3]!;
  }
  return soft;
}
