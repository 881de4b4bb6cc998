const encoder = new TextEncoder();

/** The HMAC-SHA256 key of a webhook secret: the part after its `whsec_` prefix, used as-is. */
export function webhookKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret.replace(/^whsec_/, '')), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/** What WaveSpeed signs: `{webhook-id}.{webhook-timestamp}.{raw body}`. */
export const signedContent = (id: string, timestamp: string | number, body: string | Uint8Array): Uint8Array => {
  const head = encoder.encode(`${id}.${timestamp}.`);
  const tail = typeof body === 'string' ? encoder.encode(body) : body;
  const out = new Uint8Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
};

/** The WaveSpeed webhook signature, as lowercase hex (sent as `webhook-signature: v3,<hex>`). */
export async function signWebhook(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await webhookKey(secret, 'sign'), signedContent(id, timestamp, body) as BufferSource);
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}
