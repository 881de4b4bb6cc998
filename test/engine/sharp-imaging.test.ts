import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/core/index.js';
import { createDefaultImaging, createSharpImaging } from '../../src/engine/index.js';
import { testPhoto } from './helpers.js';

const imaging = createSharpImaging();

describe('sharp imaging', () => {
  it('is the default in Node', () => {
    expect(createDefaultImaging().name).toBe('sharp');
  });

  it('decodes to RGBA with the right size and colours, from any byte view', async () => {
    const png = await testPhoto('png', 64, 48);
    const padded = new Uint8Array(png.byteLength + 10);
    padded.set(png, 5);
    const img = await imaging.decode(padded.subarray(5, 5 + png.byteLength));
    expect([img.width, img.height, img.data.length]).toEqual([64, 48, 64 * 48 * 4]);
    expect(Array.from(img.data.subarray(0, 4))).toEqual([220, 220, 220, 255]);
  });

  it('applies the EXIF orientation when decoding', async () => {
    const rotated = new Uint8Array(await sharp(await testPhoto('jpeg', 64, 48)).withMetadata({ orientation: 6 }).jpeg().toBuffer());
    expect(sniffImage(rotated)).toMatchObject({ width: 64, height: 48, orientation: 6 });
    const img = await imaging.decode(rotated);
    expect([img.width, img.height]).toEqual([48, 64]);
  });

  it('encodes each format and resizes exactly', async () => {
    const img = await imaging.decode(await testPhoto());
    const small = await imaging.resize(img, 33, 17);
    expect([small.width, small.height]).toEqual([33, 17]);
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      expect(sniffImage(await imaging.encode(small, format))).toMatchObject({ format, width: 33, height: 17 });
    }
    const lossless = await imaging.decode(await imaging.encode(small, 'png'));
    expect(lossless.data).toEqual(small.data);
  });

  it('rejects bytes that are not an image', async () => {
    await expect(imaging.decode(new TextEncoder().encode('not an image at all'))).rejects.toThrow();
  });
});
