// The proxy and verifyWebhook on an edge runtime (Vercel Edge, Cloudflare Workers, Deno): bundled for the browser
// platform and run in a fresh V8 context that has only web-standard globals, no `process`, `Buffer` or `require`.
import { createHmac } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

interface ServerModule {
  createProxy: typeof import('../../src/server/index.js').createProxy;
  verifyWebhook: typeof import('../../src/server/index.js').verifyWebhook;
}

const calls: Request[] = [];
let server: ServerModule;

beforeAll(async () => {
  const { outputFiles } = await build({
    entryPoints: ['src/server/index.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'hidreamServer',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const upstream = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(new Request(input, init));
    return Response.json({ code: 200, message: 'success', data: { id: 'pred_edge', status: 'created', outputs: [] } });
  };
  const globals = {
    Request, Response, Headers, URL, URLSearchParams, TextEncoder, TextDecoder, ReadableStream, WritableStream,
    TransformStream, AbortController, AbortSignal, DOMException, Blob, FormData, crypto, atob, btoa, structuredClone,
    setTimeout, clearTimeout, queueMicrotask, console, fetch: upstream,
  };
  const context = { ...globals, globalThis: undefined as unknown };
  context.globalThis = context;
  server = runInNewContext(`${outputFiles[0]!.text}; hidreamServer`, context) as ServerModule;
  expect(runInNewContext('typeof process + typeof Buffer + typeof require', context)).toBe('undefinedundefinedundefined');
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
function image(width: number, height: number): string {
  const bytes = Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0));
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return `data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`;
}

describe('on an edge runtime', () => {
  it('proxies a submit with the server key, validates it, and refuses a bad one without calling upstream', async () => {
    const proxy = server.createProxy({ apiKey: 'ws-edge-key', webhook: 'https://app.example/hooks' });
    const submit = (body: unknown) =>
      proxy(new Request('https://app.example/api/hidream/api/v3/wavespeed-ai/hidream-o1-image-dev/edit', { method: 'POST', body: JSON.stringify(body) }));
    const ok = await submit({ prompt: 'Make it warmer', images: [image(800, 600)] });
    expect(ok.status).toBe(200);
    expect((await ok.json()).data.id).toBe('pred_edge');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://api.wavespeed.ai/api/v3/wavespeed-ai/hidream-o1-image-dev/edit?webhook=https%3A%2F%2Fapp.example%2Fhooks');
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer ws-edge-key');

    const bad = await submit({ prompt: 'x', images: [image(5000, 100)] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].code).toBe('aspect_ratio');
    expect(calls).toHaveLength(1);
  });

  it('verifies a webhook delivery', async () => {
    const body = JSON.stringify({ id: 'pred_edge', status: 'completed', outputs: ['https://cdn.example/o.png'] });
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = createHmac('sha256', 'edge-secret').update(`msg_1.${timestamp}.${body}`).digest('hex');
    const delivery = new Request('https://app.example/hooks', {
      method: 'POST',
      headers: { 'webhook-id': 'msg_1', 'webhook-timestamp': String(timestamp), 'webhook-signature': `v3,${signature}` },
      body,
    });
    expect(await server.verifyWebhook(delivery, { secret: 'whsec_edge-secret' })).toMatchObject({ id: 'pred_edge', status: 'completed' });
  });
});

describe('on an edge runtime without a key', () => {
  it('answers 503 asking for WAVESPEED_API_KEY: the local engine cannot edit there', async () => {
    const proxy = server.createProxy();
    const response = await proxy(new Request('https://app.example/api/hidream/api/v3/wavespeed-ai/hidream-o1-image-dev/edit', { method: 'POST', body: JSON.stringify({ prompt: 'Make it warmer', images: [image(800, 600)] }) }));
    expect(response.status).toBe(503);
    expect((await response.json()).message).toMatch(/set WAVESPEED_API_KEY/);
    expect(calls).toHaveLength(1); // the earlier test's only
  });
});
