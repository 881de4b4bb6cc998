import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import express from 'express';
import { Hono } from 'hono';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProxy, hidreamVitePlugin, toHonoHandler, toNextJsHandler, toNodeHandler } from '../../src/server/index.js';
import { envelope, prediction, recordingHandler } from './recording-upstream.js';

const RESULT = '/api/v3/predictions/abc123/result';
const SUBMIT = '/api/v3/wavespeed-ai/hidream-o1-image-dev/edit';
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const input = { prompt: 'invert', images: [PNG] };

const closers: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Sends a raw HTTP/1.1 request and returns the status line. */
async function raw(base: string, requestLine: string, headers = ''): Promise<string> {
  const { port } = new URL(base);
  const socket = connect(Number(port), '127.0.0.1');
  await once(socket, 'connect');
  socket.write(`${requestLine}\r\nHost: 127.0.0.1:${port}\r\n${headers}Connection: close\r\n\r\n`);
  let text = '';
  for await (const chunk of socket) text += String(chunk);
  return text.split('\r\n')[0] ?? '';
}

describe('toNodeHandler (node:http)', () => {
  it('streams requests through, with the mount prefix kept', async () => {
    const rec = recordingHandler();
    const base = await listen(createServer(toNodeHandler(createProxy({ upstream: rec.handler }))));
    const response = await fetch(`${base}/api/hidream${SUBMIT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-hidream-long-poll')).toBe('30');
    expect(rec.calls[0]!.url).toBe(`${base}/api/hidream${SUBMIT}`);
    expect(JSON.parse(rec.calls[0]!.body)).toEqual(input);
  });

  it('refuses absolute-form targets aimed elsewhere and dot segments, before upstream', async () => {
    const rec = recordingHandler();
    const base = await listen(createServer(toNodeHandler(createProxy({ upstream: rec.handler }))));
    expect(await raw(base, `GET http://evil.example${RESULT} HTTP/1.1`)).toBe('HTTP/1.1 200 OK');
    expect(new URL(rec.calls[0]!.url).host).toBe(new URL(base).host);
    expect(await raw(base, 'GET /api/v3/predictions/%2e%2e/webhook/secret HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(base, 'GET /api/v3/predictions/abc/../../webhook/secret HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(base, 'GET /api/v3/predictions/abc#/result HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(base, `GET ${RESULT} HTTP/1.1`, 'X-Forwarded-Host: evil.example\r\n')).toBe('HTTP/1.1 200 OK');
    expect(rec.calls).toHaveLength(2);
    for (const call of rec.calls) expect(new URL(call.url).host).toBe(new URL(base).host);
  });

  it('answers 413 to an oversized chunked upload without reading it all', async () => {
    const rec = recordingHandler();
    const base = await listen(createServer(toNodeHandler(createProxy({ upstream: rec.handler, maxBodyBytes: 1024 * 1024 }))));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent > 64 * 1024 * 1024) return c.close();
        sent += 65536;
        c.enqueue(new Uint8Array(65536));
      },
    });
    const response = await fetch(`${base}${SUBMIT}`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error_code).toBe('payload_too_large');
    expect(sent).toBeLessThan(32 * 1024 * 1024);
    expect(rec.calls).toHaveLength(0);
  });

  it('stops long-polling upstream when the client disconnects', async () => {
    const rec = recordingHandler(() => envelope(prediction('abc123', 'processing')));
    const base = await listen(createServer(toNodeHandler(createProxy({ upstream: rec.handler, longPoll: { interval: 20 } }))));
    const controller = new AbortController();
    const pending = fetch(`${base}${RESULT}?wait=30&since=processing`, { signal: controller.signal }).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 150));
    expect(rec.calls.length).toBeGreaterThan(1);
    controller.abort();
    expect(await pending).toBe('aborted');
    // Polling every 20 ms would add ~5 calls per 100 ms: wait (up to 5 s, for a busy machine) for a quiet 100 ms.
    await vi.waitFor(
      async () => {
        const before = rec.calls.length;
        await new Promise((r) => setTimeout(r, 100));
        expect(rec.calls.length).toBe(before);
      },
      { timeout: 5000, interval: 10 },
    );
  });
});

