/** Parses a strict `"W*H"` size (1 to 5 digits each side, nothing else). Returns null otherwise. */
export function parseSize(size: string): { width: number; height: number } | null {
  const m = /^(\d{1,5})\*(\d{1,5})$/.exec(size);
  return m ? { width: +m[1]!, height: +m[2]! } : null;
}

/** Formats a size the way the API takes it: `"W*H"`. */
export function formatSize(width: number, height: number): string {
  return `${width}*${height}`;
}
