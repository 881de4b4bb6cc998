import { MAX_IMAGES, MAX_SEED, MAX_SIDE, MIN_SEED, MIN_SIDE, OUTPUT_FORMATS } from './constants.js';
import { decodeDataUri } from './decode-data-uri.js';
import { ValidationError } from './errors.js';
import { parseSize } from './parse-size.js';
import type { EditInput, FieldError, FieldErrorCode } from './types.js';
import { checkImage, imageLabel } from './validate-image-bytes.js';

/**
 * Every problem with an edit input, each with its field, a code and a sentence; `[]` when it is valid.
 * Unknown fields are ignored; optional fields may be absent (`undefined`) but not `null`.
 *
 * Images are public `http(s)` URLs (no user name or password), or base64 `data:image/(png|jpeg|jpg|webp)`
 * URIs whose bytes pass `validateImageBytes`. A data URI whose bytes are a supported format other than the
 * declared one (a JPEG labelled `image/png`) is rejected as `unsupported_format`: servers may trust the label.
 * `size` must parse strictly with sides in 256..4096; a small total is fine, since the model snaps it.
 */
export function validateEditInput(input: unknown): FieldError[] {
  // biome-ignore lint: any field may hold anything
  const o: Record<string, any> = Object(input);
  const errors: FieldError[] = [];
  const add = (field: string, code: FieldErrorCode, message: string) => errors.push({ field, code, message });
  const { prompt, images, size, seed } = o;
  const str = (v: unknown): v is string => typeof v == 'string';

  if (!str(prompt) || !prompt.trim()) add('prompt', prompt == null || str(prompt) ? 'required' : 'invalid_type', 'Write a prompt that describes the edit.');

  const list = Array.isArray(images) && images;
  if (!list || !list.length || list.length > MAX_IMAGES) {
    add('images', list ? (list.length ? 'too_many' : 'required') : images == null ? 'required' : 'invalid_type', 'Add 1 to 16 reference images.');
  }
  if (list) {
    list.forEach((image: unknown, i: number) => {
      const field = `images[${i}]`;
      const data = str(image) && decodeDataUri(image);
      let url: URL | undefined;
      try {
        url = data || !str(image) ? undefined : new URL(image);
      } catch {}
      if (data) errors.push(...checkImage(data.bytes, field, data.mimeType).errors);
      else if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) {
        add(field, str(image) ? 'invalid_url' : 'invalid_type', `${imageLabel(field)} must be a public http(s) URL or a base64 data URI.`);
      }
    });
  }

  const s = size !== undefined && parseSize(size);
  if (s === null || (s && (Math.min(s.width, s.height) < MIN_SIDE || Math.max(s.width, s.height) > MAX_SIDE))) {
    add('size', s ? 'out_of_range' : str(size) ? 'invalid_size' : 'invalid_type', 'The size must be like 2048*2048, each side 256 to 4096.');
  }
  if (o.output_format !== undefined && !OUTPUT_FORMATS.includes(o.output_format)) {
    add('output_format', 'unsupported_format', 'The output format must be jpeg, png or webp.');
  }
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= MIN_SEED && seed <= MAX_SEED)) {
    add('seed', Number.isInteger(seed) ? 'out_of_range' : 'invalid_type', 'The seed must be a whole number from -1 to 2147483647.');
  }
  for (const key of ['enable_sync_mode', 'enable_base64_output']) {
    if (o[key] !== undefined && typeof o[key] != 'boolean') add(key, 'invalid_type', `The ${key} option must be true or false.`);
  }
  return errors;
}

/** Throws a `ValidationError` listing every problem when the input is invalid. */
export function assertEditInput(input: unknown): asserts input is EditInput {
  const errors = validateEditInput(input);
  if (errors.length) throw new ValidationError(errors);
}
