import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LocalEngine } from '../../src/engine/index.js';
import { MODEL, ORIGIN, dataUri, editSync, get, json, post, testEngine, testPhoto } from './helpers.js';

let engine: LocalEngine;
afterEach(() => {
  engine?.close();
  vi.useRealTimers();
});

describe('fault injection', () => {
  it('failRate 1 ends every prediction failed with a realistic task code and message', async () => {
    engine = testEngine({ failRate: 1 });
    const done = await editSync(engine, { prompt: 'sepia', images: [dataUri(await testPhoto())] });
    expect(done.status).toBe('failed');
    expect([1403, 1405, 5000]).toContain(done.code);
    expect(done.error).toMatch(/\w+ \w+/);
    expect(done.outputs).toEqual([]);
  });

  it('[fail] and [moderate] in a prompt force a failure; moderation flags NSFW with code 1200', async () => {
    engine = testEngine();
    const photo = dataUri(await testPhoto());
    const failed = await editSync(engine, { prompt: 'sepia [fail]', images: [photo] });
    expect(failed.status).toBe('failed');
    const moderated = await editSync(engine, { prompt: 'sepia [MODERATE]', images: [photo] });
    expect(moderated).toMatchObject({ status: 'failed', code: 1200, has_nsfw_contents: [true], outputs: [] });
    expect(moderated.error).toMatch(/moderation/);
    const fine = await editSync(engine, { prompt: 'sepia', images: [photo] });
    expect(fine.status).toBe('completed');
  });

  it('errorRate 1 answers result GETs with 429 + Retry-After or a 5xx; submits are never failed', async () => {
    engine = testEngine({ errorRate: 1 });
    const submitted = await json(await engine(post(`/api/v3/${MODEL}`, { prompt: 'x', images: [dataUri(await testPhoto())] })));
    expect(submitted.status).toBe(200);
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const res = await engine(get(`/api/v3/predictions/${submitted.data.id}/result`));
      statuses.add(res.status);
      if (res.status === 429) expect(res.headers.get('retry-after')).toBe('1');
      expect((await res.json()).code).toBe(res.status);
    }
    expect(statuses.has(429)).toBe(true);
    expect([...statuses].some((s) => s >= 500)).toBe(true);
    expect(statuses.has(200)).toBe(false);
  });

  it('the same random seed injects the same faults', async () => {
    const photo = dataUri(await testPhoto());
    const run = async () => {
      const e = testEngine({ failRate: 0.5, random: 42 });
      const out: string[] = [];
      for (let i = 0; i < 6; i++) out.push((await editSync(e, { prompt: 'x', images: [photo], seed: 1 })).status);
      e.close();
      return out;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first).size).toBe(2);
  });

  it('extraLatency delays every answer', async () => {
    vi.useFakeTimers();
    engine = testEngine({ extraLatency: 500 });
    let answered = false;
    const pending = engine(get('/api/v3/predictions/abc/result')).then((r) => {
      answered = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(404);
  });
});

describe('concurrency', () => {
  it('keeps tasks above the limit `created` until a slot frees, then runs them for their full latency', async () => {
    vi.useFakeTimers();
    engine = testEngine({ latency: 1000, concurrency: 1 });
    const photo = dataUri(await testPhoto());
    const submit = async () => (await json(await engine(post(`/api/v3/${MODEL}`, { prompt: 'x', images: [photo] })))).data.id;
    const [a, b] = [await submit(), await submit()];
    const status = async (id: string) => (await json(await engine(get(`/api/v3/predictions/${id}/result`)))).data.status;
    await vi.advanceTimersByTimeAsync(200);
    expect([await status(a), await status(b)]).toEqual(['processing', 'created']);
    await vi.advanceTimersByTimeAsync(800);
    await vi.waitFor(async () => expect(await status(a)).toBe('completed'), { timeout: 10_000, interval: 20 });
    expect(await status(b)).toBe('processing');
    await vi.waitFor(async () => expect(await status(b)).toBe('completed'), { timeout: 10_000, interval: 20 });
  });
});

