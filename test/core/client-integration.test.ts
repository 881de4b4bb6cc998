// The client against the real proxy and local engine (no network): the contracts between the layers.
import { describe, expect, it } from 'vitest';
import { createClient, sniffImage } from '../../src/core/index.js';
import { createLocalEngine } from '../../src/engine/index.js';
import { createProxy } from '../../src/server/index.js';
import { dataUri, realImage } from '../fixtures/corpus.js';

function setup(engineOptions: Parameters<typeof createLocalEngine>[0] = {}) {
  const engine = createLocalEngine({ latency: 400, maxOutputSide: 64, random: 1, ...engineOptions });
  const proxy = createProxy({ upstream: engine, apiKey: undefined });
  const requests: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
    return proxy(request);
  }) as typeof globalThis.fetch;
  const client = createClient({ baseUrl: 'http://app.test/api/hidream', fetch });
  return { client, requests, fetch, close: () => engine.close() };
}

describe('client ↔ proxy ↔ local engine', () => {
  it('edits an image end to end, long-polling once the proxy advertised it', async () => {
    const { client, requests, fetch, close } = setup();
    try {
      const statuses: string[] = [];
      const image = dataUri('image/png', await realImage('png', 96, 64));
      const p = await client.edit({ prompt: 'Make it grayscale.', images: [image], output_format: 'png' }, { onUpdate: (u) => statuses.push(u.status) });
      expect(p.status).toBe('completed');
      expect(statuses.at(-1)).toBe('completed');
      expect(requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
      expect(requests.slice(1).every((r) => r.includes('?wait='))).toBe(true);
      const output = new Uint8Array(await (await fetch(p.outputs[0]!)).arrayBuffer());
      expect(sniffImage(output)?.format).toBe('png');
    } finally {
      close();
    }
  });

  it('follows a sync-mode submit that timed out by its id, without resubmitting', async () => {
    const { client, requests, close } = setup({ latency: 800, syncTimeout: 100 });
    try {
      const submitted: string[] = [];
      const image = dataUri('image/jpeg', await realImage('jpeg', 64, 64));
      const p = await client.edit({ prompt: 'Invert the colors.', images: [image], enable_sync_mode: true }, { onSubmitted: (s) => submitted.push(s.status) });
      expect(p.status).toBe('completed');
      expect(submitted).toEqual(['processing']);
      expect(requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
      expect(requests.slice(1).every((r) => r.includes(`/predictions/${p.id}/result`))).toBe(true);
    } finally {
      close();
    }
  });

  it('uploads through the ticket flow and edits the uploaded image', async () => {
    const { client, requests, close } = setup({ latency: 0 });
    try {
      const bytes = await realImage('webp', 80, 60);
      const url = await client.upload(new File([new Uint8Array(bytes)], 'ref.webp', { type: 'image/webp' }));
      expect(requests.slice(0, 2).map((r) => r.split(' ')[0])).toEqual(['POST', 'PUT']);
      const p = await client.edit({ prompt: 'Flip it horizontally.', images: [url] });
      expect(p.outputs).toHaveLength(1);
    } finally {
      close();
    }
  });

  it('reports unknown predictions as not_found with the id', async () => {
    const { client, close } = setup();
    try {
      await expect(client.getResult('nope_123')).rejects.toMatchObject({ code: 'not_found', predictionId: 'nope_123' });
    } finally {
      close();
    }
  });
});
