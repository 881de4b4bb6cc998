import { CancelledError, isEditError, type EditError, type HidreamClient, type Prediction } from '../core/index.js';
import {
  DEFAULT_PERSIST_KEY,
  clearPersistedEdit,
  readPersistedEdit,
  writePersistedEdit,
  type EditSummary,
  type PersistMode,
  type PersistedEdit,
} from './edit-persistence.js';
import { hidreamKeys } from './query-keys.js';
import type { ImageTransport, UploadProgress } from './resolve-images.js';
import { followPrediction, runEdit, summarizeRequest, type EditPhase, type EditRequest } from './run-edit.js';

/** Where an edit is: `idle`, then `uploading` (only with File/Blob images), `submitting`, `processing`, and `completed` or `failed`. */
export type EditStatus = 'idle' | EditPhase | 'completed' | 'failed';

/** What `EditRunner` reads when an edit starts or ends; each field is documented on `UseEditOptions`. */
export interface EditRunnerOptions {
  images?: ImageTransport;
  persist?: PersistMode | false;
  persistKey?: string;
  timeout?: number;
  onSubmitted?(prediction: Prediction): void;
  onCompleted?(prediction: Prediction): void;
  onError?(error: EditError): void;
  /**
   * Runs a job and settles as `job.run()` does. `useEdit` passes its mutation's `mutateAsync`, so every edit is
   * a TanStack Query mutation apps can observe.
   * @default (job) => job.run()
   */
  launch?(job: EditJob): Promise<Prediction>;
}

/** One edit handed to `launch`: a new request, or a persisted prediction to resume. */
export interface EditJob {
  request?: EditRequest;
  resume?: PersistedEdit;
  startedAt: number;
  run(): Promise<Prediction>;
}

/** Where `EditRunner` writes each prediction it sees: a TanStack `QueryClient`, under `hidreamKeys.prediction(id)`. */
export interface PredictionCache {
  setQueryData(queryKey: readonly unknown[], prediction: Prediction): unknown;
}

/** The state of the current edit, a new object on every change. */
export interface EditSnapshot {
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
  /** What the current edit asked for (also for an edit resumed from storage). */
  summary: EditSummary | undefined;
  /** `Date.now()` when the edit started (for a resumed edit, when it was first started). */
  startedAt: number | undefined;
  /** `Date.now()` when the edit ended; undefined while it runs. */
  endedAt: number | undefined;
}

interface Run {
  controller: AbortController;
  promise?: Promise<Prediction>;
  settled?: boolean;
}

const KEEP_ON: readonly string[] = ['cancelled', 'network_error', 'timeout'];
const IDLE: EditSnapshot = {
  status: 'idle',
  prediction: undefined,
  outputs: [],
  error: null,
  isPending: false,
  uploadProgress: null,
  summary: undefined,
  startedAt: undefined,
  endedAt: undefined,
};

/**
 * The framework-free state machine behind `useEdit`: one edit at a time (a second `start` while one is pending
 * returns its promise), phases, progress, persistence of the running id, `cancel()`/`reset()`, and an abort when
 * its owner goes away. Callbacks run only between `mount()` and `unmount()`.
 */
export class EditRunner {
  #options: EditRunnerOptions;
  #snapshot = IDLE;
  #listeners = new Set<() => void>();
  #run: Run | null = null;
  #mounted = false;

