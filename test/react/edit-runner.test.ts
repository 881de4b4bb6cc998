import { MutationObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isEditError, type Prediction } from '../../src/core/index.js';
import { EditRunner, type EditJob, type EditRunnerOptions, type EditStatus } from '../../src/react/edit-runner.js';
import { hidreamKeys } from '../../src/react/index.js';
import { createHarness, pngDataUri, type Harness } from './harness.js';

let h: Harness;
let image: string;

beforeEach(async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  image = await pngDataUri();
  sessionStorage.clear();
});
afterEach(() => {
  h?.close();
  vi.useRealTimers();
});

/** A mounted runner on the harness client, recording every status it publishes. */
function createRunner(options: EditRunnerOptions = {}) {
  const runner = new EditRunner(h.client, h.queryClient, options);
  const statuses: EditStatus[] = [];
  runner.subscribe(() => {
    const { status } = runner.getSnapshot();
    if (statuses.at(-1) !== status) statuses.push(status);
  });
  runner.mount();
  return { runner, statuses };
}

describe('EditRunner', () => {
  it('goes submitting → processing → completed, caching each prediction and calling back', async () => {
    h = createHarness({ engine: { latency: 2000 } });
    const onSubmitted = vi.fn();
    const onCompleted = vi.fn();
    const { runner, statuses } = createRunner({ onSubmitted, onCompleted });
    expect(runner.getSnapshot()).toMatchObject({ status: 'idle', isPending: false, outputs: [], error: null });

    const done = runner.start({ prompt: 'make it black and white', images: [image] });
    expect(runner.getSnapshot()).toMatchObject({ status: 'submitting', isPending: true, summary: { imageCount: 1 } });
    await vi.waitFor(() => expect(runner.getSnapshot().status).toBe('processing'));
    const id = runner.getSnapshot().prediction!.id;
    expect(onSubmitted).toHaveBeenCalledWith(expect.objectContaining({ id }));

    await vi.advanceTimersByTimeAsync(2500);
    const prediction = await done;
    expect(statuses).toEqual(['submitting', 'processing', 'completed']);
    const snapshot = runner.getSnapshot();
    expect(snapshot).toMatchObject({ status: 'completed', isPending: false, prediction: { id, status: 'completed' } });
    expect(snapshot.outputs).toHaveLength(1);
    expect(snapshot.endedAt! - snapshot.startedAt!).toBeGreaterThanOrEqual(2000);
    expect(onCompleted).toHaveBeenCalledWith(prediction);
    expect(h.queryClient.getQueryData(hidreamKeys.prediction(id))).toMatchObject({ status: 'completed' });
  });

  it('returns the pending promise to a second start and sends one POST', async () => {
    h = createHarness({ engine: { latency: 1000 } });
    const { runner } = createRunner();
    const first = runner.start({ prompt: 'sharpen', images: [image] });
    const second = runner.start({ prompt: 'something else', images: [image] });
    expect(second).toBe(first);
    await vi.advanceTimersByTimeAsync(1500);
    await first;
    expect(h.submits()).toHaveLength(1);
    expect(h.submits()[0]!.body).toMatchObject({ prompt: 'sharpen' });

    const third = runner.start({ prompt: 'again', images: [image] }); // the first one has ended
    expect(third).not.toBe(first);
    await vi.advanceTimersByTimeAsync(1500);
    await third;
    expect(h.submits()).toHaveLength(2);
  });

  it('cancel() aborts at once with a CancelledError keeping the prediction id, without onError', async () => {
    h = createHarness({ engine: { latency: 30_000 } });
    const onError = vi.fn();
    const { runner } = createRunner({ onError });
    const done = runner.start({ prompt: 'blur it', images: [image] }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(h.results().length).toBeGreaterThan(0));
    const id = runner.getSnapshot().prediction!.id;
    const held = h.results().at(-1)!;
    runner.cancel();
    expect(held.aborted).toBe(true);
    const error = await done;
    expect(isEditError(error, 'cancelled')).toBe(true);
    expect(error).toMatchObject({ predictionId: id });
    expect(runner.getSnapshot()).toMatchObject({ status: 'failed', error, isPending: false });
    const sent = h.log.length;
    await vi.advanceTimersByTimeAsync(35_000);
    expect(h.log).toHaveLength(sent);
    expect(onError).not.toHaveBeenCalled();
  });

  it('reports a failed prediction through onError, keeping the failed prediction', async () => {
    h = createHarness({ engine: { latency: 500 } });
    const onError = vi.fn();
    const { runner } = createRunner({ onError });
    const done = runner.start({ prompt: '[fail] sepia', images: [image] }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    const error = await done;
    expect(isEditError(error, 'prediction_failed')).toBe(true);
    expect(runner.getSnapshot()).toMatchObject({ status: 'failed', error, outputs: [], prediction: { status: 'failed' } });
    expect(onError).toHaveBeenCalledWith(error);
  });

  it('reset() returns to idle at once and ignores the end of the edit it dropped', async () => {
    h = createHarness({ engine: { latency: 1000 } });
    const onError = vi.fn();
    const { runner, statuses } = createRunner({ onError });
    const done = runner.start({ prompt: 'invert', images: [image] }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(runner.getSnapshot().status).toBe('processing'));
    runner.reset();
    expect(runner.getSnapshot()).toMatchObject({ status: 'idle', prediction: undefined, startedAt: undefined });
    expect(isEditError(await done, 'cancelled')).toBe(true);
    expect(runner.getSnapshot().status).toBe('idle');
    expect(statuses).toEqual(['submitting', 'processing', 'idle']);
    expect(onError).not.toHaveBeenCalled();
  });

  it('unmount() aborts a microtask later; a mount() in between keeps the edit', async () => {
    h = createHarness({ engine: { latency: 3000 } });
    const { runner } = createRunner();
    const done = runner.start({ prompt: 'pixelate', images: [image] });
    await vi.waitFor(() => expect(h.results().length).toBeGreaterThan(0));
    const held = h.results().at(-1)!;

    runner.unmount(); // StrictMode: unmount, then mount again synchronously
    runner.mount();
    await Promise.resolve();
    expect(held.aborted).toBeUndefined();
    await vi.advanceTimersByTimeAsync(3500);
    const first = await done;
    expect(first.status).toBe('completed');

    const onCompleted = vi.fn();
    runner.setOptions({ onCompleted });
    const next = runner.start({ prompt: 'pixelate again', images: [image] }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(runner.getSnapshot().status).toBe('processing'));
    const secondId = runner.getSnapshot().prediction!.id;
    expect(secondId).not.toBe(first.id);
    await vi.waitFor(() => expect(h.results().at(-1)!.path).toContain(secondId));
    const second = h.results().at(-1)!;
    runner.unmount();
    expect(second.aborted).toBeUndefined(); // not yet: a remount may follow
    await Promise.resolve();
    expect(second.aborted).toBe(true);
    expect(await next).toMatchObject({ code: 'cancelled', message: expect.stringMatching(/unmounted/) });
    expect(onCompleted).not.toHaveBeenCalled();
  });

  it('persists the running id on submit, forgets it when the prediction ends, and resumes it elsewhere', async () => {
    h = createHarness({ engine: { latency: 4000 } });
    const persist = { persist: 'session', persistKey: 'editor-1' } as const;
    const first = createRunner(persist).runner;
    first.start({ prompt: 'sepia please', images: [image], size: '1024*1024' }).catch(() => {});
    await vi.waitFor(() => expect(first.getSnapshot().status).toBe('processing'));
    const id = first.getSnapshot().prediction!.id;
    const record = JSON.parse(sessionStorage.getItem('editor-1')!);
    expect(record).toEqual({
      id,
      startedAt: first.getSnapshot().startedAt,
      summary: { prompt: 'sepia please', size: '1024*1024', imageCount: 1 },
    });
    first.unmount();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sessionStorage.getItem('editor-1')).not.toBeNull(); // an unmount keeps it

    const { runner: second, statuses } = createRunner(persist);
    const resumed = second.resume();
    expect(second.getSnapshot()).toMatchObject({ status: 'processing', startedAt: record.startedAt, summary: record.summary });
    await vi.advanceTimersByTimeAsync(4000);
    expect(await resumed).toMatchObject({ id, status: 'completed' });
    expect(statuses).toEqual(['processing', 'completed']);
    expect(sessionStorage.getItem('editor-1')).toBeNull();
    expect(h.submits()).toHaveLength(1);
    expect(second.resume()).toBeUndefined(); // nothing stored any more
  });

  it('forgets the persisted id when the prediction fails, and on cancel()', async () => {
    h = createHarness({ engine: { latency: 1000 } });
    const { runner } = createRunner({ persist: 'session' });
    const failed = runner.start({ prompt: '[fail] flip', images: [image] }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(sessionStorage.getItem('hidream-edit:running')).not.toBeNull());
    await vi.advanceTimersByTimeAsync(1500);
    expect(isEditError(await failed, 'prediction_failed')).toBe(true);
    expect(sessionStorage.getItem('hidream-edit:running')).toBeNull();

    runner.start({ prompt: 'flip', images: [image] }).catch(() => {});
    await vi.waitFor(() => expect(sessionStorage.getItem('hidream-edit:running')).not.toBeNull());
    runner.cancel();
    expect(sessionStorage.getItem('hidream-edit:running')).toBeNull();
  });

  it('runs each job through launch, so a TanStack mutation tracks it', async () => {
    h = createHarness({ engine: { latency: 1000 } });
    const observer = new MutationObserver<Prediction, Error, EditJob>(h.queryClient, {
      mutationKey: hidreamKeys.edits(),
      retry: 0,
      mutationFn: (job) => job.run(),
    });
    const { runner } = createRunner({ launch: (job) => observer.mutate(job) });
    const done = runner.start({ prompt: 'warmer', images: [image] });
    await vi.waitFor(() => expect(h.queryClient.isMutating({ mutationKey: hidreamKeys.edits() })).toBe(1));
    expect(observer.getCurrentResult().variables).toMatchObject({ request: { prompt: 'warmer' } });
    await vi.advanceTimersByTimeAsync(1500);
    const prediction = await done;
    expect(h.queryClient.isMutating()).toBe(0);
    expect(observer.getCurrentResult()).toMatchObject({ status: 'success', data: prediction });
  });
});
