import { TERMINAL_STATUSES } from '../core/constants.js';
import { ProxyError } from './proxy-error.js';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function statusOf(text: string): string | undefined {
  try {
    const status = (JSON.parse(text) as { data?: { status?: unknown } })?.data?.status;
    return typeof status === 'string' ? status : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Holds a result GET: asks upstream every `interval` ms until the prediction's status differs from
 * `since` or is terminal (without `since`: until it is terminal) or `waitMs` has passed, then answers with the latest
 * response. Any answer that is not a readable prediction is returned at once. Stops when `signal` aborts.
 */
export async function longPoll(
  fetchResult: () => Promise<Response>,
  options: { waitMs: number; interval: number; since: string | undefined; signal: AbortSignal },
): Promise<Response> {
  const started = Date.now();
  for (;;) {
    const response = await fetchResult();
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return response;
    const text = await response.text();
    const status = statusOf(text);
    // A terminal status never changes again, so it ends the wait even when it equals `since`.
    const changed =
      status === undefined ||
      (TERMINAL_STATUSES as readonly string[]).includes(status) ||
      (options.since !== undefined && status !== options.since);
    const latest = new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
    if (changed || Date.now() - started + options.interval > options.waitMs) return latest;
    try {
      await sleep(options.interval, options.signal);
    } catch (error) {
      throw new ProxyError(499, 'cancelled', 'The caller went away.', { cause: error });
    }
  }
}
