import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { EditError, Prediction } from '../core/index.js';
import type { PersistMode } from './edit-persistence.js';
import { EditRunner, type EditJob, type EditSnapshot, type EditStatus } from './edit-runner.js';
import { useHidreamClient, useRequiredQueryClient } from './hidream-provider.js';
import { hidreamKeys } from './query-keys.js';
import type { ImageTransport } from './resolve-images.js';
import type { EditRequest } from './run-edit.js';
import { useElapsed } from './use-elapsed.js';

export type { EditStatus } from './edit-runner.js';

export interface UseEditOptions {
  /**
   * How `File`/`Blob` entries of `images` are sent: uploaded with `client.upload` before the submit (progress in
   * `uploadProgress`), or inlined as base64 data URIs (bigger submit, no upload route needed).
   * @default "upload"
   */
  images?: ImageTransport;
  /**
   * Keep the running prediction id (and a summary of its input) in `sessionStorage` or `localStorage`, so a
   * reload or a remount resumes waiting for the paid edit (status `processing`) instead of losing it. The record
   * is removed when the prediction completes, fails or is not found, on `cancel()` and on `reset()`; an unmount,
   * a network error or a `timeout` keep it.
   * @default false
   */
  persist?: PersistMode | false;
  /**
   * Storage key of `persist`. Give each editor on a page its own.
   * @default "hidream-edit:running"
   */
  persistKey?: string;
  /**
   * Stop waiting after this many ms with a `TimeoutError` (the prediction may still finish; its id is on the error).
   * @default undefined (wait until the prediction ends)
   */
  timeout?: number;
  /**
   * How often `elapsedMs` re-renders while an edit runs, in ms.
   * @default 100
   */
  tickInterval?: number;
  /** The prediction exists (the submit answered): store, show or share its id from now on. @default undefined */
  onSubmitted?(prediction: Prediction): void;
  /** The edit completed; `prediction.outputs` holds the results. Not called after an unmount. @default undefined */
  onCompleted?(prediction: Prediction): void;
  /** The edit failed. Not called for `cancel()`, `reset()` or an unmount. @default undefined */
  onError?(error: EditError): void;
  /** `status` changed (reported after render, once per change). @default undefined */
  onStatusChange?(status: EditStatus): void;
}

export interface UseEditResult extends Omit<EditSnapshot, 'startedAt' | 'endedAt'> {
  /**
   * Starts an edit. While one is pending, further calls are ignored (a double click sends one POST); call
   * `cancel()` or `reset()` first to start another. Errors land in `error` and `onError`, never thrown.
   */
  edit(request: EditRequest): void;
  /** `edit` returning the completed prediction; while an edit is pending it returns that edit's promise. */
  editAsync(request: EditRequest): Promise<Prediction>;
  /** Time since the edit started, ticking while pending, frozen when it ends. Resumed edits count from their start. */
  elapsedMs: number;
  /**
   * Stops the edit at once: no request is sent after it and in-flight ones are aborted. `status` becomes
   * `failed` with a `CancelledError` (code `cancelled`) that keeps the prediction id. The prediction itself may
   * still finish on the server (WaveSpeed has no cancel): resume it with `usePrediction(error.predictionId)`.
   */
  cancel(): void;
  /** Cancels anything pending and returns to `idle`, forgetting the prediction and the persisted id. */
  reset(): void;
}

const noop = () => {};

/**
 * Runs edits: uploads File/Blob references, submits exactly once and follows the prediction to its end, with
 * status, progress, elapsed time, `cancel()` and optional persistence. Built on a TanStack Query mutation
 * (`mutationKey: hidreamKeys.edits()`, never retried); each prediction it sees is also written to the query cache
 * under `hidreamKeys.prediction(id)`. Unmounting stops all requests at once.
 */
export function useEdit(options: UseEditOptions = {}): UseEditResult {
  const client = useHidreamClient('useEdit');
  const queryClient = useRequiredQueryClient('useEdit');
  const [runner] = useState(() => new EditRunner(client, queryClient));
  const [actions] = useState(() => ({
    edit: (request: EditRequest) => void runner.start(request).catch(noop),
    editAsync: (request: EditRequest) => runner.start(request),
    cancel: () => runner.cancel(),
    reset: () => runner.reset(),
  }));
  const { mutateAsync } = useMutation<Prediction, EditError, EditJob>(
    { mutationKey: hidreamKeys.edits(), retry: 0, mutationFn: (job) => job.run() },
    queryClient,
  );
  runner.client = client;
  runner.cache = queryClient;
  runner.setOptions({ ...options, launch: mutateAsync });
  const { startedAt, endedAt, ...state } = useSyncExternalStore(runner.subscribe, runner.getSnapshot, runner.getSnapshot);

  useEffect(() => {
    runner.mount();
    return () => runner.unmount();
  }, [runner]);

  useEffect(() => void runner.resume()?.catch(noop), [runner, options.persist, options.persistKey]);

  const reported = useRef(state.status);
  useEffect(() => {
    if (reported.current === state.status) return;
    reported.current = state.status;
    options.onStatusChange?.(state.status);
  }, [state.status]);

  const elapsedMs = useElapsed(startedAt, endedAt, options.tickInterval ?? 100);
  return { ...state, elapsedMs, ...actions };
}
