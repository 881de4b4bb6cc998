import { MAX_ASPECT_RATIO, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from './constants.js';
import { imageKind, orientedSize, sniffImage } from './sniff-image.js';
import type { FieldError, FieldErrorCode, ImageInfo } from './types.js';


/** "Image 2" for `images[1]`, "The image" otherwise. */
export function imageLabel(field: string): string {
  const m = /\[(\d+)\]$/.exec(field);
  return m ? `Image ${+m[1]! + 1}` : 'The image';
}

/**
 * Checks one reference image's bytes against the API's rules, from its header only: the format by magic
 * bytes (PNG, JPEG or WebP, whatever its declared type), at most 50 MB, at most `MAX_IMAGE_PIXELS`, and an
 * aspect ratio within 1:4..4:1 after EXIF orientation. An empty or cut-off file is `corrupt_image`.
 * @param field The field named in each error, e.g. `images[1]` (messages then say "Image 2").
 */
export function validateImageBytes(bytes: Uint8Array, field?: string): { info: ImageInfo | null; errors: FieldError[] } {
  return checkImage(bytes, field);
}

/** `validateImageBytes`, and with `declared` (a data URI's MIME type) a label that names another format is `unsupported_format`. */
export function checkImage(bytes: Uint8Array, field = 'image', declared?: string): { info: ImageInfo | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const add = (code: FieldErrorCode, problem: string) => errors.push({ field, code, message: `${imageLabel(field)} ${problem}.` });
  const info = sniffImage(bytes);
  const kind = imageKind(bytes);
  // PNG, JPEG or WebP: the formats we read are named in one word
  const format = !kind?.includes(' ') && kind;
  if (bytes.length > MAX_IMAGE_BYTES) add('too_large', `is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is 50 MB`);
  if (!bytes.length) add('corrupt_image', 'is an empty file');
  else if (!format) add('unsupported_format', `is ${kind || 'an unsupported file'}; use PNG, JPEG or WebP`);
  else if (!info) add('corrupt_image', `is a damaged or cut-off ${format}`);
  else {
    const { width: w, height: h } = orientedSize(info);
    if (w * h > MAX_IMAGE_PIXELS) add('too_many_pixels', `is ${w}×${h} pixels; the limit is 128 megapixels`);
    if (w > h * MAX_ASPECT_RATIO || h > w * MAX_ASPECT_RATIO) add('aspect_ratio', `is ${w}×${h}; the aspect ratio must be between 1:4 and 4:1`);
    // image/jpg: a common misspelling of image/jpeg
    if (declared && declared.replace('jpg', 'jpeg') != `image/${kind!.toLowerCase()}`) add('unsupported_format', `is labelled ${declared} but is a ${format}`);
  }
  return { info, errors };
}
