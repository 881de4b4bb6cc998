const REDACTED = new TextEncoder().encode('[redacted]');

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first as number, from); i !== -1 && i <= last; i = haystack.indexOf(first as number, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Replaces every occurrence of `secret` in `bytes` with `[redacted]`. */
export function scrubBytes(bytes: Uint8Array, secret: Uint8Array): Uint8Array {
  if (secret.length === 0) return bytes;
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let at = indexOf(bytes, secret, 0); at !== -1; at = indexOf(bytes, secret, start)) {
    parts.push(bytes.subarray(start, at), REDACTED);
    start = at + secret.length;
  }
  if (start === 0) return bytes;
  parts.push(bytes.subarray(start));
  let out: Uint8Array = new Uint8Array(0);
  for (const part of parts) out = concat(out, part);
  return out;
}

/**
 * A stream that replaces a secret (the API key) with `[redacted]` wherever it appears, also across chunk
 * boundaries: it holds back the last `secret.length - 1` bytes of each chunk until the next one arrives.
 */
export function scrubSecretStream(secret: string): TransformStream<Uint8Array, Uint8Array> {
  const needle = new TextEncoder().encode(secret);
  const keep = Math.max(0, needle.length - 1);
  let tail = new Uint8Array(0);
  return new TransformStream({
    transform(chunk, controller) {
      const scrubbed = scrubBytes(concat(tail, chunk), needle);
      const cut = Math.max(0, scrubbed.length - keep);
      if (cut > 0) controller.enqueue(scrubbed.slice(0, cut));
      tail = scrubbed.slice(cut);
    },
    flush(controller) {
      if (tail.length > 0) controller.enqueue(scrubBytes(tail, needle));
    },
  });
}
