import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createProxy } from '../../src/server/index.js';
import { recordingHandler } from './recording-upstream.js';

const SUBMIT = 'http://app.test/api/v3/wavespeed-ai/hidream-o1-image-dev/edit';
const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** A PNG whose header says width×height, padded to `bytes` (the header is all the checks read). */
function paddedPng(bytes: number, width = 800, height = 600): string {
  const png = Buffer.from(PNG_1x1, 'base64');
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return `data:image/png;base64,${Buffer.concat([png, Buffer.alloc(bytes - png.length, 7)]).toString('base64')}`;
}

/** A request whose body arrives in 64 KiB chunks, without a Content-Length. */
function streamed(text: string): Request {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.slice(at, at + 65536));
      at += 65536;
    },
  });
  return new Request(SUBMIT, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
}

describe('submits larger than the pre-buffer are validated while they stream', { timeout: 30_000 }, () => {
  it('passes a valid 20 MB submit through byte for byte', async () => {
    const rec = recordingHandler();
    const text = JSON.stringify({ prompt: 'warmer', images: [paddedPng(15 * 1024 * 1024)], seed: 7 });
    const response = await createProxy({ upstream: rec.handler })(streamed(text));
    expect(response.status).toBe(200);
    expect(rec.calls).toHaveLength(1);
    expect(rec.calls[0]!.body.length).toBe(text.length);
    expect(rec.calls[0]!.body === text).toBe(true);
  });

  it('refuses a problem found at the very end, and upstream never gets a complete body', async () => {
    const rec = recordingHandler();
    const text = JSON.stringify({ images: [paddedPng(12 * 1024 * 1024)], prompt: '   ' });
    const response = await createProxy({ upstream: rec.handler })(streamed(text));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual([expect.objectContaining({ field: 'prompt', code: 'required' })]);
    expect(rec.calls).toHaveLength(0);
  });

  it('refuses an image over 50 MB with the core message, counting rather than keeping it', async () => {
    const rec = recordingHandler();
    const text = JSON.stringify({ prompt: 'x', images: [paddedPng(1000), paddedPng(51 * 1024 * 1024)] });
    const response = await createProxy({ upstream: rec.handler, maxBodyBytes: 100 * 1024 * 1024 })(streamed(text));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual([{ field: 'images[1]', code: 'too_large', message: 'Image 2 is 51.0 MB; the limit is 50 MB.' }]);
    expect(rec.calls).toHaveLength(0);
  });

  it('refuses base64 that breaks far past the kept prefix, and header problems in the prefix', async () => {
    const rec = recordingHandler();
    const broken = paddedPng(10 * 1024 * 1024);
    const text = JSON.stringify({ prompt: 'x', images: [`${broken.slice(0, 9_000_000)}*${broken.slice(9_000_001)}`, paddedPng(9 * 1024 * 1024, 5000, 100)] });
    const response = await createProxy({ upstream: rec.handler, maxBodyBytes: 100 * 1024 * 1024 })(streamed(text));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual([
      'images[0]:invalid_url',
      'images[1]:aspect_ratio',
    ]);
    expect(rec.calls).toHaveLength(0);
  });

  it('refuses malformed JSON in the first megabytes without calling upstream at all', async () => {
    let called = 0;
    const proxy = createProxy({ upstream: async () => (called++, new Response('{}', { headers: { 'content-type': 'application/json' } })) });
    const text = `{"prompt":"x" "images":["${paddedPng(10 * 1024 * 1024)}"]}`;
    const response = await proxy(streamed(text));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/Expected "," or the end of an object/);
    expect(called).toBe(0);
  });

  it('refuses malformed JSON found mid-stream', async () => {
    const rec = recordingHandler();
    const text = `{"prompt":"x","images":["${paddedPng(10 * 1024 * 1024)}"] "oops"}`;
    const response = await createProxy({ upstream: rec.handler })(streamed(text));
    expect(response.status).toBe(400);
    expect((await response.json()).error_code).toBe('invalid_json');
    expect(rec.calls).toHaveLength(0);
  });

  it('over HTTP, an invalid streamed submit is cut off: the upstream server never sees its end', async () => {
    const seen: { bytes: number; complete: boolean }[] = [];
    const sink = createServer((req, res) => {
      const record = { bytes: 0, complete: false };
      seen.push(record);
      req.on('data', (chunk: Buffer) => (record.bytes += chunk.length));
      req.on('end', () => {
        record.complete = true;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":200,"message":"success","data":{}}');
      });
      req.on('error', () => {});
    });
    sink.listen(0, '127.0.0.1');
    await once(sink, 'listening');
    try {
      const proxy = createProxy({ upstream: `http://127.0.0.1:${(sink.address() as AddressInfo).port}`, apiKey: 'k' });
      const text = JSON.stringify({ prompt: 'x', images: [paddedPng(12 * 1024 * 1024)], seed: 'seven' });
      const response = await proxy(streamed(text));
      expect(response.status).toBe(400);
      expect((await response.json()).errors).toEqual([expect.objectContaining({ field: 'seed' })]);
      await new Promise((r) => setTimeout(r, 100));
      expect(seen.every((r) => !r.complete && r.bytes < text.length)).toBe(true);
    } finally {
      sink.closeAllConnections();
      sink.close();
    }
  });
});
