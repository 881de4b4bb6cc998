export { createProxy } from './create-proxy.js';
export type {
  ProxyOptions,
  ProxyRoutes,
  ProxyCorsOptions,
  ProxyLongPollOptions,
  UpstreamHandler,
} from './proxy-options.js';
export { ProxyError, type ProxyErrorBody } from './proxy-error.js';
export { toNodeHandler, type NodeHandler } from './adapters/to-node-handler.js';
export { toNextJsHandler, type NextJsHandlers } from './adapters/to-nextjs-handler.js';
export { toHonoHandler } from './adapters/to-hono-handler.js';
export { hidreamVitePlugin, type HidreamVitePluginOptions } from './adapters/hidream-vite-plugin.js';
