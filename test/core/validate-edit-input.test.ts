import { describe, expect, it } from 'vitest';
import { assertEditInput, isEditError, MAX_IMAGES, validateEditInput, ValidationError } from '../../src/core/index.js';
import { dataUri, hostileCorpus, realImage } from '../fixtures/corpus.js';

const url = 'https://cdn.example.com/photo.jpg';
const base = { prompt: 'Change the jacket to black leather. Keep the person unchanged.', images: [url] };
const check = (extra: Record<string, unknown>) => validateEditInput({ ...base, ...extra }).map((e) => `${e.field}:${e.code}`);

describe('validateEditInput', () => {
  it('accepts a minimal and a full valid input, ignoring unknown fields', async () => {
    expect(validateEditInput(base)).toEqual([]);
    const png = dataUri('image/png', await realImage('png', 64, 64));
    expect(
      validateEditInput({
        ...base,
        images: [url, 'http://example.com/a.webp', png],
        size: '2560*1440',
        output_format: 'webp',
        seed: 2147483647,
        enable_sync_mode: true,
        enable_base64_output: false,
        webhook: 'whatever',
      }),
    ).toEqual([]);
  });

  it('reports every problem at once, each with a field, a code and a sentence', () => {
    const errors = validateEditInput({ prompt: '   ', images: [], size: '2048x2048', output_format: 'gif', seed: 1.5, enable_sync_mode: 'yes' });
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'prompt:required',
      'images:required',
      'size:invalid_size',
      'output_format:unsupported_format',
      'seed:invalid_type',
      'enable_sync_mode:invalid_type',
    ]);
    for (const e of errors) expect(e.message).toMatch(/^[A-Z].*\.$/);
  });

  it('treats a non-object input as missing prompt and images', () => {
    for (const input of [null, undefined, 'edit', 42]) expect(validateEditInput(input).map((e) => e.code)).toEqual(['required', 'required']);
  });

  it('checks types of prompt and images', () => {
    expect(check({ prompt: 5 })).toEqual(['prompt:invalid_type']);
    expect(check({ images: url })).toEqual(['images:invalid_type']);
    expect(check({ images: [url, 42] })).toEqual(['images[1]:invalid_type']);
    expect(check({ images: [{ toString: () => url }] })).toEqual(['images[0]:invalid_type']);
    expect(check({ images: undefined })).toEqual(['images:required']);
  });

  it(`allows 1..${MAX_IMAGES} images`, () => {
    expect(check({ images: Array(MAX_IMAGES).fill(url) })).toEqual([]);
    const errors = validateEditInput({ ...base, images: Array(MAX_IMAGES + 1).fill(url) });
    expect(errors).toEqual([{ field: 'images', code: 'too_many', message: `Add 1 to ${MAX_IMAGES} reference images.` }]);
  });

  it('accepts only http(s) URLs without credentials', () => {
    for (const bad of ['ftp://example.com/a.png', 'file:///etc/passwd', 'javascript:alert(1)', '/relative.png', 'not a url', 'blob:https://x/1']) {
      expect(check({ images: [bad] })).toEqual(['images[0]:invalid_url']);
    }
    expect(validateEditInput({ ...base, images: [url, 'https://user:pw@example.com/a.png'] })[0]?.message).toBe(
      'Image 2 must be a public http(s) URL or a base64 data URI.',
    );
  });

  it('judges data URIs by their bytes: the hostile corpus', async () => {
    const corpus = hostileCorpus();
    const verdict = (mime: string, name: string) => check({ images: [dataUri(mime, corpus[name]!)] });
    expect(verdict('image/png', 'png-bomb-20000x20000.png')).toEqual(['images[0]:too_many_pixels']);
    expect(verdict('image/png', 'svg-with-script.png')).toEqual(['images[0]:unsupported_format']);
    expect(verdict('image/png', 'gif-polyglot.png')).toEqual(['images[0]:unsupported_format']);
    expect(verdict('image/jpeg', 'truncated.jpg')).toEqual(['images[0]:corrupt_image']);
    expect(verdict('image/png', 'five-to-one.png')).toEqual(['images[0]:aspect_ratio']);
    expect(verdict('image/jpeg', 'exif-rotated-4000x3000.jpg')).toEqual([]);
    expect(verdict('image/jpg', 'exif-rotated-4000x3000.jpg')).toEqual([]);
    expect(verdict('image/png', 'empty.png')).toEqual(['images[0]:corrupt_image']);
  });

  it('rejects a JPEG labelled PNG', () => {
    const errors = validateEditInput({ ...base, images: [url, dataUri('image/png', hostileCorpus()['jpeg-labelled.png']!)] });
    expect(errors).toEqual([
      { field: 'images[1]', code: 'unsupported_format', message: 'Image 2 is labelled image/png but is a JPEG.' },
    ]);
  });

  it('judges declared types against the bytes, and rejects non-base64 data URIs', async () => {
    const png = await realImage('png', 32, 32);
    expect(validateEditInput({ ...base, images: [dataUri('image/gif', png)] })[0]?.message).toBe(
      'Image 1 is labelled image/gif but is a PNG.',
    );
    expect(check({ images: ['data:image/png,%89PNG'] })).toEqual(['images[0]:invalid_url']);
  });

  it('parses size strictly, checks sides, and leaves small totals to the model', () => {
    expect(check({ size: '1024*1024' })).toEqual([]); // below the documented total, but the model snaps it
    expect(check({ size: '256*4096' })).toEqual([]);
    expect(check({ size: '255*1024' })).toEqual(['size:out_of_range']);
    expect(check({ size: '4097*1024' })).toEqual(['size:out_of_range']);
    expect(check({ size: ' 2048*2048' })).toEqual(['size:invalid_size']);
    expect(check({ size: 2048 })).toEqual(['size:invalid_type']);
    expect(validateEditInput({ ...base, size: '100*2048' })[0]?.message).toBe(
      'The size must be like 2048*2048, each side 256 to 4096.',
    );
  });

  it('checks output_format, seed and the enable_* booleans', () => {
    for (const f of ['jpeg', 'png', 'webp']) expect(check({ output_format: f })).toEqual([]);
    expect(check({ output_format: 'jpg' })).toEqual(['output_format:unsupported_format']);
    expect(check({ seed: -1 })).toEqual([]);
    expect(check({ seed: 0 })).toEqual([]);
    expect(check({ seed: -2 })).toEqual(['seed:out_of_range']);
    expect(check({ seed: 2147483648 })).toEqual(['seed:out_of_range']);
    expect(check({ seed: '7' })).toEqual(['seed:invalid_type']);
    expect(check({ seed: null })).toEqual(['seed:invalid_type']);
    expect(check({ enable_base64_output: 1 })).toEqual(['enable_base64_output:invalid_type']);
  });
});

describe('assertEditInput', () => {
  it('throws a ValidationError with every field error', () => {
    try {
      assertEditInput({ prompt: '', images: ['ftp://x'] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect(isEditError(e, 'invalid_input')).toBe(true);
      expect((e as ValidationError).fieldErrors.map((f) => f.field)).toEqual(['prompt', 'images[0]']);
      expect((e as Error).message).toBe('Write a prompt that describes the edit. And 1 more problem.');
    }
  });
  it('passes a valid input', () => expect(() => assertEditInput(base)).not.toThrow());
});
