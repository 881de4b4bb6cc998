import { sniffImage } from '../../src/core/index.js';
import { createHmac } from 'node:crypto';
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

describe('sync mode timeout', () => {
  it('answers "Sync mode timed out" with the same id, and the task keeps running', async () => {
    vi.useFakeTimers();
    engine = testEngine({ syncTimeout: 1000, slowLatency: 5000 });
    const photo = dataUri(await testPhoto());
    let answered = false;
    const pending = engine(post(`/api/v3/${MODEL}`, { prompt: 'sepia [slow]', images: [photo], enable_sync_mode: true })).then((r) => {
      answered = true;
      return json(r);
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const timedOut = await pending;
    expect(timedOut.status).toBe(200);
    expect(timedOut.data).toMatchObject({ status: 'processing', code: 5004 });
    expect(timedOut.data.error).toContain('Sync mode timed out');
    const id = timedOut.data.id;

    const poll = async () => (await json(await engine(get(`/api/v3/predictions/${id}/result`)))).data;
    expect(await poll()).toMatchObject({ id, status: 'processing', error: '' });
    await vi.advanceTimersByTimeAsync(4000);
    await vi.waitFor(async () => expect((await poll()).status).toBe('completed'), { timeout: 10_000, interval: 50 });
    expect((await poll()).outputs).toHaveLength(1);
  });
});

describe('outputs', () => {
  it('enable_base64_output gives bare base64 (no data: prefix) of the requested format', async () => {
    engine = testEngine();
    const done = await editSync(engine, { prompt: 'mirror', images: [dataUri(await testPhoto())], output_format: 'webp', enable_base64_output: true });
    const out = done.outputs[0]!;
    expect(out.startsWith('data:')).toBe(false);
    expect(out).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(sniffImage(new Uint8Array(Buffer.from(out, 'base64')))).toMatchObject({ format: 'webp', width: 256, height: 256 });
  });

  it('a random seed (-1 or absent) is picked and reported in input', async () => {
    engine = testEngine();
    const photo = dataUri(await testPhoto());
    const a = await editSync(engine, { prompt: 'blur', images: [photo], seed: -1 });
    const b = await editSync(engine, { prompt: 'blur', images: [photo] });
    for (const p of [a, b]) {
      expect(Number.isInteger(p.input?.seed)).toBe(true);
      expect(p.input?.seed).toBeGreaterThanOrEqual(0);
    }
    expect(a.input?.seed).not.toBe(b.input?.seed);
  });

  it('echoes long data URIs abbreviated in input, so polls stay small', async () => {
    engine = testEngine();
    const done = await editSync(engine, { prompt: 'x', images: [dataUri(await testPhoto())] });
    const echoed = (done.input?.images as string[])[0]!;
    expect(echoed.length).toBeLessThan(200);
    expect(echoed).toMatch(/^data:image\/png;base64,…\(\d+ base64 characters omitted\)$/);
  });
});

describe('mount prefix and origin', () => {
  it('builds every URL from the request origin and mount prefix', async () => {
    engine = testEngine();
    const prefix = '/api/hidream';
    const photo = await testPhoto();
    const ticket = await json<{ download_url: string; upload: { url: string } }>(
      await engine(post(`${prefix}/api/v3/media/uploads`, { filename: 'a.png', size: photo.byteLength, content_type: 'image/png' })),
    );
    expect(ticket.data.download_url.startsWith(`${ORIGIN}${prefix}/api/v3/local/files/`)).toBe(true);
    expect(ticket.data.upload.url.startsWith(`${ORIGIN}${prefix}/api/v3/local/uploads/`)).toBe(true);
    const done = await editSync(engine, { prompt: 'x', images: [dataUri(photo)] }, prefix);
    expect(done.urls.get).toBe(`${ORIGIN}${prefix}/api/v3/predictions/${done.id}/result`);
    expect(done.outputs[0]!.startsWith(`${ORIGIN}${prefix}/api/v3/local/files/`)).toBe(true);
    expect((await engine(get(done.urls.get))).status).toBe(200);
  });
});

describe('uploads', () => {
  it('ticket + PUT: single-use, size- and content-checked, then usable as a reference', async () => {
    engine = testEngine();
    const photo = await testPhoto('jpeg');
    const ticket = await json<{ download_url: string; upload: { method: string; url: string; headers: Record<string, string> } }>(
      await engine(post('/api/v3/media/uploads', { filename: 'cat.jpg', size: photo.byteLength, content_type: 'image/jpeg' })),
    );
    expect(ticket.data.upload).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/jpeg' } });
    expect((await engine(get(ticket.data.download_url))).status).toBe(404);

    const put = (body: Uint8Array, headers = ticket.data.upload.headers) =>
      engine(new Request(ticket.data.upload.url, { method: 'PUT', headers, body: body as BodyInit }));
    expect((await put(photo, { 'content-type': 'image/png' })).status).toBe(403);
    expect((await put(photo.subarray(0, photo.byteLength - 1))).status).toBe(400);
    expect((await put(photo)).status).toBe(200);
    expect((await put(photo)).status).toBe(404);

    const file = await engine(get(ticket.data.download_url));
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(photo);
    const done = await editSync(engine, { prompt: 'darker', images: [ticket.data.download_url] });
    expect(done.status).toBe('completed');
  });

  it('rejects bytes that are not an image, and tickets for unsupported types or oversize files', async () => {
    engine = testEngine();
    const junk = new TextEncoder().encode('definitely not an image, just text bytes');
    const t = await json<{ upload: { url: string; headers: Record<string, string> } }>(
      await engine(post('/api/v3/media/uploads', { filename: 'x.png', size: junk.byteLength })),
    );
    const res = await engine(new Request(t.data.upload.url, { method: 'PUT', headers: t.data.upload.headers, body: junk }));
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/PNG|JPEG|WebP/);
    expect((await engine(post('/api/v3/media/uploads', { filename: 'x.gif', size: 10, content_type: 'image/gif' }))).status).toBe(400);
    expect((await engine(post('/api/v3/media/uploads', { filename: 'x.png', size: 60 * 1024 * 1024 }))).status).toBe(413);
    expect((await engine(post('/api/v3/media/uploads', { size: 10 }))).status).toBe(400);
  });

  it('legacy multipart upload returns {type, download_url, filename, size}', async () => {
    engine = testEngine();
    const photo = await testPhoto('webp');
    const form = new FormData();
    form.append('file', new Blob([photo as BlobPart], { type: 'image/webp' }), 'dog.webp');
    const res = await json<{ type: string; download_url: string; filename: string; size: number }>(
      await engine(new Request(`${ORIGIN}/api/v3/media/upload/binary`, { method: 'POST', body: form })),
    );
    expect(res.data).toMatchObject({ type: 'image', filename: 'dog.webp', size: photo.byteLength });
    const file = await engine(get(res.data.download_url));
    expect(file.headers.get('content-type')).toBe('image/webp');
    const done = await editSync(engine, { prompt: 'cooler', images: [res.data.download_url] });
    expect(done.status).toBe('completed');

    const empty = await engine(new Request(`${ORIGIN}/api/v3/media/upload/binary`, { method: 'POST', body: new FormData() }));
    expect(empty.status).toBe(400);
  });

  it('files answer 304 to a matching If-None-Match and HEAD without a body', async () => {
    engine = testEngine();
    const done = await editSync(engine, { prompt: 'x', images: [dataUri(await testPhoto())] });
    const first = await engine(get(done.outputs[0]!));
    const etag = first.headers.get('etag')!;
    expect((await engine(get(done.outputs[0]!, { 'if-none-match': etag }))).status).toBe(304);
    const head = await engine(new Request(done.outputs[0]!, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await head.text()).toBe('');
  });
});

describe('validation and routes', () => {
  it('answers invalid input with a 400 envelope: the first message and every field error', async () => {
    engine = testEngine();
    const res = await json(await engine(post(`/api/v3/${MODEL}`, { images: [], seed: 1.5 })));
    expect(res.status).toBe(400);
    expect(res.code).toBe(400);
    expect(res.error_code).toBe(1400);
    const errors = res.errors as { field: string }[];
    expect(errors.map((e) => e.field)).toEqual(['prompt', 'images', 'seed']);
    expect(res.message).toContain('Write a prompt');

    const bad = await json(await engine(post(`/api/v3/${MODEL}`, { prompt: 'x', images: ['ftp://x/y.png'], output_format: 'gif' })));
    expect(bad.error_code).toBe(1401);
    expect((bad.errors as { field: string }[]).map((e) => e.field)).toEqual(['images[0]', 'output_format']);

    const malformed = await engine(new Request(`${ORIGIN}/api/v3/${MODEL}`, { method: 'POST', body: '{"prompt":' }));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).message).toMatch(/JSON/);
  });

  it('404s unknown routes and other models, 400s malformed ids, 405s wrong methods', async () => {
    engine = testEngine();
    const other = await json(await engine(post('/api/v3/wavespeed-ai/flux-dev', { prompt: 'x', images: ['https://x/y.png'] })));
    expect(other.status).toBe(404);
    expect(other.message).toMatch(/Model not found/);
    expect((await engine(get('/api/v3/balance'))).status).toBe(404);
    expect((await engine(get('/somewhere/else'))).status).toBe(404);
    expect((await engine(get('/api/v3/predictions/abc.def/result'))).status).toBe(400);
    expect((await engine(get('/api/v3/predictions/%2e%2e%2fx/result'))).status).toBe(400);
    expect((await engine(get('/api/v3/predictions/0123456789abcdef/result'))).status).toBe(404);
    expect((await engine(get('/api/v3/local/files/..%2fsecret'))).status).toBe(404);
    const wrong = await engine(new Request(`${ORIGIN}/api/v3/predictions/abc/result`, { method: 'DELETE' }));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    const body = await json(await engine(get('/api/v3/nope')));
    expect(body).toMatchObject({ status: 404, code: 404 });
  });

  it('with apiKey, refuses other keys with 401 but serves files without one', async () => {
    engine = testEngine({ apiKey: 'secret' });
    const photo = dataUri(await testPhoto());
    const refused = await engine(post(`/api/v3/${MODEL}`, { prompt: 'x', images: [photo] }, { authorization: 'Bearer nope' }));
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain('secret');
    const done = await editSync(engine, { prompt: 'x', images: [photo] }).catch((e: Error) => e);
    expect(done).toBeInstanceOf(Error);
    const res = await json(await engine(post(`/api/v3/${MODEL}`, { prompt: 'x', images: [photo], enable_sync_mode: true }, { authorization: 'Bearer secret' })));
    expect(res.data.status).toBe('completed');
    expect((await engine(new Request(res.data.outputs[0]!))).status).toBe(200);
  });
});