  constructor(
    public client: HidreamClient,
    public cache: PredictionCache,
    options: EditRunnerOptions = {},
  ) {
    this.#options = options;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): EditSnapshot => this.#snapshot;

  /** Replaces the options; an edit already running keeps those it started with, except its callbacks. */
  setOptions(options: EditRunnerOptions): void {
    this.#options = options;
  }

  /** Starts an edit, or returns the pending one's promise. Rejects with an `EditError`. */
  start(request: EditRequest): Promise<Prediction> {
    return this.#pending() ?? this.#start(request);
  }

  /**
   * Follows a persisted prediction (by default the one stored under `persist`/`persistKey`) without submitting.
   * Returns undefined when there is none; the pending edit's promise when one is running.
   */
  resume(record: PersistedEdit | null = this.#stored()): Promise<Prediction> | undefined {
    return record ? (this.#pending() ?? this.#start(undefined, record)) : undefined;
  }

  /** Aborts the pending edit: it ends `failed` with a `CancelledError` keeping its prediction id. */
  cancel(): void {
    const run = this.#run;
    if (!run || run.settled) return;
    this.#forgetStored();
    run.controller.abort(new CancelledError());
  }

  /** Aborts anything pending and returns to `idle`, forgetting the prediction and the persisted id. */
  reset(): void {
    const run = this.#run;
    this.#run = null;
    if (run && !run.settled) run.controller.abort(new CancelledError());
    this.#forgetStored();
    this.#set(IDLE);
  }

  mount(): void {
    this.#mounted = true;
  }

  /** Aborts the pending edit a microtask later, unless `mount()` is called first (StrictMode remounts at once). */
  unmount(): void {
    this.#mounted = false;
    const run = this.#run;
    queueMicrotask(() => {
      if (!this.#mounted && run && !run.settled) {
        run.controller.abort(new CancelledError('The edit stopped because its component unmounted.'));
      }
    });
  }

  #pending(): Promise<Prediction> | undefined {
    const run = this.#run;
    return run && !run.settled ? run.promise : undefined;
  }

  #stored(): PersistedEdit | null {
    const { persist, persistKey } = this.#options;
    return persist ? readPersistedEdit(persist, persistKey) : null;
  }

  #forgetStored(): void {
    const { persist, persistKey } = this.#options;
    if (persist) clearPersistedEdit(persist, persistKey);
  }

  #set(snapshot: EditSnapshot): void {
    this.#snapshot = snapshot;
    this.#listeners.forEach((listener) => listener());
  }

  #start(request?: EditRequest, resume?: PersistedEdit): Promise<Prediction> {
    const run: Run = { controller: new AbortController() };
    const startedAt = resume?.startedAt ?? Date.now();
    const { launch = (job: EditJob) => job.run() } = this.#options;
    this.#run = run;
    this.#set({
      ...IDLE,
      status: resume ? 'processing' : request!.images.some((image) => typeof image !== 'string') ? 'uploading' : 'submitting',
      isPending: true,
      startedAt,
      summary: resume?.summary ?? summarizeRequest(request!),
    });
    const promise = (run.promise = launch({ request, resume, startedAt, run: () => this.#execute(run, startedAt, request, resume) }));
    const settle = (patch: Partial<EditSnapshot>, notify: () => void) => {
      run.settled = true;
      if (this.#run !== run) return;
      this.#set({ ...this.#snapshot, ...patch, isPending: false, endedAt: Date.now() });
      if (this.#mounted) notify();
    };
    promise.then(
      (prediction) => settle({ status: 'completed', prediction, outputs: prediction.outputs ?? [] }, () => this.#options.onCompleted?.(prediction)),
      (error: EditError) =>
        settle({ status: 'failed', error }, () => isEditError(error, 'cancelled') || this.#options.onError?.(error)),
    );
    return promise;
  }

  async #execute(run: Run, startedAt: number, request?: EditRequest, resume?: PersistedEdit): Promise<Prediction> {
    const { persist, persistKey = DEFAULT_PERSIST_KEY, images, timeout } = this.#options;
    const update = (patch: Partial<EditSnapshot>) => {
      if (this.#run === run && !run.settled) this.#set({ ...this.#snapshot, ...patch });
    };
    const seen = (prediction: Prediction) => {
      update({ prediction });
      this.cache.setQueryData(hidreamKeys.prediction(prediction.id), prediction);
    };
    const forget = (id: string | undefined) => {
      if (persist && id && readPersistedEdit(persist, persistKey)?.id === id) clearPersistedEdit(persist, persistKey);
    };
    const options = {
      signal: run.controller.signal,
      images,
      timeout,
      onPhase: (status: EditPhase) => update({ status }),
      onUploadProgress: (uploadProgress: UploadProgress) => update({ uploadProgress }),
      onUpdate: seen,
      onSubmitted: (prediction: Prediction) => {
        if (persist && request) {
          writePersistedEdit(persist, persistKey, { id: prediction.id, startedAt, summary: summarizeRequest(request) });
        }
        seen(prediction);
        if (this.#mounted) this.#options.onSubmitted?.(prediction);
      },
    };
    try {
      const prediction = resume
        ? await followPrediction(this.client, resume.id, options)
        : await runEdit(this.client, request!, options);
      forget(prediction.id);
      return prediction;
    } catch (error) {
      // Keep the id only while the prediction may still be running and reachable: a later mount resumes it.
      if (isEditError(error) && !KEEP_ON.includes(error.code)) forget(error.predictionId);
      throw error;
    }
  }
}
