import { DEFAULT_MODEL, LONG_POLL_HEADER, SYNC_TIMEOUT_CODE } from './constants.js';
import {
  ApiError,
  CancelledError,
  NetworkError,
  PredictionFailedError,
  TimeoutError,
  UploadError,
  ValidationError,
} from './errors.js';
import { isPredictionId } from './is-prediction-id.js';
import { isTerminalStatus } from './is-terminal-status.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { sleep } from './sleep.js';
import type { EditInput, Prediction, PredictionStatus } from './types.js';
import { assertEditInput } from './validate-edit-input.js';

/** Sent as `X-Client-Version`. */
export const CLIENT_VERSION = '0.1.0';

export interface ClientOptions {
  /**
   * Where the WaveSpeed v3 API lives: `https://api.wavespeed.ai` (`WAVESPEED_BASE_URL`), or the mount point of
   * your proxy such as `/api/hidream`. A relative URL is resolved against `location` at each call when there is one.
   */
  baseUrl: string;
  /**
   * Sent as `Authorization: Bearer <apiKey>`. Leave it out in browsers: the proxy adds the key on the server.
   * @default undefined
   */
  apiKey?: string;
  /**
   * The `fetch` to call, read at each request.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /**
   * Extra headers on every API request (never on the upload `PUT` to a storage URL).
   * @default {}
   */
  headers?: Record<string, string>;
  /**
   * The model path to submit to.
   * @default "wavespeed-ai/hidream-o1-image-dev/edit"
   */
  model?: string;
}

export interface WaitOptions {
  /** Aborting stops at once, also during a backoff, and rejects with a `CancelledError`. @default undefined */
  signal?: AbortSignal;
  /**
   * Longest pause between polls when the server does not long-poll: polls start 250 ms apart and double up
   * to this. Servers that sent `x-hidream-long-poll` are asked to hold each request open instead.
   * @default 1000
   */
  interval?: number;
  /**
   * Give up waiting after this many milliseconds with a `TimeoutError` (the prediction may still finish).
   * Counted from when waiting starts: in `edit`, after the submit answered.
   * @default undefined (no limit)
   */
  timeout?: number;
  /** Called with the prediction each time its status changes, starting with the first one seen. @default undefined */
  onUpdate?(prediction: Prediction): void;
}

export interface EditOptions extends WaitOptions {
  /** Called as soon as the prediction id exists: keep it to resume the edit later. @default undefined */
  onSubmitted?(prediction: Prediction): void;
}

export interface UploadOptions {
  /** Aborting stops the upload and rejects with a `CancelledError`. @default undefined */
  signal?: AbortSignal;
  /**
   * The file name the server is told about (and that appears in error messages).
   * @default the file's name, else `image.<subtype>` from its MIME type (`image.bin` when it has none)
   */
  filename?: string;
  /** Bytes sent so far: called at 0 and at the total. @default undefined */
  onProgress?(progress: { loaded: number; total: number }): void;
}

export interface HidreamClient {
  /** `baseUrl` as given, without a trailing slash. */
  readonly baseUrl: string;
  readonly model: string;
  /** Validates then submits the edit: one POST, never retried (each submit may cost money). */
  submit(input: EditInput, options?: { signal?: AbortSignal }): Promise<Prediction>;
  /**
   * Reads a prediction. Retries 429 and 5xx gateway answers and network errors, 5 tries in all, with full-jitter
   * exponential backoff (500 ms doubling, capped at 8 s) and at least `Retry-After`. `wait` (seconds) and `since`
   * ask a hidream-edit proxy to hold the request until the status differs from `since`.
   */
  getResult(id: string, options?: { signal?: AbortSignal; wait?: number; since?: PredictionStatus }): Promise<Prediction>;
  /**
   * Follows a prediction until it is terminal: resolves when `completed`, rejects with `PredictionFailedError`
   * otherwise. Polls at once, then after 250 ms, 500 ms and every `interval`; once the server has sent
   * `x-hidream-long-poll: <max s>`, long-polls back to back with `?wait=<min(max, 25)>&since=<last status>`.
   */
  wait(id: string, options?: WaitOptions): Promise<Prediction>;
  /**
   * Submits then waits. A sync-mode submit that timed out (code 5004, or "Sync mode timed out") keeps
   * running: it is polled by its id, never resubmitted. Errors after the submit carry `predictionId`.
   */
  edit(input: EditInput, options?: EditOptions): Promise<Prediction>;
  /** Uploads an image and returns its download URL, for use in `images`. Failures are `UploadError`s. */
  upload(file: Blob, options?: UploadOptions): Promise<string>;
}

