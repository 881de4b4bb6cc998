import { DEFAULT_MODEL, LONG_POLL_HEADER } from '../core/constants.js';
import { addCorsHeaders, checkCors } from './cors.js';
import { forwardRequestHeaders, forwardResponseHeaders } from './forward-headers.js';
import { gateBody, tooLarge, type BodyChecks, type GatedBody } from './gate-body.js';
import { submitChecks, webhookForbidden } from './submit-checks.js';
import { isHttpUrl } from './is-http-url.js';
import { longPoll } from './long-poll.js';
import { matchRoute, type MatchedRoute } from './match-route.js';
import { ProxyError, errorResponse } from './proxy-error.js';
import type { ProxyOptions, UpstreamHandler } from './proxy-options.js';
import { createSubmitLimiter } from './submit-limiter.js';
import { resolveApiKey, resolveUpstream, upstreamUrl, type ResolvedUpstream } from './resolve-upstream.js';
import { scrubSecretStream } from './scrub-secret.js';

/** Bodies up to this size are read whole and checked before anything goes upstream; larger ones stream. */
const PREBUFFER_BYTES = 8 * 1024 * 1024;
const DEFAULT_MAX_BODY = 64 * 1024 * 1024;
const DEFAULT_TIMEOUT = 300_000;
/** Routes whose small JSON bodies are parsed whole (malformed JSON is refused before going upstream)... */
const JSON_BODY_ROUTES = new Set(['upload-ticket', 'history', 'delete', 'pricing']);
/** ...and capped at this size, whatever `maxBodyBytes` allows. */
const JSON_BODY_MAX = 1024 * 1024;

const jsonChecks: BodyChecks = {
  whole(bytes) {
    try {
      JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new ProxyError(400, 'invalid_json', 'The request body is not valid JSON.');
    }
  },
};

interface Context {
  request: Request;
  url: URL;
  apiKey: string | undefined;
  upstream: ResolvedUpstream;
  route: MatchedRoute;
  /** The webhook URL added to a submit. */
  webhook?: string;
  /** The submitting caller's `submitLimit` key. */
  caller?: string;
}

/** The server's webhook for this submit, checked: a bad URL is the app's mistake (a 500), never sent upstream. */
function checkWebhook(url: string | undefined): string | undefined {
  if (url !== undefined && !isHttpUrl(url)) {
    throw new ProxyError(500, 'internal_error', 'The proxy is configured with a webhook that is not an http(s) URL.', {
      cause: new TypeError(`webhook: ${String(url)}`),
    });
  }
  return url;
}

/** A 429 saying when to try again, unless `waitMs` is null. */
function refuseOverLimit(waitMs: number | null): void {
  if (waitMs !== null) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new ProxyError(429, 'rate_limited', `Too many edits for now: try again in ${seconds} s.`, { headers: { 'retry-after': String(seconds) } });
  }
}

/**
 * A WaveSpeed v3 proxy as a web-standard handler: it serves `/api/v3/...` under any mount point, adds the
 * server's key, and refuses anything the app did not allow (models, routes, ids, origins, sizes, invalid
 * edits) before it reaches upstream. Mount it with an adapter (`toNodeHandler`, `toNextJsHandler`,
 * `toHonoHandler`, `hidreamVitePlugin`) or call it directly.
 */
