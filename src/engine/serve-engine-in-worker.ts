import { createLocalEngine } from './create-local-engine.js';
import type { FromEngineWorker, ToEngineWorker } from './engine-worker-protocol.js';
import type { LocalEngine } from './local-engine-options.js';

/** The part of a worker's global scope the engine needs. */
export interface EngineWorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ToEngineWorker>) => void): void;
  postMessage(message: FromEngineWorker, transfer?: Transferable[]): void;
}

/**
 * Runs local engines inside a Web Worker, for pages that embed the engine (a static demo behind MSW, browser
 * tests): the pixel work then never blocks the page. Call it in the worker's module and connect from the page
 * with `connectEngineWorker`:
 *
 * ```ts
 * // engine.worker.ts
 * import { serveEngineInWorker } from 'hidream-edit/engine';
 * serveEngineInWorker();
 * ```
 */
export function serveEngineInWorker(scope: EngineWorkerScope = globalThis as unknown as EngineWorkerScope): void {
  const engines = new Map<number, LocalEngine>();
  const pending = new Map<number, AbortController>();
  scope.addEventListener('message', (event) => {
    const message = event.data;
    switch (message?.type) {
      case 'hidream-engine:create': {
        const engine = createLocalEngine(message.options);
        engines.set(message.engine, engine);
        scope.postMessage({ type: 'hidream-engine:created', engine: message.engine, webhookSecret: engine.webhookSecret });
        break;
      }
      case 'hidream-engine:close':
        engines.get(message.engine)?.close();
        engines.delete(message.engine);
        break;
      case 'hidream-engine:abort':
        pending.get(message.id)?.abort(new DOMException('The request was aborted.', 'AbortError'));
        break;
      case 'hidream-engine:request':
        void answer(message.engine, message.id, message.request);
        break;
    }
  });

  async function answer(id: number, requestId: number, sent: Extract<ToEngineWorker, { type: 'hidream-engine:request' }>['request']) {
    const engine = engines.get(id);
    const controller = new AbortController();
    pending.set(requestId, controller);
    try {
      if (!engine) throw new Error('This engine was closed.');
      const response = await engine(
        new Request(sent.url, { method: sent.method, headers: sent.headers, body: sent.body, signal: controller.signal }),
      );
      const body = response.body ? await response.arrayBuffer() : null;
      const headers = [...response.headers];
      const reply: FromEngineWorker = { type: 'hidream-engine:response', id: requestId, response: { status: response.status, statusText: response.statusText, headers, body } };
      scope.postMessage(reply, body ? [body] : []);
    } catch (error) {
      scope.postMessage({ type: 'hidream-engine:error', id: requestId, message: error instanceof Error ? error.message : String(error) });
    } finally {
      pending.delete(requestId);
    }
  }
}
