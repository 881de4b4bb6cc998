import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'wavespeed';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalEngine } from '../../src/engine/index.js';
import { MODEL, ORIGIN, dataUri, testEngine, testPhoto } from './helpers.js';

let engine: LocalEngine;
let client: Client;
const requests: string[] = [];

beforeEach(() => {
  engine = testEngine();
  requests.length = 0;
  // The SDK calls the global fetch; route it straight into the engine handler.
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
    return engine(request);
  });
  vi.spyOn(console, 'log').mockImplementation(() => {});
  client = new Client('any-key', { baseUrl: `${ORIGIN}/api/hidream`, retryInterval: 0.01 });
});
afterEach(() => {
  engine.close();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the official wavespeed SDK against the engine', () => {
  it('run() submits once, polls and returns an output URL under the mount prefix', async () => {
    const photo = dataUri(await testPhoto());
    const { outputs } = await client.run(MODEL, { prompt: 'make it black and white', images: [photo], seed: 3 }, { pollInterval: 0.01 });
    expect(outputs[0]).toMatch(new RegExp(`^${ORIGIN}/api/hidream/api/v3/local/files/[0-9a-f]{32}\\.jpg$`));
    expect(requests.filter((r) => r.startsWith('POST'))).toEqual([`POST /api/hidream/api/v3/${MODEL}`]);
  });

  it('run() in sync mode returns the output from one request', async () => {
    const photo = dataUri(await testPhoto());
    const { outputs } = await client.run(MODEL, { prompt: 'invert', images: [photo] }, { enableSyncMode: true });
    expect(outputs).toHaveLength(1);
    expect(requests).toEqual([`POST /api/hidream/api/v3/${MODEL}`]);
  });

  it('upload() gets a ticket, PUTs the bytes, and the URL works as an image', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hidream-'));
    try {
      const file = join(dir, 'photo.png');
      await writeFile(file, await testPhoto());
      const url = await client.upload(file);
      expect(requests).toEqual(['POST /api/hidream/api/v3/media/uploads', expect.stringMatching(/^PUT \/api\/hidream\/api\/v3\/local\/uploads\//)]);
      const { outputs } = await client.run(MODEL, { prompt: 'sepia', images: [url] }, { enableSyncMode: true });
      expect(outputs).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runNoThrow() on bad input reports an error naming the field', async () => {
    const result = await client.runNoThrow(MODEL, { prompt: 'x', images: ['not a url'] });
    expect(result.outputs).toBeNull();
    expect(String(result.detail.error?.message)).toMatch(/HTTP 400/);
    expect(String(result.detail.error?.message)).toContain('images[0]');
  });

  it('a sync-mode timeout surfaces as WavespeedSyncTimeoutException with the task id', async () => {
    engine.close();
    engine = testEngine({ syncTimeout: 50, latency: 5000 });
    const photo = dataUri(await testPhoto());
    const result = await client.runNoThrow(MODEL, { prompt: 'x', images: [photo] }, { enableSyncMode: true });
    expect(result.detail.status).toBe('processing');
    expect(result.detail.error?.name).toBe('WavespeedSyncTimeoutException');
    expect(result.detail.taskId).toMatch(/^[0-9a-f]{32}$/);
  });
});
