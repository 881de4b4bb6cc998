import { useEffect, useMemo, useState } from 'react';
import type { OutputFormat, Prediction } from '../../core/types.js';
import { defaultResultViewerLabels, type ResultViewerLabels } from './labels.js';
import { clickDownload, outputFileName, outputFormat, outputSrc, saveBlob } from './output-file.js';

/** The statuses of `useEdit`. */
export type ResultViewerStatus = 'idle' | 'uploading' | 'submitting' | 'processing' | 'completed' | 'failed';

/** What `ResultViewer` reads from a `useEdit` result (pass the whole result as `edit`). */
export interface ResultViewerEdit {
  /** Where the edit is (`useEdit().status`). */
  status: ResultViewerStatus;
  /** The latest prediction (`useEdit().prediction`). */
  prediction?: Prediction | null | undefined;
  /** Why the edit failed (`useEdit().error`); its `message` is shown. */
  error?: unknown;
  /** Time since the edit started (`useEdit().elapsedMs`). */
  elapsedMs?: number | undefined;
  /** Bytes of File/Blob references uploaded so far (`useEdit().uploadProgress`). */
  uploadProgress?: { loaded: number; total: number } | null | undefined;
}

export interface UseResultViewerOptions {
  /** A `useEdit()` result; the explicit props below override its fields. @default undefined */
  edit?: ResultViewerEdit;
  /**
   * Where the edit is: picks the status sentence and which parts render.
   * @default edit.status, else "completed" when `prediction.status` is `completed`, else "idle"
   */
  status?: ResultViewerStatus;
  /** The prediction whose output is shown (once `status` is `completed`). @default edit.prediction, else null */
  prediction?: Prediction | null;
  /**
   * Why the edit failed; its `message` is shown when `status` is `failed` (else the prediction's `error`, else a
   * generic sentence).
   * @default edit.error
   */
  error?: unknown;
  /**
   * Time since the edit started; shown while processing and when done.
   * @default edit.elapsedMs, else the prediction's `timings.inference` once completed
   */
  elapsedMs?: number;
  /** Bytes of File/Blob references uploaded so far, shown as a percentage while uploading. @default edit.uploadProgress */
  uploadProgress?: { loaded: number; total: number } | null;
  /** The image that was edited (URL), for the before/after compare. @default null (no compare) */
  source?: string | null;
  /**
   * The output format that was asked for; names downloads, and types bare base64 outputs, when the bytes do not
   * tell.
   * @default "jpeg"
   */
  format?: OutputFormat;
  /** The prompt, appended to the result's alt text. @default undefined */
  prompt?: string;
  /** Which output to show. @default 0 */
  index?: number;
  /** "Edit this result again": receives the output (a URL or a `data:` URI). @default undefined */
  onEditAgain?: (output: string) => void;
  /** Called by the Retry button in the error (shown only when set); the caller still holds the inputs. @default undefined */
  onRetry?: () => void;
  /**
   * Replaces how a download is saved.
   * @default a temporary `<a download>` on an object URL of the blob
   */
  onSave?: (blob: Blob, fileName: string) => void;
  /** Replace any visible or announced string. @default English (the exported default labels) */
  labels?: Partial<ResultViewerLabels>;
}

export interface UseResultViewerReturn {
  status: ResultViewerStatus;
  pending: boolean;
  prediction: Prediction | null;
  /** The shown output as something `<img>` and `fetch` accept, or null. */
  output: string | null;
  /** The output could not be loaded (expired from WaveSpeed's CDN or the engine's store, or gone). */
  unavailable: boolean;
  /** Tells the viewer the output image failed to load (the result images call it). */
  onImageError(): void;
  source: string | null;
  nsfw: boolean;
  /** The failure sentence, when failed. */
  errorMessage: string | null;
  elapsedMs: number | null;
  /** The status sentence for the live region, without the ticking time. */
  statusText: string;
  /** Seconds with one decimal, or null. */
  seconds: string | null;
  /** Upload progress 0..100 while uploading with known sizes, else null. */
  uploadPercent: number | null;
  format: OutputFormat;
  prompt: string | undefined;
  download(): Promise<void>;
  downloadState: 'idle' | 'downloading' | 'failed';
  editAgain: (() => void) | undefined;
  retry: (() => void) | undefined;
  labels: ResultViewerLabels;
}

const PENDING = ['uploading', 'submitting', 'processing'];

export function useResultViewer(options: UseResultViewerOptions): UseResultViewerReturn {
  const { edit, format = 'jpeg', index = 0, prompt, onEditAgain, onRetry, onSave = saveBlob } = options;
  const labels = useMemo(() => ({ ...defaultResultViewerLabels, ...options.labels }), [options.labels]);
  /** An explicit option, else the field of `edit`. */
  const pick = <K extends 'prediction' | 'error' | 'uploadProgress'>(key: K) => (options[key] !== undefined ? options[key] : edit?.[key]);
  const prediction = pick('prediction') ?? null;
  const status = options.status ?? edit?.status ?? (prediction?.status === 'completed' ? 'completed' : 'idle');
  const done = status === 'completed';
  const raw = done ? prediction?.outputs[index] : undefined;
  const output = raw ? outputSrc(raw, format) : null;
  const elapsedMs = options.elapsedMs ?? edit?.elapsedMs ?? (done ? prediction?.timings?.inference : undefined) ?? null;
  const seconds = elapsedMs === null ? null : (elapsedMs / 1000).toFixed(1);
  const upload = pick('uploadProgress');
  const uploadPercent = status === 'uploading' && upload?.total ? Math.round((upload.loaded / upload.total) * 100) : null;
  const errorMessage =
    status === 'failed' ? (pick('error') as { message?: string } | null | undefined)?.message || prediction?.error || labels.failed : null;

  // Outputs do not live forever: remember which one failed to load, so a new output starts afresh.
  const [brokenOutput, setBrokenOutput] = useState<string | null>(null);
  const unavailable = output !== null && brokenOutput === output;

  const [downloadState, setDownloadState] = useState<'idle' | 'downloading' | 'failed'>('idle');
  useEffect(() => setDownloadState('idle'), [output]);
  const download = async () => {
    if (!output) return;
    setDownloadState('downloading');
    const id = prediction?.id;
    // Unreadable from here (a CDN without CORS): the browser fetches an http(s) output itself.
    const response = await fetch(output).catch(() => null);
    try {
      if (response) {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const blob = await response.blob();
        onSave(blob, outputFileName(id, outputFormat(new Uint8Array(await blob.slice(0, 6).arrayBuffer())) ?? format));
      } else if (/^https?:/i.test(output)) clickDownload(output, outputFileName(id, format), true);
      else throw new Error('unreadable');
      setDownloadState('idle');
    } catch {
      setDownloadState('failed');
    }
  };

  return {
    status,
    pending: PENDING.includes(status),
    prediction,
    output,
    unavailable,
    onImageError: () => setBrokenOutput(output),
    source: options.source ?? null,
    nsfw: Boolean(output && prediction?.has_nsfw_contents?.[index]),
    errorMessage,
    elapsedMs,
    statusText: done ? labels.completed(seconds) : errorMessage ?? labels[status as Exclude<ResultViewerStatus, 'completed' | 'failed'>],
    seconds,
    uploadPercent,
    format,
    prompt,
    download,
    downloadState,
    editAgain: output && onEditAgain && !unavailable ? () => onEditAgain(output) : undefined,
    retry: onRetry,
    labels,
  };
}
