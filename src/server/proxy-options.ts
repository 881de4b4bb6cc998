/** A web-standard request handler: the local engine, another proxy, or a `fetch` wrapper. */
export type UpstreamHandler = (request: Request) => Promise<Response>;

/** Routes the proxy can serve. Anything not listed here (e.g. the webhook secret) is never served. */
export interface ProxyRoutes {
  /**
   * `POST /api/v3/{model}` for the allowed `models`.
   * @default true
   */
  submit?: boolean;
  /**
   * `GET /api/v3/predictions/{id}/result`.
   * @default true
   */
  result?: boolean;
  /**
   * `POST /api/v3/media/uploads` (upload ticket), `POST /api/v3/media/upload/binary` (legacy multipart) and,
   * with a handler upstream, the engine's own `PUT /api/v3/local/uploads/{token}`.
   * @default true
   */
  uploads?: boolean;
  /**
   * `POST /api/v3/predictions`: the account's prediction history (every prediction made with the key).
   * @default false
   */
  history?: boolean;
  /**
   * `POST /api/v3/predictions/delete`.
   * @default false
   */
  delete?: boolean;
  /**
   * `GET /api/v3/balance`: the account balance.
   * @default false
   */
  balance?: boolean;
  /**
   * `POST /api/v3/model/pricing`.
   * @default false
   */
  pricing?: boolean;
}

/** Cross-origin access. Without it the proxy sends no CORS headers and refuses preflights. */
export interface ProxyCorsOptions {
  /** Origins allowed to call the proxy from a browser, e.g. `["https://app.example.com"]`. `"*"` allows any. */
  origins: readonly string[] | '*';
  /**
   * How long a browser may cache a preflight, in seconds.
   * @default 600
   */
  maxAge?: number;
}

/** Server-side long-polling of `GET .../result?wait=<s>&since=<status>`. */
export interface ProxyLongPollOptions {
  /**
   * The longest `?wait=` honoured, in seconds; advertised in the `x-hidream-long-poll` response header.
   * @default 30
   */
  maxWait?: number;
  /**
   * How often the proxy asks upstream while it holds a request, in milliseconds.
   * @default 250
   */
  interval?: number;
}

/** A cap on submits, each of which costs money: over it, a 429 `rate_limited` with `Retry-After`. */
export interface ProxySubmitLimitOptions {
  /** Submits allowed per caller within `windowMs`. */
  submits: number;
  /**
   * The sliding window, in milliseconds.
   * @default 60000 (a minute)
   */
  windowMs?: number;
  /**
   * Who the caller is: a user or session id, an API token, an address your platform vouches for. Callers with
   * the same key share one budget. Counted in this process (each serverless instance counts on its own).
   * Called before the body is read; do not read it here (the proxy streams it upstream).
   * @default one budget shared by every caller
   */
  key?: (request: Request) => string | Promise<string>;
}

export interface ProxyOptions {
  /**
   * Where requests go: a base URL (only its origin and path prefix are used; the caller's `/api/v3/...`
   * suffix is appended) or a handler such as `createLocalEngine()`.
   *
   * Without it, decided per request: `https://api.wavespeed.ai` when a key is found; otherwise the local
   * engine (created on first use, then kept), except when `NODE_ENV` is `production`, where requests get a
   * 503 asking for `WAVESPEED_API_KEY`. A handler is called with a `Request` whose URL is the caller's own
   * (same origin and mount prefix), so URLs it builds route back through the proxy; only a handler receives
   * the engine's `/api/v3/local/*` routes.
   * @default "https://api.wavespeed.ai" with a key, else the local engine (a 503 in production)
   */
  upstream?: string | UpstreamHandler;
  /**
   * The WaveSpeed key, added server-side as `Authorization: Bearer <key>`. A function is called per request.
   * @default process.env.WAVESPEED_API_KEY, read per request
   */
  apiKey?: string | ((request: Request) => string | undefined | Promise<string | undefined>);
  /**
   * Model ids the submit route accepts.
   * @default ["wavespeed-ai/hidream-o1-image-dev/edit"]
   */
  models?: readonly string[];
  /**
   * Routes to serve, merged over the defaults (submit, result and uploads on; history, delete, balance and
   * pricing off). `GET /api/v3/webhook/secret` is never served.
   * @default { submit: true, result: true, uploads: true, history: false, delete: false, balance: false, pricing: false }
   */
  routes?: ProxyRoutes;
  /**
   * Decide whether a caller may use the proxy (check a session, a token...; for a cap on spending see
   * `submitLimit`). Return `false` for a 401. Thrown errors become a 500 whose body says nothing about the
   * error. Called before the body is read; do not read it here (the proxy streams it upstream).
   * @default undefined (everyone may)
   */
  authorize?: (request: Request) => boolean | Promise<boolean>;
  /**
   * Cap submits per caller (or for everyone together), so that a public page cannot spend your balance: over it
   * the proxy answers 429 `rate_limited` with `Retry-After`, and nothing goes upstream.
   * @default undefined (no cap beyond WaveSpeed's own)
   */
  submitLimit?: ProxySubmitLimitOptions;
  /**
   * Largest request body, in bytes. Larger bodies get a 413, as soon as `Content-Length` or the bytes
   * streamed so far pass it, and never reach upstream complete.
   * @default 67108864 (64 MiB)
   */
  maxBodyBytes?: number;
  /**
   * Cross-origin access for browsers on other origins.
   * @default undefined (CORS off: no `Access-Control-*` headers, preflights refused, foreign-origin writes refused)
   */
  cors?: ProxyCorsOptions;
  /**
   * Server-side long-polling of result GETs, or `false` to turn it off (the header is then not sent).
   * @default { maxWait: 30, interval: 250 }
   */
  longPoll?: ProxyLongPollOptions | false;
  /**
   * Longest wait for upstream response headers, in milliseconds; then the caller gets a 504.
   * @default 300000 (5 minutes, enough for sync-mode submits)
   */
  timeout?: number;
  /**
   * Where WaveSpeed POSTs each finished prediction: added as `?webhook=<url>` to every submit, so your server
   * learns of results even when the browser tab is closed. A function is called per submit, before the body
   * is read (put your own user or job id in the URL; do not read the body); returning `undefined` sends no
   * webhook. Callers can never choose a webhook:
   * a submit carrying `?webhook=` or a `webhook_url` field gets a 400 `webhook_forbidden`, because the
   * server's key (or the local engine, on your network) would otherwise POST results wherever a browser asks.
   * Check each delivery with `verifyWebhook`.
   * @default undefined (no webhook)
   */
  webhook?: string | ((request: Request) => string | undefined | Promise<string | undefined>);
  /**
   * Called with every error the proxy turns into a 5xx response of its own (upstream unreachable, a throwing
   * `authorize`), for logging. The response never contains the error's details.
   * @default undefined
   */
  onError?: (error: unknown, request: Request) => void;
}
