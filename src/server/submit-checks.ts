import { MAX_IMAGE_BYTES } from '../core/constants.js';
import { ValidationError } from '../core/errors.js';
import { validateEditInput } from '../core/index.js';
import type { FieldError } from '../core/types.js';
import type { BodyChecks, StreamInspector } from './gate-body.js';
import { ProxyError } from './proxy-error.js';
import { JsonSyntaxError, StreamingJsonParser, TruncatedString } from './streaming-json-parser.js';

function malformed(detail?: string): ProxyError {
  return new ProxyError(400, 'invalid_json', `The request body is not valid JSON${detail ? `: ${detail}` : '.'}`);
}

function invalid(errors: FieldError[]): ProxyError {
  return new ProxyError(400, 'invalid_input', new ValidationError(errors).message, { errors });
}

/**
 * Turns a streamed document into something `validateEditInput` can judge: a long image data URI becomes
 * the same URI cut to its first whole base64 quads (enough for the header checks), and what was only
 * counted (its decoded size, its alphabet) is checked here.
 */
function surrogate(value: unknown): { input: unknown; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const strip = (v: unknown): unknown => {
    if (v instanceof TruncatedString) return v.prefix;
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: strip(x), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  };
  const input = strip(value);
  const images = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).images : undefined;
  if (Array.isArray(images)) {
    const copies = (input as Record<string, unknown[]>).images as unknown[];
    images.forEach((image, index) => {
      if (!(image instanceof TruncatedString) || !/^data:/i.test(image.prefix)) return;
      const comma = image.prefix.indexOf(',');
      if (comma < 0) return;
      const field = `images[${index}]`;
      const name = `Image ${index + 1}`;
      // atob (which the core uses) skips ASCII whitespace, so a payload may carry line breaks.
      const payload = image.prefix.slice(comma + 1).replace(/[\t\n\f\r ]/g, '');
      copies[index] = image.prefix.slice(0, comma + 1) + payload.slice(0, payload.length - (payload.length % 4));
      const padding = image.last.endsWith('==') ? 2 : image.last.endsWith('=') ? 1 : 0;
      const bytes = Math.floor(((image.length - comma - 1) * 3) / 4) - padding;
      if (!image.restIsBase64) {
        errors.push({ field, code: 'invalid_url', message: `${name} is a data URI that is not base64-encoded.` });
      } else if (bytes > MAX_IMAGE_BYTES) {
        errors.push({
          field,
          code: 'too_large',
          message: `${name} is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_IMAGE_BYTES / 1048576} MB.`,
        });
      }
    });
  }
  return { input, errors };
}

function merge(own: FieldError[], core: FieldError[]): FieldError[] {
  const fields = new Set(own.map((e) => e.field));
  return [...core.filter((e) => !fields.has(e.field)), ...own];
}

/** A caller naming a webhook (`?webhook=` or a `webhook_url` field): only the server may choose one. */
export function webhookForbidden(): ProxyError {
  return new ProxyError(400, 'webhook_forbidden', 'Webhooks are set by the server, not by the caller; remove the webhook from the request.');
}

const hasWebhook = (value: unknown) => !!value && typeof value === 'object' && Object.hasOwn(value, 'webhook_url');

/**
 * The submit body checks: whole with `JSON.parse` when small, with the streaming parser when large. A body
 * naming its own webhook (a top-level `webhook_url`) is refused.
 */
export function submitChecks(): BodyChecks {
  return {
    whole(bytes) {
      let value: unknown;
      try {
        value = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        throw malformed();
      }
      if (hasWebhook(value)) throw webhookForbidden();
      const errors = validateEditInput(value);
      if (errors.length > 0) throw invalid(errors);
    },
    streaming(): StreamInspector {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const parser = new StreamingJsonParser();
      const feed = (text: string) => {
        try {
          parser.write(text);
        } catch (error) {
          throw malformed(error instanceof JsonSyntaxError ? error.message : undefined);
        }
      };
      return {
        write(chunk) {
          let text: string;
          try {
            text = decoder.decode(chunk, { stream: true });
          } catch {
            throw malformed('it is not UTF-8');
          }
          feed(text);
        },
        end() {
          try {
            feed(decoder.decode());
          } catch (error) {
            if (error instanceof ProxyError) throw error;
            throw malformed('it is not UTF-8');
          }
          let value: unknown;
          try {
            value = parser.end();
          } catch (error) {
            throw malformed(error instanceof JsonSyntaxError ? error.message : undefined);
          }
          if (hasWebhook(value)) throw webhookForbidden();
          const { input, errors } = surrogate(value);
          const all = merge(errors, validateEditInput(input));
          if (all.length > 0) throw invalid(all);
        },
      };
    },
  };
}
