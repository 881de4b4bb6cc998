// What the Chromium benchmarks share: a loopback server for the page's files, Debian's Chromium, and a
// main-thread probe installed in every page. (Files named *.helper.ts are not run as benchmarks.)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

/** Serves `files` (path → [content type, body]) on a loopback port, uncached. */
export async function servePage(files: Record<string, [type: string, body: string]>): Promise<{ origin: string; close(): void }> {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** Headless Debian Chromium (`CHROMIUM_PATH` to use another). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** What `MAIN_THREAD_PROBE` adds to a page's `window`. */
export interface ProbeWindow {
  /** Starts probing; the returned function stops and gives the longest main-thread block seen, in ms. */
  probeMainThread(): () => number;
}

/**
 * Starts probing the event loop: a chain of setTimeout(0), cheap and ~4 ms apart once nested; the longest gap
 * between two callbacks is the longest time nothing else could run. The returned function stops and gives that
 * gap in ms. (A MessageChannel ping-pong would be a busy loop stealing a core from the work measured.) Runs in
 * Node and, through `MAIN_THREAD_PROBE`, in pages.
 */
export function probeEventLoop(): () => number {
  let last = performance.now();
  let max = 0;
  let timer = setTimeout(function tick() {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
    timer = setTimeout(tick, 0);
  }, 0);
  return () => (clearTimeout(timer), Math.max(max, performance.now() - last));
}

/**
 * An init script (`page.addInitScript`) defining `window.probeMainThread` as `probeEventLoop`, and `__name`,
 * which tsx's keepNames adds to the functions page.evaluate serialises.
 */
export const MAIN_THREAD_PROBE = `globalThis.__name = (fn) => fn; window.probeMainThread = ${probeEventLoop.toString()};`;

/** What every Chromium benchmark records per variant. */
export interface RunFigures {
  name: string;
  /** Wall time of each run, ms. */
  times: number[];
  /** Longest main-thread block of each run by the probe, ms. */
  gaps: number[];
  /** Longest long task overlapping each run, ms. */
  longTasks: number[];
}
