import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type Reply = (call: RecordedCall) => Response | Promise<Response>;

export function envelope(data: unknown, code = 200): Response {
  return new Response(JSON.stringify({ code, message: code === 200 ? 'success' : 'error', data }), {
    status: code,
    headers: { 'content-type': 'application/json' },
  });
}

export function prediction(id: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    model: 'wavespeed-ai/hidream-o1-image-dev/edit',
    status,
    outputs: status === 'completed' ? ['https://cdn.example/out.jpeg'] : [],
    urls: { get: `https://api.wavespeed.ai/api/v3/predictions/${id}/result` },
    has_nsfw_contents: [],
    created_at: '2026-11-24T00:00:00.000Z',
    error: '',
    timings: { inference: 0 },
    ...extra,
  };
}

const defaultReply: Reply = (call) =>
  call.url.includes('/result') ? envelope(prediction('abc123', 'completed')) : envelope(prediction('abc123', 'created'));

/** A fake upstream handler that records every call it receives (and reads its body whole). */
export function recordingHandler(reply: Reply = defaultReply) {
  const calls: RecordedCall[] = [];
  const handler = async (request: Request): Promise<Response> => {
    const call: RecordedCall = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: request.body ? await request.text() : '',
    };
    calls.push(call);
    return reply(call);
  };
  return { handler, calls };
}

/** The same over real HTTP on a loopback port, for URL upstreams. */
export async function recordingServer(reply: Reply = defaultReply) {
  const { handler, calls } = recordingHandler(reply);
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, String(v));
    const init: RequestInit = { method: req.method, headers };
    if (req.method !== 'GET' && req.method !== 'HEAD') init.body = Buffer.concat(chunks);
    const response = await handler(new Request(`http://${req.headers.host}${req.url}`, init));
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => (out[k] = v));
    res.writeHead(response.status, out);
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
