import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { createProxy } from '../create-proxy.js';
import type { ProxyOptions } from '../proxy-options.js';
import { readEnv } from '../resolve-upstream.js';
import { toNodeHandler } from './to-node-handler.js';

export interface HidreamVitePluginOptions extends ProxyOptions {
  /**
   * Where the proxy is mounted in the dev and preview servers; point the client's `baseUrl` here.
   * @default "/api/hidream"
   */
  path?: string;
}

function describe(options: HidreamVitePluginOptions): string {
  if (typeof options.upstream === 'function') return 'a custom upstream handler';
  if (typeof options.upstream === 'string') return options.upstream;
  if (options.apiKey || readEnv('WAVESPEED_API_KEY')) return 'WaveSpeed (WAVESPEED_API_KEY is set)';
  return 'the local engine (no WAVESPEED_API_KEY; edits run on this machine)';
}

/**
 * Mounts the proxy in Vite's dev server and `vite preview`, at `/api/hidream` by default:
 * WaveSpeed when `WAVESPEED_API_KEY` is set in the server's environment, else the local engine.
 * Put the key in the shell or a non-`VITE_` variable: it never reaches the browser bundle.
 */
export function hidreamVitePlugin(options: HidreamVitePluginOptions = {}): Plugin {
  const { path = '/api/hidream', ...proxyOptions } = options;
  const mount = `/${path.replace(/^\/+|\/+$/g, '')}`;
  let handler: ReturnType<typeof toNodeHandler> | undefined;
  let announced = false;
  // Called without `next`: everything under the mount point is the proxy's to answer (a JSON 404 rather
  // than Vite's HTML fallback for a mistyped API path).
  const middleware = () => (req: IncomingMessage, res: ServerResponse) =>
    (handler ??= toNodeHandler(createProxy(proxyOptions)))(req, res);
  const announce = (info: (message: string) => void) => {
    if (announced) return;
    announced = true;
    info(`[hidream-edit] proxy at ${mount} → ${describe(options)}`);
  };
  return {
    name: 'hidream-edit:proxy',
    configureServer(server) {
      announce((message) => server.config.logger.info(message));
      server.middlewares.use(mount, middleware());
    },
    configurePreviewServer(server) {
      announce((message) => server.config.logger.info(message));
      server.middlewares.use(mount, middleware());
    },
  };
}