export function createProxy(options: ProxyOptions = {}): (request: Request) => Promise<Response> {
  let engine: Promise<UpstreamHandler> | undefined;
  const localEngine = () =>
    (engine ??= import('../engine/index.js')
      .then(async ({ createLocalEngine, loadDefaultImaging }) => createLocalEngine({ imaging: await loadDefaultImaging() }) as UpstreamHandler)
      .catch((error: unknown) => {
        engine = undefined; // try again on the next request
        throw new ProxyError(
          503,
          'no_upstream',
          'The local engine could not be loaded (is sharp installed?); set WAVESPEED_API_KEY to use WaveSpeed instead.',
          { cause: error },
        );
      }));
  const limiter = options.submitLimit && createSubmitLimiter(options.submitLimit);
  /**
   * Runs one of the app's callbacks (`authorize`, `webhook`, `submitLimit.key`). A throw goes to `onError` as
   * thrown and becomes a 500 carrying only `sentence`.
   */
  async function appCallback<T>(run: () => T | Promise<T>, request: Request, sentence: string): Promise<T> {
    try {
      return await run();
    } catch (error) {
      options.onError?.(error, request);
      throw new ProxyError(500, 'internal_error', sentence);
    }
  }
  const longPollOptions =
    options.longPoll === false ? undefined : { maxWait: options.longPoll?.maxWait ?? 30, interval: options.longPoll?.interval ?? 250 };

  async function handle(request: Request, url: URL): Promise<Response> {
    const preflight = checkCors(request, url, options.cors);
    if (preflight) return preflight;

    const { authorize } = options;
    const authorized = authorize && (await appCallback(() => authorize(request), request, 'The proxy could not check whether this request is allowed.'));
    if (authorized === false) throw new ProxyError(401, 'unauthorized', 'This request is not allowed to use the proxy.');

    if (url.hash || url.href.endsWith('#')) {
      throw new ProxyError(400, 'invalid_path', 'The API path may not contain "#".');
    }
    const apiKey = await resolveApiKey(options.apiKey, request);
    const upstream = resolveUpstream(options.upstream, apiKey, localEngine);
    const route = matchRoute(url.pathname, request.method, {
      models: options.models ?? [DEFAULT_MODEL],
      routes: options.routes ?? {},
      handlerUpstream: upstream.kind === 'handler',
    });
    if (upstream.kind === 'unavailable') {
      throw new ProxyError(
        503,
        'no_upstream',
        'The image editing API is not configured: set WAVESPEED_API_KEY on the server (the local engine is off in production).',
      );
    }
    const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
    const declared = Number(request.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) throw tooLarge(maxBytes);

    const context: Context = { request, url, apiKey, upstream, route };
    if (route.name === 'submit') {
      if (url.searchParams.has('webhook')) throw webhookForbidden();
      const { webhook } = options;
      context.webhook = checkWebhook(
        typeof webhook === 'function' ? await appCallback(() => webhook(request), request, 'The proxy could not decide where to send the webhook.') : webhook,
      );
      // Over the limit: refused before the body is read. The submit is counted once its body has passed the
      // checks (an invalid edit costs nothing upstream, so it costs nothing here).
      if (limiter) {
        const key = options.submitLimit?.key;
        // Without a key, one budget shared by every caller.
        context.caller = key ? await appCallback(() => key(request), request, 'The proxy could not tell who is asking.') : '';
        refuseOverLimit(limiter.wait(context.caller));
      }
    }
    const wait = Number(url.searchParams.get('wait'));
    if (route.name === 'result' && longPollOptions && wait > 0) {
      return longPoll(() => send(context, null), {
        waitMs: Math.min(wait, longPollOptions.maxWait) * 1000,
        interval: longPollOptions.interval,
        since: url.searchParams.get('since') ?? undefined,
        signal: request.signal,
      });
    }
    const hasBody = request.method === 'POST' || request.method === 'PUT';
    const body = hasBody
      ? await gateBody(request.body, {
          maxBytes: JSON_BODY_ROUTES.has(route.name) ? Math.min(maxBytes, JSON_BODY_MAX) : maxBytes,
          prebufferBytes: PREBUFFER_BYTES,
          checks: route.name === 'submit' ? submitChecks() : JSON_BODY_ROUTES.has(route.name) ? jsonChecks : undefined,
        })
      : null;
    if (limiter && context.caller !== undefined) refuseOverLimit(limiter.take(context.caller));
    return send(context, body);
  }

  async function send(context: Context, body: GatedBody | null): Promise<Response> {
    const { request, url, apiKey, upstream, route } = context;
    const search = new URLSearchParams(url.search);
    if (route.name === 'result') {
      search.delete('wait');
      search.delete('since');
    }
    if (context.webhook) search.set('webhook', context.webhook);
    const query = search.size > 0 ? `?${search}` : '';
    const headers = forwardRequestHeaders(request.headers);
    if (apiKey) headers.set('authorization', `Bearer ${apiKey}`);
    if (body?.kind === 'buffered') headers.set('content-length', String(body.bytes.byteLength));

    const timeoutMs = options.timeout ?? DEFAULT_TIMEOUT;
    const controller = new AbortController();
    let abandon!: (error: ProxyError) => void;
    const abandoned = new Promise<never>((_, reject) => {
      abandon = reject;
    });
    abandoned.catch(() => {});
    const onAbort = () => {
      controller.abort(request.signal.reason);
      abandon(new ProxyError(499, 'cancelled', 'The caller went away.'));
    };
    if (request.signal.aborted) onAbort();
    request.signal.addEventListener('abort', onAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new ProxyError(504, 'upstream_timeout', `The upstream API did not answer within ${Math.round(timeoutMs / 1000)} s.`));
        controller.abort();
      }, timeoutMs);
    });
    timedOut.catch(() => {});
    const failed =
      body?.kind === 'streaming'
        ? body.failed.catch((error: unknown) => {
            controller.abort();
            throw error;
          })
        : new Promise<never>(() => {});

    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers,
      body: body === null ? null : body.kind === 'buffered' ? (body.bytes as BodyInit) : body.stream,
      signal: controller.signal,
      redirect: 'manual',
    };
    if (body?.kind === 'streaming') init.duplex = 'half';

    const call = async (): Promise<Response> => {
      try {
        if (upstream.kind === 'handler') {
          const handler = await upstream.handler();
          const target = new URL(url.href);
          target.search = query;
          return await handler(new Request(target, init));
        }
        if (upstream.kind !== 'url') throw new Error('unreachable');
        // redirect 'error': any other mode makes fetch clone the request, teeing a streamed body into a
        // branch nobody reads, which then holds every byte sent (270 MiB in, 270 MiB kept).
        return await fetch(upstreamUrl(upstream.base, route.suffix, query), { ...init, redirect: 'error' });
      } catch (error) {
        if (error instanceof ProxyError) throw error;
        if (request.signal.aborted) throw new ProxyError(499, 'cancelled', 'The caller went away.');
        if (controller.signal.aborted) throw new ProxyError(502, 'upstream_error', 'The upstream request was stopped.');
        throw new ProxyError(502, 'upstream_unreachable', `Could not reach the upstream API (${upstream.label}).`, { cause: error });
      }
    };

    try {
      const pending = call();
      pending.catch(() => {});
      const response = await Promise.race([pending, timedOut, failed, abandoned]);
      return await relay(response, route, apiKey, request.method);
    } finally {
      clearTimeout(timer);
      request.signal.removeEventListener('abort', onAbort);
    }
  }

  return async function hidreamProxy(request: Request): Promise<Response> {
    let response: Response;
    let url: URL | undefined;
    try {
      url = new URL(request.url);
      response = await handle(request, url);
    } catch (error) {
      if (!(error instanceof ProxyError) || (error.status >= 500 && error.cause !== undefined)) options.onError?.(error, request);
      response = errorResponse(error);
    }
    addCorsHeaders(response.headers, request, options.cors);
    if (longPollOptions) response.headers.set(LONG_POLL_HEADER, String(longPollOptions.maxWait));
    return response;
  };
}