interface Body {
  code?: number | string;
  message?: string;
  error_code?: number | string;
  request_id?: string;
  // biome-ignore lint: the envelope's data is checked where it is used
  data?: any;
}

const RETRIED = [429, 500, 502, 503, 504];

/** `url` made absolute against `base` (by default the page's location, when there is one); unchanged if it cannot be. */
const resolve = (url: string, base = (globalThis as { location?: { href: string } }).location?.href) => {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
};

/** A client for the WaveSpeed v3 API, or for a hidream-edit proxy or local engine that speaks it. */
export function createClient(options: ClientOptions): HidreamClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const model = options.model ?? DEFAULT_MODEL;
  // The longest `?wait=` the server honours, once one of its responses advertised it.
  let longPoll = 0;

  /**
   * One request. With `need`, an API call to `baseUrl + url` with our headers, whose envelope comes back when
   * `data[need]` is there (an `ApiError` otherwise); without, `init` goes as it is and the Response comes back.
   * A `body` (a string is JSON) is sent as a POST. Failures to get an answer are `CancelledError` or `NetworkError`.
   */
  // biome-ignore lint: an envelope (`Body`) or a Response, as `need` says
  async function call(url: string, signal?: AbortSignal, id?: string, need?: string, body?: string | FormData, init?: RequestInit): Promise<any> {
    // A string body is JSON.
    const json = typeof body == 'string';
    init ??= {
      method: body ? 'POST' : 'GET',
      body,
      headers: {
        'X-Client-Name': 'hidream-edit',
        'X-Client-Version': CLIENT_VERSION,
        ...options.headers,
        ...(options.apiKey && { Authorization: `Bearer ${options.apiKey}` }),
        ...(json && { 'Content-Type': 'application/json' }),
      },
    };
    let res: Response;
    let text: string;
    try {
      if (signal?.aborted) throw signal.reason;
      res = await (options.fetch ?? fetch)(need ? resolve(baseUrl + url) : url, { ...init, signal });
      text = await res.text();
    } catch (e) {
      throw signal?.aborted || (e as Error)?.name == 'AbortError'
        ? new CancelledError(undefined, { cause: e, predictionId: id })
        : new NetworkError(`Could not reach the server (${(e as Error)?.message ?? e}).`, { cause: e, predictionId: id });
    }
    if (!need) return res;
    const header = (name: string) => res.headers.get(name);
    longPoll = +header(LONG_POLL_HEADER)! || longPoll;
    let parsed: Body | undefined;
    try {
      parsed = JSON.parse(text);
    } catch {}
    const b: Body = Object(parsed);
    const { status, ok } = res;
    // A sync-mode timeout may come with an error status, but its prediction keeps running.
    if ((ok || b.code == SYNC_TIMEOUT_CODE) && b.data?.[need]) return b;
    throw new ApiError(b.message || (ok ? 'The server sent an unexpected response.' : `The server answered ${status}.`), {
      status,
      body: parsed ?? text,
      requestId: header('x-request-id') ?? b.request_id,
      apiCode: b.error_code ?? (b.code != status ? b.code : undefined),
      retryAfterMs: parseRetryAfter(header('retry-after')),
      predictionId: id,
    });
  }

  async function post(input: EditInput, signal?: AbortSignal): Promise<Body> {
    assertEditInput(input);
    return call(`/api/v3/${model}`, signal, undefined, 'id', JSON.stringify(input));
  }

  async function getResult(id: string, o: { signal?: AbortSignal; wait?: number; since?: PredictionStatus } = {}): Promise<Prediction> {
    const { signal, wait, since } = o;
    if (!isPredictionId(id)) {
      throw new ValidationError([{ field: 'id', code: 'invalid_type', message: `"${id}" is not a valid prediction id.` }]);
    }
    const query = String(new URLSearchParams({ ...(wait != null && { wait: String(wait) }), ...(since && { since }) }));
    for (let attempt = 1; ; attempt++) {
      try {
        return (await call(`/api/v3/predictions/${id}/result${query && `?${query}`}`, signal, id, 'id')).data;
      } catch (e) {
        if (attempt > 4 || !(e instanceof NetworkError || RETRIED.includes((e as ApiError).status))) throw e;
        // Full jitter: 0..500 ms, then 0..1 s, 0..2 s, 0..4 s (5 tries never reach the 8 s cap); never less than Retry-After.
        await sleep(Math.max(Math.random() * 250 * 2 ** attempt, (e as ApiError).retryAfterMs ?? 0), signal, id);
      }
    }
  }

  async function follow(id: string, o: WaitOptions, first?: Prediction): Promise<Prediction> {
    const { interval = 1000, timeout, onUpdate, signal } = o;
    const controller = new AbortController();
    const abort = () => controller.abort(signal?.reason);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort);
    let timedOut = false;
    const timer = timeout == null ? 0 : setTimeout(() => ((timedOut = true), controller.abort()), timeout);
    let last: PredictionStatus | undefined;
    let asked = 0;
    try {
      for (let p = first, delay = 250; ; ) {
        if (p) {
          const changed = p.status != last;
          if (changed) onUpdate?.(p);
          last = p.status;
          if (isTerminalStatus(last)) {
            if (last == 'completed') return p;
            throw new PredictionFailedError(p);
          }
          // Long-poll back to back, unless the server answered "unchanged" at once (it ignores `wait`).
          if (!longPoll || (!changed && Date.now() - asked < 100)) {
            await sleep(delay, controller.signal, id);
            delay = Math.min(interval, delay * 2);
          }
        }
        asked = Date.now();
        p = await getResult(id, { signal: controller.signal, ...(longPoll && { wait: Math.min(longPoll, 25), since: last }) });
      }
    } catch (e) {
      throw timedOut && e instanceof CancelledError
        ? new TimeoutError(`The edit took longer than ${timeout! / 1000} s; it may still finish.`, { predictionId: id })
        : e;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }

  return {
    baseUrl,
    model,
    submit: async (input, o = {}) => (await post(input, o.signal)).data,
    getResult,
    wait: (id, o = {}) => follow(id, o),
    async edit(input, o = {}) {
      const body = await post(input, o.signal);
      let p: Prediction = body.data;
      // A sync-mode submit that timed out keeps running on the server: follow it by id, never resubmit.
      if (
        p.status != 'completed' &&
        (p.code == SYNC_TIMEOUT_CODE || body.code == SYNC_TIMEOUT_CODE || /sync mode timed out/i.test(`${p.error} ${body.message}`))
      ) {
        p = { ...p, status: 'processing', error: '' };
      }
      o.onSubmitted?.(p);
      return follow(p.id, o, p);
    },
    async upload(file, o = {}) {
      const { signal, onProgress } = o;
      const { size: total, type } = file;
      const filename = o.filename ?? ((file as File).name || `image.${type.split('/')[1] || 'bin'}`);
      onProgress?.({ loaded: 0, total });
      let url: string;
      try {
        try {
          const { data } = await call('/api/v3/media/uploads', signal, undefined, 'upload', JSON.stringify({ filename, size: total, content_type: type }));
          const { method = 'PUT', url: to, headers = {} } = data.upload;
          // Exactly the ticket's headers: no key or client headers go to a storage host, and no implicit type.
          const body = file.slice(0, total, '');
          const res: Response = await call(resolve(to, resolve(`${baseUrl}/`)), signal, undefined, undefined, undefined, { method, headers, body });
          if (!res.ok) throw Error(`the storage server answered ${res.status}`);
          url = data.download_url;
        } catch (e) {
          // 404 or 405: a server without tickets; use the legacy multipart upload.
          if (!(e instanceof ApiError && (e.status | 1) == 405)) throw e;
          const form = new FormData();
          form.append('file', file, filename);
          url = (await call('/api/v3/media/upload/binary', signal, undefined, 'download_url', form)).data.download_url;
        }
      } catch (e) {
        throw e instanceof CancelledError ? e : new UploadError(`Could not upload ${filename}: ${(e as Error).message}`, { cause: e });
      }
      onProgress?.({ loaded: total, total });
      return url;
    },
  };
}
