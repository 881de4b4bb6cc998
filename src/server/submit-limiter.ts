import type { ProxySubmitLimitOptions } from './proxy-options.js';

/** Buckets kept at most; the least recently used go first (a flood of distinct keys cannot grow memory). */
const MAX_KEYS = 10_000;

/**
 * Counts submits per caller in a sliding window, in this process. `wait(key)` says how many ms until the caller
 * may submit again (`null`: now); `take(key)` does the same and, when it answers `null`, records the submit.
 */
export function createSubmitLimiter({ submits, windowMs = 60_000 }: Pick<ProxySubmitLimitOptions, 'submits' | 'windowMs'>) {
  const buckets = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const times = (buckets.get(key) ?? []).filter((t) => now - t < windowMs);
    buckets.delete(key); // re-inserted by the caller: Map order is then least recently used first
    buckets.set(key, times);
    if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value as string);
    return times;
  };
  const wait = (times: number[], now: number) => (times.length >= submits ? windowMs - (now - (times[0] as number)) : null);
  return {
    wait: (key: string, now = Date.now()) => wait(recent(key, now), now),
    take(key: string, now = Date.now()): number | null {
      const times = recent(key, now);
      const ms = wait(times, now);
      if (ms === null) times.push(now);
      return ms;
    },
  };
}
