// How a story reaches a WaveSpeed v3 server. Stories talk to a proxy mount point exactly like an app does; what
// answers there depends on where Storybook runs:
//
// - `npm run dev` (and the Vitest run of the stories): the dev server mounts the proxy at /api/hidream
//   (hidreamVitePlugin) — the local engine in Node (sharp), or WaveSpeed when WAVESPEED_API_KEY is set.
// - the static build (`npm run build-storybook`, any static file server): nothing answers there, so the local
//   engine runs in a Web Worker of the page with canvas imaging (so editing never blocks the page), and MSW's
//   service worker routes /api/hidream/api/v3/* to it (image outputs included, so `<img src>` and downloads work too).
//
// Each story picks with `parameters.hidream.backend`:
// - `'auto'` (the default): the dev server's proxy when the server mounts one, otherwise the in-browser engine;
// - `'browser'`: always the in-browser engine;
// - `{ engine: {...} }`: always an in-browser engine with those options — the error-state stories use this for
//   fault injection (failRate, errorRate, syncTimeout), which must not depend on the real API.
// Engines with options of their own live at /api/hidream-engine/<key>, so several stories on one docs page each
// keep their own backend. The toolbar's "Backend" menu sends /api/hidream to the in-browser engine in dev too.
import type { Loader } from '@storybook/react-vite';
import { http } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { connectEngineWorker, type WorkerEngine, type WorkerEngineOptions } from '../../src/engine/index.js';

/** Where the stories' client points by default: the proxy's mount point in an app. */
export const MOUNT = '/api/hidream';
/** Where in-browser engines with their own options (fault injection) are mounted: `${ENGINE_MOUNT}/<key>`. */
export const ENGINE_MOUNT = '/api/hidream-engine';

export type BackendParameter = 'auto' | 'browser' | { engine: WorkerEngineOptions };

export interface HidreamParameters {
  backend?: BackendParameter;
}

/** What a story got, in `context.loaded.backend`. */
export interface Backend {
  kind: 'dev-server' | 'in-browser';
  /** The client's `baseUrl`. */
  baseUrl: string;
  /** A phrase for people: "the local engine in a worker of this page (canvas, behind MSW)". */
  description: string;
}

/** Options of the in-browser engine behind MOUNT. */
export const BROWSER_ENGINE_OPTIONS: WorkerEngineOptions = { latency: { min: 600, max: 1200 } };

/**
 * The dev server's proxy, described (e.g. "the local engine in Node (sharp)"), or undefined when no server
 * mounts one (the static build). Set by .storybook/main.ts only where it mounts the proxy, so the choice is
 * known without a request.
 */
export const devProxy: string | undefined = import.meta.env.HIDREAM_DEV_PROXY;

/** Whether requests to MOUNT go to the in-browser engine (page-wide: the toolbar is page-wide too). */
let mountInBrowser = devProxy === undefined;

const engines = new Map<string, WorkerEngine>();
const registered = new Map<string, WorkerEngineOptions>();
let worker: Worker | undefined;

function keyOf(options: WorkerEngineOptions): string {
  let hash = 0;
  for (const char of JSON.stringify(options)) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return (hash >>> 0).toString(36);
}

/**
 * One engine per distinct option set, kept for the page's life (predictions survive switching stories), all in
 * one Web Worker started on first use.
 */
export function browserEngine(options: WorkerEngineOptions = BROWSER_ENGINE_OPTIONS): WorkerEngine {
  const key = keyOf(options);
  let engine = engines.get(key);
  if (!engine) {
    worker ??= new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'hidream-engine' });
    engine = connectEngineWorker(worker, options);
    engines.set(key, engine);
  }
  return engine;
}

const ROUTE = /^(?:\/api\/hidream|\/api\/hidream-engine\/([a-z0-9]+))\/api\/v3\//;

/** The one MSW handler: hands WaveSpeed requests to the right in-page engine, or lets them through to the server. */
const engineRoute = http.all(/\/api\/hidream(?:-engine\/[a-z0-9]+)?\/api\/v3\//, ({ request }) => {
  const url = new URL(request.url);
  const match = url.origin === location.origin ? ROUTE.exec(url.pathname) : null;
  if (!match) return undefined;
  const key = match[1];
  if (key === undefined) return mountInBrowser ? browserEngine()(request) : undefined; // undefined: the network
  const options = registered.get(key);
  return options ? browserEngine(options)(request) : undefined;
});

function workerUrl(): string {
  // Storybook's iframe.html sits next to mockServiceWorker.js (also under a sub-path, e.g. GitHub Pages);
  // Vitest's browser runner serves it at the root.
  return location.pathname.endsWith('/iframe.html') ? new URL('mockServiceWorker.js', location.href).pathname : '/mockServiceWorker.js';
}

let started = false;
// The engine route is an initial handler: it survives the addon's reset between stories.
const startWorker = mswLoader(async (): Promise<SetupWorker> => {
  const worker = setupWorker(engineRoute);
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: workerUrl() } });
  started = true;
  return worker;
});

const IN_PAGE = 'the local engine in a worker of this page (canvas, behind MSW)';

/** The global loader (preview.tsx): picks the backend, starts MSW when the page needs it. */
export const backendLoader: Loader = async (context) => {
  const parameter = (context.parameters.hidream as HidreamParameters | undefined)?.backend ?? 'auto';
  mountInBrowser = devProxy === undefined || context.globals.backend === 'browser';
  const own = typeof parameter === 'object' ? parameter.engine : parameter === 'browser' && !mountInBrowser ? BROWSER_ENGINE_OPTIONS : null;
  if (own || mountInBrowser || started) await startWorker(context);
  let backend: Backend;
  if (own) {
    const key = keyOf(own);
    registered.set(key, own);
    const faults = typeof parameter === 'object' ? ' with fault injection' : '';
    backend = { kind: 'in-browser', baseUrl: `${ENGINE_MOUNT}/${key}`, description: `${IN_PAGE}${faults}` };
  } else if (mountInBrowser) {
    backend = { kind: 'in-browser', baseUrl: MOUNT, description: IN_PAGE };
  } else {
    backend = { kind: 'dev-server', baseUrl: MOUNT, description: `the dev server's proxy at ${MOUNT} → ${devProxy}` };
  }
  return { backend };
};
