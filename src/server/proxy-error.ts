import type { FieldError } from '../core/types.js';

/**
 * A refusal or failure the proxy answers itself, in the WaveSpeed error envelope
 * `{ code, message, error_code }` (plus `errors` for invalid input). Thrown anywhere in the proxy and turned
 * into a response in one place (`errorResponse`).
 */
export class ProxyError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    errorCode: string,
    message: string,
    options: { errors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProxyError';
    this.status = status;
    this.errorCode = errorCode;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

/** The body of every error the proxy answers itself. */
export interface ProxyErrorBody {
  code: number;
  message: string;
  error_code: string;
  errors?: FieldError[];
}

/** A JSON response in the envelope shape. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/**
 * Turns anything thrown while handling a request into a response. A `ProxyError` keeps its status and
 * sentence; anything else is a 500 that says nothing about its cause.
 */
export function errorResponse(error: unknown): Response {
  const known =
    error instanceof ProxyError
      ? error
      : new ProxyError(500, 'internal_error', 'The proxy failed to handle this request.');
  const body: ProxyErrorBody = { code: known.status, message: known.message, error_code: known.errorCode };
  if (known.errors) body.errors = known.errors;
  return jsonResponse(known.status, body, known.headers);
}