describe('toNodeHandler (Express)', () => {
  it('serves under a mount point, leaves other paths to the app', async () => {
    const rec = recordingHandler();
    const app = express();
    app.use('/api/hidream', toNodeHandler(createProxy({ upstream: rec.handler })));
    app.get('/health', (_req, res) => {
      res.send('ok');
    });
    const base = await listen(createServer(app));
    const response = await fetch(`${base}/api/hidream${RESULT}`);
    expect(response.status).toBe(200);
    expect((await response.json()).data.id).toBe('abc123');
    expect(rec.calls[0]!.url).toBe(`${base}/api/hidream${RESULT}`);
    expect(await (await fetch(`${base}/health`)).text()).toBe('ok');
    const submit = await fetch(`${base}/api/hidream${SUBMIT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    expect(submit.status).toBe(200);
  });

  it('says to mount it before body parsers when one has eaten the body', async () => {
    const rec = recordingHandler();
    const app = express();
    app.use(express.json());
    app.use('/api/hidream', toNodeHandler(createProxy({ upstream: rec.handler })));
    const base = await listen(createServer(app));
    const response = await fetch(`${base}/api/hidream${SUBMIT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/before body parsers/);
    expect(rec.calls).toHaveLength(0);
  });
});

describe('toHonoHandler', () => {
  it('serves the proxy from a Hono route', async () => {
    const rec = recordingHandler();
    const app = new Hono();
    app.all('/api/hidream/*', toHonoHandler(createProxy({ upstream: rec.handler })));
    const response = await app.request(`http://app.test/api/hidream${SUBMIT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    expect(response.status).toBe(200);
    expect(rec.calls[0]!.url).toBe(`http://app.test/api/hidream${SUBMIT}`);
    expect((await app.request('http://app.test/api/hidream/api/v3/webhook/secret')).status).toBe(403);
  });
});

describe('toNextJsHandler', () => {
  it('gives App Router handlers that take a NextRequest', async () => {
    const rec = recordingHandler();
    const { GET, POST, OPTIONS } = toNextJsHandler(createProxy({ upstream: rec.handler, cors: { origins: ['https://app.example'] } }));
    const got = await GET(new NextRequest(`http://localhost:3000/api/hidream${RESULT}`));
    expect(got.status).toBe(200);
    const posted = await POST(
      new NextRequest(`http://localhost:3000/api/hidream${SUBMIT}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: '', images: [PNG] }),
      }),
    );
    expect(posted.status).toBe(400);
    const preflight = await OPTIONS(
      new NextRequest(`http://localhost:3000/api/hidream${SUBMIT}`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(rec.calls.map((c) => c.url)).toEqual([`http://localhost:3000/api/hidream${RESULT}`]);
  });
});

describe('hidreamVitePlugin', { timeout: 30_000 }, () => {
  it('mounts the proxy at /api/hidream in the dev server', async () => {
    const { createServer: createViteServer } = await import('vite');
    const rec = recordingHandler();
    const messages: string[] = [];
    const server = await createViteServer({
      configFile: false,
      root: import.meta.dirname,
      logLevel: 'info',
      customLogger: {
        info: (m: string) => messages.push(m),
        warn: () => {},
        warnOnce: () => {},
        error: () => {},
        clearScreen: () => {},
        hasErrorLogged: () => false,
        hasWarned: false,
      },
      server: { port: 0, host: '127.0.0.1', ws: false },
      plugins: [hidreamVitePlugin({ upstream: rec.handler })],
    });
    closers.push(() => server.close());
    await server.listen();
    const base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
    const response = await fetch(`${base}/api/hidream${RESULT}`);
    expect(response.status).toBe(200);
    expect(rec.calls[0]!.url).toBe(`${base}/api/hidream${RESULT}`);
    expect(messages.filter((m) => m.includes('[hidream-edit]'))).toEqual([
      '[hidream-edit] proxy at /api/hidream → a custom upstream handler',
    ]);
    const mistyped = await fetch(`${base}/api/hidream/nothing-here`);
    expect(mistyped.status).toBe(404);
    expect((await mistyped.json()).code).toBe(404);
  });

  it('mounts the proxy in `vite preview` too, at a custom path', async () => {
    const { preview } = await import('vite');
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const outDir = await mkdtemp(join(tmpdir(), 'hidream-preview-'));
    closers.push(() => rm(outDir, { recursive: true, force: true }));
    await writeFile(join(outDir, 'index.html'), '<!doctype html><title>app</title>');
    const rec = recordingHandler();
    const server = await preview({
      configFile: false,
      root: outDir,
      logLevel: 'silent',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1' },
      plugins: [hidreamVitePlugin({ upstream: rec.handler, path: '/edit-api/' })],
    });
    closers.push(() => server.close());
    const base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
    const response = await fetch(`${base}/edit-api${RESULT}`);
    expect(response.status).toBe(200);
    expect(rec.calls[0]!.url).toBe(`${base}/edit-api${RESULT}`);
  });
});
