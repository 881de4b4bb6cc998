import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES, validateImageBytes } from '../../src/core/index.js';
import { hostileCorpus, jpegHeader, pngHeader, realImage, webpExtendedHeader } from '../fixtures/corpus.js';

const codes = (bytes: Uint8Array) => validateImageBytes(bytes, 'images[1]').errors.map((e) => e.code);

describe('validateImageBytes: the hostile corpus', () => {
  const corpus = hostileCorpus();
  const verdicts: Record<string, string[]> = {
    'png-bomb-20000x20000.png': ['too_many_pixels'],
    'svg-with-script.png': ['unsupported_format'],
    'gif-polyglot.png': ['unsupported_format'],
    'truncated.jpg': ['corrupt_image'],
    'jpeg-labelled.png': [], // the bytes are a fine JPEG; the label is judged by validateEditInput
    'five-to-one.png': ['aspect_ratio'],
    'exif-rotated-4000x3000.jpg': [],
    'empty.png': ['corrupt_image'],
  };
  for (const [name, expected] of Object.entries(verdicts)) {
    it(`${name} → ${expected.join(', ') || 'valid'}`, () => expect(codes(corpus[name]!)).toEqual(expected));
  }

  it('names the image and the problem in sentences', () => {
    const message = (name: string) => validateImageBytes(corpus[name]!, 'images[1]').errors[0]?.message;
    expect(message('gif-polyglot.png')).toBe('Image 2 is a GIF; use PNG, JPEG or WebP.');
    expect(message('svg-with-script.png')).toBe('Image 2 is SVG or HTML; use PNG, JPEG or WebP.');
    expect(message('png-bomb-20000x20000.png')).toBe('Image 2 is 20000×20000 pixels; the limit is 128 megapixels.');
    expect(message('truncated.jpg')).toBe('Image 2 is a damaged or cut-off JPEG.');
    expect(message('five-to-one.png')).toBe('Image 2 is 5000×1000; the aspect ratio must be between 1:4 and 4:1.');
    expect(message('empty.png')).toBe('Image 2 is an empty file.');
    expect(validateImageBytes(Uint8Array.of(1, 2, 3)).errors[0]).toEqual({
      field: 'image',
      code: 'unsupported_format',
      message: 'The image is an unsupported file; use PNG, JPEG or WebP.',
    });
  });

  it('returns the EXIF-oriented photo info and accepts it', () => {
    const { info, errors } = validateImageBytes(corpus['exif-rotated-4000x3000.jpg']!);
    expect(errors).toEqual([]);
    expect(info).toEqual({ format: 'jpeg', width: 4000, height: 3000, orientation: 6 });
  });
});

describe('validateImageBytes: rules', () => {
  it('accepts real PNG, JPEG and WebP images', async () => {
    for (const bytes of [
      await realImage('png', 64, 48),
      await realImage('jpeg', 64, 48),
      await realImage('webp', 64, 48),
      await realImage('webp', 64, 48, { lossless: true }),
      await realImage('webp', 64, 48, { alpha: true }),
    ]) {
      expect(codes(bytes)).toEqual([]);
    }
  });

  it('allows exactly 4:1 and 1:4, rejects anything flatter or taller, after EXIF orientation', () => {
    expect(codes(pngHeader(4000, 1000))).toEqual([]);
    expect(codes(pngHeader(1000, 4000))).toEqual([]);
    expect(codes(pngHeader(4001, 1000))).toEqual(['aspect_ratio']);
    expect(codes(pngHeader(1000, 4001))).toEqual(['aspect_ratio']);
    const tall = validateImageBytes(jpegHeader({ width: 4500, height: 1000, orientation: 8 }), 'images[0]');
    expect(tall.errors[0]?.message).toBe('Image 1 is 1000×4500; the aspect ratio must be between 1:4 and 4:1.');
  });

  it('caps pixels at 128 Mi from the header alone, including WebP canvases', () => {
    expect(codes(pngHeader(16384, 8192))).toEqual([]); // exactly 128 Mi pixels
    expect(codes(pngHeader(16384, 8193))).toEqual(['too_many_pixels']);
    expect(codes(webpExtendedHeader(100000, 100000))).toEqual(['too_many_pixels']);
  });

  it('rejects more than 50 MB, and still reports other problems', () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(pngHeader(5000, 1000));
    const { errors } = validateImageBytes(big, 'images[0]');
    expect(errors.map((e) => e.code)).toEqual(['too_large', 'aspect_ratio']);
    expect(errors[0]?.message).toBe('Image 1 is 50.0 MB; the limit is 50 MB.');
    const exact = new Uint8Array(MAX_IMAGE_BYTES);
    exact.set(pngHeader(100, 100));
    expect(codes(exact)).toEqual([]);
  });

  it('names other formats it recognises', () => {
    const message = (s: string) => validateImageBytes(Uint8Array.from(s, (c) => c.charCodeAt(0))).errors[0]?.message;
    expect(message('GIF87a\x01\0')).toBe('The image is a GIF; use PNG, JPEG or WebP.');
    expect(message('\xef\xbb\xbf  <svg onload="x()">')).toBe('The image is SVG or HTML; use PNG, JPEG or WebP.');
    expect(message('\0\0\0\x18ftypheic')).toBe('The image is HEIC or AVIF; use PNG, JPEG or WebP.');
    expect(message('BM6\0\0\0\0\0')).toBe('The image is an unsupported file; use PNG, JPEG or WebP.');
    expect(message('\0\0\0\x18ftypisom')).toBe('The image is an unsupported file; use PNG, JPEG or WebP.'); // an MP4
  });
});
