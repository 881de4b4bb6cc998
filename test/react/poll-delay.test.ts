import { describe, expect, it } from 'vitest';
import type { Prediction } from '../../src/core/index.js';
import { pollDelay } from '../../src/react/poll-delay.js';

const at = (createdAt: number) => ({ created_at: new Date(createdAt).toISOString() }) as Prediction;

describe('pollDelay', () => {
  it('polls faster while a prediction is young and backs off as it ages', () => {
    const now = 1_000_000;
    expect(pollDelay(at(now - 1000), 0, now)).toBe(500);
    expect(pollDelay(at(now - 20_000), 0, now)).toBe(1000);
    expect(pollDelay(at(now - 120_000), 0, now)).toBe(2000);
  });

  it('counts the time the last request took, so a request held open by a long-poll is followed at once', () => {
    const now = 1_000_000;
    expect(pollDelay(at(now - 20_000), 300, now)).toBe(700);
    expect(pollDelay(at(now - 20_000), 25_000, now)).toBe(20);
  });

  it('treats an unreadable created_at as a young prediction', () => {
    expect(pollDelay({ created_at: 'soon' } as Prediction, 0)).toBe(500);
  });
});
