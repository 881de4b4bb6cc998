/** Request headers passed upstream. Everything else (Authorization, Cookie, Host, X-Forwarded-*, hop-by-hop) is dropped. */
const REQUEST_HEADERS = new Set([
  'accept',
  'accept-language',
  'content-type',
  'user-agent',
  'x-request-id',
  'if-none-match',
  'if-modified-since',
]);
const REQUEST_PREFIXES = ['x-client-'];

/** Response headers passed back to the caller. Never `set-cookie`, never hop-by-hop headers. */
const RESPONSE_HEADERS = new Set([
  'content-type',
  'content-disposition',
  'content-language',
  'cache-control',
  'expires',
  'etag',
  'last-modified',
  'retry-after',
  'x-request-id',
  'x-content-type-options',
]);
const RESPONSE_PREFIXES = ['x-ratelimit-'];

function pick(source: Headers, names: Set<string>, prefixes: string[]): Headers {
  const out = new Headers();
  source.forEach((value, name) => {
    if (names.has(name) || prefixes.some((p) => name.startsWith(p))) out.set(name, value);
  });
  return out;
}

/**
 * The caller's headers that may go upstream (an allowlist), without any credential, and without headers the
 * caller marked hop-by-hop by naming them in `Connection`.
 */
export function forwardRequestHeaders(headers: Headers): Headers {
  const out = pick(headers, REQUEST_HEADERS, REQUEST_PREFIXES);
  for (const name of (headers.get('connection') ?? '').split(',')) out.delete(name.trim().toLowerCase() || 'connection');
  return out;
}

/** The upstream's headers that may reach the caller (an allowlist). */
export function forwardResponseHeaders(headers: Headers): Headers {
  return pick(headers, RESPONSE_HEADERS, RESPONSE_PREFIXES);
}
