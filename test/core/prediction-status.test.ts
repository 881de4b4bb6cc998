import { describe, expect, it } from 'vitest';
import { isPredictionId, isTerminalStatus } from '../../src/core/index.js';

describe('isPredictionId', () => {
  it('accepts WaveSpeed-style ids', () => {
    for (const id of ['c8d2a7f1e3b94b6d9a0f', 'pred_123', 'a-b_C9', 'x'.repeat(128)]) expect(isPredictionId(id)).toBe(true);
  });
  it('rejects anything that could change the URL', () => {
    for (const id of ['../x', 'a#b', 'a%2Fb', 'a/b', 'a?b', 'a.b', '', ' a', 'x'.repeat(129), 42, null, undefined]) {
      expect(isPredictionId(id)).toBe(false);
    }
  });
});

describe('isTerminalStatus', () => {
  it('knows which statuses never change', () => {
    expect(['completed', 'failed', 'cancelled', 'timeout', 'deleted'].every(isTerminalStatus)).toBe(true);
    expect(['created', 'processing', 'queued', ''].some(isTerminalStatus)).toBe(false);
  });
});
