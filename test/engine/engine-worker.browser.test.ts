import { afterAll, describe, expect, it } from 'vitest';
import { createClient, isEditError, sniffImage } from '../../src/core/index.js';
import { connectEngineWorker, type WorkerEngine } from '../../src/engine/index.js';

const MODEL = 'wavespeed-ai/hidream-o1-image-dev/edit';
const worker = new Worker(new URL('./fixtures/engine.worker.ts', import.meta.url), { type: 'module' });
afterAll(() => worker.terminate());

async function photo(): Promise<string> {
  const canvas = new OffscreenCanvas(64, 48);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ff0000';
  ctx.fillRect(0, 0, 64, 48);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  return `data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`;
}

const clientFor = (engine: WorkerEngine) => createClient({ baseUrl: `${location.origin}/api/hidream`, fetch: (input, init) => engine(new Request(input, init)) });

describe('the local engine in a Web Worker', () => {
  it('edits in the worker, serves its outputs, and tells its webhook secret', async () => {
    const engine = connectEngineWorker(worker, { latency: 0, maxOutputSide: 256, random: 1 });
    const done = await clientFor(engine).edit({ prompt: 'Make it grayscale', images: [await photo()], size: '2560*1440', output_format: 'png' });
    expect(done.status).toBe('completed');
    const output = await engine(new Request(done.outputs[0]!));
    expect(output.headers.get('content-type')).toBe('image/png');
    const image = sniffImage(new Uint8Array(await output.arrayBuffer()));
    expect(image).toMatchObject({ format: 'png', width: 256, height: 144 });
    expect(await engine.webhookSecret).toMatch(/^whsec_/);
    engine.close();
  });

  it('keeps engines with different options apart in one worker', async () => {
    const failing = connectEngineWorker(worker, { latency: 0, failRate: 1, maxOutputSide: 64 });
    const working = connectEngineWorker(worker, { latency: 0, maxOutputSide: 64 });
    const input = { prompt: 'Make it warmer', images: [await photo()] };
    const failed = await clientFor(failing).edit(input).catch((error: unknown) => error);
    expect(isEditError(failed, 'prediction_failed')).toBe(true);
    expect((await clientFor(working).edit(input)).status).toBe('completed');
    // Each engine knows only its own predictions.
    expect((await working(new Request(`${location.origin}/api/hidream/api/v3/predictions/${(failed as { predictionId: string }).predictionId}/result`))).status).toBe(404);
    failing.close();
    working.close();
  });

  it('stops waiting when the request is aborted, and goes on serving', async () => {
    const engine = connectEngineWorker(worker, { latency: 60_000, maxOutputSide: 64 });
    const body = JSON.stringify({ prompt: 'Make it warmer', images: [await photo()], enable_sync_mode: true });
    const sync = (signal: AbortSignal) => engine(new Request(`${location.origin}/api/v3/${MODEL}`, { method: 'POST', body, signal }));
    // Aborted before the body has crossed, and while the worker holds the sync submit.
    const early = new AbortController();
    const first = sync(early.signal);
    early.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    const late = new AbortController();
    const second = sync(late.signal);
    setTimeout(() => late.abort(), 200);
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    const submitted = await engine(new Request(`${location.origin}/api/v3/${MODEL}`, { method: 'POST', body: body.replace('"enable_sync_mode":true', '"seed":1') }));
    expect((await submitted.json()).data.status).toMatch(/created|processing/);
    engine.close();
  });

  it('refuses requests once closed, and options that cannot cross into a worker', async () => {
    const engine = connectEngineWorker(worker, { latency: 0 });
    engine.close();
    await expect(engine(new Request(`${location.origin}/api/v3/balance`))).rejects.toThrow('This engine was closed.');
    expect(() => connectEngineWorker(worker, { random: (() => 0.5) as unknown as number })).toThrow(/plain data/);
  });

  it('rejects, saying so, when the worker cannot start', async () => {
    const missing = new Worker(new URL('./fixtures/no-such.worker.js', import.meta.url), { type: 'module' });
    const engine = connectEngineWorker(missing, { latency: 0 });
    await expect(engine(new Request(`${location.origin}/api/v3/balance`))).rejects.toThrow(/engine worker failed/);
    await expect(engine(new Request(`${location.origin}/api/v3/balance`))).rejects.toThrow(/engine worker failed/);
    missing.terminate();
  });
});
