/**
 * Decodes a base64 `data:` URI. Returns null for anything else, including `data:` URIs that are not
 * base64-encoded and base64 that does not decode. The MIME type is lower-cased.
 */
export function decodeDataUri(uri: string): { mimeType: string; bytes: Uint8Array } | null {
  // The MIME type, any parameters, and `;base64` last before the comma. Each parameter starts with `;` and holds
  // no `;` or `,`, so the match is linear even on a long string that is not a data URI.
  const m = /^data:([^;,]*)(?:;[^;,]*)*;\s*base64\s*,/i.exec(uri);
  try {
    // No match throws here too.
    const s = atob(uri.slice(m![0].length));
    const bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return { mimeType: m![1]!.trim().toLowerCase() || 'text/plain', bytes };
  } catch {
    return null;
  }
}
