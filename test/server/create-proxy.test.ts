import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProxy } from '../../src/server/index.js';
import { envelope, prediction, recordingHandler, recordingServer } from './recording-upstream.js';

const KEY = 'ws-SECRET-0123456789abcdef-KEY';
const BASE = 'http://app.test/api/hidream';
const SUBMIT = `${BASE}/api/v3/wavespeed-ai/hidream-o1-image-dev/edit`;
const PNG_1x1 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function pngDataUri(width: number, height: number): string {
  const bytes = Buffer.from(PNG_1x1.split(',')[1] as string, 'base64');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return `data:image/png;base64,${bytes.toString('base64')}`;
}

const validInput = () => ({ prompt: 'make it sepia', images: [pngDataUri(512, 512)], size: '2048*2048' });

function post(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe('forwarding', () => {
  it('adds the server key, keeps the mount point and sends only the /api/v3 suffix upstream', async () => {
    const upstream = await recordingServer();
    try {
      const proxy = createProxy({ upstream: `${upstream.url}/base/`, apiKey: KEY });
      const response = await proxy(
        post(SUBMIT, validInput(), {
          authorization: 'Bearer caller-token',
          cookie: 'session=abc',
          'x-client-name': 'wavespeed-js',
          connection: 'keep-alive, x-client-os',
          'x-client-os': 'linux',
          'proxy-authorization': 'Basic abc',
          te: 'trailers',
          'x-forwarded-for': '10.0.0.1',
        }),
      );
      expect(response.status).toBe(200);
      expect((await response.json()).data.status).toBe('created');
      expect(upstream.calls).toHaveLength(1);
      const call = upstream.calls[0]!;
      expect(new URL(call.url).pathname).toBe('/base/api/v3/wavespeed-ai/hidream-o1-image-dev/edit');
      expect(call.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(call.headers.cookie).toBeUndefined();
      expect(call.headers['x-forwarded-for']).toBeUndefined();
      expect(call.headers['proxy-authorization']).toBeUndefined();
      expect(call.headers.te).toBeUndefined();
      expect(call.headers['x-client-os']).toBeUndefined();
      expect(call.headers['x-client-name']).toBe('wavespeed-js');
      expect(JSON.parse(call.body)).toEqual(validInput());
    } finally {
      await upstream.close();
    }
  });

  it('reads WAVESPEED_API_KEY per request, not when the proxy is created', async () => {
    const upstream = await recordingServer();
    try {
      const proxy = createProxy({ upstream: upstream.url });
      vi.stubEnv('WAVESPEED_API_KEY', 'ws-late-key');
      await proxy(new Request(`${BASE}/api/v3/predictions/abc123/result`));
      expect(upstream.calls[0]!.headers.authorization).toBe('Bearer ws-late-key');
    } finally {
      await upstream.close();
    }
  });

  it('calls a handler upstream with the caller URL, so engine URLs route back through the proxy', async () => {
    const { handler, calls } = recordingHandler();
    const proxy = createProxy({ upstream: handler });
    await proxy(new Request(`${BASE}/api/v3/predictions/abc123/result?x=1`));
    expect(calls[0]!.url).toBe(`${BASE}/api/v3/predictions/abc123/result?x=1`);
    const file = await proxy(new Request(`${BASE}/api/v3/local/files/out-1.png`));
    expect(file.status).toBe(200);
    expect(calls[1]!.url).toBe(`${BASE}/api/v3/local/files/out-1.png`);
  });

  it('never forwards /api/v3/local/* to a URL upstream', async () => {
    const upstream = await recordingServer();
    try {
      const proxy = createProxy({ upstream: upstream.url, apiKey: KEY });
      const response = await proxy(new Request(`${BASE}/api/v3/local/files/out.png`));
      expect(response.status).toBe(404);
      expect(upstream.calls).toHaveLength(0);
    } finally {
      await upstream.close();
    }
  });

  it('keeps upstream statuses and Retry-After, and drops set-cookie', async () => {
    const { handler } = recordingHandler(
      () =>
        new Response(JSON.stringify({ code: 429, message: 'Too many requests' }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '7', 'set-cookie': 'a=b', 'x-internal': '1' },
        }),
    );
    const response = await createProxy({ upstream: handler })(new Request(`${BASE}/api/v3/predictions/abc/result`));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-internal')).toBeNull();
    expect((await response.json()).message).toBe('Too many requests');
  });

  it('explains a non-JSON upstream answer and an unreachable upstream', async () => {
    const html = recordingHandler(() => new Response('<html>bad gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const response = await createProxy({ upstream: html.handler })(new Request(`${BASE}/api/v3/predictions/abc/result`));
    expect(response.status).toBe(502);
    expect((await response.json()).message).toMatch(/without a JSON body/);

    const down = createProxy({ upstream: 'http://127.0.0.1:9', apiKey: KEY });
    const unreachable = await down(new Request(`${BASE}/api/v3/predictions/abc/result`));
    expect(unreachable.status).toBe(502);
    expect((await unreachable.json()).message).toMatch(/Could not reach the upstream API/);
  });

  it.each([401, 403, 500, 503])('keeps an upstream %i and its message', async (status) => {
    const { handler } = recordingHandler(() => envelope(null, status));
    const response = await createProxy({ upstream: handler })(new Request(`${BASE}/api/v3/predictions/abc/result`));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ code: status, message: 'error', data: null });
  });

  it('does not follow upstream redirects', async () => {
    const upstream = await recordingServer(() => new Response(null, { status: 302, headers: { location: 'http://evil.example/' } }));
    try {
      const response = await createProxy({ upstream: upstream.url, apiKey: KEY })(new Request(`${BASE}/api/v3/predictions/abc/result`));
      expect(response.status).toBe(502);
      expect(upstream.calls).toHaveLength(1);
    } finally {
      await upstream.close();
    }
  });

  it('stops the upstream request when the caller aborts', async () => {
    let upstreamSignal: AbortSignal | undefined;
    const proxy = createProxy({
      upstream: (request) => {
        upstreamSignal = request.signal;
        return new Promise<Response>(() => {});
      },
    });
    const controller = new AbortController();
    const pending = proxy(new Request(`${BASE}/api/v3/predictions/abc/result`, { signal: controller.signal }));
    await new Promise((r) => setTimeout(r, 10));
    expect(upstreamSignal?.aborted).toBe(false);
    controller.abort();
    await pending;
    expect(upstreamSignal?.aborted).toBe(true);
  });

  it('reports a misconfigured upstream URL without details, and tells onError', async () => {
    const onError = vi.fn();
    const response = await createProxy({ upstream: 'not a url', onError })(new Request(`${BASE}/api/v3/predictions/abc/result`));
    expect(response.status).toBe(500);
    expect((await response.json()).message).toBe('The proxy is misconfigured: its upstream is not a valid URL.');
    expect(onError).toHaveBeenCalledOnce();
  });

  it('answers 504 when upstream takes longer than the timeout', async () => {
    vi.useFakeTimers();
    const proxy = createProxy({ upstream: () => new Promise<Response>(() => {}), timeout: 1000 });
    const pending = proxy(new Request(`${BASE}/api/v3/predictions/abc/result`));
    await vi.advanceTimersByTimeAsync(1001);
    const response = await pending;
    expect(response.status).toBe(504);
    expect((await response.json()).message).toMatch(/did not answer within 1 s/);
  });
});

describe('refusals (nothing reaches upstream)', () => {
  let rec: ReturnType<typeof recordingHandler>;
  beforeEach(() => {
    rec = recordingHandler();
  });

  it.each([
    ['another model', 'POST', '/api/v3/wavespeed-ai/flux-dev', 403],
    ['the webhook secret', 'GET', '/api/v3/webhook/secret', 403],
    ['the balance', 'GET', '/api/v3/balance', 403],
    ['the history', 'POST', '/api/v3/predictions', 403],
    ['delete', 'POST', '/api/v3/predictions/delete', 403],
    ['pricing', 'POST', '/api/v3/model/pricing', 403],
    ['an unknown route', 'GET', '/api/v3/nothing', 404],
    ['a path outside /api/v3', 'GET', '/elsewhere', 404],
    ['encoded traversal in an id', 'GET', '/api/v3/predictions/..%2Fwebhook%2Fsecret/result', 400],
    ['an encoded dot id', 'GET', '/api/v3/predictions/abc%2e%2e/result', 400],
    ['an encoded hash in an id', 'GET', '/api/v3/predictions/abc%23x/result', 400],
    ['a //host path', 'GET', '/api/v3//evil.example/predictions/abc/result', 400],
    ['a raw # cutting the id', 'GET', '/api/v3/predictions/abc#/../../webhook/secret', 400],
    ['a raw # before /result', 'GET', '/api/v3/predictions/abc#x/result', 400],
    ['the wrong method', 'DELETE', '/api/v3/predictions/abc/result', 405],
  ])('%s (%s %s) → %i', async (_, method, path, status) => {
    const proxy = createProxy({ upstream: rec.handler });
    const response = await proxy(new Request(`${BASE}${path}`, { method, body: method === 'POST' ? '{}' : undefined }));
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.code).toBe(status);
    expect(body.message).toEqual(expect.any(String));
    expect(rec.calls).toHaveLength(0);
  });

  it('never serves the webhook secret, even with every route opted in', async () => {
    const proxy = createProxy({
      upstream: rec.handler,
      routes: { history: true, delete: true, balance: true, pricing: true },
    });
    expect((await proxy(new Request(`${BASE}/api/v3/webhook/secret`))).status).toBe(403);
    expect((await proxy(new Request(`${BASE}/api/v3/balance`))).status).toBe(200);
    expect(rec.calls.map((c) => new URL(c.url).pathname)).toEqual(['/api/hidream/api/v3/balance']);
  });

  it('serves other models only when listed', async () => {
    const proxy = createProxy({ upstream: rec.handler, models: ['wavespeed-ai/hidream-o1-image-dev/edit', 'acme/other'] });
    expect((await proxy(post(`${BASE}/api/v3/acme/other`, validInput()))).status).toBe(200);
    expect((await proxy(post(`${BASE}/api/v3/acme/third`, validInput()))).status).toBe(403);
    expect(rec.calls).toHaveLength(1);
  });

  it('refuses an invalid edit with the field named, before upstream', async () => {
    const proxy = createProxy({ upstream: rec.handler });
    const response = await proxy(post(SUBMIT, { prompt: '', images: [pngDataUri(512, 512)], seed: 3.5 }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error_code).toBe('invalid_input');
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['prompt', 'seed']));
    expect(body.message).toMatch(/prompt/i);
    expect(rec.calls).toHaveLength(0);
  });

  it('refuses malformed JSON', async () => {
    const proxy = createProxy({ upstream: rec.handler });
    const response = await proxy(post(SUBMIT, '{"prompt": "x", "images": ['));
    expect(response.status).toBe(400);
    expect((await response.json()).error_code).toBe('invalid_json');
    const ticket = await proxy(post(`${BASE}/api/v3/media/uploads`, 'not json'));
    expect(ticket.status).toBe(400);
    expect(rec.calls).toHaveLength(0);
  });

  it('answers 413 from Content-Length without reading the body', async () => {
    const proxy = createProxy({ upstream: rec.handler, maxBodyBytes: 1000 });
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(100));
      },
    });
    const request = new Request(SUBMIT, {
      method: 'POST',
      headers: { 'content-length': '5000', 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await proxy(request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
    expect(rec.calls).toHaveLength(0);
  });

  it('caps small JSON routes (upload tickets) at 1 MiB whatever maxBodyBytes says', async () => {
    const proxy = createProxy({ upstream: rec.handler });
    const response = await proxy(post(`${BASE}/api/v3/media/uploads`, { filename: 'x'.repeat(2 * 1024 * 1024), size: 1 }));
    expect(response.status).toBe(413);
    expect(rec.calls).toHaveLength(0);
  });

  it('answers 413 for a chunked body once the streamed bytes pass the cap', async () => {
    const proxy = createProxy({ upstream: rec.handler, maxBodyBytes: 64 * 1024 });
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += chunk.length;
        c.enqueue(chunk);
      },
    });
    const response = await proxy(new Request(SUBMIT, { method: 'POST', body, duplex: 'half' } as RequestInit));
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(200 * 1024);
    expect(rec.calls).toHaveLength(0);
  });

  it('asks authorize first: false → 401, a throw → 500 without its details', async () => {
    const refused = createProxy({ upstream: rec.handler, authorize: async () => false });
    expect((await refused(new Request(`${BASE}/api/v3/predictions/abc/result`))).status).toBe(401);
    const onError = vi.fn();
    const broken = createProxy({
      upstream: rec.handler,
      onError,
      authorize: () => {
        throw new Error('db password is hunter2');
      },
    });
    const response = await broken(new Request(`${BASE}/api/v3/predictions/abc/result`));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('hunter2');
    expect(onError).toHaveBeenCalledOnce();
    expect(rec.calls).toHaveLength(0);
  });

  it('answers 503 asking for WAVESPEED_API_KEY in production without a key', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('WAVESPEED_API_KEY', '');
    const response = await createProxy()(new Request(`${BASE}/api/v3/predictions/abc/result`));
    expect(response.status).toBe(503);
    expect((await response.json()).message).toMatch(/set WAVESPEED_API_KEY/);
  });
});

