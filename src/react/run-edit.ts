import {
  CancelledError,
  EditError,
  ValidationError,
  isEditError,
  validateEditInput,
  type EditInput,
  type HidreamClient,
  type Prediction,
} from '../core/index.js';
import type { EditSummary } from './edit-persistence.js';
import { resolveImages, type EditImage, type ImageTransport, type UploadProgress } from './resolve-images.js';

/** An edit input whose `images` may also hold `File`/`Blob` references, sent before the submit. */
export interface EditRequest extends Omit<EditInput, 'images'> {
  /**
   * Reference images: URLs or data URIs as in `EditInput`, or `File`/`Blob`s that are uploaded or inlined
   * first (see `UseEditOptions.images`).
   */
  images: EditImage[];
}

/** The pending steps of an edit, in order. */
export type EditPhase = 'uploading' | 'submitting' | 'processing';

export interface RunEditOptions {
  signal: AbortSignal;
  /** @default "upload" */
  images?: ImageTransport;
  /** Give up waiting after this many ms (the prediction may still finish). @default undefined (no limit) */
  timeout?: number;
  onPhase?(phase: EditPhase): void;
  onUploadProgress?(progress: UploadProgress): void;
  /** The prediction exists: its id can be stored, shown or resumed from now on. */
  onSubmitted?(prediction: Prediction): void;
  /** Every prediction the client reads while waiting, the final one included. */
  onUpdate?(prediction: Prediction): void;
}

// Stands in for File/Blob entries while the other fields are checked, before any upload is paid for.
const PENDING_UPLOAD = 'https://uploads.invalid/pending.png';

export function summarizeRequest(request: EditRequest): EditSummary {
  const { prompt, size, output_format, seed, images } = request;
  return { prompt, size, output_format, seed, imageCount: images.length };
}

function toEditError(error: unknown, signal: AbortSignal, predictionId: string | undefined): EditError {
  if (signal.aborted && !isEditError(error, 'cancelled')) {
    const reason: unknown = signal.reason;
    return isEditError(reason, 'cancelled')
      ? new CancelledError(reason.message, { predictionId: predictionId ?? reason.predictionId })
      : new CancelledError(undefined, { predictionId, cause: reason });
  }
  if (isEditError(error)) {
    if (error.predictionId || !predictionId) return error;
    return Object.assign(error, { predictionId }); // keep the paid edit's id on every error after the submit
  }
  return new EditError('api_error', error instanceof Error ? error.message : String(error), { cause: error, predictionId });
}

/** Rejects as soon as `signal` aborts, even if the work under it is slow to notice. */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function settle(
  work: (setId: (id: string) => void) => Promise<Prediction>,
  { signal, onUpdate }: RunEditOptions,
): Promise<Prediction> {
  let predictionId: string | undefined;
  try {
    return await abortable(work((id) => (predictionId = id)), signal);
  } catch (error) {
    if (isEditError(error, 'prediction_failed') && 'prediction' in error) onUpdate?.(error.prediction as Prediction);
    throw toEditError(error, signal, predictionId);
  }
}

/**
 * One edit, start to finish: checks the input, uploads (or inlines) `File`/`Blob` references, submits once and
 * waits for the result. Resolves with the completed prediction; rejects with an `EditError` (`CancelledError`
 * when `signal` aborts, carrying the prediction id once there is one). It never submits twice.
 */
export function runEdit(client: HidreamClient, request: EditRequest, options: RunEditOptions): Promise<Prediction> {
  const { signal, onPhase, onSubmitted, onUpdate, timeout } = options;
  return settle(async (setId) => {
    const fieldErrors = validateEditInput({
      ...request,
      images: request.images.map((image) => (typeof image === 'string' ? image : PENDING_UPLOAD)),
    });
    if (fieldErrors.length > 0) throw new ValidationError(fieldErrors);
    if (request.images.some((image) => typeof image !== 'string')) {
      onPhase?.('uploading');
    }
    const images = await resolveImages(client, request.images, {
      mode: options.images,
      signal,
      onProgress: options.onUploadProgress,
    });
    signal.throwIfAborted();
    onPhase?.('submitting');
    return client.edit(
      { ...request, images },
      {
        signal,
        timeout,
        onUpdate,
        onSubmitted: (prediction) => {
          setId(prediction.id);
          onPhase?.('processing');
          onSubmitted?.(prediction);
        },
      },
    );
  }, options);
}

/** Follows an existing prediction until it completes (resolves) or fails (rejects), as `runEdit` does after its submit. */
export function followPrediction(client: HidreamClient, id: string, options: RunEditOptions): Promise<Prediction> {
  const { signal, onUpdate, timeout } = options;
  return settle((setId) => {
    setId(id);
    options.onPhase?.('processing');
    return client.wait(id, { signal, timeout, onUpdate });
  }, options);
}
