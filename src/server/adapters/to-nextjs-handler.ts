type Handler = (request: Request) => Promise<Response>;

/** Route handlers for `app/api/hidream/[...path]/route.ts`. */
export interface NextJsHandlers {
  GET: Handler;
  HEAD: Handler;
  POST: Handler;
  PUT: Handler;
  OPTIONS: Handler;
}

/**
 * Next.js App Router route handlers over a web-standard handler:
 * `export const { GET, POST, PUT, OPTIONS } = toNextJsHandler(createProxy())` in
 * `app/api/hidream/[...path]/route.ts` (set `export const dynamic = 'force-dynamic'`). Runs on the Node.js and
 * the edge runtime; on the edge, set a key (the local engine needs Node).
 */
export function toNextJsHandler(handler: Handler): NextJsHandlers {
  const route: Handler = (request) => handler(request);
  return { GET: route, HEAD: route, POST: route, PUT: route, OPTIONS: route };
}
