import { describe, expect, it, vi } from 'vitest';
import { ApiError, CancelledError, createClient, NetworkError, ValidationError } from '../../src/core/index.js';
import { envelope, failure, fakeFetch, prediction } from '../fixtures/fake-server.js';
import { base, track, useClientTestSetup } from './client-test-setup.js';

useClientTestSetup();

describe('client.getResult', () => {
  it('GETs the result of a prediction', async () => {
    const fetch = fakeFetch(() => envelope(prediction('processing')));
    const p = await createClient({ baseUrl: base, fetch }).getResult('pred_1');
    expect(p.status).toBe('processing');
    expect(fetch.requests[0]!.method).toBe('GET');
    expect(fetch.requests[0]!.url).toBe(`${base}/api/v3/predictions/pred_1/result`);
  });

  it('adds wait and since only when given', async () => {
    const fetch = fakeFetch(() => envelope(prediction('processing')));
    await createClient({ baseUrl: base, fetch }).getResult('pred_1', { wait: 25, since: 'created' });
    expect(fetch.requests[0]!.url).toBe(`${base}/api/v3/predictions/pred_1/result?wait=25&since=created`);
  });

  it('refuses ids that could change the URL, sending nothing', async () => {
    const fetch = fakeFetch(() => envelope(prediction('processing')));
    const client = createClient({ baseUrl: base, fetch });
    for (const id of ['../x', 'a#b', 'a%2Fb', 'a/b', '']) {
      const error = await client.getResult(id).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.fieldErrors[0]).toMatchObject({ field: 'id', code: 'invalid_type' });
    }
    await expect(client.wait('../../balance')).rejects.toBeInstanceOf(ValidationError);
    expect(fetch.requests).toHaveLength(0);
  });

  it('waits at least Retry-After seconds after a 429', async () => {
    vi.mocked(Math.random).mockReturnValue(0);
    let calls = 0;
    const fetch = fakeFetch(() => (++calls === 1 ? failure(429, 'Too many requests', { 'retry-after': '2' }) : envelope(prediction('processing'))));
    const result = track(createClient({ baseUrl: base, fetch }).getResult('pred_1'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(result.done).toBe(false);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    expect(result).toMatchObject({ done: true, value: { status: 'processing' } });
  });

  it('honours Retry-After as an HTTP date', async () => {
    vi.setSystemTime(new Date('2026-11-24T09:00:00Z'));
    vi.mocked(Math.random).mockReturnValue(0);
    let calls = 0;
    const retryAt = 'Tue, 24 Nov 2026 09:00:05 GMT';
    const fetch = fakeFetch(() => (++calls === 1 ? failure(503, 'Busy', { 'retry-after': retryAt }) : envelope(prediction('processing'))));
    const result = track(createClient({ baseUrl: base, fetch }).getResult('pred_1'));
    await vi.advanceTimersByTimeAsync(4999);
    expect(result.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(result.done).toBe(true);
  });

  it('backs off exponentially with full jitter and gives up after 5 tries with the ApiError', async () => {
    const times: number[] = [];
    const fetch = fakeFetch(() => {
      times.push(Date.now());
      return failure(502, 'Bad gateway');
    });
    const result = track(createClient({ baseUrl: base, fetch }).getResult('pred_1'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch.requests).toHaveLength(5);
    // Math.random() = 1: the jitter's upper bounds, 0.5 s, 1 s, 2 s, 4 s.
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([500, 1000, 2000, 4000]);
    expect(result.error).toBeInstanceOf(ApiError);
    expect(result.error).toMatchObject({ status: 502, predictionId: 'pred_1' });
  });

  it('draws each delay at random below the bound', async () => {
    vi.mocked(Math.random).mockReturnValue(0.5);
    const times: number[] = [];
    const fetch = fakeFetch(() => {
      times.push(Date.now());
      return times.length < 3 ? failure(500, 'Oops') : envelope(prediction('processing'));
    });
    await Promise.all([createClient({ baseUrl: base, fetch }).getResult('pred_1'), vi.advanceTimersByTimeAsync(10_000)]);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([250, 500]);
  });

  it('retries network errors, and not 404s', async () => {
    let calls = 0;
    const flaky = fakeFetch(() => (++calls < 3 ? Promise.reject(new TypeError('fetch failed')) : envelope(prediction('completed'))));
    const ok = track(createClient({ baseUrl: base, fetch: flaky }).getResult('pred_1'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(ok).toMatchObject({ done: true, value: { status: 'completed' } });

    const missing = fakeFetch(() => failure(404, 'Prediction not found'));
    const error = await createClient({ baseUrl: base, fetch: missing }).getResult('pred_1').catch((e) => e);
    expect(missing.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 'not_found', message: 'Prediction not found', predictionId: 'pred_1' });
  });

  it('gives up with a NetworkError after 5 failed tries', async () => {
    const down = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    const result = track(createClient({ baseUrl: base, fetch: down }).getResult('pred_1'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(down.requests).toHaveLength(5);
    expect(result.error).toBeInstanceOf(NetworkError);
  });

  it('rejects with CancelledError at once when aborted during a backoff sleep', async () => {
    const fetch = fakeFetch(() => failure(503, 'Busy', { 'retry-after': '30' }));
    const controller = new AbortController();
    const result = track(createClient({ baseUrl: base, fetch }).getResult('pred_1', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    expect(result.done).toBe(false);
    controller.abort();
    await Promise.resolve();
    await Promise.resolve();
    expect(result.error).toBeInstanceOf(CancelledError);
    expect(result.error).toMatchObject({ predictionId: 'pred_1' });
    expect(vi.getTimerCount()).toBe(0);
    expect(fetch.requests).toHaveLength(1);
  });
});
