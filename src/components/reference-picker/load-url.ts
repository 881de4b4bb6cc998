/** An `http(s)` URL as a string, or null when `text` is not one. Data URIs are handled as files instead. */
export function parseImageUrl(text: string): string | null {
  const trimmed = text.trim();
  try {
    return /^https?:\/\//i.test(trimmed) ? new URL(trimmed).href : null;
  } catch {
    return null;
  }
}

/** The last path segment of a URL, for display. */
export function nameFromUrl(url: string): string {
  try {
    const { pathname, hostname } = new URL(url);
    return decodeURIComponent(pathname.split('/').filter(Boolean).pop() ?? '') || hostname;
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
    const img = new Image();
    const done = () => {
      clearTimeout(timer);
      img.onload = img.onerror = null;
      const { naturalWidth: width, naturalHeight: height } = img;
      if (width) resolve({ width, height });
      else {
        img.src = '';
        reject(new Error(`Could not load ${url}`));
      }
    };
    const timer = setTimeout(done, timeout);
    img.onload = img.onerror = done;
    img.referrerPolicy = 'no-referrer';
    img.src = url;
  });
}
