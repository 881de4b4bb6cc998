import { sniffImage } from '../../src/core/index.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LocalEngine } from '../../src/engine/index.js';
import { MODEL, ORIGIN, dataUri, editSync, get, json, outputBytes, post, testEngine, testPhoto } from './helpers.js';

let engine: LocalEngine;
afterEach(() => {
  engine?.close();
  vi.useRealTimers();
});

describe('submit and result', () => {
  it('goes created → processing → completed over the configured latency', async () => {
    vi.useFakeTimers();
    engine = testEngine({ latency: 1000 });
    const photo = dataUri(await testPhoto());
    const submitted = await json(await engine(post(`/api/v3/${MODEL}`, { prompt: 'make it black and white', images: [photo], seed: 7 })));
    expect(submitted.status).toBe(200);
    expect(submitted.code).toBe(200);
    expect(submitted.data).toMatchObject({ status: 'created', model: MODEL, outputs: [], error: '', has_nsfw_contents: [] });
    const id = submitted.data.id;
    expect(submitted.data.urls.get).toBe(`${ORIGIN}/api/v3/predictions/${id}/result`);
    expect(Date.parse(submitted.data.created_at)).not.toBeNaN();

    const status = async () => (await json(await engine(get(`/api/v3/predictions/${id}/result`)))).data;
    await vi.advanceTimersByTimeAsync(100);
    expect((await status()).status).toBe('created');
    await vi.advanceTimersByTimeAsync(100);
    expect((await status()).status).toBe('processing');
    await vi.advanceTimersByTimeAsync(500);
    expect((await status()).status).toBe('processing');
    await vi.waitFor(async () => expect((await status()).status).toBe('completed'), { timeout: 10_000, interval: 50 });
    const done = await status();
    expect(done.outputs).toEqual([`${ORIGIN}/api/v3/local/files/${id}.jpg`]);
    expect(done.has_nsfw_contents).toEqual([false]);
    expect(done.timings.inference).toBeGreaterThanOrEqual(800);
    expect(done.input).toMatchObject({ prompt: 'make it black and white', seed: 7, size: '2048*2048', output_format: 'jpeg' });
    expect(done.engine?.operations).toEqual(['grayscale']);
  });

  it('sync mode holds the POST and returns the finished prediction with a servable output', async () => {
    engine = testEngine();
    const done = await editSync(engine, { prompt: 'invert', images: [dataUri(await testPhoto())], output_format: 'png' });
    expect(done.status).toBe('completed');
    const res = await engine(get(done.outputs[0]!));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+, immutable$/);
    const info = sniffImage(new Uint8Array(await res.arrayBuffer()));
    expect(info).toMatchObject({ format: 'png', width: 256, height: 256 });
  });
});
