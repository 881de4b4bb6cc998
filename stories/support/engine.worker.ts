// The in-browser local engine's home: a Web Worker, so its pixel work never blocks the page (see backend.ts).
import { serveEngineInWorker } from '../../src/engine/index.js';

serveEngineInWorker();
