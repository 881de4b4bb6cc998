import type { Prediction } from '../core/types.js';
import { signWebhook } from '../server/webhook-signature.js';

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
