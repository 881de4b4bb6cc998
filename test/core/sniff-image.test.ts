import { describe, expect, it } from 'vitest';
import { orientedSize, sniffImage } from '../../src/core/index.js';
import {
  gifPolyglot,
  jpegHeader,
  pngHeader,
  realImage,
  svgWithScript,
  truncatedJpeg,
  webpExtendedHeader,
  webpLosslessHeader,
  webpLossyHeader,
} from '../fixtures/corpus.js';

describe('sniffImage', () => {
  it('reads real PNG, JPEG and WebP (lossy, lossless, extended) images made by an encoder', async () => {
    expect(sniffImage(await realImage('png', 300, 200))).toEqual({ format: 'png', width: 300, height: 200, orientation: 1 });
    expect(sniffImage(await realImage('jpeg', 301, 199))).toEqual({ format: 'jpeg', width: 301, height: 199, orientation: 1 });
    for (const options of [{}, { lossless: true }, { alpha: true }]) {
      expect(sniffImage(await realImage('webp', 333, 222, options))).toEqual({ format: 'webp', width: 333, height: 222, orientation: 1 });
    }
  });

  it('reads the EXIF orientation a real encoder writes', async () => {
    const info = sniffImage(await realImage('jpeg', 40, 30, { orientation: 6 }));
    expect(info).toEqual({ format: 'jpeg', width: 40, height: 30, orientation: 6 });
    expect(orientedSize(info!)).toEqual({ width: 30, height: 40 });
  });

  it('reads EXIF orientation in both byte orders', () => {
    for (const byteOrder of ['II', 'MM'] as const) {
      for (const orientation of [1, 3, 5, 6, 8]) {
        expect(sniffImage(jpegHeader({ width: 4000, height: 3000, orientation, byteOrder }))?.orientation).toBe(orientation);
      }
    }
  });

  it('ignores an out-of-range orientation value', () => {
    expect(sniffImage(jpegHeader({ width: 10, height: 20, orientation: 9 }))?.orientation).toBe(1);
  });

  it('finds the frame header of every SOF marker, skipping DHT, JPG and DAC', () => {
    for (const sof of [0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]) {
      expect(sniffImage(jpegHeader({ width: 640, height: 480, sof }))).toMatchObject({ width: 640, height: 480 });
    }
    // A DAC segment where the frame would be: no frame header before the scan, so unreadable.
    expect(sniffImage(jpegHeader({ width: 640, height: 480, sof: 0xcc }))).toBeNull();
  });

  it('reads hand-made WebP headers up to their format limits', () => {
    expect(sniffImage(webpLossyHeader(16383, 1))).toMatchObject({ width: 16383, height: 1 });
    expect(sniffImage(webpLosslessHeader(16384, 9000))).toMatchObject({ width: 16384, height: 9000 });
    expect(sniffImage(webpExtendedHeader(16777216, 3))).toMatchObject({ width: 16777216, height: 3 });
  });

  it('returns null for other formats and for polyglots that start as another format', () => {
    expect(sniffImage(svgWithScript())).toBeNull();
    expect(sniffImage(gifPolyglot())).toBeNull();
    expect(sniffImage(Uint8Array.from('BM6\0\0\0', (c) => c.charCodeAt(0)))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });

  it('returns null for truncated headers, at every cut', () => {
    expect(sniffImage(truncatedJpeg())).toBeNull();
    for (const bytes of [pngHeader(10, 10), webpLossyHeader(10, 10), webpLosslessHeader(10, 10), webpExtendedHeader(10, 10)]) {
      for (let cut = 0; cut < 24; cut++) expect(sniffImage(bytes.subarray(0, cut))).toBeNull();
    }
  });

  it('returns null for zero sides', () => {
    expect(sniffImage(pngHeader(0, 100))).toBeNull();
    expect(sniffImage(jpegHeader({ width: 100, height: 0 }))).toBeNull();
  });

  it('reads a header inside a larger buffer view', () => {
    const buffer = new Uint8Array(100);
    buffer.set(pngHeader(7, 9), 13);
    expect(sniffImage(buffer.subarray(13))).toMatchObject({ width: 7, height: 9 });
  });
});
