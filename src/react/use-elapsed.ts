import { useEffect, useState } from 'react';

/**
 * Milliseconds from `startedAt` to `endedAt`, or to now while `endedAt` is undefined, re-rendering every
 * `interval` ms while it runs. 0 before anything started.
 */
export function useElapsed(startedAt: number | undefined, endedAt: number | undefined, interval: number): number {
  const running = startedAt !== undefined && endedAt === undefined;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), interval);
    return () => clearInterval(timer);
  }, [running, interval]);
  if (startedAt === undefined) return 0;
  return Math.max(0, (endedAt ?? now) - startedAt);
}
