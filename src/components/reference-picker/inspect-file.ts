import { MAX_ASPECT_RATIO, MAX_IMAGE_PIXELS, orientedSize, validateImageBytes, type ImageInfo } from '../../core/index.js';
import type { ReferencePickerLabels } from './labels.js';
import type { RejectionError } from './types.js';

/** Bytes read for validation before anything is decoded; JPEGs with big metadata get one larger retry (1 MiB). */
export const HEADER_BYTES = 64 * 1024;

const validateStart = async (file: Blob, bytes: number) =>
  validateImageBytes(new Uint8Array(await file.slice(0, bytes).arrayBuffer()), 'image');

/** `validateImageBytes` on the file's first 64 KiB (1 MiB when a JPEG's frame header sits behind big EXIF/ICC segments). */
export async function validateHeader(file: Blob) {
  const result = await validateStart(file, HEADER_BYTES);
  return result.info || file.size <= HEADER_BYTES || !result.errors.some((e) => e.code === 'corrupt_image')
    ? result
    : validateStart(file, 1 << 20);
}

export interface FileInspection {
  info: ImageInfo | null;
  /** Displayed size (EXIF orientation applied); 0 when unreadable. */
  width: number;
  height: number;
  errors: RejectionError[];
}

/**
 * Validates a file from its first bytes only (format by magic bytes, size, pixel count, aspect ratio), with
 * messages from `labels`. Never decodes the image.
 */
export async function inspectFile(file: Blob, name: string, maxBytes: number, labels: ReferencePickerLabels): Promise<FileInspection> {
  const { info, errors: found } = await validateHeader(file);
  const { width, height } = info ? orientedSize(info) : { width: 0, height: 0 };
  const errors: RejectionError[] = [];
  if (file.size > maxBytes) {
    errors.push({ code: 'too_large', message: labels.tooLarge(name, file.size / 1048576, maxBytes / 1048576) });
  }
  for (const { code } of found) {
    if (code === 'unsupported_format' || code === 'corrupt_image') {
      errors.push({ code, message: labels[code === 'corrupt_image' ? 'corruptImage' : 'unsupportedFormat'](name) });
    }
  }
  if (info) errors.push(...checkGeometry(name, width, height, labels));
  return { info, width, height, errors };
}

/** Pixel-count and aspect-ratio rules, shared by files and URLs. */
export function checkGeometry(name: string, width: number, height: number, labels: ReferencePickerLabels): RejectionError[] {
  const errors: RejectionError[] = [];
  if (width * height > MAX_IMAGE_PIXELS) {
    errors.push({ code: 'too_many_pixels', message: labels.tooManyPixels(name, width, height, Math.floor(MAX_IMAGE_PIXELS / 1e6)) });
  }
  if (width > height * MAX_ASPECT_RATIO || height > width * MAX_ASPECT_RATIO) {
    errors.push({ code: 'aspect_ratio', message: labels.aspectRatio(name, width, height) });
  }
  return errors;
}
