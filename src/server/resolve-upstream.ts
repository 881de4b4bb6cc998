import { WAVESPEED_BASE_URL } from '../core/constants.js';
import { ProxyError } from './proxy-error.js';
import type { ProxyOptions, UpstreamHandler } from './proxy-options.js';

export type ResolvedUpstream =
  | { kind: 'handler'; handler: () => Promise<UpstreamHandler>; label: string }
  | { kind: 'url'; base: URL; label: string }
  | { kind: 'unavailable'; label: string };

/** Environment variables, read safely in browsers and edge runtimes (where `process` may not exist). */
export function readEnv(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  return value === undefined || value === '' ? undefined : value;
}

/** The API key for this request: the `apiKey` option, else `WAVESPEED_API_KEY`. */
export async function resolveApiKey(option: ProxyOptions['apiKey'], request: Request): Promise<string | undefined> {
  const key = typeof option === 'function' ? await option(request) : (option ?? readEnv('WAVESPEED_API_KEY'));
  return key?.trim() || undefined;
}

/**
 * Where this request goes, decided per request so a key set after start-up is honoured: the `upstream`
 * option; else WaveSpeed when there is a key; else the local engine, except in production.
 */
export function resolveUpstream(
  option: ProxyOptions['upstream'],
  apiKey: string | undefined,
  localEngine: () => Promise<UpstreamHandler>,
): ResolvedUpstream {
  if (typeof option === 'function') return { kind: 'handler', handler: () => Promise.resolve(option), label: 'a custom handler' };
  if (typeof option === 'string' || apiKey) {
    let base: URL;
    try {
      base = new URL(typeof option === 'string' ? option : WAVESPEED_BASE_URL);
    } catch (error) {
      throw new ProxyError(500, 'invalid_upstream', 'The proxy is misconfigured: its upstream is not a valid URL.', { cause: error });
    }
    base.search = '';
    base.hash = '';
    return { kind: 'url', base, label: base.origin };
  }
  if (readEnv('NODE_ENV') === 'production') return { kind: 'unavailable', label: 'nothing (no key)' };
  return { kind: 'handler', handler: localEngine, label: 'the local engine' };
}

/** The upstream URL of a request: the base's origin and path, then the caller's `/api/v3/...` suffix. */
export function upstreamUrl(base: URL, suffix: string, search: string): string {
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${suffix}`;
  url.search = search;
  return url.href;
}
