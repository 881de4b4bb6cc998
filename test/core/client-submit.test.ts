import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, CancelledError, CLIENT_VERSION, createClient, isEditError, NetworkError, ValidationError } from '../../src/core/index.js';
import { envelope, failure, fakeFetch, hang, prediction } from '../fixtures/fake-server.js';

const input = { prompt: 'Make the sky pink. Keep everything else.', images: ['https://cdn.example.com/a.jpg'] };
const base = 'https://api.example.com';

afterEach(() => vi.unstubAllGlobals());

describe('client.submit', () => {
  it('POSTs the input as JSON to the model path with auth and attribution headers', async () => {
    const fetch = fakeFetch(() => envelope(prediction('created')));
    const client = createClient({ baseUrl: `${base}/`, apiKey: 'sk-test', fetch, headers: { 'X-Tenant': 'acme' } });
    expect(client.baseUrl).toBe(base);
    expect(client.model).toBe('wavespeed-ai/hidream-o1-image-dev/edit');
    const p = await client.submit(input);
    expect(p).toMatchObject({ id: 'pred_1', status: 'created' });
    const [req] = fetch.requests;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(`${base}/api/v3/wavespeed-ai/hidream-o1-image-dev/edit`);
    expect(await req!.json()).toEqual(input);
    expect(Object.fromEntries(req!.headers)).toMatchObject({
      authorization: 'Bearer sk-test',
      'content-type': 'application/json',
      'x-client-name': 'hidream-edit',
      'x-client-version': CLIENT_VERSION,
      'x-tenant': 'acme',
    });
  });

  it('reports the package version in X-Client-Version', () => {
    expect(CLIENT_VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });

  it('sends no Authorization without an apiKey, and submits to a custom model', async () => {
    const fetch = fakeFetch(() => envelope(prediction('created')));
    await createClient({ baseUrl: base, fetch, model: 'wavespeed-ai/hidream-o1-image/edit' }).submit(input);
    expect(fetch.requests[0]!.headers.has('authorization')).toBe(false);
    expect(new URL(fetch.requests[0]!.url).pathname).toBe('/api/v3/wavespeed-ai/hidream-o1-image/edit');
  });

  it('validates first and sends nothing when the input is invalid', async () => {
    const fetch = fakeFetch(() => envelope(prediction('created')));
    const error = await createClient({ baseUrl: base, fetch }).submit({ prompt: '', images: [] }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.map((f) => f.field)).toEqual(['prompt', 'images']);
    expect(fetch.requests).toHaveLength(0);
  });

  it('never retries a POST, even a 503', async () => {
    const fetch = fakeFetch(() => failure(503, 'Service temporarily unavailable', { 'x-request-id': 'req_9', 'retry-after': '1' }));
    const error = await createClient({ baseUrl: base, fetch }).submit(input).catch((e) => e);
    expect(fetch.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'api_error',
      status: 503,
      message: 'Service temporarily unavailable',
      requestId: 'req_9',
      retryAfterMs: 1000,
      predictionId: undefined,
    });
  });

  it('maps statuses to error codes and keeps WaveSpeed codes', async () => {
    for (const [status, code] of [[401, 'unauthorized'], [403, 'unauthorized'], [413, 'payload_too_large'], [429, 'rate_limited']] as const) {
      const fetch = fakeFetch(() => Response.json({ code: status, message: 'No.', error_code: 1401, request_id: 'r1' }, { status }));
      const error = await createClient({ baseUrl: base, fetch }).submit(input).catch((e) => e);
      expect(isEditError(error, code)).toBe(true);
      expect(error).toMatchObject({ status, apiCode: 1401, requestId: 'r1' });
    }
  });

  it('explains answers that carry no message or are not envelopes', async () => {
    const plain = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(await createClient({ baseUrl: base, fetch: plain }).submit(input).catch((e) => e)).toMatchObject({
      status: 502,
      message: 'The server answered 502.',
      body: '<html>Bad gateway</html>',
    });
    const odd = fakeFetch(() => Response.json({ hello: 'world' }));
    expect(await createClient({ baseUrl: base, fetch: odd }).submit(input).catch((e) => e)).toMatchObject({
      code: 'api_error',
      status: 200,
      message: 'The server sent an unexpected response.',
    });
  });

  it('turns a fetch failure into a NetworkError and an abort into a CancelledError', async () => {
    const broken = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    const error = await createClient({ baseUrl: base, fetch: broken }).submit(input).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe('Could not reach the server (fetch failed).');

    const controller = new AbortController();
    const pending = createClient({ baseUrl: base, fetch: fakeFetch(hang) }).submit(input, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);

    const before = fakeFetch(() => envelope(prediction('created')));
    await expect(createClient({ baseUrl: base, fetch: before }).submit(input, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(CancelledError);
    expect(before.requests).toHaveLength(0);
  });

  it('reads globalThis.fetch at each call', async () => {
    const client = createClient({ baseUrl: base });
    const fetch = fakeFetch(() => envelope(prediction('created')));
    vi.stubGlobal('fetch', fetch);
    await client.submit(input);
    expect(fetch.requests).toHaveLength(1);
  });

  it('resolves a relative baseUrl against location', async () => {
    vi.stubGlobal('location', { href: 'https://app.example.com/editor/page' });
    const fetch = fakeFetch(() => envelope(prediction('created')));
    await createClient({ baseUrl: '/api/hidream', fetch }).submit(input);
    expect(fetch.requests[0]!.url).toBe('https://app.example.com/api/hidream/api/v3/wavespeed-ai/hidream-o1-image-dev/edit');
  });
});
