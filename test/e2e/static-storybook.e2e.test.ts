// The static Storybook is a live demo: served by a plain static file server (no Node backend), its playground
// must complete a real edit, with the local engine running in the page behind MSW's service worker.
// Run with `npm run test:e2e` (builds storybook-static first). It screenshots the finished playground: to
// test-results/playground.png, or to the README's docs/playground.png with UPDATE_SCREENSHOT=1.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const site = join(root, 'storybook-static');
const screenshot = join(root, process.env.UPDATE_SCREENSHOT ? 'docs/playground.png' : 'test-results/playground.png');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The dumbest static file server there is: files or 404, nothing dynamic. */
function serveStatic(dir: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep)) return void response.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

describe.runIf(process.env.HIDREAM_E2E)('static Storybook (no backend)', () => {
  let server: Server;
  let context: BrowserContext;
  let profile: string;
  let origin: string;

  beforeAll(async () => {
    if (!existsSync(join(site, 'iframe.html'))) {
      throw new Error('storybook-static/ is missing: run `npm run build-storybook` first (or `npm run test:e2e`).');
    }
    server = await serveStatic(site);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = await mkdtemp(join(tmpdir(), 'hidream-e2e-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 960 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  test('the playground completes an edit with the in-browser engine', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`);
    });
    const engineRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/hidream/api/v3/')) engineRequests.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });

    await page.goto(`${origin}/iframe.html?id=imageeditor--playground&viewMode=story`);

    // A reference image, drawn on a canvas in the page: a sky, a sun, a hill.
    const png = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 960;
      canvas.height = 720;
      const ctx = canvas.getContext('2d')!;
      const sky = ctx.createLinearGradient(0, 0, 0, 720);
      sky.addColorStop(0, '#4f8fe8');
      sky.addColorStop(1, '#bfe3ff');
      ctx.fillStyle = sky;
      ctx.fillRect(0, 0, 960, 720);
      ctx.fillStyle = '#ffd23f';
      ctx.beginPath();
      ctx.arc(700, 200, 90, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#2e8b57';
      ctx.beginPath();
      ctx.ellipse(380, 760, 620, 300, 0, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#c0392b';
      ctx.fillRect(300, 360, 160, 120);
      ctx.fillStyle = '#7f2a1e';
      ctx.beginPath();
      ctx.moveTo(280, 360);
      ctx.lineTo(380, 280);
      ctx.lineTo(480, 360);
      ctx.fill();
      const blob = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b!), 'image/png'));
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    });

    await page.getByLabel('Add reference images').setInputFiles({ name: 'cottage.png', mimeType: 'image/png', buffer: Buffer.from(png) });
    await page.getByRole('img', { name: 'cottage.png' }).waitFor();
    await page.getByRole('button', { name: 'Match first reference' }).click();
    await page.getByRole('textbox', { name: 'Prompt' }).fill('Keep the same scene and composition. Make it warmer and vivid, golden hour light.');
    await page.getByRole('button', { name: 'Run edit' }).click();

    const result = page.getByRole('img', { name: /^Edited image/ });
    await result.waitFor({ state: 'visible', timeout: 60_000 });
    await expect.poll(() => result.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 30_000 }).toBe(true);

    // The engine answered through the service worker: a submit went out, and nothing reached a real server.
    expect(engineRequests.some((r) => r.startsWith('POST') && r.endsWith('/hidream-o1-image-dev/edit'))).toBe(true);
    expect(problems).toEqual([]);

    // The result column is sticky: from the top, the page reads as a person first sees it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshot, fullPage: true });
    await page.close();
  });
});
