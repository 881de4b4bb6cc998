import type { Prediction } from '../core/types.js';

const encoder = new TextEncoder();

/**
 * The WaveSpeed webhook signature: HMAC-SHA256, keyed with the secret after its `whsec_` prefix (used as-is),
 * over `{webhook-id}.{webhook-timestamp}.{raw body}`, as lowercase hex.
 */
export async function signWebhook(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret.replace(/^whsec_/, '')), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${id}.${timestamp}.${body}`));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SendWebhookOptions {
  url: string;
  secret: string;
  /** A unique id for this delivery. */
  id: string;
  fetch: typeof fetch;
  timeout: number;
}

/**
 * POSTs the bare prediction (no envelope) to `url`, signed like WaveSpeed does (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature: v3,<hex>`). Resolves with the HTTP status, or `undefined` when the
 * delivery failed (one attempt; a receiver must also accept polling).
 */
export async function sendWebhook(prediction: Prediction, options: SendWebhookOptions): Promise<number | undefined> {
  const body = JSON.stringify(prediction);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = await signWebhook(options.secret, options.id, timestamp, body);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeout);
  try {
    const response = await options.fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': options.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': `v3,${signature}`,
      },
      body,
      signal: controller.signal,
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
