import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, isEditError } from '../../src/core/index.js';
import { createProxy } from '../../src/server/index.js';
import { createSubmitLimiter } from '../../src/server/submit-limiter.js';

const SUBMIT = 'http://app.test/api/v3/wavespeed-ai/hidream-o1-image-dev/edit';
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function upstream() {
  let submits = 0;
  const handler = async (request: Request) => {
    if (request.method === 'POST') submits += 1;
    return Response.json({ code: 200, message: 'success', data: { id: `pred_${submits}`, status: 'created', outputs: [] } });
  };
  return { handler, submits: () => submits };
}

const submit = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(SUBMIT, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const valid = { prompt: 'Make it warmer', images: [PNG] };

afterEach(() => vi.useRealTimers());

describe('submitLimit', () => {
  it('answers 429 with Retry-After over the limit, sends nothing upstream, and lets submits through again as the window slides', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 24, 12, 0, 0) });
    const up = upstream();
    const proxy = createProxy({ upstream: up.handler, submitLimit: { submits: 2, windowMs: 60_000 } });
    expect((await proxy(submit(valid))).status).toBe(200);
    vi.advanceTimersByTime(20_000);
    expect((await proxy(submit(valid))).status).toBe(200);
    const refused = await proxy(submit(valid));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(await refused.json()).toMatchObject({ error_code: 'rate_limited', message: 'Too many edits for now: try again in 40 s.' });
    expect(up.submits()).toBe(2);
    // Result polls are never limited.
    expect((await proxy(new Request('http://app.test/api/v3/predictions/pred_1/result'))).status).toBe(200);

    vi.advanceTimersByTime(40_000); // the first submit leaves the window
    expect((await proxy(submit(valid))).status).toBe(200);
    expect((await proxy(submit(valid))).status).toBe(429);
    expect(up.submits()).toBe(3);
  });

  it('gives each caller its own budget with a key, and does not count invalid edits', async () => {
    const up = upstream();
    const proxy = createProxy({ upstream: up.handler, submitLimit: { submits: 1, key: (request) => request.headers.get('x-user') ?? 'anonymous' } });
    expect((await proxy(submit({ prompt: '', images: [PNG] }, { 'x-user': 'ada' }))).status).toBe(400);
    expect((await proxy(submit(valid, { 'x-user': 'ada' }))).status).toBe(200);
    expect((await proxy(submit(valid, { 'x-user': 'ada' }))).status).toBe(429);
    expect((await proxy(submit(valid, { 'x-user': 'grace' }))).status).toBe(200);
    expect(up.submits()).toBe(2);
  });

  it('reaches the client as a rate_limited error saying when to try again, never resubmitted', async () => {
    const up = upstream();
    const proxy = createProxy({ upstream: up.handler, submitLimit: { submits: 1 } });
    const client = createClient({ baseUrl: 'http://app.test', fetch: (input, init) => proxy(new Request(input, init)) });
    await client.submit(valid);
    const error = await client.submit(valid).catch((e: unknown) => e);
    expect(isEditError(error, 'rate_limited')).toBe(true);
    expect(error).toMatchObject({ retryAfterMs: 60_000, message: expect.stringMatching(/try again in 60 s/) });
    expect(up.submits()).toBe(1);
  });

  it('answers 500 without details when the key function throws', async () => {
    const onError = vi.fn();
    const proxy = createProxy({ upstream: upstream().handler, onError, submitLimit: { submits: 1, key: () => { throw new Error('no session store'); } } });
    const response = await proxy(submit(valid));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('session store');
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('createSubmitLimiter', () => {
  it('forgets the least recently used callers beyond 10 000, so distinct keys cannot grow memory without end', () => {
    const limiter = createSubmitLimiter({ submits: 1 });
    expect(limiter.take('first', 0)).toBeNull();
    for (let i = 0; i < 10_000; i++) limiter.take(`caller-${i}`, 1);
    // "first" was evicted: it may submit again although its window has not passed.
    expect(limiter.take('first', 2)).toBeNull();
    expect(limiter.take('caller-9999', 3)).toBe(60_000 - 2);
  });
});
