import { DEFAULT_MODEL } from '../core/constants.js';
import { createDefaultImaging } from './default-imaging.js';
import type { EngineContext, RequestScope, ResolvedOptions, StoredFile } from './engine-context.js';
import { fail, ok } from './envelope.js';
import { ExpiringStore } from './expiring-store.js';
import type { Imaging } from './imaging.js';
import type { Latency, LocalEngine, LocalEngineOptions } from './local-engine-options.js';
import { createPredictionRoutes } from './prediction-routes.js';
import { createSeededRandom } from './random.js';
import { createUploadRoutes } from './upload-routes.js';

const API = '/api/v3/';

function resolve(options: LocalEngineOptions): ResolvedOptions {
  const fraction = (value: number | undefined) => Math.min(1, Math.max(0, value ?? 0));
  return {
    latency: options.latency ?? { min: 1200, max: 1800 },
    extraLatency: options.extraLatency ?? 0,
    slowLatency: options.slowLatency ?? 8000,
    failRate: fraction(options.failRate),
    errorRate: fraction(options.errorRate),
    syncTimeout: options.syncTimeout ?? 60_000,
    apiKey: options.apiKey,
    models: options.models ?? [DEFAULT_MODEL],
    maxOutputSide: options.maxOutputSide,
    ttl: options.ttl ?? 60 * 60 * 1000,
    maxStoredBytes: options.maxStoredBytes ?? 256 * 1024 * 1024,
    maxEntries: options.maxEntries ?? 1000,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 * 1024,
    fetch: options.fetch === false ? false : (options.fetch ?? ((input, init) => globalThis.fetch(input, init))),
    fetchTimeout: options.fetchTimeout ?? 10_000,
    webhookSecret: options.webhookSecret ?? `whsec_${hex(24)}`,
    concurrency: Math.max(1, options.concurrency ?? Infinity),
  };
}

function hex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  return Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A WaveSpeed v3 server in-process, as a web-standard `(Request) => Promise<Response>`, that really edits
 * images (see `EDIT_VOCABULARY`). It matches the path from `/api/v3/` on, so it works under any mount prefix,
 * and builds every URL it returns from the request's own origin and prefix, so they route back through
 * whatever proxy forwarded the request.
 *
 * Demo switches in the prompt: `[fail]` (the prediction fails), `[moderate]` (fails with task code 1200 and
 * `has_nsfw_contents: [true]`), `[slow]` (takes `slowLatency` longer).
 */
export function createLocalEngine(options: LocalEngineOptions = {}): LocalEngine {
  const resolved = resolve(options);
  const random = typeof options.random === 'number' ? createSeededRandom(options.random) : (options.random ?? Math.random);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** Requests waiting out `extraLatency`: `close()` wakes them so they answer 503 instead of hanging. */
  const delayed = new Set<() => void>();
  let imaging: Imaging | undefined = options.imaging;
  let closed = false;

  const context: EngineContext = {
    options: resolved,
    imaging: () => (imaging ??= createDefaultImaging()),
    random,
    files: new ExpiringStore<StoredFile>({
      ttl: resolved.ttl,
      maxEntries: resolved.maxEntries,
      maxSize: resolved.maxStoredBytes,
      sizeOf: (file) => file.bytes.byteLength,
    }),
    later(ms, fn) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
      return timer;
    },
    cancel(timer) {
      clearTimeout(timer);
      timers.delete(timer);
    },
    newId: () => hex(16),
    pick(latency: Latency) {
      if (typeof latency === 'number') return Math.max(0, latency);
      return Math.max(0, latency.min + (latency.max - latency.min) * random());
    },
    get closed() {
      return closed;
    },
  };
  const predictions = createPredictionRoutes(context);
  const uploads = createUploadRoutes(context);

  function authorized(request: Request): boolean {
    if (resolved.apiKey === undefined) return true;
    return request.headers.get('authorization') === `Bearer ${resolved.apiKey}`;
  }

  async function route(scope: RequestScope, rest: string): Promise<Response> {
    const method = scope.request.method.toUpperCase();
    const only = (allowed: string[], handle: () => Response | Promise<Response>) =>
      allowed.includes(method)
        ? handle()
        : fail(405, `Method ${method} is not allowed here; use ${allowed.join(' or ')}.`, { headers: { allow: allowed.join(', ') } });
    const guarded = (allowed: string[], handle: () => Response | Promise<Response>) =>
      only(allowed, () => (authorized(scope.request) ? handle() : fail(401, 'Invalid API key: check the Authorization: Bearer header.')));

    let m: RegExpExecArray | null;
    if ((m = /^local\/files\/([^/]+)$/.exec(rest))) return only(['GET', 'HEAD'], () => uploads.serve(scope, m![1]!));
    if ((m = /^local\/uploads\/([^/]+)$/.exec(rest))) return only(['PUT'], () => uploads.put(scope, m![1]!));
    if ((m = /^predictions\/([^/]+)\/result$/.exec(rest))) return guarded(['GET'], () => predictions.result(scope, m![1]!));
    if (rest === 'media/uploads') return guarded(['POST'], () => uploads.ticket(scope));
    if (rest === 'media/upload/binary') return guarded(['POST'], () => uploads.binary(scope));
    if (rest === 'webhook/secret') return guarded(['GET'], () => ok({ secret: resolved.webhookSecret }));
    if (method === 'POST' && /^[\w.-]+(\/[\w.-]+)+$/.test(rest) && !rest.startsWith('predictions/') && !rest.startsWith('local/') && !rest.startsWith('media/')) {
      if (!authorized(scope.request)) return fail(401, 'Invalid API key: check the Authorization: Bearer header.');
      if (!resolved.models.includes(rest)) return fail(404, `Model not found: ${rest}. This local engine serves ${resolved.models.join(', ')}.`);
      return predictions.submit(scope, rest);
    }
    return fail(404, `Not found: ${method} ${API}${rest}.`);
  }

  const engine = (async (request: Request) => {
    if (closed) return fail(503, 'The local engine was closed.', { errorCode: 5003 });
    const url = new URL(request.url);
    const at = url.pathname.indexOf(API);
    if (at < 0) return fail(404, `Not found: ${url.pathname}. The local engine serves the WaveSpeed ${API} paths.`);
    const scope: RequestScope = { request, url, base: url.origin + url.pathname.slice(0, at) };
    predictions.sweep();
    context.files.sweep();
    const delay = context.pick(resolved.extraLatency);
    if (delay > 0) {
      await new Promise<void>((done) => {
        const wake = () => {
          delayed.delete(wake);
          done();
        };
        delayed.add(wake);
        context.later(delay, wake);
      });
      if (closed) return fail(503, 'The local engine was closed.', { errorCode: 5003 });
    }
    try {
      return await route(scope, url.pathname.slice(at + API.length));
    } catch (error) {
      return fail(500, `Internal error in the local engine: ${(error as Error)?.message ?? error}`, { errorCode: 5000 });
    }
  }) as LocalEngine;

  Object.defineProperty(engine, 'webhookSecret', { value: resolved.webhookSecret, enumerable: true });
  engine.close = () => {
    closed = true;
    predictions.clear();
    uploads.clear();
    context.files.clear();
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const wake of [...delayed]) wake();
  };
  return engine;
}
