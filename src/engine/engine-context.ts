import type { ExpiringStore } from './expiring-store.js';
import type { Imaging } from './imaging.js';
import type { Latency } from './local-engine-options.js';
import type { RandomSource } from './random.js';

/** A file the engine serves from `/api/v3/local/files/{name}`. */
export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
  createdAt: number;
}

/** The options with their defaults filled in. */
export interface ResolvedOptions {
  latency: Latency;
  extraLatency: Latency;
  slowLatency: number;
  failRate: number;
  errorRate: number;
  syncTimeout: number;
  apiKey: string | undefined;
  models: readonly string[];
  maxOutputSide: number | undefined;
  ttl: number;
  maxStoredBytes: number;
  maxEntries: number;
  maxBodyBytes: number;
  fetch: typeof fetch | false;
  fetchTimeout: number;
  webhookSecret: string;
  concurrency: number;
}

/** What the route handlers share. */
export interface EngineContext {
  options: ResolvedOptions;
  imaging: () => Imaging;
  random: RandomSource;
  files: ExpiringStore<StoredFile>;
  /** A `setTimeout` that `close()` clears. */
  later(ms: number, fn: () => void): ReturnType<typeof setTimeout>;
  cancel(timer: ReturnType<typeof setTimeout>): void;
  /** A random id of 32 hex digits. */
  newId(): string;
  pick(latency: Latency): number;
  readonly closed: boolean;
}

/** Where a request came in: `base` is its origin plus the mount prefix in front of `/api/v3/`. */
export interface RequestScope {
  request: Request;
  url: URL;
  base: string;
}
