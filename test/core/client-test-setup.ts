// What the client tests that wait on timers share: the base URL, fake timers with a fixed retry back-off,
// and a way to watch a promise settle while the clock is advanced by hand.
import { afterEach, beforeEach, vi } from 'vitest';

/** The origin the fake server answers as (as in `prediction().urls.get`). */
export const base = 'https://api.example.com';

/**
 * For every test of the calling file: fake timers, and `Math.random()` = 1 so each retry waits its full
 * back-off; both restored afterwards.
 */
export function useClientTestSetup(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(1);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}

/** Tracks a promise's outcome without awaiting it. */
export function track<T>(promise: Promise<T>) {
  const state: { done: boolean; value?: T; error?: unknown } = { done: false };
  promise.then(
    (value) => Object.assign(state, { done: true, value }),
    (error) => Object.assign(state, { done: true, error }),
  );
  return state;
}
