import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/core/index.js';
import { createProxy, verifyWebhook, WebhookError, type WebhookDelivery } from '../../src/server/index.js';
import { dataUri, testEngine, testPhoto } from '../engine/helpers.js';

const SECRET = 'whsec_c2VjcmV0LWtleS1mb3ItdGVzdHM';
const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const body = JSON.stringify({ id: 'pred_123', model: 'wavespeed-ai/hidream-o1-image-dev/edit', status: 'completed', outputs: ['https://cdn.example/out.png'] });

/** Signs like WaveSpeed, with Node's own HMAC (not the library's), so the two are checked against each other. */
function delivery(text = body, { secret = SECRET, id = 'msg_1', timestamp = NOW / 1000 } = {}) {
  const hex = createHmac('sha256', secret.replace(/^whsec_/, '')).update(`${id}.${timestamp}.${text}`).digest('hex');
  const headers = { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v3,${hex}` };
  return { body: text, headers };
}

const verify = (d: WebhookDelivery, secret = SECRET) => verifyWebhook(d, { secret, now: () => NOW });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WebhookError);
  return (error as WebhookError).code;
}

describe('verifyWebhook', () => {
  it('returns the prediction of a genuine delivery, from a Request or from raw body and headers', async () => {
    const d = delivery();
    const request = new Request('https://app.test/hooks', { method: 'POST', headers: d.headers, body: d.body });
    expect(await verify(request)).toMatchObject({ id: 'pred_123', status: 'completed', outputs: ['https://cdn.example/out.png'] });
    // Express with express.raw(): a Buffer body and Node's header object (any case, arrays allowed).
    const node = { body: Buffer.from(d.body), headers: { 'Webhook-Id': d.headers['webhook-id'], 'webhook-timestamp': [d.headers['webhook-timestamp']], 'webhook-signature': d.headers['webhook-signature'] } };
    expect((await verify(node)).id).toBe('pred_123');
  });

  it('refuses a changed body, a wrong secret, a changed id and a signature of another version', async () => {
    const d = delivery();
    expect(await refusal(verify({ ...d, body: d.body.replace('completed', 'failed') }))).toBe('invalid_signature');
    expect(await refusal(verify(d, 'whsec_another-secret'))).toBe('invalid_signature');
    expect(await refusal(verify({ ...d, headers: { ...d.headers, 'webhook-id': 'msg_2' } }))).toBe('invalid_signature');
    const hex = d.headers['webhook-signature'].slice(3);
    expect(await refusal(verify({ ...d, headers: { ...d.headers, 'webhook-signature': `v1,${hex}` } }))).toBe('invalid_signature');
    expect(await refusal(verify({ ...d, headers: { ...d.headers, 'webhook-signature': `v3,${hex.slice(2)}` } }))).toBe('invalid_signature');
  });

  it('accepts a delivery when any one of several signatures matches (secret rotation)', async () => {
    const d = delivery();
    const headers = { ...d.headers, 'webhook-signature': `v3,${'0'.repeat(64)} ${d.headers['webhook-signature']}` };
    expect((await verify({ ...d, headers })).id).toBe('pred_123');
  });

  it('refuses missing headers, and timestamps more than the tolerance away (replays)', async () => {
    const d = delivery();
    const { 'webhook-signature': _, ...unsigned } = d.headers;
    expect(await refusal(verify({ ...d, headers: unsigned }))).toBe('missing_headers');
    expect(await refusal(verify(delivery(body, { timestamp: NOW / 1000 - 301 })))).toBe('expired');
    expect(await refusal(verify(delivery(body, { timestamp: NOW / 1000 + 301 })))).toBe('expired');
    expect((await verify(delivery(body, { timestamp: NOW / 1000 - 299 }))).id).toBe('pred_123');
    const old = delivery(body, { timestamp: NOW / 1000 - 3600 });
    expect((await verifyWebhook(old, { secret: SECRET, now: () => NOW, tolerance: 7200 })).id).toBe('pred_123');
  });

  it('says so when given a parsed body instead of the raw one (express.json())', async () => {
    const d = delivery();
    const error = await verify({ body: JSON.parse(d.body), headers: d.headers }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_body', message: expect.stringMatching(/raw body.*express\.raw/) });
  });

  it('refuses a signed body that is not JSON or not a prediction, and unwraps an envelope', async () => {
    expect(await refusal(verify(delivery('not json')))).toBe('invalid_body');
    expect(await refusal(verify(delivery('{"hello":"world"}')))).toBe('invalid_body');
    expect(await refusal(verify(delivery('{"id":"../secret","status":"completed"}')))).toBe('invalid_body');
    expect((await verify(delivery(JSON.stringify({ code: 200, message: 'success', data: JSON.parse(body) })))).id).toBe('pred_123');
  });
});

describe('webhooks end to end: the proxy sets them, the engine sends them, verifyWebhook checks them', () => {
  it('delivers the finished edit, signed, to the URL the server chose', async () => {
    const received: unknown[] = [];
    let engine: ReturnType<typeof testEngine>;
    // The engine's outgoing fetch reaches the app's webhook route, which verifies like a real server would.
    const hooks = async (request: Request) => {
      try {
        received.push(await verifyWebhook(request, { secret: engine.webhookSecret }));
        return new Response(null, { status: 204 });
      } catch (error) {
        received.push(error);
        return new Response(null, { status: 400 });
      }
    };
    engine = testEngine({ fetch: (input, init) => hooks(new Request(input, init)) });
    const proxy = createProxy({
      upstream: engine,
      webhook: (request) => `https://app.test/hooks/hidream?user=${request.headers.get('x-user')}`,
    });
    const client = createClient({ baseUrl: 'http://app.test/api/hidream', headers: { 'x-user': 'ada' }, fetch: (input, init) => proxy(new Request(input, init)) });
    const done = await client.edit({ prompt: 'sepia', images: [dataUri(await testPhoto())] });

    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({ id: done.id, status: 'completed', outputs: done.outputs });
  });
});

