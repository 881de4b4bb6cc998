/** A `Retry-After` header (seconds or an HTTP date) in milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  const ms = /^\s*\d+(\.\d+)?\s*$/.test(value!) ? +value! * 1000 : Date.parse(value!) - Date.now();
  return ms < 0 ? 0 : ms >= 0 ? ms : undefined;
}
