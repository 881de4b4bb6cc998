import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startServer } from '../../src/cli/start-server.js';
import { verifyWebhook } from '../../src/server/index.js';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, WAVESPEED_API_KEY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += String(d)));
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const output = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = stdout.match(pattern);
        if (match) resolve(match);
      };
      child.stdout!.on('data', check);
      void exited.then(() => reject(new Error(`exited before printing ${pattern}: ${stdout}${stderr}`)));
      check();
    });
  return { child, exited, output, stdout: () => stdout, stderr: () => stderr };
}

describe('hidream-edit serve', { timeout: 30_000 }, () => {
  it('starts on the local engine, answers WaveSpeed paths at the root, and stops cleanly on SIGTERM', async () => {
    const run = cli(['serve', '--port', '0', '--latency', '10', '--cors-origin', 'http://localhost:6006']);
    const [, url] = await run.output(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(run.stdout()).toMatch(/upstream: the local engine \(latency 10 ms, fail rate 0\)/);
    const missing = await fetch(`${url}/api/v3/predictions/doesnotexist/result`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-hidream-long-poll')).toBe('30');
    const preflight = await fetch(`${url}/api/v3/wavespeed-ai/hidream-o1-image-dev/edit`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('stops cleanly on SIGINT too, with a request in flight', async () => {
    const run = cli(['serve', '--port=0', '--latency', '60000']);
    const [, url] = await run.output(/listening on (http:\/\/[^\s]+)/);
    const submitted = await fetch(`${url}/api/v3/wavespeed-ai/hidream-o1-image-dev/edit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'sepia', images: [PNG] }),
    });
    const { data } = await submitted.json();
    expect(data.status).toMatch(/created|processing/);
    let settled = false;
    const held = fetch(`${url}/api/v3/predictions/${data.id}/result?wait=30&since=${data.status}`)
      .catch(() => 'closed')
      .finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 400));
    expect(settled).toBe(false);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    await held;
  });

  it('POSTs each finished edit to --webhook, signed with the secret it prints', async () => {
    const deliveries: { body: Buffer; headers: IncomingHttpHeaders }[] = [];
    const receiver = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      deliveries.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.writeHead(204).end();
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/hidream`;
    try {
      const run = cli(['serve', '--port', '0', '--latency', '10', '--webhook', hook]);
      const [, url] = await run.output(/listening on (http:\/\/[^\s]+)/);
      const [, printed, secret] = await run.output(/webhook: (\S+) \(signed with (whsec_[0-9a-f]+)\)/);
      expect(printed).toBe(hook);
      const submitted = await fetch(`${url}/api/v3/wavespeed-ai/hidream-o1-image-dev/edit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'sepia', images: [PNG] }),
      });
      const { data } = await submitted.json();
      await vi.waitFor(() => expect(deliveries).toHaveLength(1), { timeout: 10_000 });
      const prediction = await verifyWebhook(deliveries[0]!, { secret: secret! });
      expect(prediction).toMatchObject({ id: data.id, status: 'completed' });
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      receiver.close();
    }
  });

  it('says which upstream it uses when given one', async () => {
    const run = cli(['serve', '--port', '0', '--upstream', 'http://127.0.0.1:9/base']);
    await run.output(/upstream: http:\/\/127\.0\.0\.1:9\/base/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('uses WaveSpeed when WAVESPEED_API_KEY is set, and never prints the key', async () => {
    const run = cli(['serve', '--port', '0'], { WAVESPEED_API_KEY: 'ws-cli-secret-key' });
    await run.output(/upstream: WaveSpeed \(https:\/\/api\.wavespeed\.ai/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stdout() + run.stderr()).not.toContain('ws-cli-secret-key');
  });

  it('exits 2 with a message on bad flags', async () => {
    const run = cli(['serve', '--fail-rate', '2']);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toMatch(/--fail-rate must be a number between 0 and 1 \(got "2"\)/);
    const unknown = cli(['frobnicate']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.stderr()).toMatch(/Unknown command "frobnicate"/);
  });

  it('prints help', async () => {
    const run = cli(['serve', '--help']);
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toMatch(/Usage: hidream-edit serve \[options\]/);
    expect(run.stdout()).toMatch(/--cors-origin <origin>/);
  });
});

describe('startServer', { timeout: 30_000 }, () => {
  it('caps submits with submitLimit', async () => {
    const server = await startServer({ port: 0, latency: 10, submitLimit: 1 });
    try {
      const submit = () =>
        fetch(`${server.url}/api/v3/wavespeed-ai/hidream-o1-image-dev/edit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ prompt: 'sepia', images: [PNG] }),
        });
      expect((await submit()).status).toBe(200);
      const refused = await submit();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(50);
    } finally {
      await server.close();
    }
  });

  it('listens on port 0, applies the body cap, and closes', async () => {
    const server = await startServer({ port: 0, maxBodyBytes: 1000 });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      const response = await fetch(`${server.url}/api/v3/media/uploads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ filename: 'x'.repeat(2000), size: 10 }),
      });
      expect(response.status).toBe(413);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/api/v3/balance`)).rejects.toThrow();
  });

  it('raises the local engine cap with --max-body, so a 70 MiB submit gets through', async () => {
    const png = Buffer.from(PNG.split(',')[1] as string, 'base64');
    const image = `data:image/png;base64,${Buffer.concat([png, Buffer.alloc(26 * 1024 * 1024)]).toString('base64')}`;
    const body = JSON.stringify({ prompt: 'x [fail]', images: [image, image] });
    expect(body.length).toBeGreaterThan(64 * 1024 * 1024);
    const server = await startServer({ port: 0, maxBodyBytes: 80 * 1024 * 1024, latency: 60_000 });
    try {
      const response = await fetch(`${server.url}/api/v3/wavespeed-ai/hidream-o1-image-dev/edit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(200);
      expect((await response.json()).data.id).toEqual(expect.any(String));
    } finally {
      await server.close();
    }
  });
});
