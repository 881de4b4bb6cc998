import { afterEach, describe, expect, it } from 'vitest';
import { blobToDataUri } from '../../src/react/index.js';
import { resolveImages, type UploadProgress } from '../../src/react/resolve-images.js';
import { createHarness, png, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(() => h?.close());

describe('blobToDataUri', () => {
  it('encodes the exact bytes, taking the type from the bytes when the Blob has none', async () => {
    const bytes = await png(300, 200);
    const uri = await blobToDataUri(new Blob([bytes]));
    expect(uri.startsWith('data:image/png;base64,')).toBe(true);
    expect(new Uint8Array(Buffer.from(uri.split(',')[1]!, 'base64'))).toEqual(bytes);
  });
});

describe('resolveImages', () => {
  it('uploads every Blob in parallel, keeps strings and order, and reports summed progress up to the total', async () => {
    h = createHarness();
    const a = new File([await png(64, 64)], 'a.png', { type: 'image/png' });
    const b = new File([await png(128, 64)], 'b.png', { type: 'image/png' });
    const progress: UploadProgress[] = [];
    const urls = await resolveImages(h.client, [a, 'https://example.com/x.png', b], {
      onProgress: (p) => progress.push(p),
    });
    expect(urls[1]).toBe('https://example.com/x.png');
    expect(urls[0]).not.toBe(urls[2]);
    for (const [index, file] of [[0, a], [2, b]] as const) {
      const served = new Uint8Array(await (await h.fetch(urls[index]!)).arrayBuffer());
      expect(served).toEqual(new Uint8Array(await file.arrayBuffer()));
    }
    const total = a.size + b.size;
    expect(progress[0]).toEqual({ loaded: 0, total });
    expect(progress.at(-1)).toEqual({ loaded: total, total });
    expect(progress.every((p, i) => i === 0 || p.loaded >= progress[i - 1]!.loaded)).toBe(true);
  });

  it('sends nothing when the signal is already aborted', async () => {
    h = createHarness();
    const controller = new AbortController();
    controller.abort();
    const file = new File([await png()], 'a.png', { type: 'image/png' });
    await expect(resolveImages(h.client, [file], { signal: controller.signal })).rejects.toBeTruthy();
    expect(h.log).toHaveLength(0);
  });
});
