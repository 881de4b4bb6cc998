import type { FromEngineWorker, ToEngineWorker, WorkerEngineOptions } from './engine-worker-protocol.js';

/** The page's end of an engine running in a worker: a WaveSpeed v3 server as `(Request) => Promise<Response>`. */
export interface WorkerEngine {
  (request: Request): Promise<Response>;
  /** Closes this engine in the worker (its predictions and files are gone); later requests reject. The worker keeps running. */
  close(): void;
  /** The secret this engine signs webhooks with, once the worker has created it. */
  readonly webhookSecret: Promise<string>;
}

/** The part of a `Worker` the connection needs. */
export interface EngineWorkerPort {
  addEventListener(type: 'message', listener: (event: MessageEvent<FromEngineWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<FromEngineWorker>) => void): void;
  removeEventListener(type: 'error', listener: (event: Event) => void): void;
  postMessage(message: ToEngineWorker, transfer?: Transferable[]): void;
}

let nextId = 1;

/**
 * Creates a local engine inside `worker` (one running `serveEngineInWorker`) and returns a handler for it:
 * hand it to MSW, a proxy's `upstream`, or a client's `fetch`. Several engines, each with its own options, can
 * share one worker. Options must survive `structuredClone`: a number for `random`, no `imaging` or `fetch`
 * function (the worker picks canvas imaging and its own `fetch`).
 *
 * ```ts
 * const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
 * const engine = connectEngineWorker(worker, { latency: 800 });
 * setupWorker(http.all('/api/hidream/api/v3/*', ({ request }) => engine(request))).start();
 * ```
 */
export function connectEngineWorker(worker: EngineWorkerPort, options: WorkerEngineOptions = {}): WorkerEngine {
  const engine = nextId++;
  const waiting = new Map<number, { resolve: (response: Response) => void; reject: (error: Error) => void }>();
  let closed = false;
  let secret!: (value: string) => void;
  const webhookSecret = new Promise<string>((resolve) => (secret = resolve));

  const onMessage = (event: MessageEvent<FromEngineWorker>) => {
    const message = event.data;
    if (message?.type === 'hidream-engine:created' && message.engine === engine) return secret(message.webhookSecret);
    if (message?.type !== 'hidream-engine:response' && message?.type !== 'hidream-engine:error') return;
    const entry = waiting.get(message.id);
    if (!entry) return;
    waiting.delete(message.id);
    if (message.type === 'hidream-engine:error') return entry.reject(new Error(`The engine worker failed: ${message.message}`));
    const { status, statusText, headers, body } = message.response;
    const empty = status === 204 || status === 304 || status < 200;
    entry.resolve(new Response(empty ? null : body, { status, statusText, headers }));
  };
  // A worker whose script fails to load or throws: every waiting request (and every later one) rejects.
  let broken: Error | undefined;
  const onError = (event: Event) => {
    broken = new Error(`The engine worker failed${event instanceof ErrorEvent && event.message ? `: ${event.message}` : ' to start (is its script served?)'}.`);
    for (const entry of waiting.values()) entry.reject(broken);
    waiting.clear();
  };
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  try {
    worker.postMessage({ type: 'hidream-engine:create', engine, options });
  } catch (error) {
    worker.removeEventListener('message', onMessage);
    worker.removeEventListener('error', onError);
    throw new TypeError('Engine options for a worker must be plain data (no functions): pass a number as `random`.', { cause: error });
  }

  const handler = async (request: Request): Promise<Response> => {
    if (closed) throw new Error('This engine was closed.');
    if (broken) throw broken;
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
    request.signal.throwIfAborted();
    const id = nextId++;
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => {
        waiting.delete(id);
        worker.postMessage({ type: 'hidream-engine:abort', id });
        reject(request.signal.reason);
      };
      request.signal.addEventListener('abort', onAbort, { once: true });
      const done = () => request.signal.removeEventListener('abort', onAbort);
      waiting.set(id, {
        resolve: (response) => (done(), resolve(response)),
        reject: (error) => (done(), reject(error)),
      });
      const sent = { url: request.url, method: request.method, headers: [...request.headers], body };
      worker.postMessage({ type: 'hidream-engine:request', engine, id, request: sent }, body ? [body] : []);
    });
  };

  return Object.assign(handler, {
    close() {
      if (closed) return;
      closed = true;
      worker.postMessage({ type: 'hidream-engine:close', engine });
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      for (const entry of waiting.values()) entry.reject(new Error('This engine was closed.'));
      waiting.clear();
    },
    webhookSecret,
  });
}
