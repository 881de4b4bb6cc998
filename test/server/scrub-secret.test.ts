import { describe, expect, it } from 'vitest';
import { scrubSecretStream } from '../../src/server/scrub-secret.js';

async function scrub(text: string, secret: string, cut: number[]): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const points = [0, ...cut.filter((c) => c > 0 && c < bytes.length), bytes.length];
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 1; i < points.length; i++) c.enqueue(bytes.slice(points[i - 1], points[i]));
      c.close();
    },
  }).pipeThrough(scrubSecretStream(secret));
  return new Response(stream).text();
}

describe('scrubSecretStream', () => {
  const secret = 'ws-KEY-123456';
  const text = `before ${secret} middle ${secret}${secret} after ${secret.slice(0, 5)} end`;
  const expected = `before [redacted] middle [redacted][redacted] after ${secret.slice(0, 5)} end`;

  it('replaces the secret wherever the chunks are cut', async () => {
    for (let a = 0; a < text.length; a++) {
      expect(await scrub(text, secret, [a])).toBe(expected);
      expect(await scrub(text, secret, [a, a + 3, a + 9])).toBe(expected);
    }
  });

  it('passes text without the secret through unchanged, byte for byte', async () => {
    const plain = 'é'.repeat(1000) + 'ws-KEY-12345 nearly';
    expect(await scrub(plain, secret, [1, 7, 500, 1999])).toBe(plain);
  });
});
