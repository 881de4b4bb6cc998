import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WAVESPEED_BASE_URL } from '../core/constants.js';
import { createProxy, toNodeHandler, type ProxyOptions } from '../server/index.js';

export interface StartServerOptions {
  /**
   * Port to listen on; `0` picks a free one.
   * @default 8787
   */
  port?: number;
  /**
   * Interface to listen on; `0.0.0.0` makes the server reachable from other machines.
   * @default "127.0.0.1"
   */
  host?: string;
  /**
   * A WaveSpeed-compatible base URL to send requests to.
   * @default WaveSpeed when WAVESPEED_API_KEY is set, else the local engine
   */
  upstream?: string;
  /**
   * Largest request body, in bytes.
   * @default 67108864 (64 MiB)
   */
  maxBodyBytes?: number;
  /**
   * Origins allowed to call the server from a browser (`"*"` for any).
   * @default [] (CORS off)
   */
  corsOrigins?: string[];
  /**
   * Submits allowed per minute, all callers together (the proxy's `submitLimit`).
   * @default undefined (no cap)
   */
  submitLimit?: number;
  /**
   * Where each finished prediction is POSTed, signed (the proxy's `webhook` option).
   * @default undefined (no webhook)
   */
  webhook?: string;
  /**
   * Local engine only: how long each edit takes, in ms.
   * @default the engine's (1200..1800)
   */
  latency?: number;
  /**
   * Local engine only: the fraction (0..1) of edits that fail.
   * @default 0
   */
  failRate?: number;
}

export interface RunningServer {
  /** `http://HOST:PORT`, with the real port. */
  url: string;
  host: string;
  port: number;
  /** Which upstream answers, in words: "the local engine (...)", "WaveSpeed (...)" or the URL. */
  upstream: string;
  /** The local engine's webhook signing secret, to check deliveries with `verifyWebhook`; unset for other upstreams. */
  webhookSecret?: string;
  server: Server;
  /** Stops accepting connections, ends open ones and stops the local engine. */
  close(): Promise<void>;
}

/** Starts `hidream-edit serve`: the proxy on `node:http`, with the WaveSpeed v3 paths at the root. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const key = process.env.WAVESPEED_API_KEY?.trim();
  const engine =
    options.upstream || key
      ? undefined
      : (await import('../engine/index.js')).createLocalEngine({
          ...(options.latency !== undefined ? { latency: options.latency } : {}),
          ...(options.failRate !== undefined ? { failRate: options.failRate } : {}),
          // The proxy enforces the cap; the engine behind it must not refuse what the proxy let through.
          ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
        });
  const upstream = engine
    ? `the local engine (latency ${options.latency ?? '1200..1800'} ms, fail rate ${options.failRate ?? 0})`
    : options.upstream
      ? options.upstream
      : `WaveSpeed (${WAVESPEED_BASE_URL}, key from WAVESPEED_API_KEY)`;
  const corsOrigins = options.corsOrigins ?? [];
  const proxyOptions: ProxyOptions = {
    upstream: engine ?? options.upstream,
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.webhook ? { webhook: options.webhook } : {}),
    ...(options.submitLimit ? { submitLimit: { submits: options.submitLimit } } : {}),
    ...(corsOrigins.length > 0 ? { cors: { origins: corsOrigins.includes('*') ? '*' : corsOrigins } } : {}),
  };
  const server = createServer(toNodeHandler(createProxy(proxyOptions)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    upstream,
    ...(engine ? { webhookSecret: engine.webhookSecret } : {}),
    server,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        engine?.close();
      })),
  };
}
