import type { RgbaImage } from '../imaging.js';
import { drawOver } from './rgba.js';

export interface TileRect {
  x: number;
  y: number;
  /** Side of the square tile, border included. */
  size: number;
  /** Width of the white frame around the tile. */
  border: number;
}

/**
 * Where the 2nd..Nth references go on a `width` × `height` result: square framed insets along the bottom edge,
 * right to left, wrapping upwards when a row is full.
 */
export function insetLayout(width: number, height: number, count: number): TileRect[] {
  if (count <= 0) return [];
  const short = Math.min(width, height);
  const size = Math.max(8, Math.round(short * (count === 1 ? 0.3 : count <= 3 ? 0.24 : count <= 6 ? 0.18 : 0.12)));
  const margin = Math.max(2, Math.round(short * 0.03));
  const border = Math.max(1, Math.round(size * 0.03));
  const perRow = Math.max(1, Math.floor((width - margin) / (size + margin)));
  const rects: TileRect[] = [];
  for (let i = 0; i < count; i++) {
    const col = i % perRow;
    const row = Math.floor(i / perRow);
    rects.push({ x: width - (col + 1) * (size + margin), y: height - (row + 1) * (size + margin), size, border });
  }
  return rects;
}

/**
 * Subject-driven personalization, the local way: draws each tile (already `rect.size − 2·border` square) into
 * its framed inset on `base`. In place.
 */
export function composeReferences(base: RgbaImage, tiles: readonly RgbaImage[], rects: readonly TileRect[]): RgbaImage {
  tiles.forEach((tile, index) => {
    const rect = rects[index];
    if (!rect) return;
    const d = base.data;
    for (let y = Math.max(0, rect.y); y < Math.min(base.height, rect.y + rect.size); y++) {
      for (let x = Math.max(0, rect.x); x < Math.min(base.width, rect.x + rect.size); x++) {
        const i = (y * base.width + x) * 4;
        d[i] = d[i + 1] = d[i + 2] = d[i + 3] = 255;
      }
    }
    drawOver(base, tile, rect.x + rect.border, rect.y + rect.border);
  });
  return base;
}
