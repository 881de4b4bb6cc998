import { isPredictionId } from '../core/is-prediction-id.js';
import type { Prediction } from '../core/types.js';
import { signedContent, webhookKey } from './webhook-signature.js';

/** Why a webhook delivery was refused. */
export type WebhookErrorCode = 'missing_headers' | 'expired' | 'invalid_signature' | 'invalid_body';

/** A webhook delivery that is not a genuine, fresh WaveSpeed prediction: answer it with a 4xx and ignore it. */
export class WebhookError extends Error {
  readonly code: WebhookErrorCode;

  constructor(code: WebhookErrorCode, message: string) {
    super(message);
    this.name = 'WebhookError';
    this.code = code;
  }
}

/** A delivery as a web-standard `Request`, or its raw body and headers (Express with `express.raw()`, Node `http`). */
export type WebhookDelivery =
  | Request
  | {
      /** The raw body, exactly as received: a parsed-and-reserialised body no longer matches the signature. */
      body: string | Uint8Array | ArrayBuffer;
      headers: Headers | Record<string, string | string[] | undefined>;
    };

export interface VerifyWebhookOptions {
  /**
   * The signing secret, `whsec_...`, as `GET /api/v3/webhook/secret` returns it (with a key; never through the
   * proxy) or, for the local engine, `engine.webhookSecret`.
   */
  secret: string;
  /**
   * Oldest (and furthest in the future) `webhook-timestamp` accepted, in seconds from now: older deliveries
   * are replays.
   * @default 300
   */
  tolerance?: number;
  /**
   * The clock, in milliseconds.
   * @default Date.now
   */
  now?: () => number;
}

const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));

function header(headers: WebhookDelivery['headers'], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value.join(' ') : value;
}

/**
 * Checks a WaveSpeed webhook delivery and returns the prediction it carries. The signature is HMAC-SHA256 with
 * the secret after `whsec_`, over `{webhook-id}.{webhook-timestamp}.{raw body}`, sent as
 * `webhook-signature: v3,<hex>` (several, space-separated, are accepted: any one may match). Compared in
 * constant time. Rejects with a `WebhookError` (`missing_headers`, `expired`, `invalid_signature`,
 * `invalid_body`) and never returns anything it did not verify.
 */
export async function verifyWebhook(delivery: WebhookDelivery, options: VerifyWebhookOptions): Promise<Prediction> {
  const { tolerance = 300, now = Date.now } = options;
  const raw: unknown = delivery instanceof Request ? new Uint8Array(await delivery.arrayBuffer()) : delivery.body;
  // Checked by shape, not instanceof: bytes may come from another realm (vm, jsdom, a worker).
  if (typeof raw !== 'string' && !ArrayBuffer.isView(raw) && Object.prototype.toString.call(raw) !== '[object ArrayBuffer]') {
    // A parsed body (express.json()) can never match the signature: say so, rather than "invalid signature".
    throw new WebhookError('invalid_body', 'Pass the raw body (a string or bytes), not a parsed object: with Express, use express.raw({ type: "*/*" }) on this route.');
  }
  const body =
    typeof raw === 'string'
      ? new TextEncoder().encode(raw)
      : ArrayBuffer.isView(raw)
        ? new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength)
        : new Uint8Array(raw as ArrayBuffer);
  const headers = delivery.headers;
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookError('missing_headers', 'The delivery lacks the webhook-id, webhook-timestamp or webhook-signature header.');
  }
  const age = now() / 1000 - Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(age) > tolerance) {
    throw new WebhookError('expired', `The delivery's timestamp is more than ${tolerance} s from now; it may be a replay.`);
  }
  const key = await webhookKey(options.secret, 'verify');
  const content = signedContent(id, timestamp, body) as BufferSource;
  let valid = false;
  for (const signature of signatures.split(' ')) {
    const [version, hex] = signature.split(',');
    if (version === 'v3' && hex && /^[0-9a-f]{64}$/i.test(hex)) {
      valid ||= await crypto.subtle.verify('HMAC', key, hexBytes(hex) as BufferSource, content);
    }
  }
  if (!valid) throw new WebhookError('invalid_signature', 'The webhook signature does not match: wrong secret, or the body was changed.');

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new WebhookError('invalid_body', 'The webhook body is not JSON.');
  }
  // The bare prediction; an envelope ({ code, message, data }) is unwrapped, in case one is ever sent.
  const envelope = parsed as { data?: unknown } | null;
  const prediction = (envelope && typeof envelope.data === 'object' ? envelope.data : parsed) as Partial<Prediction> | null;
  if (!prediction || typeof prediction.id !== 'string' || !isPredictionId(prediction.id) || typeof prediction.status !== 'string') {
    throw new WebhookError('invalid_body', 'The webhook body is not a prediction (it needs an id and a status).');
  }
  return prediction as Prediction;
}
