// How a story reaches a WaveSpeed v3 server. Stories always talk to `/api/hidream` (MOUNT), exactly like an
// app talks to its proxy; what answers there depends on where Storybook runs:
//
// - `npm run dev` (and the Vitest run of the stories): the dev server mounts the proxy at /api/hidream
//   (hidreamVitePlugin) — the local engine in Node (sharp), or WaveSpeed when WAVESPEED_API_KEY is set.
// - the static build (`npm run build-storybook`, any static file server): nothing answers there, so the local
//   engine runs inside the page with canvas imaging, and MSW's service worker routes /api/hidream/api/v3/* to it
//   (image outputs included, so `<img src>` and downloads work too).
//
// Each story picks with `parameters.hidream.backend`:
// - `'auto'` (the default): the dev server's proxy when the server mounts one, otherwise the in-browser engine;
// - `'browser'`: always the in-browser engine;
// - `{ engine: {...} }`: always an in-browser engine with those options — the error-state stories use this
//   for fault injection (failRate, errorRate, syncTimeout), which must not depend on the real API.
// The toolbar's "Backend" menu overrides `'auto'` (to compare the two in `npm run dev`).
import type { Loader } from '@storybook/react-vite';
import { http } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { createCanvasImaging, createLocalEngine, type LocalEngine, type LocalEngineOptions } from '../../src/engine/index.js';

/** Where the stories' client points: the proxy's mount point in an app. */
export const MOUNT = '/api/hidream';

export type BackendParameter = 'auto' | 'browser' | { engine: LocalEngineOptions };

export interface HidreamParameters {
  backend?: BackendParameter;
}

/** What a story got, in `context.loaded.backend`. */
export interface Backend {
  kind: 'dev-server' | 'in-browser';
  /** A sentence for the docs and the toolbar. */
  description: string;
}

/** Options of the in-browser engine every story shares unless it asks for its own. */
export const BROWSER_ENGINE_OPTIONS: LocalEngineOptions = { latency: { min: 600, max: 1200 } };

/**
 * The dev server's proxy, described (e.g. "the local engine in Node (sharp)"), or undefined when no server
 * mounts one (the static build). Set by .storybook/main.ts only where it mounts the proxy, so the choice is
 * known without a request.
 */
export const devProxy: string | undefined = import.meta.env.HIDREAM_DEV_PROXY;

const engines = new Map<string, LocalEngine>();

/** One engine per distinct option set, kept for the page's life (predictions survive switching stories). */
export function browserEngine(options: LocalEngineOptions = BROWSER_ENGINE_OPTIONS): LocalEngine {
  const key = JSON.stringify(options);
  let engine = engines.get(key);
  if (!engine) {
    engine = createLocalEngine({ imaging: createCanvasImaging(), ...options });
    engines.set(key, engine);
  }
  return engine;
}

/** The MSW handler that hands every WaveSpeed request under MOUNT to `engine`, in the page. */
export function engineHandler(engine: LocalEngine) {
  return http.all(`*${MOUNT}/api/v3/*`, ({ request }) => engine(request));
}

function workerUrl(): string {
  // Storybook's iframe.html sits next to mockServiceWorker.js (also under a sub-path, e.g. GitHub Pages);
  // Vitest's browser runner serves it at the root.
  return location.pathname.endsWith('/iframe.html') ? new URL('mockServiceWorker.js', location.href).pathname : '/mockServiceWorker.js';
}

let worker: SetupWorker | undefined;
const startWorker = mswLoader(async () => {
  worker = setupWorker();
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: workerUrl() } });
  return worker;
});

/** The global loader (preview.tsx): picks the backend, starts MSW when the page needs it. */
export const backendLoader: Loader = async (context) => {
  const parameter = (context.parameters.hidream as HidreamParameters | undefined)?.backend ?? 'auto';
  const wanted = parameter === 'auto' && context.globals.backend === 'browser' ? 'browser' : parameter;
  const useDevServer = wanted === 'auto' && devProxy !== undefined;
  // Once started, the worker stays for the page; the addon resets its handlers for every story.
  if (!useDevServer || worker) await startWorker(context);
  if (useDevServer) {
    return { backend: { kind: 'dev-server', description: `the dev server's proxy at ${MOUNT} → ${devProxy}` } satisfies Backend };
  }
  const engine = browserEngine(typeof wanted === 'object' ? wanted.engine : undefined);
  worker!.use(engineHandler(engine));
  const faults = typeof wanted === 'object' ? ' with fault injection' : '';
  return { backend: { kind: 'in-browser', description: `the local engine in this page${faults} (canvas, behind MSW)` } satisfies Backend };
};

