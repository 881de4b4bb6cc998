import { ProxyError } from './proxy-error.js';

/** Checks a body while it streams: `write` each chunk, then `end`. Either may throw a `ProxyError`. */
export interface StreamInspector {
  write(chunk: Uint8Array): void;
  end(): void;
}

/** How a body is checked: whole when it is small, incrementally when it is not. */
export interface BodyChecks {
  /** Called with the whole body when it fitted in the pre-buffer. May throw a `ProxyError`. */
  whole?(bytes: Uint8Array): void;
  /** Creates the incremental check used once the body outgrows the pre-buffer. */
  streaming?(): StreamInspector;
}

export type GatedBody =
  | { kind: 'buffered'; bytes: Uint8Array }
  | {
      kind: 'streaming';
      /** The body as it should go upstream: its last chunk is released only once every check has passed. */
      stream: ReadableStream<Uint8Array>;
      /** Rejects with the `ProxyError` that stopped the stream (413, 400); never resolves otherwise. */
      failed: Promise<never>;
    };

export function tooLarge(maxBytes: number): ProxyError {
  return new ProxyError(413, 'payload_too_large', `The request body is larger than this proxy accepts (${maxBytes} bytes).`);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function asProxyError(error: unknown): ProxyError {
  if (error instanceof ProxyError) return error;
  return new ProxyError(400, 'invalid_body', 'The request body could not be read.', { cause: error });
}

/**
 * Reads a request body under a byte cap. A body that ends within `prebufferBytes` is read whole and checked
 * before anything goes upstream. A larger one is streamed: counted and inspected as it passes, with its
 * last chunk held back until every check has passed, so an upstream never receives a complete body that is
 * too large or invalid; the stream errors (and `failed` rejects) the moment a check fails.
 */
export async function gateBody(
  body: ReadableStream<Uint8Array> | null,
  options: { maxBytes: number; prebufferBytes: number; checks?: BodyChecks },
): Promise<GatedBody> {
  const { maxBytes, prebufferBytes, checks = {} } = options;
  if (!body) {
    checks.whole?.(new Uint8Array(0));
    return { kind: 'buffered', bytes: new Uint8Array(0) };
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        const bytes = concat(chunks, total);
        checks.whole?.(bytes);
        return { kind: 'buffered', bytes };
      }
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
      if (total > prebufferBytes) break;
    }
  } catch (error) {
    void reader.cancel().catch(() => {});
    throw asProxyError(error);
  }

  // Inspect what is already here before anything goes upstream: a problem in the first megabytes
  // (malformed JSON, say) is refused without an upstream request at all.
  const inspector = checks.streaming?.();
  try {
    for (const chunk of chunks) inspector?.write(chunk);
  } catch (error) {
    void reader.cancel().catch(() => {});
    throw asProxyError(error);
  }
  let fail!: (error: ProxyError) => void;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {});
  const queue = chunks.splice(0);
  let held: Uint8Array | undefined;
  let started = false;

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          held = queue.pop();
          for (const chunk of queue) controller.enqueue(chunk);
          const sent = queue.length > 0;
          queue.length = 0;
          if (sent) return;
        }
        // Loop until something is enqueued: a pull that enqueues nothing is not called again.
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            inspector?.end();
            if (held) controller.enqueue(held);
            controller.close();
            return;
          }
          total += value.byteLength;
          if (total > maxBytes) throw tooLarge(maxBytes);
          inspector?.write(value);
          const previous = held;
          held = value;
          if (previous) {
            controller.enqueue(previous);
            return;
          }
        }
      } catch (error) {
        const reason = asProxyError(error);
        fail(reason);
        controller.error(reason);
        void reader.cancel().catch(() => {});
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { kind: 'streaming', stream, failed };
}
