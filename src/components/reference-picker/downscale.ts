import { orientedSize } from '../../core/index.js';
import { validateHeader } from './inspect-file.js';
import type { DownscaleOptions, DownscaleVia } from './types.js';

/** The default long-side limit, in pixels. */
export const DEFAULT_MAX_SIDE = 2048;
/** The default JPEG/WebP encoder quality. */
export const DEFAULT_QUALITY = 0.9;

export interface DownscaleResult {
  blob: Blob;
  width: number;
  height: number;
  via: DownscaleVia;
}

export interface DownscaleJob {
  /** Displayed size wanted (after EXIF orientation). */
  width: number;
  height: number;
  type: string;
  quality: number;
}

/** The size to downscale a `width`×`height` (displayed) image to, or null when it already fits `maxSide`. */
export function planDownscale(width: number, height: number, maxSide: number): { width: number; height: number } | null {
  const long = Math.max(width, height);
  if (long <= maxSide) return null;
  const scale = maxSide / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

// Decode at full size (EXIF orientation applied), then let the canvas scale it with high-quality smoothing
// (mipmapped cubic in Chromium): measured faster than createImageBitmap's own resizeQuality "high".
// Plain JavaScript kept as a string, not a function's source, so bundlers, minifiers and coverage
// instrumentation cannot rewrite it: the worker must run exactly this in any consumer's build.
const WORKER_SOURCE = `"use strict";
self.postMessage({ ready: true });
self.onmessage = async function (event) {
  var d = event.data;
  if (typeof OffscreenCanvas === "undefined" || typeof createImageBitmap === "undefined") {
    self.postMessage({ id: d.id, unsupported: true });
    return;
  }
  try {
    var bitmap = await createImageBitmap(d.blob, { imageOrientation: "from-image" });
    var canvas = new OffscreenCanvas(d.width, d.height);
    var context = canvas.getContext("2d");
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, d.width, d.height);
    bitmap.close();
    var blob = await canvas.convertToBlob({ type: d.type, quality: d.quality });
    self.postMessage({ id: d.id, blob: blob, width: d.width, height: d.height });
  } catch (error) {
    self.postMessage({ id: d.id, error: String((error && error.message) || error) });
  }
};`;

/** The worker could not run the job (missing, blocked by CSP, or lacking OffscreenCanvas): use the main thread. */
class WorkerUnavailable extends Error {}

/** The image could not be decoded. */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** This browser cannot decode and resize images at all (no `createImageBitmap`). */
export class UnsupportedError extends DecodeError {
  constructor() {
    super('This browser cannot resize images.');
    this.name = 'UnsupportedError';
  }
}

/** Main-thread fallback: `createImageBitmap` still decodes off-thread in most browsers; only the draw is here. */
export async function downscaleOnMainThread(blob: Blob, job: DownscaleJob): Promise<DownscaleResult> {
  if (typeof createImageBitmap !== 'function') throw new UnsupportedError();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new DecodeError(String((error as Error)?.message ?? error));
  }
  const { width, height } = job;
  const draw = (context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D) => {
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
  };
  let out: Blob | null;
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    draw(canvas.getContext('2d')!);
    out = await canvas.convertToBlob({ type: job.type, quality: job.quality });
  } else {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    draw(canvas.getContext('2d')!);
    out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, job.type, job.quality));
  }
  if (!out) throw new DecodeError('The image could not be encoded.');
  return { blob: out, width, height, via: 'main-thread' };
}

export interface Downscaler {
  /** Resizes `blob` to the job's size with EXIF orientation applied: in the worker, else on the main thread. */
  run(blob: Blob, job: DownscaleJob): Promise<DownscaleResult>;
  /** Terminates the worker and revokes its URL. */
  dispose(): void;
}

export interface DownscalerOptions {
  /**
   * Use a Web Worker when the browser has one.
   * @default true
   */
  worker?: boolean;
  /**
   * Milliseconds to wait for the worker to start before falling back to the main thread.
   * @default 4000
   */
  startTimeout?: number;
  /**
   * Milliseconds without jobs after which the worker is terminated (a new one starts on demand).
   * @default 10000
   */
  idleTimeout?: number;
}

