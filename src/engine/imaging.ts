import type { OutputFormat } from '../core/types.js';

/** An image as straight (non-premultiplied) RGBA bytes, row by row, 4 bytes per pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface EncodeOptions {
  /**
   * Lossy quality for `jpeg` and `webp`, 1..100. Ignored for `png`.
   * @default 90
   */
  quality?: number;
}

/**
 * The few imaging primitives the engine needs from a platform. Everything else (the edit operations) is pure
 * code on `RgbaImage` buffers, shared by every backend, so one backend always gives the same bytes for the
 * same input.
 */
export interface Imaging {
  /** A short name for logs and reports: `sharp`, `canvas`, ... */
  readonly name: string;
  /** Decodes PNG, JPEG or WebP bytes to RGBA, applying the EXIF orientation. Rejects on unreadable bytes. */
  decode(bytes: Uint8Array): Promise<RgbaImage>;
  /** Encodes RGBA pixels as `format`. */
  encode(image: RgbaImage, format: OutputFormat, options?: EncodeOptions): Promise<Uint8Array>;
  /** Resamples to exactly `width` × `height` (no cropping: the caller crops first). */
  resize(image: RgbaImage, width: number, height: number): Promise<RgbaImage>;
}

/** The MIME type of an output format. */
export function mimeTypeOf(format: OutputFormat): string {
  return format === 'jpeg' ? 'image/jpeg' : `image/${format}`;
}

/** The default lossy quality both backends use. */
export const DEFAULT_QUALITY = 90;
