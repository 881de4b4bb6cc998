/** Headers on every JSON answer. */
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** A success envelope `{code: 200, message: "success", data}`. */
export function ok(data: unknown, init: ResponseInit = {}): Response {
  return Response.json({ code: 200, message: 'success', data }, { ...init, status: 200, headers: { ...JSON_HEADERS, ...init.headers } });
}

export interface ErrorExtra {
  /** WaveSpeed's task code (1400, 1401, ...). */
  errorCode?: number;
  headers?: Record<string, string>;
  /** Further fields merged into the body. */
  body?: Record<string, unknown>;
}

/** An error envelope `{code: status, message, error_code?}` with HTTP `status`. */
export function fail(status: number, message: string, extra: ErrorExtra = {}): Response {
  return Response.json(
    { code: status, message, ...(extra.errorCode === undefined ? {} : { error_code: extra.errorCode }), ...extra.body },
    { status, headers: { ...JSON_HEADERS, ...extra.headers } },
  );
}
