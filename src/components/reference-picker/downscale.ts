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

/** The image could not be decoded. */
export class DecodeError extends Error {}

/** The size to downscale a `width`×`height` (displayed) image to, or null when it already fits `maxSide`. */
export function planDownscale(width: number, height: number, maxSide: number): { width: number; height: number } | null {
  const scale = maxSide / Math.max(width, height);
  return scale < 1 ? { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) } : null;
}

/**
 * Decodes at full size (EXIF orientation applied), then lets the canvas scale with high-quality smoothing
 * (mipmapped cubic in Chromium: faster than createImageBitmap's own resizeQuality "high"). The worker runs this
 * function's source, so it uses nothing from outside its body and no async/await (a transpiler would rewrite
 * that with helpers the worker does not have).
 */
function resize(job: DownscaleJob & { blob: Blob }): Promise<Blob> {
  return createImageBitmap(job.blob, { imageOrientation: 'from-image' }).then((bitmap) => {
    const canvas = new OffscreenCanvas(job.width, job.height);
    const context = canvas.getContext('2d')!;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, job.width, job.height);
    bitmap.close();
    return canvas.convertToBlob(job);
  });
}

// Says it started, then answers each job with the blob, or without one when it failed (the main thread retries it).
const workerSource = () => `postMessage(0);onmessage=e=>(${resize})(e.data).then(blob=>postMessage({id:e.data.id,blob}),()=>postMessage({id:e.data.id}))`;

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

/**
 * A downscaler owning at most one Web Worker, created on first use from an inline Blob URL (so it works in any
 * bundler) and replaced by the main thread for good if it cannot start (e.g. a CSP without `worker-src blob:`).
 * A job the worker cannot do is retried on the main thread, where a decoding failure rejects with `DecodeError`.
 */
export function createDownscaler(options: DownscalerOptions = {}): Downscaler {
  const { startTimeout = 4000, idleTimeout = 10_000 } = options;
  let useWorker = options.worker !== false && typeof Worker === 'function';
  let worker: Worker | null = null;
  let url = '';
  let startTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 0;
  const pending = new Map<number, (blob?: Blob) => void>();

  const revokeUrl = () => {
    if (url) URL.revokeObjectURL(url);
    url = '';
  };
  /** Terminates the worker (for good when `broken`); pending jobs go to the main thread. */
  const stop = (broken?: boolean) => {
    if (broken) useWorker = false;
    clearTimeout(startTimer);
    clearTimeout(idleTimer);
    worker?.terminate();
    worker = null;
    revokeUrl();
    for (const done of pending.values()) done();
    pending.clear();
  };

  function start(): Worker {
    url = URL.createObjectURL(new Blob([workerSource()], { type: 'text/javascript' }));
    const w = new Worker(url);
    startTimer = setTimeout(stop, startTimeout, true);
    w.onerror = (event) => {
      event.preventDefault();
      stop(true);
    };
    w.onmessage = ({ data }: MessageEvent<{ id: number; blob?: Blob } | 0>) => {
      if (!data) {
        clearTimeout(startTimer);
        revokeUrl();
        return;
      }
      pending.get(data.id)?.(data.blob);
      pending.delete(data.id);
      if (!pending.size) idleTimer = setTimeout(stop, idleTimeout);
    };
    return w;
  }

  /** The resized blob from the worker, or undefined when the worker could not make it. */
  const inWorker = (job: DownscaleJob & { blob: Blob }) =>
    new Promise<Blob | undefined>((resolve) => {
      clearTimeout(idleTimer);
      try {
        worker ??= start();
        pending.set(++nextId, resolve);
        worker.postMessage({ ...job, id: nextId });
      } catch {
        stop(true);
        resolve(undefined);
      }
    });

  return {
    async run(blob, job) {
      const { width, height } = job;
      const out = useWorker && (await inWorker({ ...job, blob }));
      if (out) return { blob: out, width, height, via: 'worker' };
      if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') {
        throw new Error('This browser cannot resize images.');
      }
      try {
        return { blob: await resize({ ...job, blob }), width, height, via: 'main-thread' };
      } catch (error) {
        throw new DecodeError(String(error));
      }
    },
    dispose: () => stop(true),
  };
}

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
  return shared.run(blob, { ...target, type: options.type ?? `image/${info.format}`, quality: options.quality ?? DEFAULT_QUALITY });
}
