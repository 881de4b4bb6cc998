import type { OutputFormat } from '../../core/types.js';

/** How the base64 of a PNG, a JPEG and a WebP (RIFF) file begins. */
const BASE64_MAGIC: [string, OutputFormat][] = [['iVBOR', 'png'], ['/9j/', 'jpeg'], ['UklGR', 'webp']];

/** The format of an output from its first bytes, or of a bare base64 output from its first characters. */
export function outputFormat(output: string | Uint8Array): OutputFormat | undefined {
  const base64 = typeof output === 'string' ? output : btoa(String.fromCharCode(...output.subarray(0, 6)));
  return BASE64_MAGIC.find(([magic]) => base64.startsWith(magic))?.[1];
}

/**
 * Something an `<img>` can show and `fetch` can read: URLs are kept, bare base64 strings (what
 * `enable_base64_output` returns) become `data:` URIs.
 */
export function outputSrc(output: string, format: OutputFormat = 'jpeg'): string {
  if (/^(https?:|blob:|data:|\/|\.)/i.test(output)) return output;
  return `data:image/${outputFormat(output) ?? format};base64,${output}`;
}

/** `hidream-edit-<id>.<jpeg|png|webp>`. */
export function outputFileName(id: string | undefined, format: OutputFormat): string {
  return `hidream-edit-${(id ?? 'result').replace(/[^\w-]/g, '')}.${format}`;
}

/** Clicks a temporary `<a download>` (in a new tab when the browser ignores `download`, e.g. cross-origin). */
export function clickDownload(href: string, fileName: string, newTab = false): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  if (newTab) {
    a.target = '_blank';
    a.rel = 'noopener';
  }
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}

/** Saves a blob under a file name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  clickDownload(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
