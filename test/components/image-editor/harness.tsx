// The real proxy in front of the real local engine, called in-process through the client's `fetch`.
import sharp from 'sharp';
import { createClient } from '../../../src/core/index.js';
import { createLocalEngine, type LocalEngineOptions } from '../../../src/engine/index.js';
import { createProxy } from '../../../src/server/index.js';
import { BASE_URL, createProviders, nodeRealmImaging } from '../../react/harness.js';

export function createHarness(engineOptions: LocalEngineOptions = {}) {
  const engine = createLocalEngine({ latency: 400, maxOutputSide: 48, random: 3, imaging: nodeRealmImaging(), ...engineOptions });
  const proxy = createProxy({ apiKey: 'test-key', upstream: engine });
  const submits: Record<string, unknown>[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    if ((init?.method ?? 'GET') === 'POST' && /\/edit$/.test(url.pathname) && typeof init?.body === 'string') submits.push(JSON.parse(init.body));
    // jsdom's AbortSignal is not Node's: the Request gets none, and an abort rejects the call as fetch would.
    const { signal: _ignored, ...rest } = init ?? {};
    const body = rest.body instanceof Blob ? new Uint8Array(await rest.body.arrayBuffer()) : rest.body;
    const response = proxy(new Request(url, { ...rest, body, duplex: 'half' } as RequestInit));
    if (!signal) return response;
    return new Promise<Response>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      response.then(resolve, reject);
    });
  }) as typeof fetch;
  const client = createClient({ baseUrl: BASE_URL, fetch: fetchFn });
  const { Wrapper } = createProviders(client);
  return { engine, client, submits, Wrapper, close: () => engine.close() };
}

/** A real PNG file, solid red. */
export async function pngFile(name = 'red.png', width = 64, height = 48): Promise<File> {
  const buffer = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toBuffer();
  return new File([Uint8Array.from(buffer)], name, { type: 'image/png' });
}
