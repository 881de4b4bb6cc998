import { isHttpUrl } from '../server/is-http-url.js';

/** What `hidream-edit serve` was asked to do. */
export interface ServeArgs {
  /**
   * `--port`: port to listen on; `0` picks a free one.
   * @default 8787
   */
  port: number;
  /**
   * `--host`: interface to listen on.
   * @default "127.0.0.1"
   */
  host: string;
  /** `--upstream`: a WaveSpeed-compatible http(s) base URL; unset lets `startServer` choose. */
  upstream?: string;
  /** `--max-body`: largest request body, in bytes; unset keeps the proxy's 64 MiB. */
  maxBodyBytes?: number;
  /**
   * `--cors-origin` (repeatable): origins allowed to call the server from a browser, or `"*"`.
   * @default []
   */
  corsOrigins: string[];
  /** `--submit-limit`: submits allowed per minute, for all callers together; unset: no cap. */
  submitLimit?: number;
  /** `--webhook`: an http(s) URL each finished prediction is POSTed to, signed; unset sends none. */
  webhook?: string;
  /** `--latency`: local engine only, how long each edit takes in ms; unset keeps the engine's 1200..1800. */
  latency?: number;
  /** `--fail-rate`: local engine only, the fraction (0..1) of edits that fail; unset keeps 0. */
  failRate?: number;
}

/** A command line that cannot be run; `main` prints it with a hint and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const VALUE_FLAGS = new Set(['--port', '--host', '--upstream', '--max-body', '--cors-origin', '--submit-limit', '--webhook', '--latency', '--fail-rate']);

function integer(flag: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number between ${min} and ${max} (got "${raw}").`);
  }
  return value;
}

function httpUrl(flag: string, raw: string): string {
  if (!isHttpUrl(raw)) throw new UsageError(`${flag} must be an http(s) URL (got "${raw}").`);
  return new URL(raw).href;
}

/** Parses the flags of `hidream-edit serve` (`--flag value` or `--flag=value`). Throws `UsageError`. */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const args: ServeArgs = { port: 8787, host: '127.0.0.1', corsOrigins: [] };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    const eq = token.indexOf('=');
    const flag = token.startsWith('--') && eq > 0 ? token.slice(0, eq) : token;
    if (!VALUE_FLAGS.has(flag)) throw new UsageError(`Unknown option "${token}".`);
    let value: string | undefined = eq > 0 && token.startsWith('--') ? token.slice(eq + 1) : argv[++i];
    if (value === undefined || (value.startsWith('--') && eq < 0)) throw new UsageError(`${flag} needs a value.`);
    value = value.trim();
    switch (flag) {
      case '--port':
        args.port = integer(flag, value, 0, 65535);
        break;
      case '--host':
        if (!value) throw new UsageError('--host needs a value.');
        args.host = value;
        break;
      case '--upstream':
        args.upstream = httpUrl(flag, value);
        break;
      case '--submit-limit':
        args.submitLimit = integer(flag, value, 1, 1_000_000);
        break;
      case '--webhook':
        args.webhook = httpUrl(flag, value);
        break;
      case '--max-body':
        args.maxBodyBytes = integer(flag, value, 1, Number.MAX_SAFE_INTEGER);
        break;
      case '--cors-origin': {
        if (value === '*') {
          args.corsOrigins.push('*');
          break;
        }
        let origin: string;
        try {
          origin = new URL(value).origin;
        } catch {
          throw new UsageError(`--cors-origin must be an origin like https://app.example.com (got "${value}").`);
        }
        if (origin === 'null') throw new UsageError(`--cors-origin must be an origin like https://app.example.com (got "${value}").`);
        args.corsOrigins.push(origin);
        break;
      }
      case '--latency':
        args.latency = integer(flag, value, 0, 600_000);
        break;
      case '--fail-rate': {
        const rate = Number(value);
        if (value === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
          throw new UsageError(`--fail-rate must be a number between 0 and 1 (got "${value}").`);
        }
        args.failRate = rate;
        break;
      }
    }
  }
  return args;
}

export const SERVE_HELP = `Usage: hidream-edit serve [options]

Starts the hidream-edit proxy on Node, with the WaveSpeed v3 paths at the root
(point a client's baseUrl, or the wavespeed SDK's baseUrl, at it).

Upstream: WaveSpeed when WAVESPEED_API_KEY is set, the URL given with --upstream,
or else the local engine, which really edits images on this machine.

Options:
  --port <n>             port to listen on (default 8787; 0 picks a free one)
  --host <host>          interface to listen on (default 127.0.0.1)
  --upstream <url>       send requests to this WaveSpeed-compatible base URL
  --max-body <bytes>     largest request body (default 67108864, 64 MiB)
  --cors-origin <origin> allow browsers on this origin (repeatable; "*" for any)
  --submit-limit <n>     at most n submits a minute, all callers together (429 after)
  --webhook <url>        POST each finished prediction here, signed (the local
                         engine prints its secret; with WaveSpeed, your account's)
  --latency <ms>         local engine: how long each edit takes (default 1200..1800)
  --fail-rate <0..1>     local engine: fraction of edits that fail (default 0)
  -h, --help             show this help
`;
