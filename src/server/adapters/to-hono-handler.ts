/** The part of a Hono `Context` the adapter uses. */
export interface HonoContextLike {
  req: { raw: Request };
}

/** A Hono handler over a web-standard handler: `app.all('/api/hidream/*', toHonoHandler(createProxy()))`. */
export function toHonoHandler(handler: (request: Request) => Promise<Response>): (c: HonoContextLike) => Promise<Response> {
  return (c) => handler(c.req.raw);
}
