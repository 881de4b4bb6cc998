import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CancelledError, isEditError, type EditError, type Prediction } from '../core/index.js';
import {
  DEFAULT_PERSIST_KEY,
  clearPersistedEdit,
  readPersistedEdit,
  writePersistedEdit,
  type EditSummary,
  type PersistMode,
  type PersistedEdit,
} from './edit-persistence.js';
import { useHidreamClient, useRequiredQueryClient } from './hidream-provider.js';
import { hidreamKeys } from './query-keys.js';
import type { ImageTransport, UploadProgress } from './resolve-images.js';
import { followPrediction, runEdit, summarizeRequest, type EditPhase, type EditRequest, type RunEditOptions } from './run-edit.js';
import { useElapsed } from './use-elapsed.js';

/** Where an edit is: `idle`, then `uploading` (only with File/Blob images), `submitting`, `processing`, and `completed` or `failed`. */
export type EditStatus = 'idle' | EditPhase | 'completed' | 'failed';

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
  /** The prediction exists (the submit answered): store, show or share its id from now on. */
  onSubmitted?(prediction: Prediction): void;
  /** The edit completed; `prediction.outputs` holds the results. Not called after an unmount. */
  onCompleted?(prediction: Prediction): void;
  /** The edit failed. Not called for `cancel()`, `reset()` or an unmount. */
  onError?(error: EditError): void;
  /** `status` changed (reported after render, once per change). */
  onStatusChange?(status: EditStatus): void;
}

export interface UseEditResult {
  /**
   * Starts an edit. While one is pending, further calls are ignored (a double click sends one POST); call
   * `cancel()` or `reset()` first to start another. Errors land in `error` and `onError`, never thrown.
   */
  edit(request: EditRequest): void;
  /** `edit` returning the completed prediction; while an edit is pending it returns that edit's promise. */
  editAsync(request: EditRequest): Promise<Prediction>;
  status: EditStatus;
  /** The latest prediction seen (from the submit on), the failed one included. */
  prediction: Prediction | undefined;
  /** Result URLs (or base64 strings), empty until completed. */
  outputs: string[];
  /** Why the edit failed; `error.predictionId` keeps the id once the submit answered. */
  error: EditError | null;
  /** True while `status` is `uploading`, `submitting` or `processing`. */
  isPending: boolean;
  /** Bytes of File/Blob images sent so far; null when the edit had none. */
  uploadProgress: UploadProgress | null;
  /** Time since the edit started, ticking while pending, frozen when it ends. Resumed edits count from their start. */
  elapsedMs: number;
  /** What the current edit asked for (also for an edit resumed from storage). */
  summary: EditSummary | undefined;
  /**
   * Stops the edit at once: no request is sent after it and in-flight ones are aborted. `status` becomes
   * `failed` with a `CancelledError` (code `cancelled`) that keeps the prediction id. The prediction itself may
   * still finish on the server (WaveSpeed has no cancel): resume it with `usePrediction(error.predictionId)`.
   */
  cancel(): void;
  /** Cancels anything pending and returns to `idle`, forgetting the prediction and the persisted id. */
  reset(): void;
}

interface Run {
  controller: AbortController;
  promise?: Promise<Prediction>;
  settled: boolean;
}

interface Job {
  run: Run;
  startedAt: number;
  request?: EditRequest;
  resume?: PersistedEdit;
}

interface LocalState {
  phase: EditPhase;
  prediction?: Prediction;
  uploadProgress: UploadProgress | null;
  startedAt?: number;
  endedAt?: number;
  summary?: EditSummary;
}

