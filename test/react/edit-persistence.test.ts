import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PERSIST_KEY, clearPersistedEdit, readPersistedEdit } from '../../src/react/index.js';
import { writePersistedEdit } from '../../src/react/edit-persistence.js';

const record = { id: 'pred_123', startedAt: 1_700_000_000_000, summary: { prompt: 'sepia', imageCount: 2 } };

describe('edit persistence', () => {
  afterEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    vi.restoreAllMocks();
  });

  it('round-trips a running edit in session or local storage, under its key', () => {
    writePersistedEdit('session', 'a', record);
    writePersistedEdit('local', DEFAULT_PERSIST_KEY, { ...record, id: 'pred_456' });
    expect(readPersistedEdit('session', 'a')).toEqual(record);
    expect(readPersistedEdit('session')).toBeNull();
    expect(readPersistedEdit('local')?.id).toBe('pred_456');
    clearPersistedEdit('session', 'a');
    expect(readPersistedEdit('session', 'a')).toBeNull();
    expect(readPersistedEdit('local')?.id).toBe('pred_456');
  });

  it('ignores records that are not ours or carry an unsafe id', () => {
    sessionStorage.setItem('x', 'not json');
    sessionStorage.setItem('y', JSON.stringify({ ...record, id: '../../admin' }));
    sessionStorage.setItem('z', JSON.stringify({ id: 'pred_1' }));
    expect(readPersistedEdit('session', 'x')).toBeNull();
    expect(readPersistedEdit('session', 'y')).toBeNull();
    expect(readPersistedEdit('session', 'z')).toBeNull();
  });

  it('keeps working when storage throws (privacy mode, quota)', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => writePersistedEdit('local', 'k', record)).not.toThrow();
    expect(readPersistedEdit('local', 'k')).toBeNull();
  });
});
