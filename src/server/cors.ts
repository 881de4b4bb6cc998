import { LONG_POLL_HEADER } from '../core/constants.js';
import { ProxyError } from './proxy-error.js';
import type { ProxyCorsOptions } from './proxy-options.js';

const ALLOW_METHODS = 'GET, HEAD, POST, PUT, OPTIONS';
const ALLOW_HEADERS = 'content-type, authorization, x-client-name, x-client-version, x-client-os, x-request-id';
const EXPOSE_HEADERS = `${LONG_POLL_HEADER}, retry-after, x-request-id`;

function isAllowed(cors: ProxyCorsOptions | undefined, origin: string): boolean {
  if (!cors) return false;
  return cors.origins === '*' || cors.origins.includes(origin);
}

function isSameOrigin(origin: string, url: URL): boolean {
  try {
    return new URL(origin).host === url.host;
  } catch {
    return false;
  }
}

/**
 * Applies the CORS policy before anything else: answers preflights (204 for listed origins, 403 otherwise)
 * and refuses state-changing requests from foreign origins that are not listed, so a page on another site
 * cannot spend the key with a "simple" cross-site POST (which needs no preflight). Reads stay open: without
 * an `Access-Control-Allow-Origin` header the browser hides their answer. Returns a response for
 * preflights, else nothing.
 */
export function checkCors(request: Request, url: URL, cors: ProxyCorsOptions | undefined): Response | undefined {
  const origin = request.headers.get('origin');
  if (request.method === 'OPTIONS') {
    if (!request.headers.has('access-control-request-method')) {
      return new Response(null, { status: 204, headers: { allow: ALLOW_METHODS } });
    }
    if (!origin || !isAllowed(cors, origin)) {
      throw new ProxyError(403, 'cors_forbidden', `Cross-origin requests from ${origin ?? 'this page'} are not allowed by this proxy.`);
    }
    return new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-methods': ALLOW_METHODS,
        'access-control-allow-headers': ALLOW_HEADERS,
        'access-control-max-age': String(cors?.maxAge ?? 600),
      },
    });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD' && isForeign(request, url) && !(origin && isAllowed(cors, origin))) {
    throw new ProxyError(403, 'cors_forbidden', `Cross-origin requests from ${origin ?? 'another site'} are not allowed by this proxy.`);
  }
  return undefined;
}

/**
 * Whether a browser sent this request from another origin. `Sec-Fetch-Site` is the browser's own verdict
 * and is right even behind a reverse proxy that rewrites `Host`; without it, the `Origin` host is compared
 * with the request's. Requests without either (servers, the SDK, curl) are not foreign.
 */
function isForeign(request: Request, url: URL): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'same-origin' || site === 'none') return false;
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.get('origin');
  return origin !== null && (origin === 'null' || !isSameOrigin(origin, url));
}

/** Adds `Access-Control-Allow-Origin` (and friends) when the request's origin is listed. */
export function addCorsHeaders(headers: Headers, request: Request, cors: ProxyCorsOptions | undefined): void {
  const origin = request.headers.get('origin');
  if (!origin || !isAllowed(cors, origin)) return;
  headers.set('access-control-allow-origin', cors?.origins === '*' ? '*' : origin);
  headers.set('access-control-expose-headers', EXPOSE_HEADERS);
  if (cors?.origins !== '*') headers.append('vary', 'Origin');
}
