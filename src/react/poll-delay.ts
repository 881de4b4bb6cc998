import type { Prediction } from '../core/index.js';

/**
 * How long to wait before the next result GET of a pending prediction, in ms. Requests start on an adaptive
 * schedule (every 500 ms for the first 10 s of a prediction's life, then 1 s, then 2 s after a minute); a request
 * the server held open (long-poll) already spent that time, so the next one follows right away.
 */
export function pollDelay(prediction: Prediction, lastRequestMs: number, now = Date.now()): number {
  const created = Date.parse(prediction.created_at);
  const age = Number.isFinite(created) ? Math.max(0, now - created) : 0;
  const every = age < 10_000 ? 500 : age < 60_000 ? 1000 : 2000;
  return Math.max(20, every - lastRequestMs);
}