const KEEP_ON: readonly string[] = ['cancelled', 'network_error', 'timeout'];
const INITIAL: LocalState = { phase: 'submitting', uploadProgress: null };
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
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [state, setState] = useState<LocalState>(INITIAL);
  const runRef = useRef<Run | null>(null);
  const mountedRef = useRef(false);

  const execute = async ({ run, startedAt, request, resume }: Job): Promise<Prediction> => {
    const { persist, persistKey = DEFAULT_PERSIST_KEY, images, timeout } = optionsRef.current;
    const update = (patch: Partial<LocalState>) => {
      if (runRef.current === run) setState((s) => ({ ...s, ...patch }));
    };
    const seen = (prediction: Prediction) => {
      update({ prediction });
      queryClient.setQueryData(hidreamKeys.prediction(prediction.id), prediction);
    };
    const forget = (id: string | undefined) => {
      if (persist && id && readPersistedEdit(persist, persistKey)?.id === id) clearPersistedEdit(persist, persistKey);
    };
    const runOptions: RunEditOptions = {
      signal: run.controller.signal,
      images,
      timeout,
      onPhase: (phase) => update({ phase }),
      onUploadProgress: (uploadProgress) => update({ uploadProgress }),
      onUpdate: seen,
      onSubmitted: (prediction) => {
        if (persist && request) {
          writePersistedEdit(persist, persistKey, { id: prediction.id, startedAt, summary: summarizeRequest(request) });
        }
        seen(prediction);
        if (mountedRef.current) optionsRef.current.onSubmitted?.(prediction);
      },
    };
    try {
      const prediction = resume
        ? await followPrediction(client, resume.id, runOptions)
        : await runEdit(client, request!, runOptions);
      forget(prediction.id);
      return prediction;
    } catch (error) {
      // Keep the id only while the prediction may still be running and reachable: a later mount resumes it.
      if (isEditError(error) && !KEEP_ON.includes(error.code)) forget(error.predictionId);
      throw error;
    } finally {
      run.settled = true;
      update({ endedAt: Date.now() });
    }
  };

  const mutation = useMutation<Prediction, EditError, Job>(
    { mutationKey: hidreamKeys.edits(), retry: 0, mutationFn: execute },
    queryClient,
  );
  const { mutateAsync, reset: resetMutation } = mutation;

  const start = useCallback(
    (job: Omit<Job, 'run' | 'startedAt'>): Promise<Prediction> => {
      const run: Run = { controller: new AbortController(), settled: false };
      const startedAt = job.resume?.startedAt ?? Date.now();
      runRef.current = run;
      const uploads = job.request?.images.some((image) => typeof image !== 'string');
      setState({
        phase: job.resume ? 'processing' : uploads ? 'uploading' : 'submitting',
        uploadProgress: null,
        startedAt,
        summary: job.resume?.summary ?? (job.request && summarizeRequest(job.request)),
      });
      run.promise = mutateAsync(
        { ...job, run, startedAt },
        {
          onSuccess: (prediction) => optionsRef.current.onCompleted?.(prediction),
          onError: (error) => {
            if (!isEditError(error, 'cancelled')) optionsRef.current.onError?.(error);
          },
        },
      );
      return run.promise;
    },
    [mutateAsync],
  );

  const editAsync = useCallback(
    (request: EditRequest): Promise<Prediction> => {
      const current = runRef.current;
      if (current && !current.settled && current.promise) return current.promise;
      return start({ request });
    },
    [start],
  );
  const edit = useCallback((request: EditRequest) => void editAsync(request).catch(noop), [editAsync]);

  const forgetPersisted = () => {
    const { persist, persistKey } = optionsRef.current;
    if (persist) clearPersistedEdit(persist, persistKey);
  };

  const cancel = useCallback(() => {
    const run = runRef.current;
    if (!run || run.settled) return;
    forgetPersisted();
    run.controller.abort(new CancelledError());
  }, []);

  const reset = useCallback(() => {
    const run = runRef.current;
    runRef.current = null;
    if (run && !run.settled) run.controller.abort(new CancelledError());
    forgetPersisted();
    setState(INITIAL);
    resetMutation();
  }, [resetMutation]);

  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      const run = runRef.current;
      // Deferred by a microtask: StrictMode's simulated unmount remounts synchronously and must not cancel.
      queueMicrotask(() => {
        if (!mountedRef.current && run && !run.settled) {
          run.controller.abort(new CancelledError('The edit stopped because its component unmounted.'));
        }
      });
    };
  }, []);

  useEffect(() => {
    const { persist, persistKey } = optionsRef.current;
    const record = persist ? readPersistedEdit(persist, persistKey) : null;
    const current = runRef.current;
    if (record && !(current && !current.settled)) start({ resume: record }).catch(noop);
  }, [options.persist, options.persistKey, start]);

  const running = state.startedAt !== undefined && state.endedAt === undefined;
  const status: EditStatus =
    running || mutation.status === 'pending'
      ? state.phase
      : mutation.status === 'success'
        ? 'completed'
        : mutation.status === 'error'
          ? 'failed'
          : 'idle';

  const reported = useRef(status);
  useEffect(() => {
    if (reported.current === status) return;
    reported.current = status;
    optionsRef.current.onStatusChange?.(status);
  }, [status]);

  const elapsedMs = useElapsed(state.startedAt, state.endedAt, options.tickInterval ?? 100);
  const prediction = state.prediction ?? mutation.data;
  const isPending = status === 'uploading' || status === 'submitting' || status === 'processing';
  return {
    edit,
    editAsync,
    status,
    prediction,
    outputs: status === 'completed' ? (prediction?.outputs ?? []) : [],
    error: isPending ? null : mutation.error,
    isPending,
    uploadProgress: state.uploadProgress,
    elapsedMs,
    summary: state.summary,
    cancel,
    reset,
  };
}