describe('remote references', () => {
  it('fetches other http(s) URLs with the injected fetch', async () => {
    const photo = await testPhoto('jpeg');
    const fetch = vi.fn(async () => new Response(photo as BodyInit, { headers: { 'content-type': 'image/jpeg' } }));
    engine = testEngine({ fetch });
    const done = await editSync(engine, { prompt: 'invert', images: ['https://images.example/cat.jpg'] });
    expect(done.status).toBe('completed');
    expect(fetch).toHaveBeenCalledWith('https://images.example/cat.jpg', expect.objectContaining({ signal: expect.any(AbortSignal) }));
  });

  it('an unreachable URL fails the prediction with task code 1402 and a clear error', async () => {
    engine = testEngine({ fetch: async () => Promise.reject(new TypeError('getaddrinfo ENOTFOUND nowhere.invalid')) });
    const done = await editSync(engine, { prompt: 'x', images: ['https://nowhere.invalid/a.png'] });
    expect(done).toMatchObject({ status: 'failed', code: 1402 });
    expect(done.error).toContain('images[0] could not be fetched (https://nowhere.invalid/a.png)');
    expect(done.error).toContain('ENOTFOUND');

    const missing = testEngine({ fetch: async () => new Response('no', { status: 404 }) });
    const notFound = await editSync(missing, { prompt: 'x', images: ['https://x.example/a.png'] });
    expect(notFound.error).toMatch(/HTTP 404/);
    missing.close();
  });

  it('a remote URL that never answers fails after fetchTimeout', async () => {
    vi.useFakeTimers();
    const hanging = (_url: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    engine = testEngine({ fetch: hanging as typeof fetch, fetchTimeout: 2000 });
    const submitted = await json(await engine(post(`/api/v3/${MODEL}`, { prompt: 'x', images: ['https://slow.example/a.png'] })));
    await vi.advanceTimersByTimeAsync(2000);
    const poll = async () => (await json(await engine(get(`/api/v3/predictions/${submitted.data.id}/result`)))).data;
    await vi.waitFor(async () => expect((await poll()).status).toBe('failed'));
    expect((await poll()).error).toMatch(/no answer within 2000 ms/);
  });

  it('fetch: false refuses remote URLs; expired local files fail with 1402', async () => {
    engine = testEngine({ fetch: false });
    const remote = await editSync(engine, { prompt: 'x', images: ['https://x.example/a.png'] });
    expect(remote).toMatchObject({ status: 'failed', code: 1402 });
    const gone = await editSync(engine, { prompt: 'x', images: [`${ORIGIN}/api/v3/local/files/deadbeef.png`] });
    expect(gone).toMatchObject({ status: 'failed', code: 1402 });
    expect(gone.error).toMatch(/expired/);
  });

  it('a reference that is not really an image fails with 1401', async () => {
    engine = testEngine({ fetch: async () => new Response('<html>login</html>', { headers: { 'content-type': 'image/png' } }) });
    const done = await editSync(engine, { prompt: 'x', images: ['https://x.example/a.png'] });
    expect(done).toMatchObject({ status: 'failed', code: 1401 });
  });
});

describe('bounded memory', () => {
  it('predictions and files expire after ttl', async () => {
    // Expiry reads the clock; only Date is faked so the real render still runs.
    vi.useFakeTimers({ toFake: ['Date'] });
    engine = testEngine({ ttl: 10_000 });
    const done = await editSync(engine, { prompt: 'x', images: [dataUri(await testPhoto())] });
    expect((await engine(get(done.urls.get))).status).toBe(200);
    vi.setSystemTime(Date.now() + 9_000);
    const fresh = await engine(get(done.outputs[0]!));
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('cache-control')).toBe('public, max-age=1, immutable');
    vi.setSystemTime(Date.now() + 1_000);
    expect((await engine(get(done.urls.get))).status).toBe(404);
    expect((await engine(get(done.outputs[0]!))).status).toBe(404);
  });

  it('keeps at most maxEntries predictions, evicting the oldest', async () => {
    engine = testEngine({ maxEntries: 2 });
    const photo = dataUri(await testPhoto());
    const [a, b, c] = [await editSync(engine, { prompt: 'x', images: [photo] }), await editSync(engine, { prompt: 'x', images: [photo] }), await editSync(engine, { prompt: 'x', images: [photo] })];
    expect((await engine(get(a!.urls.get))).status).toBe(404);
    expect((await engine(get(b!.urls.get))).status).toBe(200);
    expect((await engine(get(c!.urls.get))).status).toBe(200);
  });

  it('keeps at most maxStoredBytes of files, evicting the oldest', async () => {
    engine = testEngine({ maxStoredBytes: 1 });
    const photo = dataUri(await testPhoto());
    const a = await editSync(engine, { prompt: 'x', images: [photo], output_format: 'png' });
    const b = await editSync(engine, { prompt: 'x', images: [photo], output_format: 'png' });
    expect((await engine(get(a.outputs[0]!))).status).toBe(404);
    expect((await engine(get(b.outputs[0]!))).status).toBe(200);
  });

  it('close() answers a held sync submit and every later request with 503', async () => {
    engine = testEngine({ latency: 60_000 });
    const pending = engine(post(`/api/v3/${MODEL}`, { prompt: 'x', images: [dataUri(await testPhoto())], enable_sync_mode: true }));
    await new Promise((r) => setTimeout(r, 20));
    engine.close();
    expect((await pending).status).toBe(503);
    expect((await engine(get('/api/v3/predictions/abc/result'))).status).toBe(503);
  });

  it('close() also answers requests waiting out extraLatency, instead of leaving them hanging', async () => {
    vi.useFakeTimers();
    engine = testEngine({ extraLatency: 10_000 });
    const pending = engine(get('/api/v3/predictions/abc/result'));
    await vi.advanceTimersByTimeAsync(10);
    engine.close();
    expect((await pending).status).toBe(503);
    expect(vi.getTimerCount()).toBe(0);
  });
});
