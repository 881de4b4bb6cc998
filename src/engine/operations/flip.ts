import type { RgbaImage } from '../imaging.js';

/** Mirror: left and right swapped (column x becomes column width − 1 − x). In place. */
export function flipHorizontal(image: RgbaImage): RgbaImage {
  const d = new Uint32Array(image.data.buffer, image.data.byteOffset, image.width * image.height);
  for (let y = 0; y < image.height; y++) d.subarray(y * image.width, (y + 1) * image.width).reverse();
  return image;
}

/** Upside down: row y becomes row height − 1 − y. In place. */
export function flipVertical(image: RgbaImage): RgbaImage {
  const rowBytes = image.width * 4;
  const tmp = new Uint8ClampedArray(rowBytes);
  const d = image.data;
  for (let top = 0, bottom = image.height - 1; top < bottom; top++, bottom--) {
    tmp.set(d.subarray(top * rowBytes, (top + 1) * rowBytes));
    d.copyWithin(top * rowBytes, bottom * rowBytes, (bottom + 1) * rowBytes);
    d.set(tmp, bottom * rowBytes);
  }
  return image;
}
