import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'wavespeed';
import { snapSize } from '../../src/core/index.js';
import { startServer, type RunningServer } from '../../src/cli/start-server.js';

const MODEL = 'wavespeed-ai/hidream-o1-image-dev/edit';
let server: RunningServer;
let client: Client;
let png: Buffer;
let dir: string;

beforeAll(async () => {
  delete process.env.WAVESPEED_API_KEY;
  server = await startServer({ port: 0, latency: 100 });
  // The SDK insists on a key; the proxy drops whatever the caller sends and adds its own (here: none).
  client = new Client('caller-side-key-is-ignored', { baseUrl: server.url, maxConnectionRetries: 0 });
  png = await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toBuffer();
  dir = await mkdtemp(join(tmpdir(), 'hidream-sdk-'));
}, 30_000);

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const dataUri = () => `data:image/png;base64,${png.toString('base64')}`;

async function fetchImage(url: string): Promise<{ format?: string; width?: number; height?: number }> {
  expect(url.startsWith(`${server.url}/api/v3/local/files/`)).toBe(true);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return sharp(Buffer.from(await response.arrayBuffer())).metadata();
}

describe('the official wavespeed SDK through `hidream-edit serve` (local engine)', { timeout: 30_000 }, () => {
  it('run: submits, polls and gets an output served back through the proxy', async () => {
    const result = await client.run(MODEL, { prompt: 'make it black and white', images: [dataUri()], size: '512*512', output_format: 'png' }, { pollInterval: 0.05, timeout: 60 });
    expect(result.outputs).toHaveLength(1);
    const meta = await fetchImage(result.outputs[0] as string);
    expect(meta.format).toBe('png');
    expect({ width: meta.width, height: meta.height }).toEqual(snapSize(512, 512));
  });

  it('run in sync mode: one request answers the finished prediction', async () => {
    const result = await client.run(MODEL, { prompt: 'mirror', images: [dataUri()], size: '512*512', output_format: 'webp' }, { enableSyncMode: true, timeout: 60 });
    expect(result.outputs).toHaveLength(1);
    expect((await fetchImage(result.outputs[0] as string)).format).toBe('webp');
  });

  it('upload: ticket + PUT through the proxy, and the file is then usable in an edit', async () => {
    const file = join(dir, 'red.png');
    await writeFile(file, png);
    const url = await client.upload(file);
    const response = await fetch(url);
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    const result = await client.run(MODEL, { prompt: 'invert', images: [url], size: '512*512' }, { pollInterval: 0.05, timeout: 60 });
    expect((await fetchImage(result.outputs[0] as string)).format).toBe('jpeg');
  });

  it('runNoThrow on bad input: no task, and a message naming the field', async () => {
    const result = await client.runNoThrow(MODEL, { prompt: '   ', images: [dataUri()], seed: 1.5 }, { timeout: 10 });
    expect(result.outputs).toBeNull();
    expect(result.detail.status).toBe('failed');
    const message = String(result.detail.error?.message);
    expect(message).toContain('HTTP 400');
    expect(message).toContain('Write a prompt that describes the edit.');
    expect(message).toContain('"field":"seed"');
  });

  it('runNoThrow on a model the proxy does not serve', async () => {
    const result = await client.runNoThrow('wavespeed-ai/flux-dev', { prompt: 'x' }, { timeout: 10 });
    expect(result.outputs).toBeNull();
    expect(String(result.detail.error?.message)).toMatch(/HTTP 403.*does not serve the model/);
  });
});
