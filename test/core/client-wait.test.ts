import { describe, expect, it, vi } from 'vitest';
import { CancelledError, createClient, LONG_POLL_HEADER, PredictionFailedError, TimeoutError } from '../../src/core/index.js';
import type { Prediction } from '../../src/core/index.js';
import { envelope, fakeFetch, prediction, statusSequence } from '../fixtures/fake-server.js';
import { base, track, useClientTestSetup } from './client-test-setup.js';

useClientTestSetup();

describe('client.wait', () => {
  it('polls until completed, reporting each status change once', async () => {
    const fetch = fakeFetch(statusSequence(['created', 'processing', 'processing', 'processing', 'completed']));
    const updates: string[] = [];
    const result = track(createClient({ baseUrl: base, fetch }).wait('pred_1', { onUpdate: (p) => updates.push(p.status) }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(result.value).toMatchObject({ status: 'completed', outputs: ['https://cdn.example.com/out.jpeg'] });
    expect(updates).toEqual(['created', 'processing', 'completed']);
    expect(fetch.requests).toHaveLength(5);
  });

  it('polls at once, then after 250 ms, 500 ms, and then every `interval`', async () => {
    const times: number[] = [];
    const fetch = fakeFetch(() => {
      times.push(Date.now());
      return envelope(prediction('processing'));
    });
    const start = Date.now();
    const controller = new AbortController();
    const result = track(createClient({ baseUrl: base, fetch }).wait('pred_1', { signal: controller.signal, interval: 2000 }));
    await vi.advanceTimersByTimeAsync(7750);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(times.map((t) => t - start)).toEqual([0, 250, 750, 1750, 3750, 5750, 7750]);
    expect(result.error).toBeInstanceOf(CancelledError);
    expect(result.error).toMatchObject({ predictionId: 'pred_1' });
  });

  it('defaults `interval` to 1000 ms', async () => {
    const fetch = fakeFetch(statusSequence(['processing']));
    const controller = new AbortController();
    track(createClient({ baseUrl: base, fetch }).wait('pred_1', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(5750);
    controller.abort();
    expect(fetch.requests).toHaveLength(8); // 0, 250, 750, 1750, 2750, 3750, 4750, 5750
  });

  it('rejects with PredictionFailedError for every failed terminal status', async () => {
    for (const status of ['failed', 'cancelled', 'timeout', 'deleted'] as const) {
      const fetch = fakeFetch(statusSequence(['processing', status]));
      const result = track(createClient({ baseUrl: base, fetch }).wait('pred_1'));
      await vi.advanceTimersByTimeAsync(1000);
      expect(result.error).toBeInstanceOf(PredictionFailedError);
      expect(result.error).toMatchObject({ code: 'prediction_failed', predictionId: 'pred_1', prediction: { status } });
    }
    const fetch = fakeFetch(statusSequence(['failed']));
    const error = await createClient({ baseUrl: base, fetch }).wait('pred_1').catch((e) => e);
    expect(error.message).toBe('The edit failed: Content moderation: flagged.');
  });

  it('rejects with a TimeoutError carrying the id after `timeout`, and stops polling', async () => {
    const fetch = fakeFetch(statusSequence(['processing']));
    const result = track(createClient({ baseUrl: base, fetch }).wait('pred_1', { timeout: 3000 }));
    await vi.advanceTimersByTimeAsync(2999);
    expect(result.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(result.error).toBeInstanceOf(TimeoutError);
    expect(result.error).toMatchObject({ code: 'timeout', predictionId: 'pred_1', message: expect.stringContaining('3 s') });
    const sent = fetch.requests.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch.requests).toHaveLength(sent);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const fetch = fakeFetch(statusSequence(['processing']));
    await expect(createClient({ baseUrl: base, fetch }).wait('pred_1', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(CancelledError);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe('client.wait with long-poll', () => {
  it('long-polls only after a response carried the header, back to back, with since = last status', async () => {
    let calls = 0;
    const fetch = fakeFetch((request) => {
      calls++;
      const url = new URL(request.url);
      // The first answer is a plain one; later ones advertise long-poll (as our proxy would).
      const headers: Record<string, string> = calls === 1 ? {} : { [LONG_POLL_HEADER]: '60' };
      if (!url.searchParams.has('wait')) return envelope(prediction(calls === 1 ? 'created' : 'processing'), { headers });
      // Hold the request 2 s, then answer with a change.
      return new Promise<Response>((resolve) => setTimeout(() => resolve(envelope(prediction(calls < 4 ? 'processing' : 'completed'), { headers })), 2000));
    });
    const client = createClient({ baseUrl: base, fetch });
    const result = track(client.wait('pred_1'));
    await vi.advanceTimersByTimeAsync(20_000);
    expect((result.value as Prediction).status).toBe('completed');
    const urls = fetch.requests.map((r) => new URL(r.url).search);
    expect(urls).toEqual(['', '', '?wait=25&since=processing', '?wait=25&since=processing']);

    // The client remembers: a new wait long-polls from its first request.
    calls = 10;
    const again = track(client.wait('pred_1'));
    await vi.advanceTimersByTimeAsync(2000);
    expect((again.value as Prediction).status).toBe('completed');
    expect(new URL(fetch.requests.at(-1)!.url).search).toBe('?wait=25');
  });

  it('asks for at most the advertised wait', async () => {
    const fetch = fakeFetch(() => envelope(prediction('completed'), { headers: { [LONG_POLL_HEADER]: '10' } }));
    const client = createClient({ baseUrl: base, fetch });
    await client.getResult('pred_1');
    await client.wait('pred_1');
    expect(new URL(fetch.requests[1]!.url).searchParams.get('wait')).toBe('10');
  });

  it('falls back to spaced polls when a long-poll answers "unchanged" at once', async () => {
    const fetch = fakeFetch(() => envelope(prediction('processing'), { headers: { [LONG_POLL_HEADER]: '30' } }));
    const controller = new AbortController();
    track(createClient({ baseUrl: base, fetch }).wait('pred_1', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(3000);
    controller.abort();
    expect(fetch.requests.length).toBeLessThan(8);
  });
});
