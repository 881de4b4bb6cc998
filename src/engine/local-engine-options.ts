import type { Imaging } from './imaging.js';
import type { RandomSource } from './random.js';

/** A fixed number of milliseconds, or a range picked uniformly (with the engine's `random`). */
export type Latency = number | { min: number; max: number };

export interface LocalEngineOptions {
  /**
   * How long a prediction takes from submit to `completed`/`failed`, in ms. It spends the first 15 % (at most
   * 300 ms) as `created`, the rest as `processing`. `0` finishes as soon as the image is rendered.
   * A prompt containing `[slow]` adds `slowLatency`.
   * @default { min: 1200, max: 1800 }
   */
  latency?: Latency;
  /**
   * Extra delay added to every HTTP answer (a slow network), in ms.
   * @default 0
   */
  extraLatency?: Latency;
  /**
   * What `[slow]` in a prompt adds to the latency, in ms.
   * @default 8000
   */
  slowLatency?: number;
  /**
   * Most predictions `processing` at once; the rest stay `created` until one finishes (WaveSpeed's default
   * tier runs 2 at a time). Each still takes its full `latency` once it starts.
   * @default Infinity
   */
  concurrency?: number;
  /**
   * Fraction (0..1) of predictions that end `failed` with a realistic error (task code 1403 or 5000).
   * A prompt containing `[fail]` always fails.
   * @default 0
   */
  failRate?: number;
  /**
   * Fraction (0..1) of result GETs answered with HTTP 429 (with `Retry-After`) or a 5xx instead of the
   * prediction. Submits are never failed this way: clients never retry them.
   * @default 0
   */
  errorRate?: number;
  /**
   * How long a sync-mode submit is held before it answers "Sync mode timed out" (task code 5004, status
   * `processing`, the same id; the task keeps running), in ms.
   * @default 60000
   */
  syncTimeout?: number;
  /**
   * The only API key accepted (`Authorization: Bearer <key>`); any other gets 401. Without it any key, or
   * none, is accepted. Files and upload PUTs never need it (their URLs are the capability).
   * @default undefined
   */
  apiKey?: string;
  /**
   * The models the submit route accepts; any other gets a 404 envelope.
   * @default ['wavespeed-ai/hidream-o1-image-dev/edit']
   */
  models?: readonly string[];
  /**
   * The imaging backend. Defaults to canvas where `OffscreenCanvas` exists (browsers, workers), sharp
   * otherwise (Node).
   * @default createCanvasImaging() or createSharpImaging()
   */
  imaging?: Imaging;
  /**
   * Scales outputs down (keeping the aspect ratio) so their longer side is at most this, for fast demos and
   * tests. The prediction reports the real size in `engine.output_size`.
   * @default undefined (the snapped size, up to 4096)
   */
  maxOutputSide?: number;
  /**
   * Randomness for fault injection, latency ranges and random seeds: a function like `Math.random`, or a
   * number to seed a reproducible generator.
   * @default Math.random
   */
  random?: RandomSource | number;
  /**
   * How long predictions, outputs and uploads are kept, in ms (WaveSpeed keeps them 7 days; this engine lives
   * in memory).
   * @default 3600000 (1 hour)
   */
  ttl?: number;
  /**
   * Most bytes of files (outputs and uploads) kept at once; the oldest are evicted first.
   * @default 268435456 (256 MiB)
   */
  maxStoredBytes?: number;
  /**
   * Most predictions, and most files, kept at once; the oldest are evicted first.
   * @default 1000
   */
  maxEntries?: number;
  /**
   * Largest request body accepted (submit JSON, uploads), in bytes; larger gets 413.
   * @default 67108864 (64 MiB)
   */
  maxBodyBytes?: number;
  /**
   * How images given as `http(s)` URLs the engine did not serve are fetched. `false` refuses them (the
   * prediction fails with task code 1402).
   * @default globalThis.fetch
   */
  fetch?: typeof fetch | false;
  /**
   * Timeout for fetching a remote image, in ms.
   * @default 10000
   */
  fetchTimeout?: number;
  /**
   * The secret webhooks are signed with (`whsec_...`), also served at `GET /api/v3/webhook/secret`. A submit
   * with `?webhook=<url>` (or a `webhook_url` field) gets the finished prediction POSTed there, signed like
   * WaveSpeed's, through `fetch`; check deliveries with `verifyWebhook` from `hidream-edit/server`. Behind the
   * proxy, only its `webhook` option can set one.
   * @default a random `whsec_` secret per engine
   */
  webhookSecret?: string;
}

/** The engine: a WaveSpeed v3 server as a web-standard handler. */
export interface LocalEngine {
  (request: Request): Promise<Response>;
  /** Clears every timer and stored prediction, file and upload ticket. Pending sync submits answer 503. */
  close(): void;
  /** The secret this engine signs webhooks with. */
  readonly webhookSecret: string;
}
