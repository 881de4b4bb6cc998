import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLocalEngine } from '../../src/engine/index.js';
import { createProxy } from '../../src/server/index.js';

const BASE = 'http://app.test/api/hidream';
const SUBMIT = `${BASE}/api/v3/wavespeed-ai/hidream-o1-image-dev/edit`;

afterEach(() => {
  vi.unstubAllEnvs();
});

async function png(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 220 } } }).png().toBuffer();
}

function submit(proxy: (r: Request) => Promise<Response>, body: unknown) {
  return proxy(new Request(SUBMIT, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

describe('the default upstream without a key: the local engine', { timeout: 30_000 }, () => {
  it('is created on first use and kept, so a prediction made by one request is found by the next', async () => {
    vi.stubEnv('WAVESPEED_API_KEY', '');
    vi.stubEnv('NODE_ENV', 'test');
    const proxy = createProxy();
    const submitted = await submit(proxy, {
      prompt: 'flip',
      images: [`data:image/png;base64,${(await png()).toString('base64')}`],
      size: '512*512',
      enable_sync_mode: true,
    });
    expect(submitted.status).toBe(200);
    const { data } = await submitted.json();
    expect(data.status).toBe('completed');
    expect(data.urls.get).toBe(`${BASE}/api/v3/predictions/${data.id}/result`);
    expect(data.outputs[0]).toMatch(new RegExp(`^${BASE}/api/v3/local/files/`));
    const again = await proxy(new Request(data.urls.get));
    expect((await again.json()).data.id).toBe(data.id);
    const file = await proxy(new Request(data.outputs[0]));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).format).toBe('jpeg');
  });
});

describe('uploads through the proxy to the engine', { timeout: 30_000 }, () => {
  it('the legacy multipart upload answers a download URL under the mount point', async () => {
    const engine = createLocalEngine({ latency: 0 });
    const proxy = createProxy({ upstream: engine });
    const form = new FormData();
    const bytes = await png();
    form.set('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'blue.png');
    const response = await proxy(new Request(`${BASE}/api/v3/media/upload/binary`, { method: 'POST', body: form }));
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data.download_url).toMatch(new RegExp(`^${BASE}/api/v3/local/files/`));
    const file = await proxy(new Request(data.download_url));
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    engine.close();
  });

  it('a ticket and a PUT, with the uploads route switched off refused', async () => {
    const engine = createLocalEngine({ latency: 0 });
    const bytes = await png();
    const proxy = createProxy({ upstream: engine });
    const ticket = await proxy(
      new Request(`${BASE}/api/v3/media/uploads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ filename: 'blue.png', size: bytes.length }),
      }),
    );
    const { data } = await ticket.json();
    expect(data.upload.url).toMatch(new RegExp(`^${BASE}/api/v3/local/uploads/`));
    const put = await proxy(new Request(data.upload.url, { method: 'PUT', headers: data.upload.headers, body: new Uint8Array(bytes) }));
    expect(put.status).toBe(200);
    expect((await proxy(new Request(data.download_url))).status).toBe(200);

    const closed = createProxy({ upstream: engine, routes: { uploads: false } });
    expect((await closed(new Request(`${BASE}/api/v3/media/uploads`, { method: 'POST', body: '{}' }))).status).toBe(403);
    engine.close();
  });
});

describe('engine answers keep their status through the proxy', () => {
  it('a missing prediction is the engine 404, in the envelope', async () => {
    const engine = createLocalEngine();
    const response = await createProxy({ upstream: engine })(new Request(`${BASE}/api/v3/predictions/nope/result`));
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe(404);
    engine.close();
  });
});
