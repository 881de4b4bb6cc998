import type { ImageInfo } from '../../core/index.js';

/** One reference image held by the picker, in the order the model will receive it. */
export interface ReferenceImage {
  /** Stable id, unique within the picker. */
  id: string;
  /** The file name, or the last path segment of a URL. */
  name: string;
  /** What to send: the (possibly downscaled) image as a `Blob`/`File`, or an `http(s)` URL. */
  source: Blob | string;
  /** An object URL of `source` (created and revoked by the picker), or the URL itself for URL references. */
  previewUrl: string;
  /** Displayed width (after EXIF orientation and any downscale). */
  width: number;
  /** Displayed height (after EXIF orientation and any downscale). */
  height: number;
  /** The format read from the magic bytes; null for URL references (not readable cross-origin). */
  format: ImageInfo['format'] | null;
  /** Size of `source` in bytes; null for URL references. */
  bytes: number | null;
  /** `processing` while a large photo is being downscaled; `ready` once `source` is final. */
  status: 'processing' | 'ready';
  /** True when `source` is a downscaled copy of what was added. */
  downscaled: boolean;
  /** Displayed size of the original, when it was downscaled. */
  originalWidth?: number;
  originalHeight?: number;
}

/** Why an image was not added. */
export type RejectionCode =
  | 'unsupported_format'
  | 'too_large'
  | 'aspect_ratio'
  | 'too_many_pixels'
  | 'corrupt_image'
  | 'too_many'
  | 'url_unreachable'
  | 'invalid_url';

export interface RejectionError {
  code: RejectionCode;
  /** A sentence for a person, from `labels`. */
  message: string;
}

/** An image that was not added, and every reason why. Never thrown: shown by `ReferencePicker.Rejections`. */
export interface Rejection {
  file?: File | Blob;
  url?: string;
  /** The file name or URL, as shown in messages. */
  name: string;
  errors: RejectionError[];
}

/** How large photos are reduced before upload. */
export interface DownscaleOptions {
  /**
   * Longest side, in pixels, after EXIF orientation. Images within it pass through unchanged.
   * @default 2048
   */
  maxSide?: number;
  /**
   * Encoder quality for JPEG and WebP, 0..1.
   * @default 0.9
   */
  quality?: number;
  /**
   * Output MIME type. Defaults to the input's format (`image/jpeg`, `image/png` or `image/webp`).
   * @default the input's format
   */
  type?: 'image/jpeg' | 'image/png' | 'image/webp';
}

/** Where a downscale ran: in the Web Worker, on the main thread (fallback), or not at all (already small enough). */
export type DownscaleVia = 'worker' | 'main-thread' | 'none';

/** Drag state of the dropzone: nothing dragged, a drag the picker would accept, or one it would reject. */
export type DragState = 'idle' | 'accept' | 'reject';
