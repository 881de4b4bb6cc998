/**
 * `hidream-edit/server`: the WaveSpeed v3 proxy that keeps the API key on your server.
 *
 * ```ts
 * // node:http, or Express (mount it BEFORE express.json() and other body parsers)
 * http.createServer(toNodeHandler(createProxy()));
 * app.use('/api/hidream', toNodeHandler(createProxy()));
 * // Next.js App Router: app/api/hidream/[...path]/route.ts
 * export const { GET, HEAD, POST, PUT, OPTIONS } = toNextJsHandler(createProxy());
 * // Hono
 * app.all('/api/hidream/*', toHonoHandler(createProxy()));
 * // Vite dev server and `vite preview` (vite.config.ts)
 * plugins: [hidreamVitePlugin()]   // serves /api/hidream
 * ```
 * Point the client at the mount point: `createClient({ baseUrl: '/api/hidream' })`, or the official SDK:
 * `new Client('unused', { baseUrl: 'http://localhost:8787' })` against `hidream-edit serve`.
 * Without `WAVESPEED_API_KEY` (and outside production) requests go to the local engine.
 * @module
 */
export { createProxy } from './create-proxy.js';
export type {
  ProxyOptions,
  ProxyRoutes,
  ProxyCorsOptions,
  ProxyLongPollOptions,
  ProxySubmitLimitOptions,
  UpstreamHandler,
} from './proxy-options.js';
export { ProxyError, type ProxyErrorBody } from './proxy-error.js';
export { toNodeHandler, type NodeHandler } from './adapters/to-node-handler.js';
export { toNextJsHandler, type NextJsHandlers } from './adapters/to-nextjs-handler.js';
export { toHonoHandler } from './adapters/to-hono-handler.js';
export { hidreamVitePlugin, type HidreamVitePluginOptions } from './adapters/hidream-vite-plugin.js';
export {
  verifyWebhook,
  WebhookError,
  type WebhookErrorCode,
  type WebhookDelivery,
  type VerifyWebhookOptions,
} from './verify-webhook.js';