describe('host steering', () => {
  it('ignores Host, X-Forwarded-Host, target headers and absolute URLs in the path', async () => {
    const upstream = await recordingServer();
    try {
      const proxy = createProxy({ upstream: upstream.url, apiKey: KEY });
      const attempts = [
        new Request(`${BASE}/api/v3/predictions/abc/result`, {
          headers: {
            host: 'evil.example',
            'x-forwarded-host': 'evil.example',
            'x-target-url': 'http://evil.example/',
            'x-upstream': 'http://evil.example/',
            forwarded: 'host=evil.example',
          },
        }),
        new Request(`http://evil.example/api/v3/predictions/abc/result`),
        new Request(`${BASE}/http://evil.example/api/v3/predictions/abc/result`),
      ];
      for (const request of attempts) expect((await proxy(request)).status).toBe(200);
      expect(upstream.calls).toHaveLength(3);
      for (const call of upstream.calls) {
        expect(new URL(call.url).host).toBe(new URL(upstream.url).host);
        expect(call.headers.host).toBe(new URL(upstream.url).host);
        expect(call.headers['x-forwarded-host']).toBeUndefined();
        expect(new URL(call.url).pathname).toBe('/api/v3/predictions/abc/result');
      }
    } finally {
      await upstream.close();
    }
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    new Request(SUBMIT, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });

  it('is off by default: preflights refused, foreign writes refused, no ACAO', async () => {
    const rec = recordingHandler();
    const proxy = createProxy({ upstream: rec.handler });
    const response = await proxy(preflight('https://evil.example'));
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const write = await proxy(post(SUBMIT, validInput(), { origin: 'https://evil.example' }));
    expect(write.status).toBe(403);
    const read = await proxy(new Request(`${BASE}/api/v3/predictions/abc/result`, { headers: { origin: 'https://evil.example' } }));
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    const sameOrigin = await proxy(post(SUBMIT, validInput(), { origin: 'http://app.test' }));
    expect(sameOrigin.status).toBe(200);
    expect(rec.calls).toHaveLength(2);
  });

  it("trusts the browser's Sec-Fetch-Site over Host (behind a reverse proxy), and refuses opaque origins", async () => {
    const rec = recordingHandler();
    const proxy = createProxy({ upstream: rec.handler });
    const behindProxy = await proxy(post(SUBMIT, validInput(), { origin: 'https://shop.example', 'sec-fetch-site': 'same-origin' }));
    expect(behindProxy.status).toBe(200);
    const crossSite = await proxy(post(SUBMIT, validInput(), { 'sec-fetch-site': 'cross-site' }));
    expect(crossSite.status).toBe(403);
    const sandboxed = await proxy(post(SUBMIT, validInput(), { origin: 'null' }));
    expect(sandboxed.status).toBe(403);
    const sdk = await proxy(post(SUBMIT, validInput()));
    expect(sdk.status).toBe(200);
    expect(rec.calls).toHaveLength(2);
  });

  it('allows listed origins only, exposing the long-poll header', async () => {
    const rec = recordingHandler();
    const proxy = createProxy({ upstream: rec.handler, cors: { origins: ['https://app.example'] } });
    const ok = await proxy(preflight('https://app.example'));
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    const foreign = await proxy(preflight('https://evil.example'));
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const actual = await proxy(post(SUBMIT, validInput(), { origin: 'https://app.example' }));
    expect(actual.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(actual.headers.get('access-control-expose-headers')).toContain('x-hidream-long-poll');
  });
});

describe('the key never appears in a response', () => {
  it('scrubs it from bodies and headers of every kind of answer', async () => {
    const upstream = await recordingServer((call) => {
      if (call.url.includes('/result'))
        return new Response(JSON.stringify({ code: 401, message: `Invalid key ${call.headers.authorization}` }), {
          status: 401,
          headers: { 'content-type': 'application/json', 'x-request-id': call.headers.authorization ?? '' },
        });
      return envelope(prediction('abc', 'created', { error: `echo ${'x'.repeat(70_000)}${KEY}${'y'.repeat(10)}` }));
    });
    try {
      const proxy = createProxy({ upstream: upstream.url, apiKey: KEY, routes: { balance: true } });
      const requests = [
        new Request(`${BASE}/api/v3/predictions/abc/result`),
        post(SUBMIT, validInput()),
        post(SUBMIT, { prompt: '' }),
        new Request(`${BASE}/api/v3/webhook/secret`),
        new Request(`${BASE}/api/v3/predictions/abc/result`, { method: 'OPTIONS', headers: { origin: 'https://x', 'access-control-request-method': 'GET' } }),
        new Request(`${BASE}/api/v3/balance`),
      ];
      for (const request of requests) {
        const response = await proxy(request);
        const text = await response.text();
        expect(text).not.toContain(KEY);
        response.headers.forEach((value) => expect(value).not.toContain(KEY));
      }
      expect(upstream.calls.length).toBeGreaterThanOrEqual(2);
    } finally {
      await upstream.close();
    }
  });
});

describe('long-poll', () => {
  function sequence(statuses: string[]) {
    let i = 0;
    return recordingHandler(() => envelope(prediction('abc', statuses[Math.min(i++, statuses.length - 1)]!)));
  }

  it('advertises itself on every response, errors included', async () => {
    const proxy = createProxy({ upstream: recordingHandler().handler, longPoll: { maxWait: 12 } });
    expect((await proxy(new Request(`${BASE}/api/v3/predictions/abc/result`))).headers.get('x-hidream-long-poll')).toBe('12');
    expect((await proxy(new Request(`${BASE}/api/v3/webhook/secret`))).headers.get('x-hidream-long-poll')).toBe('12');
    const off = createProxy({ upstream: recordingHandler().handler, longPoll: false });
    expect((await off(new Request(`${BASE}/api/v3/predictions/abc/result`))).headers.get('x-hidream-long-poll')).toBeNull();
  });

  it('holds the request until the status changes, polling every 250 ms without forwarding wait/since', async () => {
    vi.useFakeTimers();
    const rec = sequence(['processing', 'processing', 'processing', 'completed']);
    const proxy = createProxy({ upstream: rec.handler });
    let settled = false;
    const pending = proxy(new Request(`${BASE}/api/v3/predictions/abc/result?wait=10&since=processing`)).then((r) => {
      settled = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(300);
    expect(settled).toBe(false);
    expect(rec.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(settled).toBe(true);
    const response = await pending;
    expect((await response.json()).data.status).toBe('completed');
    expect(rec.calls).toHaveLength(4);
    for (const call of rec.calls) expect(new URL(call.url).search).toBe('');
  });

  it('answers the latest status when the wait ends, capped at maxWait', async () => {
    vi.useFakeTimers();
    const rec = sequence(['processing']);
    const proxy = createProxy({ upstream: rec.handler, longPoll: { maxWait: 2, interval: 500 } });
    let settled = false;
    const pending = proxy(new Request(`${BASE}/api/v3/predictions/abc/result?wait=60&since=processing`)).then((r) => {
      settled = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(1400);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(700);
    expect(settled).toBe(true);
    expect((await (await pending).json()).data.status).toBe('processing');
    expect(rec.calls.length).toBeLessThanOrEqual(5);
  });

  it('without since, waits for a terminal status', async () => {
    vi.useFakeTimers();
    const rec = sequence(['created', 'processing', 'failed']);
    const proxy = createProxy({ upstream: rec.handler });
    const pending = proxy(new Request(`${BASE}/api/v3/predictions/abc/result?wait=5`));
    await vi.advanceTimersByTimeAsync(600);
    expect((await (await pending).json()).data.status).toBe('failed');
    expect(rec.calls).toHaveLength(3);
  });

  it('answers a terminal status at once, even when it equals since', async () => {
    const rec = sequence(['completed']);
    const response = await createProxy({ upstream: rec.handler })(new Request(`${BASE}/api/v3/predictions/abc/result?wait=30&since=completed`));
    expect((await response.json()).data.status).toBe('completed');
    expect(rec.calls).toHaveLength(1);
  });

  it('stops polling when the caller aborts', async () => {
    vi.useFakeTimers();
    const rec = sequence(['processing']);
    const proxy = createProxy({ upstream: rec.handler });
    const controller = new AbortController();
    const pending = proxy(new Request(`${BASE}/api/v3/predictions/abc/result?wait=30&since=processing`, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(600);
    const before = rec.calls.length;
    controller.abort();
    await vi.advanceTimersByTimeAsync(5000);
    await pending;
    expect(rec.calls.length).toBe(before);
  });
});
