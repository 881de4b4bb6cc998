import type { FieldError, Prediction } from './types.js';

const MARKER = Symbol.for('hidream-edit.error');

/**
 * What went wrong, as a machine-readable code:
 * - `invalid_input`: the edit input broke a rule (see `ValidationError.fieldErrors`); nothing was sent.
 * - `unauthorized`: the server refused the key or the caller (401/403).
 * - `rate_limited`: too many requests (429); `ApiError.retryAfterMs` says how long to wait.
 * - `not_found`: the prediction or route does not exist (404).
 * - `payload_too_large`: the request body passed the server's cap (413).
 * - `api_error`: any other non-2xx answer or malformed response.
 * - `network_error`: the request never got an answer (offline, DNS, dropped connection).
 * - `upload_failed`: a reference image could not be uploaded.
 * - `prediction_failed`: the model ran and failed (moderation, bad media, internal error).
 * - `timeout`: waiting for the prediction took longer than allowed; it may still finish.
 * - `cancelled`: the caller aborted.
 */
export type EditErrorCode =
  | 'invalid_input'
  | 'unauthorized'
  | 'rate_limited'
  | 'not_found'
  | 'payload_too_large'
  | 'api_error'
  | 'network_error'
  | 'upload_failed'
  | 'prediction_failed'
  | 'timeout'
  | 'cancelled';

export interface EditErrorOptions {
  /** The error that caused this one. @default undefined */
  cause?: unknown;
  /** The prediction this error concerns, when one exists. @default undefined */
  predictionId?: string;
}

/** Base class of every error this library throws. Check with `isEditError`, not `instanceof`. */
export class EditError extends Error {
  declare readonly code: EditErrorCode;
  /** The prediction this error concerns, when one exists: keep it to resume or inspect the edit. */
  declare readonly predictionId: string | undefined;
  declare readonly [MARKER]: true;

  constructor(code: EditErrorCode, message: string, options: EditErrorOptions = {}) {
    // Error reads only `cause` from the options.
    super(message, options);
    this.name = 'EditError';
    this.code = code;
    this.predictionId = options.predictionId;
    // The marker isEditError checks: not enumerable, not serialised. Set here, not on the prototype, so that
    // this module has no top-level side effect and bundles that do not use it drop it.
    Object.defineProperty(this, MARKER, { value: true });
  }
}

/**
 * True for any error thrown by hidream-edit, from any copy of the package (it checks a `Symbol.for` marker).
 * With `code`, also checks the error's code.
 */
export function isEditError(error: unknown, code?: EditErrorCode): error is EditError {
  return (error as Record<symbol, unknown>)?.[MARKER] === true && (!code || (error as EditError).code == code);
}

export interface ApiErrorOptions extends EditErrorOptions {
  /** The HTTP status of the answer. */
  status: number;
  /** The answer's body: parsed JSON when it was JSON, else its text. @default undefined */
  body?: unknown;
  /** The server's request id (`x-request-id` or the envelope's `request_id`), for support. @default undefined */
  requestId?: string;
  /** WaveSpeed's own code from the envelope (`code` or `error_code`), when it differs from the HTTP status. @default undefined */
  apiCode?: number | string;
  /** How long the server asked to wait (`Retry-After`), in ms. @default undefined */
  retryAfterMs?: number;
}

/** The server answered with an error status or a response that is not a WaveSpeed envelope. */
export class ApiError extends EditError {
  declare readonly status: number;
  declare readonly body: unknown;
  declare readonly requestId: string | undefined;
  declare readonly apiCode: number | string | undefined;
  declare readonly retryAfterMs: number | undefined;

  constructor(message: string, options: ApiErrorOptions) {
    const { status } = options;
    super(
      status == 401 || status == 403
        ? 'unauthorized'
        : status == 404
          ? 'not_found'
          : status == 413
            ? 'payload_too_large'
            : status == 429
              ? 'rate_limited'
              : 'api_error',
      message,
      options,
    );
    this.name = 'ApiError';
    // status, body, requestId, apiCode, retryAfterMs (predictionId and cause are already set, to the same values)
    Object.assign(this, options);
  }
}

/** The request never got an answer. */
export class NetworkError extends EditError {
  constructor(message: string, options?: EditErrorOptions) {
    super('network_error', message, options);
    this.name = 'NetworkError';
  }
}

/** A reference image could not be uploaded. */
export class UploadError extends EditError {
  constructor(message: string, options?: EditErrorOptions) {
    super('upload_failed', message, options);
    this.name = 'UploadError';
  }
}

/** The edit input broke one or more rules; every problem is in `fieldErrors`. Nothing was sent. */
export class ValidationError extends EditError {
  declare readonly fieldErrors: FieldError[];

  constructor(fieldErrors: FieldError[], options?: EditErrorOptions) {
    const more = fieldErrors.length - 1;
    super(
      'invalid_input',
      (fieldErrors[0]?.message ?? 'The edit input is invalid.') + (more > 0 ? ` And ${more} more problem${more > 1 ? 's' : ''}.` : ''),
      options,
    );
    this.name = 'ValidationError';
    this.fieldErrors = fieldErrors;
  }
}

/** The prediction reached a failed terminal status (`failed`, `cancelled`, `timeout` or `deleted`). */
export class PredictionFailedError extends EditError {
  declare readonly prediction: Prediction;

  constructor(prediction: Prediction, options?: Omit<EditErrorOptions, 'predictionId'>) {
    const { id, status, error } = prediction;
    const reason = error?.trim();
    super(
      'prediction_failed',
      `The edit ${status == 'failed' ? status : `ended with status "${status}"`}${reason ? `: ${reason}` : '.'}`,
      { ...options, predictionId: id },
    );
    this.name = 'PredictionFailedError';
    this.prediction = prediction;
  }
}

/** Waiting took longer than allowed. The prediction may still finish: resume it by `predictionId`. */
export class TimeoutError extends EditError {
  constructor(message: string, options?: EditErrorOptions) {
    super('timeout', message, options);
    this.name = 'TimeoutError';
  }
}

/** The caller aborted (an `AbortSignal`, `cancel()` or an unmount). */
export class CancelledError extends EditError {
  constructor(message = 'The edit was cancelled.', options?: EditErrorOptions) {
    super('cancelled', message, options);
    this.name = 'CancelledError';
  }
}
