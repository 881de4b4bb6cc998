// Test harness: the real proxy in front of the real local engine, called in-process through the client's `fetch`.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import sharp from 'sharp';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import { createClient, type HidreamClient } from '../../src/core/index.js';
import { createLocalEngine, createSharpImaging, type Imaging, type LocalEngineOptions } from '../../src/engine/index.js';
import { HidreamProvider } from '../../src/react/index.js';
import { createProxy, type ProxyOptions } from '../../src/server/index.js';

export const BASE_URL = 'http://app.test/api/hidream';

export interface LoggedRequest {
  method: string;
  /** Path and query, e.g. `/api/hidream/api/v3/predictions/abc/result?wait=25`. */
  path: string;
  /** Fake-clock time the request was sent. */
  at: number;
  /** Whether the caller's AbortSignal reached fetch. */
  hasSignal: boolean;
  /** Whether that signal aborted while the request was in flight. */
  aborted?: boolean;
  body?: unknown;
}

export interface HarnessOptions {
  engine?: LocalEngineOptions;
  proxy?: Omit<ProxyOptions, 'upstream'>;
  /** Wraps the proxy, e.g. to answer one request with a 429. */
  intercept?: (request: Request, next: (request: Request) => Promise<Response>) => Promise<Response>;
}

/** Sharp imaging for jsdom, whose global Uint8Array sharp does not accept: it gets a Node Buffer of the same bytes. */
export function nodeRealmImaging(): Imaging {
  const sharp = createSharpImaging();
  return { ...sharp, decode: (bytes) => sharp.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
}

/** A fresh QueryClient (queries not retried) and a `Wrapper` providing it and `client` to what it renders. */
export function createProviders(client: HidreamClient) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  function Wrapper({ children }: { children?: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <HidreamProvider client={client}>{children}</HidreamProvider>
      </QueryClientProvider>
    );
  }
  return { queryClient, Wrapper };
}

export function createHarness({ engine: engineOptions, proxy: proxyOptions, intercept }: HarnessOptions = {}) {
  const engine = createLocalEngine({ latency: 3000, maxOutputSide: 64, random: 7, imaging: nodeRealmImaging(), ...engineOptions });
  const proxy = createProxy({ apiKey: 'test-key', ...proxyOptions, upstream: engine });
  const handler = (request: Request) => (intercept ? intercept(request, proxy) : proxy(request));
  const log: LoggedRequest[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const signal = init?.signal ?? undefined;
    const entry: LoggedRequest = { method: init?.method ?? 'GET', path: url.pathname + url.search, at: Date.now(), hasSignal: !!signal };
    if (typeof init?.body === 'string') entry.body = JSON.parse(init.body);
    signal?.throwIfAborted(); // an aborted fetch sends nothing
    log.push(entry);
    // jsdom's AbortSignal is not Node's, so the Request gets no signal: an abort rejects the call as fetch would.
    const { signal: _ignored, ...rest } = init ?? {};
    const body = rest.body instanceof Blob ? new Uint8Array(await rest.body.arrayBuffer()) : rest.body;
    const response = handler(new Request(url, { ...rest, body, duplex: 'half' } as RequestInit));
    if (!signal) return response;
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => {
        entry.aborted = true;
        reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      response.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }) as typeof fetch;
  const client: HidreamClient = createClient({ baseUrl: BASE_URL, fetch: fetchFn });
  const { queryClient, Wrapper } = createProviders(client);
  const matching = (method: string, pattern: RegExp) => log.filter((r) => r.method === method && pattern.test(r.path));
  return {
    engine,
    client,
    queryClient,
    log,
    Wrapper,
    fetch: fetchFn,
    submits: () => matching('POST', /\/hidream-o1-image-dev\/edit$/),
    results: () => matching('GET', /\/predictions\/[^/]+\/result/),
    uploads: () => matching('POST', /\/media\/(uploads|upload\/binary)$/),
    close: () => engine.close(),
  };
}

export type Harness = ReturnType<typeof createHarness>;

/**
 * For every test of the calling file: fake timers that let real time pass too (so real imaging work finishes),
 * then `cleanup` (e.g. closing the test's harness) and real timers again.
 */
export function useFakeClock(cleanup?: () => void): void {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    cleanup?.();
    vi.useRealTimers();
  });
}

/** Advances the fake clock by `ms` inside `act`. */
export const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/** A real PNG, `width`×`height`, solid red. */
export async function png(width = 64, height = 48): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer();
  return Uint8Array.from(buffer);
}

export async function pngDataUri(width = 64, height = 48): Promise<string> {
  return `data:image/png;base64,${Buffer.from(await png(width, height)).toString('base64')}`;
}