type Pending = { resolve(r: DownscaleResult): void; reject(e: unknown): void };

/**
 * A downscaler owning at most one Web Worker, created on first use from an inline Blob URL (so it works in any
 * bundler) and replaced by the main thread for good if it cannot start (e.g. a CSP without `worker-src blob:`).
 */
export function createDownscaler(options: DownscalerOptions = {}): Downscaler {
  const { startTimeout = 4000, idleTimeout = 10_000 } = options;
  let useWorker = options.worker !== false && typeof Worker === 'function' && typeof URL.createObjectURL === 'function';
  let worker: Worker | null = null;
  let workerUrl: string | null = null;
  let startTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const revokeUrl = () => {
    if (workerUrl) URL.revokeObjectURL(workerUrl);
    workerUrl = null;
  };
  const stop = () => {
    clearTimeout(startTimer);
    clearTimeout(idleTimer);
    worker?.terminate();
    worker = null;
    revokeUrl();
  };
  const fail = () => {
    useWorker = false;
    stop();
    for (const p of pending.values()) p.reject(new WorkerUnavailable());
    pending.clear();
  };
  const scheduleIdle = () => {
    clearTimeout(idleTimer);
    if (!pending.size) idleTimer = setTimeout(stop, idleTimeout);
  };

  function start(): Worker {
    workerUrl = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    const w = new Worker(workerUrl);
    startTimer = setTimeout(fail, startTimeout);
    w.onerror = (event) => {
      event.preventDefault();
      fail();
    };
    w.onmessage = (event: MessageEvent) => {
      const data = event.data as { ready?: true; id: number; unsupported?: true; error?: string; blob?: Blob; width: number; height: number };
      if (data.ready) {
        clearTimeout(startTimer);
        revokeUrl();
        return;
      }
      const p = pending.get(data.id);
      if (!p) return;
      pending.delete(data.id);
      if (data.unsupported) fail();
      if (data.unsupported) p.reject(new WorkerUnavailable());
      else if (data.error !== undefined || !data.blob) p.reject(new DecodeError(data.error ?? 'The image could not be resized.'));
      else p.resolve({ blob: data.blob, width: data.width, height: data.height, via: 'worker' });
      scheduleIdle();
    };
    return w;
  }

  function inWorker(blob: Blob, job: DownscaleJob): Promise<DownscaleResult> {
    clearTimeout(idleTimer);
    try {
      worker ??= start();
    } catch {
      fail();
      return Promise.reject(new WorkerUnavailable());
    }
    const id = ++nextId;
    const w = worker;
    return new Promise<DownscaleResult>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, blob, width: job.width, height: job.height, type: job.type, quality: job.quality });
    });
  }

  return {
    async run(blob, job) {
      if (useWorker) {
        try {
          return await inWorker(blob, job);
        } catch (error) {
          if (!(error instanceof WorkerUnavailable)) throw error;
        }
      }
      return downscaleOnMainThread(blob, job);
    },
    dispose() {
      fail();
    },
  };
}

const MIME = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const;

let shared: Downscaler | null = null;

/**
 * Downscales one image so its long side (after EXIF orientation) is at most `maxSide`, in a shared Web Worker
 * with a main-thread fallback. An image already within the limit is returned as is (`via: "none"`).
 * Rejects with `DecodeError` for bytes that are not a readable PNG, JPEG or WebP.
 */
export async function downscaleImage(blob: Blob, options: DownscaleOptions = {}): Promise<DownscaleResult> {
  const { info } = await validateHeader(blob);
  if (!info) throw new DecodeError('Not a readable PNG, JPEG or WebP image.');
  const size = orientedSize(info);
  const target = planDownscale(size.width, size.height, options.maxSide ?? DEFAULT_MAX_SIDE);
  if (!target) return { blob, ...size, via: 'none' };
  shared ??= createDownscaler();
  return shared.run(blob, { ...target, type: options.type ?? MIME[info.format], quality: options.quality ?? DEFAULT_QUALITY });
}

export { MIME as FORMAT_MIME };