describe('webhooks', () => {
  it('POSTs the bare finished prediction to ?webhook=, signed with the secret from /api/v3/webhook/secret', async () => {
    const deliveries: Request[] = [];
    engine = testEngine({ fetch: async (input, init) => (deliveries.push(new Request(input, init)), new Response(null, { status: 204 })) });
    const secret = (await json<{ secret: string }>(await engine(get('/api/v3/webhook/secret')))).data.secret;
    expect(secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    expect(engine.webhookSecret).toBe(secret);

    const done = await editSync(engine, { prompt: 'sepia', images: [dataUri(await testPhoto())] }, '', '?webhook=https://hooks.example/edit');
    await vi.waitFor(() => expect(deliveries).toHaveLength(1));
    const hook = deliveries[0]!;
    expect([hook.method, hook.url]).toEqual(['POST', 'https://hooks.example/edit']);
    const body = await hook.text();
    expect(JSON.parse(body)).toMatchObject({ id: done.id, status: 'completed', outputs: done.outputs });
    const [id, timestamp] = [hook.headers.get('webhook-id')!, hook.headers.get('webhook-timestamp')!];
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = createHmac('sha256', secret.slice('whsec_'.length)).update(`${id}.${timestamp}.${body}`).digest('hex');
    expect(hook.headers.get('webhook-signature')).toBe(`v3,${expected}`);
  });

  it('refuses a webhook that is not an http(s) URL, before anything runs', async () => {
    engine = testEngine({ webhookSecret: 'whsec_fixed' });
    const res = await json(await engine(post(`/api/v3/${MODEL}?webhook=javascript:alert(1)`, { prompt: 'x', images: [dataUri(await testPhoto())] })));
    expect(res.status).toBe(400);
    expect(res.message).toMatch(/webhook/);
    expect(engine.webhookSecret).toBe('whsec_fixed');
  });
});
