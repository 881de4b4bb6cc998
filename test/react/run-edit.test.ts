import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isEditError, type Prediction } from '../../src/core/index.js';
import { followPrediction, runEdit, type EditPhase } from '../../src/react/run-edit.js';
import { createHarness, png, pngDataUri, type Harness } from './harness.js';

let h: Harness;
beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterEach(() => {
  h?.close();
  vi.useRealTimers();
});

describe('runEdit', () => {
  it('reports phases in order, the id as soon as it exists, and resolves completed', async () => {
    h = createHarness({ engine: { latency: 1000 } });
    const phases: EditPhase[] = [];
    const updates: string[] = [];
    let submitted: Prediction | undefined;
    const file = new File([await png()], 'a.png', { type: 'image/png' });
    const done = runEdit(
      h.client,
      { prompt: 'sepia', images: [file] },
      {
        signal: new AbortController().signal,
        onPhase: (p) => phases.push(p),
        onSubmitted: (p) => (submitted = p),
        onUpdate: (p) => updates.push(p.status),
      },
    );
    await vi.advanceTimersByTimeAsync(1500);
    const prediction = await done;
    expect(phases).toEqual(['uploading', 'submitting', 'processing']);
    expect(submitted?.id).toBe(prediction.id);
    expect(prediction.status).toBe('completed');
    expect(updates.at(-1)).toBe('completed');
  });

  it('rejects at once with a CancelledError carrying the id when aborted after the submit', async () => {
    h = createHarness({ engine: { latency: 30_000 } });
    const controller = new AbortController();
    let id: string | undefined;
    const done = runEdit(h.client, { prompt: 'blur', images: [await pngDataUri()] }, {
      signal: controller.signal,
      onSubmitted: (p) => (id = p.id),
    });
    await vi.waitFor(() => expect(id).toBeDefined());
    controller.abort();
    const error = await done.catch((e: unknown) => e);
    expect(isEditError(error, 'cancelled')).toBe(true);
    expect((error as { predictionId?: string }).predictionId).toBe(id);
  });

  it('sends nothing when aborted before it starts', async () => {
    h = createHarness();
    const controller = new AbortController();
    controller.abort();
    const file = new File([await png()], 'a.png', { type: 'image/png' });
    await expect(runEdit(h.client, { prompt: 'blur', images: [file] }, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(h.log).toHaveLength(0);
  });

  it('hands the failed prediction to onUpdate before rejecting', async () => {
    h = createHarness({ engine: { latency: 500 } });
    const updates: Prediction[] = [];
    const done = runEdit(h.client, { prompt: '[fail] blur', images: [await pngDataUri()] }, {
      signal: new AbortController().signal,
      onUpdate: (p) => updates.push(p),
    }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    const error = await done;
    expect(isEditError(error, 'prediction_failed')).toBe(true);
    expect(updates.at(-1)?.status).toBe('failed');
  });
});

describe('followPrediction', () => {
  it('follows an existing id to its end without submitting', async () => {
    h = createHarness({ engine: { latency: 1000 } });
    const { id } = await h.client.submit({ prompt: 'invert', images: [await pngDataUri()] });
    const phases: EditPhase[] = [];
    const done = followPrediction(h.client, id, { signal: new AbortController().signal, onPhase: (p) => phases.push(p) });
    await vi.advanceTimersByTimeAsync(1500);
    expect((await done).status).toBe('completed');
    expect(phases).toEqual(['processing']);
    expect(h.submits()).toHaveLength(1);
  });
});
