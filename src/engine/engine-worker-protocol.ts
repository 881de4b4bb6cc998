import type { LocalEngineOptions } from './local-engine-options.js';

/** Options an engine in a worker can take: everything that survives `structuredClone` (no functions). */
export type WorkerEngineOptions = Omit<LocalEngineOptions, 'imaging' | 'fetch' | 'random'> & {
  /**
   * A number seeding a reproducible generator (functions cannot cross into a worker).
   * @default Math.random
   */
  random?: number;
  /**
   * `false` refuses references given as URLs the engine did not serve; otherwise the worker's own `fetch`.
   * @default the worker's fetch
   */
  fetch?: false;
};

/** A request as it crosses into the worker. */
export interface WorkerRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

/** A response as it comes back. */
export interface WorkerResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

/** Page → worker. */
export type ToEngineWorker =
  | { type: 'hidream-engine:create'; engine: number; options: WorkerEngineOptions }
  | { type: 'hidream-engine:request'; engine: number; id: number; request: WorkerRequest }
  | { type: 'hidream-engine:abort'; id: number }
  | { type: 'hidream-engine:close'; engine: number };

/** Worker → page. */
export type FromEngineWorker =
  | { type: 'hidream-engine:created'; engine: number; webhookSecret: string }
  | { type: 'hidream-engine:response'; id: number; response: WorkerResponse }
  | { type: 'hidream-engine:error'; id: number; message: string };