describe('webhooks into an Express app, as the README shows', () => {
  it('verifies deliveries read with express.raw() over real HTTP', async () => {
    const engine = testEngine();
    const received: unknown[] = [];
    const app = express();
    app.post('/hooks/hidream', express.raw({ type: '*/*' }), async (req, res) => {
      try {
        received.push(await verifyWebhook({ body: req.body as Buffer, headers: req.headers }, { secret: engine.webhookSecret }));
        res.sendStatus(204);
      } catch (error) {
        received.push(error);
        res.status(400).send((error as Error).message);
      }
    });
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/hidream`;
      const proxy = createProxy({ upstream: engine, webhook: hook });
      const client = createClient({ baseUrl: 'http://app.test/api/hidream', fetch: (input, init) => proxy(new Request(input, init)) });
      const done = await client.edit({ prompt: 'sepia', images: [dataUri(await testPhoto())] });
      await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 5000 });
      expect(received[0]).toMatchObject({ id: done.id, status: 'completed' });
    } finally {
      server.close();
      engine.close();
    }
  });
});

describe('the proxy owns the webhook', () => {
  const SUBMIT = 'http://app.test/api/v3/wavespeed-ai/hidream-o1-image-dev/edit';
  const input = async () => ({ prompt: 'sepia', images: [dataUri(await testPhoto())] });
  const recording = () => {
    const urls: string[] = [];
    const upstream = async (request: Request) => {
      urls.push(request.url);
      return Response.json({ code: 200, message: 'success', data: { id: 'pred_1', status: 'created', outputs: [] } });
    };
    return { urls, upstream };
  };
  const post = async (url: string, value: unknown) => new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

  it('adds ?webhook= to every submit and nowhere else', async () => {
    const { urls, upstream } = recording();
    const proxy = createProxy({ upstream, webhook: 'https://app.test/hooks' });
    expect((await proxy(await post(SUBMIT, await input()))).status).toBe(200);
    expect((await proxy(new Request('http://app.test/api/v3/predictions/pred_1/result'))).status).toBe(200);
    expect(new URL(urls[0]!).searchParams.get('webhook')).toBe('https://app.test/hooks');
    expect(new URL(urls[1]!).searchParams.has('webhook')).toBe(false);
  });

  it('sends no webhook when the function returns undefined', async () => {
    const { urls, upstream } = recording();
    const proxy = createProxy({ upstream, webhook: () => undefined });
    await proxy(await post(SUBMIT, await input()));
    expect(new URL(urls[0]!).search).toBe('');
  });

  it('refuses a webhook chosen by the caller, in the query or the body, without calling upstream', async () => {
    for (const webhook of [undefined, 'https://app.test/hooks']) {
      const { urls, upstream } = recording();
      const proxy = createProxy({ upstream, ...(webhook ? { webhook } : {}) });
      for (const request of [
        await post(`${SUBMIT}?webhook=${encodeURIComponent('http://169.254.169.254/latest')}`, await input()),
        await post(SUBMIT, { ...(await input()), webhook_url: 'https://evil.example/collect' }),
      ]) {
        const response = await proxy(request);
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error_code: 'webhook_forbidden', message: expect.stringMatching(/set by the server/) });
      }
      expect(urls).toHaveLength(0);
    }
  });

  it('refuses a webhook_url at the end of a submit too large to buffer, before upstream gets it whole', async () => {
    const received: number[] = [];
    const proxy = createProxy({
      upstream: async (request) => {
        received.push((await request.text().catch(() => '')).length);
        return Response.json({ code: 200, data: {} });
      },
    });
    const photo = Buffer.from(await testPhoto());
    const padded = `data:image/png;base64,${Buffer.concat([photo, Buffer.alloc(10 * 1024 * 1024, 7)]).toString('base64')}`;
    const text = JSON.stringify({ prompt: 'x', images: [padded], webhook_url: 'https://evil.example/' });
    const response = await proxy(new Request(SUBMIT, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text }));
    expect(response.status).toBe(400);
    expect((await response.json()).error_code).toBe('webhook_forbidden');
    expect(received.every((length) => length < text.length)).toBe(true);
  });

  it('answers 500 and reports to onError when the configured webhook is not an http(s) URL', async () => {
    const { urls, upstream } = recording();
    const onError = vi.fn();
    const proxy = createProxy({ upstream, webhook: 'ftp://app.test/hooks', onError });
    const response = await proxy(await post(SUBMIT, await input()));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('ftp:');
    expect(onError).toHaveBeenCalledOnce();
    expect(urls).toHaveLength(0);
  });
});
