/** An `http(s)` URL as a string, or null when `text` is not one. Data URIs are handled as files instead. */
export function parseImageUrl(text: string): string | null {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.hostname ? url.href : null;
  } catch {
    return null;
  }
}

/** The last path segment of a URL, for display. */
export function nameFromUrl(url: string): string {
  try {
    const { pathname, hostname } = new URL(url);
    const last = decodeURIComponent(pathname.split('/').filter(Boolean).pop() ?? '');
    return last || hostname;
  } catch {
    return url;
  }
}

/**
 * Loads `url` in an `Image` to check it is reachable and learn its size; rejects after `timeout` ms.
 * (Only the browser's image loader is used: no `fetch`, so no CORS requirement on the image host.)
 */
export function probeImageUrl(url: string, timeout: number): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    if (typeof Image !== 'function') return reject(new Error('No image loader.'));
    const img = new Image();
    const done = (ok: boolean) => {
      clearTimeout(timer);
      img.onload = img.onerror = null;
      if (ok && img.naturalWidth > 0) resolve({ width: img.naturalWidth, height: img.naturalHeight });
      else reject(new Error(`Could not load ${url}`));
      if (!ok) img.src = '';
    };
    const timer = setTimeout(() => done(false), timeout);
    img.onload = () => done(true);
    img.onerror = () => done(false);
    img.decoding = 'async';
    img.referrerPolicy = 'no-referrer';
    img.src = url;
  });
}
