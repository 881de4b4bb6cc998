import { describe, expect, it, vi } from 'vitest';
import { ApiError, createClient, PredictionFailedError } from '../../src/core/index.js';
import type { Prediction } from '../../src/core/index.js';
import { envelope, failure, fakeFetch, prediction, type Handler } from '../fixtures/fake-server.js';
import { base, useClientTestSetup } from './client-test-setup.js';

const input = { prompt: 'Replace the background with a beach.', images: ['https://cdn.example.com/a.jpg'] };

useClientTestSetup();

/** POST answers `submit`; GETs walk through `statuses`. */
function server(submit: () => Response, statuses: Prediction['status'][]): Handler {
  let i = 0;
  return (request) =>
    request.method === 'POST' ? submit() : envelope(prediction(statuses[Math.min(i++, statuses.length - 1)]!, { id: 'pred_7' }));
}

describe('client.edit', () => {
  it('submits once, reports the id at once, then follows the prediction to completion', async () => {
    const fetch = fakeFetch(server(() => envelope(prediction('created', { id: 'pred_7' })), ['processing', 'completed']));
    const events: string[] = [];
    const done = createClient({ baseUrl: base, fetch }).edit(input, {
      onSubmitted: (p) => events.push(`submitted ${p.id} (${fetch.requests.length} request)`),
      onUpdate: (p) => events.push(p.status),
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect((await done).status).toBe('completed');
    expect(events).toEqual(['submitted pred_7 (1 request)', 'created', 'processing', 'completed']);
    expect(fetch.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /api/v3/wavespeed-ai/hidream-o1-image-dev/edit',
      'GET /api/v3/predictions/pred_7/result',
      'GET /api/v3/predictions/pred_7/result',
    ]);
  });

  it('returns a sync-mode result without polling', async () => {
    const fetch = fakeFetch(server(() => envelope(prediction('completed', { id: 'pred_7' })), []));
    const p = await createClient({ baseUrl: base, fetch }).edit({ ...input, enable_sync_mode: true });
    expect(p.status).toBe('completed');
    expect(fetch.requests).toHaveLength(1);
  });

  const syncTimeouts: [string, () => Response][] = [
    ['data.code 5004', () => envelope(prediction('failed', { id: 'pred_7', code: 5004, error: 'timeout' }))],
    ['processing + "Sync mode timed out"', () => envelope(prediction('processing', { id: 'pred_7', error: 'Sync mode timed out after 60s' }))],
    ['envelope message', () => Response.json({ code: 200, message: 'Sync mode timed out', data: prediction('processing', { id: 'pred_7' }) })],
    ['an error status with code 5004', () => Response.json({ code: 5004, message: 'Sync mode timed out', data: prediction('processing', { id: 'pred_7' }) }, { status: 504 })],
  ];
  for (const [name, answer] of syncTimeouts) {
    it(`treats a sync-mode timeout (${name}) as still running: polls the same id, never POSTs again`, async () => {
      const fetch = fakeFetch(server(answer, ['processing', 'completed']));
      const submitted: Prediction[] = [];
      const done = createClient({ baseUrl: base, fetch }).edit({ ...input, enable_sync_mode: true }, { onSubmitted: (p) => submitted.push(p) });
      await vi.advanceTimersByTimeAsync(5000);
      expect((await done).status).toBe('completed');
      expect(submitted[0]).toMatchObject({ id: 'pred_7', status: 'processing', error: '' });
      expect(fetch.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(fetch.requests.slice(1).every((r) => r.url.endsWith('/predictions/pred_7/result'))).toBe(true);
    });
  }

  it('puts the prediction id on every error after the submit', async () => {
    const failed = fakeFetch(server(() => envelope(prediction('created', { id: 'pred_7' })), ['failed']));
    const error = createClient({ baseUrl: base, fetch: failed }).edit(input).catch((e) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await error).toBeInstanceOf(PredictionFailedError);
    expect(await error).toMatchObject({ predictionId: 'pred_7' });

    let gets = 0;
    const gone = fakeFetch((r) => (r.method === 'POST' ? envelope(prediction('created', { id: 'pred_7' })) : (gets++, failure(500, 'Internal error'))));
    const apiError = createClient({ baseUrl: base, fetch: gone }).edit(input).catch((e) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await apiError).toBeInstanceOf(ApiError);
    expect(await apiError).toMatchObject({ status: 500, predictionId: 'pred_7' });
    expect(gets).toBe(5);
  });

  it('has no prediction id when the submit itself fails, and does not poll', async () => {
    const fetch = fakeFetch(() => failure(401, 'Invalid API key'));
    const error = await createClient({ baseUrl: base, fetch }).edit(input).catch((e) => e);
    expect(error).toMatchObject({ code: 'unauthorized', predictionId: undefined });
    expect(fetch.requests).toHaveLength(1);
  });

  it('long-polls right after a submit that advertised it', async () => {
    const headers = { 'x-hidream-long-poll': '25' };
    const fetch = fakeFetch((r) =>
      r.method === 'POST' ? envelope(prediction('created'), { headers }) : envelope(prediction('completed'), { headers }),
    );
    const p = await createClient({ baseUrl: base, fetch }).edit(input);
    expect(p.status).toBe('completed');
    expect(new URL(fetch.requests[1]!.url).search).toBe('?wait=25&since=created');
  });
});
