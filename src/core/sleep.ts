import { CancelledError } from './errors.js';

/** Resolves after `ms`; rejects with a `CancelledError` (carrying `predictionId`) as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal, predictionId?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(new CancelledError(undefined, { cause: signal?.reason, predictionId }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}
