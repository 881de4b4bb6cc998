/**
 * Decodes a base64 `data:` URI. Returns null for anything else, including `data:` URIs that are not
 * base64-encoded and base64 that does not decode. The MIME type is lower-cased.
 */
export function decodeDataUri(uri: string): { mimeType: string; bytes: Uint8Array } | null {
  const comma = uri.indexOf(',');
  const params = uri.slice(0, comma).toLowerCase().split(';');
  if (comma < 0 || !params[0]!.startsWith('data:') || params.pop()!.trim() != 'base64') return null;
  try {
    const s = atob(uri.slice(comma + 1));
    const bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return { mimeType: params[0]!.slice(5).trim() || 'text/plain', bytes };
  } catch {
    return null;
  }
}
