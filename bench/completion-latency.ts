// How late is a finished edit noticed, and how many HTTP requests does each edit cost?
//
// Runs the real proxy in front of the real local engine on loopback (node:http, port 0), submits N edits with
// jobs of 2–20 s, and compares, in the same run:
//   (a) our client (`client.edit`) through the proxy's long-poll,
//   (b) our client's adaptive polling, with the proxy's long-poll turned off,
//   (c) fixed 1 s polling: the official `wavespeed` SDK (`run`, pollInterval 1 s) pointed at the proxy,
//   (d) the hooks' query path: `predictionQueryOptions` in a TanStack QueryObserver (what `usePrediction` runs),
//       after `client.submit`, through the proxy's long-poll.
// "Late" = client observation time − engine completion time. The engine spends min(300 ms, 15 %) of a job as
// `created` and reports the processing time in `timings.inference`, so it completed at
// created_at + 300 ms + inference for every job ≥ 2 s (same process, same clock).
//
//   npm run bench completion            BENCH_EDITS=20 npm run bench completion
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { QueryClient, QueryObserver, environmentManager } from '@tanstack/react-query';
import { Client as WavespeedClient } from 'wavespeed';
import { DEFAULT_MODEL, createClient, isTerminalStatus, type Prediction } from '../src/core/index.js';
import { createLocalEngine } from '../src/engine/index.js';
import { predictionQueryOptions } from '../src/react/index.js';
import { createProxy, toNodeHandler } from '../src/server/index.js';

// TanStack Query schedules no refetch timers on a server; this process plays the browser.
environmentManager.setIsServer(() => false);

const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const LATENCY = { min: 2000, max: 20_000 };
const STAGGER_MS = 250;

interface Sample {
  id: string;
  lateMs: number;
  requests: number;
  jobMs: number;
}

type Mode = { name: string; longPoll: boolean; run: (baseUrl: string, input: { prompt: string; images: string[] }) => Promise<Prediction | string> };

const modes: Mode[] = [
  {
    name: '(a) hidream client, long-poll via proxy',
    longPoll: true,
    run: (baseUrl, input) => createClient({ baseUrl }).edit(input),
  },
  {
    name: '(b) hidream client, adaptive polling',
    longPoll: false,
    run: (baseUrl, input) => createClient({ baseUrl }).edit(input),
  },
  {
    name: '(c) fixed 1 s polling (wavespeed SDK)',
    longPoll: true,
    run: async (baseUrl, input) => {
      const sdk = new WavespeedClient('bench-key', { baseUrl });
      const { detail } = await sdk.runNoThrow(DEFAULT_MODEL, input, { pollInterval: 1 });
      if (detail.status !== 'completed') throw new Error(`SDK edit ${detail.taskId} ended ${detail.status}`);
      return detail.taskId;
    },
  },
  {
    name: '(d) usePrediction query, long-poll via proxy',
    longPoll: true,
    run: async (baseUrl, input) => {
      const client = createClient({ baseUrl });
      const { id } = await client.submit(input);
      const queryClient = new QueryClient();
      const observer = new QueryObserver(queryClient, predictionQueryOptions(client, id));
      try {
        return await new Promise<Prediction>((resolve, reject) => {
          observer.subscribe(({ data, error }) => {
            if (error) reject(error);
            else if (data && isTerminalStatus(data.status)) resolve(data);
          });
        });
      } finally {
        observer.destroy();
        queryClient.clear();
      }
    },
  },
];

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function runMode(mode: Mode, image: string): Promise<Sample[]> {
  const engine = createLocalEngine({ latency: LATENCY, maxOutputSide: 64, random: 42 });
  const proxy = createProxy({ upstream: engine, apiKey: 'bench', longPoll: mode.longPoll ? undefined : false });
  const node = toNodeHandler(proxy);
  const perPrediction = new Map<string, number>();
  let submits = 0;
  const server = createServer((req, res) => {
    const id = /\/predictions\/([^/?]+)\/result/.exec(req.url ?? '')?.[1];
    if (id) perPrediction.set(id, (perPrediction.get(id) ?? 0) + 1);
    else if (req.method === 'POST') submits += 1;
    node(req, res);
  });
  const port = await listen(server);
  const baseUrl = `http://127.0.0.1:${port}/api/hidream`;
  // Read the engine's own record of each prediction directly (in-process, not counted).
  const engineRecord = async (id: string): Promise<Prediction> => {
    const response = await engine(new Request(`${baseUrl}/api/v3/predictions/${id}/result`));
    return ((await response.json()) as { data: Prediction }).data;
  };
  try {
    const samples = await Promise.all(
      Array.from({ length: EDITS }, async (_, i) => {
        await new Promise((r) => setTimeout(r, i * STAGGER_MS));
        let timer: ReturnType<typeof setTimeout> | undefined;
        const result = await Promise.race([
          mode.run(baseUrl, { prompt: `make it warmer, edit ${i}`, images: [image] }),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`${mode.name}: edit ${i} did not finish within 60 s`)), 60_000);
          }),
        ]).finally(() => clearTimeout(timer));
        const seenAt = Date.now();
        const id = typeof result === 'string' ? result : result.id;
        const record = await engineRecord(id);
        const jobMs = 300 + record.timings.inference;
        const doneAt = Date.parse(record.created_at) + jobMs;
        return { id, lateMs: seenAt - doneAt, requests: 1 + (perPrediction.get(id) ?? 0), jobMs };
      }),
    );
    if (submits !== EDITS) throw new Error(`expected ${EDITS} submits, the server saw ${submits}`);
    return samples;
  } finally {
    server.closeAllConnections();
    server.close();
    engine.close();
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const image = `data:image/png;base64,${(
  await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 90, g: 140, b: 200 } } }).png().toBuffer()
).toString('base64')}`;

console.log(`${EDITS} edits per mode, jobs ${LATENCY.min / 1000}–${LATENCY.max / 1000} s, started ${STAGGER_MS} ms apart, loopback HTTP\n`);
const rows: string[][] = [['mode', 'late mean', 'late p50', 'late p95', 'late max', 'req/edit mean', 'req/edit max']];
const targets: string[] = [];
for (const mode of modes) {
  const samples = await runMode(mode, image);
  const late = samples.map((s) => s.lateMs).sort((a, b) => a - b);
  const requests = samples.map((s) => s.requests);
  rows.push([
    mode.name,
    `${mean(late).toFixed(0)} ms`,
    `${quantile(late, 0.5).toFixed(0)} ms`,
    `${quantile(late, 0.95).toFixed(0)} ms`,
    `${late.at(-1)!.toFixed(0)} ms`,
    mean(requests).toFixed(1),
    String(Math.max(...requests)),
  ]);
  if (mode === modes[0]) {
    const ok = mean(late) <= 350 && quantile(late, 0.95) <= 600 && Math.max(...requests) <= 3;
    targets.push(`target for (a): mean ≤ 350 ms, p95 ≤ 600 ms, ≤ 3 requests per edit → ${ok ? 'met' : 'NOT met'}`);
  }
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log(`\n${targets.join('\n')}`);
