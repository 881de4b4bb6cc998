import { describe, expect, it } from 'vitest';
import { decodeDataUri } from '../../src/core/index.js';

describe('decodeDataUri', () => {
  it('decodes base64 data URIs, lower-casing the MIME type', () => {
    expect(decodeDataUri('data:Image/PNG;base64,AAEC/w==')).toEqual({ mimeType: 'image/png', bytes: Uint8Array.of(0, 1, 2, 255) });
    expect(decodeDataUri('data:image/jpeg;name=a.jpg;base64,AQ==')).toEqual({ mimeType: 'image/jpeg', bytes: Uint8Array.of(1) });
    expect(decodeDataUri('data:;base64,')).toEqual({ mimeType: 'text/plain', bytes: new Uint8Array() });
  });

  it('returns null for non-base64 data URIs, bad base64 and other strings', () => {
    expect(decodeDataUri('data:image/svg+xml,<svg/>')).toBeNull();
    expect(decodeDataUri('data:image/png;base64,%%%')).toBeNull();
    expect(decodeDataUri('data:image/png;base64')).toBeNull();
    expect(decodeDataUri('https://example.com/a.png')).toBeNull();
    expect(decodeDataUri('')).toBeNull();
  });
});
