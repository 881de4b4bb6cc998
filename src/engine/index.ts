/**
 * `hidream-edit/engine`: a WaveSpeed v3 server in-process that really edits images, for development, tests,
 * demos and the static Storybook. It is a web-standard `(Request) => Promise<Response>`, so it runs anywhere
 * `Request` does:
 *
 * ```ts
 * // Behind the proxy (what `hidream-edit serve` does without a key):
 * createProxy({ upstream: createLocalEngine() });
 *
 * // In a browser service worker (canvas imaging is picked automatically):
 * const engine = createLocalEngine();
 * self.addEventListener('fetch', (event) => {
 *   if (new URL(event.request.url).pathname.includes('/api/v3/')) event.respondWith(engine(event.request));
 * });
 * ```
 *
 * What a prompt does is listed in `EDIT_VOCABULARY`; `[fail]`, `[moderate]` and `[slow]` force demo outcomes.
 */
export { createLocalEngine } from './create-local-engine.js';
export type { LocalEngine, LocalEngineOptions, Latency } from './local-engine-options.js';
export type { LocalPrediction, LocalPredictionDetails } from './prediction-routes.js';
export { EDIT_VOCABULARY, parseEditPrompt } from './edit-vocabulary.js';
export type { EditOperation, EditStep, VocabularyEntry } from './edit-vocabulary.js';
export { parsePromptFlags, type PromptFlags } from './prompt-flags.js';
export { applyEditStep } from './apply-edit-step.js';
export { renderEdit, type RenderEditInput, type RenderEditResult } from './render-edit.js';
export type { Imaging, RgbaImage, EncodeOptions } from './imaging.js';
export { createSharpImaging } from './sharp-imaging.js';
export { createCanvasImaging } from './canvas-imaging.js';
export { createDefaultImaging, hasCanvasImaging, loadDefaultImaging } from './default-imaging.js';
export { createSeededRandom, type RandomSource } from './random.js';
export { BACKDROP_NAMES } from './operations/backdrop.js';
export { serveEngineInWorker, type EngineWorkerScope } from './serve-engine-in-worker.js';
export { connectEngineWorker, type WorkerEngine, type EngineWorkerPort } from './connect-engine-worker.js';
export type { WorkerEngineOptions } from './engine-worker-protocol.js';
