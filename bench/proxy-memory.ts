// Memory of the proxy while a 270 MiB JSON submit (6 images of 45 MiB base64 each) streams through it to an
// upstream that discards what it receives. The client, the proxy (node:http + toNodeHandler + createProxy,
// validating the submit as it streams) and the sink share one process; each scenario runs in a fresh
// process, and "direct" (client → sink, no proxy) shows what the client and sink cost on their own.
// Flags (for one scenario): --direct | --proxy, and --gc to collect garbage before each sample (live memory).
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy, toNodeHandler } from '../src/server/index.js';

const MiB = 1024 * 1024;
const IMAGES = 6;
const IMAGE_BASE64 = 45 * MiB;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

// A PNG header saying 800×600 (all the checks read), then filler; 69 bytes + 3 = a whole number of base64 quads.
const header = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
header.writeUInt32BE(800, 16);
header.writeUInt32BE(600, 20);
const head64 = Buffer.concat([header, Buffer.alloc((3 - (header.length % 3)) % 3, 7)]).toString('base64');
const filler = new TextEncoder().encode(Buffer.alloc(48 * 1024, 7).toString('base64')); // 64 KiB of base64

function* bodyChunks(): Generator<Uint8Array> {
  const enc = new TextEncoder();
  yield enc.encode('{"prompt":"make it warmer","seed":7,"images":[');
  for (let i = 0; i < IMAGES; i++) {
    yield enc.encode(`${i ? ',' : ''}"data:image/png;base64,${head64}`);
    for (let sent = head64.length; sent + filler.length <= IMAGE_BASE64; sent += filler.length) yield filler;
    yield enc.encode('"');
  }
  yield enc.encode('],"output_format":"png"}');
}

async function listen(server: ReturnType<typeof createServer>): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let received = 0;
const sink = createServer((req, res) => {
  req.on('data', (chunk: Buffer) => (received += chunk.length));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 200, message: 'success', data: { id: 'bench', status: 'created' } }));
  });
});
const sinkUrl = await listen(sink);
if (!process.argv.includes('--direct') && !process.argv.includes('--proxy')) {
  sink.close();
  for (const args of [['--direct'], ['--proxy'], ['--direct', '--gc'], ['--proxy', '--gc']]) {
    const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, ...args], { encoding: 'utf8' });
    process.stdout.write(`\n[${args.join(' ')}]${args.includes('--gc') ? ' live memory (gc before each sample)' : ' as the OS sees it'}\n${run.stdout}${run.stderr}`);
  }
  process.exit(0);
}
const proxyServer = createServer(toNodeHandler(createProxy({ upstream: sinkUrl, apiKey: 'bench-key', maxBodyBytes: 300 * MiB })));
const proxyUrl = await listen(proxyServer);

async function submit(): Promise<{ status: number; sent: number; ms: number }> {
  const chunks = bodyChunks();
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) return controller.close();
      sent += next.value.byteLength;
      controller.enqueue(next.value);
    },
  });
  const started = performance.now();
  const response = await fetch(`${process.argv.includes('--direct') ? sinkUrl : proxyUrl}/api/v3/wavespeed-ai/hidream-o1-image-dev/edit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);
  await response.text();
  return { status: response.status, sent, ms: performance.now() - started };
}

const forceGc = process.argv.includes('--gc');
gc();
const base = process.memoryUsage();
let peak = { ...base };
const sampler = setInterval(() => {
  if (forceGc) gc();
  const now = process.memoryUsage();
  peak = {
    rss: Math.max(peak.rss, now.rss),
    heapUsed: Math.max(peak.heapUsed, now.heapUsed),
    heapTotal: Math.max(peak.heapTotal, now.heapTotal),
    external: Math.max(peak.external, now.external),
    arrayBuffers: Math.max(peak.arrayBuffers, now.arrayBuffers),
  };
}, forceGc ? 100 : 10);
received = 0;
const result = await submit();
clearInterval(sampler);

const mb = (n: number) => `${(n / MiB).toFixed(1)} MiB`;
console.log(`body sent ${mb(result.sent)}, upstream received ${mb(received)}, status ${result.status}`);
console.log(`time ${(result.ms / 1000).toFixed(2)} s (${(result.sent / MiB / (result.ms / 1000)).toFixed(0)} MiB/s)`);
console.log(`peak RSS delta       ${mb(peak.rss - base.rss)}  (baseline ${mb(base.rss)})`);
console.log(`peak heapUsed delta  ${mb(peak.heapUsed - base.heapUsed)}`);
console.log(`peak external delta  ${mb(peak.external - base.external)}  (arrayBuffers ${mb(peak.arrayBuffers - base.arrayBuffers)})`);
proxyServer.closeAllConnections();
sink.closeAllConnections();
proxyServer.close();
sink.close();