/** The upstream's answer as the caller sees it: allowlisted headers, the key scrubbed, non-JSON errors explained. */
async function relay(upstream: Response, route: MatchedRoute, apiKey: string | undefined, method: string): Promise<Response> {
  const headers = forwardResponseHeaders(upstream.headers);
  const type = upstream.headers.get('content-type') ?? '';
  if (upstream.status >= 300 && upstream.status < 400 && upstream.status !== 304) {
    await upstream.body?.cancel();
    throw new ProxyError(502, 'upstream_error', `The upstream API answered with a redirect (HTTP ${upstream.status}).`);
  }
  if (route.name !== 'local-file' && method !== 'HEAD' && !type.includes('json')) {
    await upstream.body?.cancel();
    const status = upstream.status >= 400 ? upstream.status : 502;
    const retryAfter = upstream.headers.get('retry-after');
    throw new ProxyError(status, 'upstream_error', `The upstream API answered HTTP ${upstream.status} without a JSON body.`, {
      headers: retryAfter ? { 'retry-after': retryAfter } : {},
    });
  }
  let body: ReadableStream<Uint8Array> | null = upstream.body;
  if (body && apiKey) {
    body = body.pipeThrough(scrubSecretStream(apiKey));
  } else {
    const length = upstream.headers.get('content-length');
    if (length) headers.set('content-length', length);
  }
  if (apiKey) {
    // Headers are small and allowlisted already; scrub them anyway.
    headers.forEach((value, name) => {
      if (value.includes(apiKey)) headers.set(name, value.split(apiKey).join('[redacted]'));
    });
  }
  const noBody = method === 'HEAD' || upstream.status === 204 || upstream.status === 304;
  return new Response(noBody ? null : body, { status: upstream.status, statusText: upstream.statusText, headers });
}
