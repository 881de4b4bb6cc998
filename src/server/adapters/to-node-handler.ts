import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProxyError, errorResponse } from '../proxy-error.js';

/** A `node:http` request listener that is also Express/Connect middleware. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The path the client asked for. Absolute-form targets (`GET http://host/...`) keep only their path. */
function requestTarget(req: IncomingMessage): string {
  const raw = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  if (raw.startsWith('/')) return raw;
  try {
    const url = new URL(raw);
    return `${url.pathname}${url.search}`;
  } catch {
    return '/';
  }
}

/**
 * True when a path segment is `.` or `..`, also percent-encoded, or the target has a `#`: URL parsing would
 * silently resolve the one and cut the path at the other.
 */
function hasDotSegment(target: string): boolean {
  if (target.includes('#')) return true;
  const path = target.split('?')[0] ?? '';
  return path.split('/').some((segment) => {
    const s = segment.toLowerCase().replaceAll('%2e', '.');
    return s === '.' || s === '..';
  });
}

function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          if (cancelled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on('end', () => !cancelled && controller.close());
        req.on('error', (error) => !cancelled && controller.error(error));
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        // Stop delivering; the rest is discarded (and the connection closed once the answer is sent).
        cancelled = true;
        req.resume();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const host = req.headers.host && HOST_PATTERN.test(req.headers.host) ? req.headers.host : 'localhost';
  const tls = (req.socket as { encrypted?: boolean }).encrypted === true;
  const url = new URL(`${tls ? 'https' : 'http'}://${host}${requestTarget(req)}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = bodyStream(req);
    init.duplex = 'half';
  }
  return new Request(url, init);
}

async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // An answer given before the body was read (413, 400): close the connection rather than read the rest.
  if (!req.complete && req.method !== 'GET' && req.method !== 'HEAD') headers.connection = 'close';
  res.writeHead(response.status, headers);
  if (!response.body || req.method === 'HEAD') {
    await response.body?.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  res.once('close', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
      if (res.destroyed) return;
    }
    res.end();
  } finally {
    res.off('close', stop);
  }
}

/**
 * Adapts a web-standard handler to `node:http` and Express/Connect: streams the body in and out, stops
 * upstream work when the client goes away, and keeps the mount prefix (`req.originalUrl`). Used as
 * middleware, requests outside `/api/v3/` go to `next()`. With Express, mount it **before** body parsers
 * (`express.json()`), which would consume the body it needs to stream.
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>): NodeHandler {
  return (req, res, next) => {
    const target = requestTarget(req);
    if (next && !target.includes('/api/v3/')) return next();
    const aborter = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborter.abort(new Error('The client closed the connection.'));
    });
    const run = async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD' && req.readableEnded) {
        throw new ProxyError(
          500,
          'body_consumed',
          'The request body was already read by another middleware: mount the hidream-edit proxy before body parsers.',
        );
      }
      const response = hasDotSegment(target)
        ? errorResponse(new ProxyError(400, 'invalid_path', 'The API path has an empty or dot segment, or an encoded separator.'))
        : await handler(toRequest(req, aborter.signal));
      await writeResponse(response, req, res);
      if (!req.complete) req.socket.destroySoon?.();
    };
    run().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const response = errorResponse(error);
      void writeResponse(response, req, res).catch(() => res.destroy());
    });
  };
}
