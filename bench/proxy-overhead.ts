// Latency of result GETs through the proxy (node:http + toNodeHandler + createProxy, URL upstream with a
// key, so the response is also scrubbed) versus straight to the same upstream, all on loopback.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy, toNodeHandler } from '../src/server/index.js';

const WARMUP = 300;
const RUNS = 3000;
const CONCURRENCY = 16;

const body = JSON.stringify({
  code: 200,
  message: 'success',
  data: {
    id: 'abc123',
    model: 'wavespeed-ai/hidream-o1-image-dev/edit',
    status: 'processing',
    outputs: [],
    urls: { get: 'https://api.wavespeed.ai/api/v3/predictions/abc123/result' },
    has_nsfw_contents: [],
    created_at: new Date().toISOString(),
    error: '',
    timings: { inference: 0 },
  },
});

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const upstream = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'r1' });
  res.end(body);
});
const upstreamUrl = await listen(upstream);
const proxy = createServer(toNodeHandler(createProxy({ upstream: upstreamUrl, apiKey: 'bench-key' })));
const proxyUrl = await listen(proxy);

async function sequential(base: string): Promise<number[]> {
  const url = `${base}/api/v3/predictions/abc123/result`;
  for (let i = 0; i < WARMUP; i++) await (await fetch(url)).text();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await (await fetch(url)).text();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

async function concurrent(base: string): Promise<number> {
  const url = `${base}/api/v3/predictions/abc123/result`;
  let left = RUNS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) await (await fetch(url)).text();
    }),
  );
  return RUNS / ((performance.now() - started) / 1000);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
const row = (name: string, t: number[], rps: number) =>
  `${name.padEnd(8)} p50 ${pct(t, 50).toFixed(3)} ms   p99 ${pct(t, 99).toFixed(3)} ms   mean ${(t.reduce((a, b) => a + b, 0) / t.length).toFixed(3)} ms   ${rps.toFixed(0)} req/s at concurrency ${CONCURRENCY}`;

/** The proxy's own work, without HTTP: a handler upstream answering from memory. */
async function inProcess(): Promise<number[]> {
  const handler = createProxy({ apiKey: 'bench-key', upstream: async () => new Response(body, { headers: { 'content-type': 'application/json' } }) });
  const url = 'http://app.test/api/v3/predictions/abc123/result';
  for (let i = 0; i < WARMUP; i++) await (await handler(new Request(url))).text();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await (await handler(new Request(url))).text();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

const own = await inProcess();
const direct = await sequential(upstreamUrl);
const viaProxy = await sequential(proxyUrl);
const directRps = await concurrent(upstreamUrl);
const proxyRps = await concurrent(proxyUrl);
console.log(`${RUNS} sequential result GETs on loopback (after ${WARMUP} warm-up):`);
console.log(row('direct', direct, directRps));
console.log(row('proxy', viaProxy, proxyRps));
console.log(`in-process createProxy call (no HTTP, handler upstream): p50 ${pct(own, 50).toFixed(3)} ms, p99 ${pct(own, 99).toFixed(3)} ms`);
const delta = (p: number) => `${pct(viaProxy, p) >= pct(direct, p) ? '+' : ''}${(pct(viaProxy, p) - pct(direct, p)).toFixed(3)} ms`;
console.log(`proxy overhead: p50 ${delta(50)}, p99 ${delta(99)}`);
proxy.closeAllConnections();
upstream.closeAllConnections();
proxy.close();
upstream.close();
