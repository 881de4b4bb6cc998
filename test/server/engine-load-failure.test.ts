import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('../../src/engine/index.js');
  vi.resetModules();
  vi.unstubAllEnvs();
});

it('answers 503 with a way out when the local engine cannot load, on every request', async () => {
  let attempts = 0;
  vi.doMock('../../src/engine/index.js', () => {
    attempts++;
    throw new Error('Could not load the "sharp" module');
  });
  vi.stubEnv('WAVESPEED_API_KEY', '');
  vi.stubEnv('NODE_ENV', 'development');
  const { createProxy } = await import('../../src/server/index.js');
  const onError = vi.fn();
  const proxy = createProxy({ onError });
  const response = await proxy(new Request('http://app.test/api/v3/predictions/abc/result'));
  expect(response.status).toBe(503);
  const body = await response.json();
  expect(body.message).toMatch(/set WAVESPEED_API_KEY/);
  expect(body.message).not.toMatch(/Could not load/);
  expect(onError).toHaveBeenCalledOnce();
  const again = await proxy(new Request('http://app.test/api/v3/predictions/abc/result'));
  expect(again.status).toBe(503);
  expect(attempts).toBeGreaterThanOrEqual(1);
});
