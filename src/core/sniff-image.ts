import type { ImageInfo } from './types.js';

// What the first bytes say: a format we read, by its name in one word (its `format` is the lower case), or how
// to name one we recognise and refuse, in more words.
const KINDS: [RegExp, string][] = [
  [/^\x89PNG\r\n\x1a\n/, 'PNG'],
  [/^\xff\xd8\xff/, 'JPEG'],
  [/^RIFF....WEBP/s, 'WebP'],
  [/^GIF8/, 'a GIF'],
  [/^(\xef\xbb\xbf)?\s*</, 'SVG or HTML'],
  [/^....ftyp(hei|hev|mif|avi)/s, 'HEIC or AVIF'],
];

/** `n` bytes from `i` as a string, one char per byte. */
const chars = (bytes: Uint8Array, i: number, n: number) => String.fromCharCode(...bytes.subarray(i, i + n));

/** The kind of file its magic bytes announce: `PNG`, `JPEG`, `WebP`, a phrase such as "a GIF", or undefined. */
export const imageKind = (bytes: Uint8Array): string | undefined => KINDS.find(([re]) => re.test(chars(bytes, 0, 16)))?.[1];

/**
 * Reads format, stored dimensions and EXIF orientation from an image's header, without decoding it.
 * Returns null for anything but PNG, JPEG and WebP, and for truncated or unreadable headers (or zero sides).
 */
export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  const format = imageKind(bytes)?.toLowerCase() as ImageInfo['format'];
  // An unsigned integer of `n` bytes at `i`; NaN past the end, which makes every later check fail.
  const read = (i: number, n = 2, le?: boolean) => {
    let v = 0;
    for (let k = 0; k < n; k++) v = v * 256 + bytes[le ? i + n - 1 - k : i + k]!;
    return v;
  };
  const chunk = chars(bytes, 12, 4);
  let width = 0;
  let height = 0;
  let orientation = 1;
  if (format == 'png') {
    if (chunk == 'IHDR') {
      width = read(16, 4);
      height = read(20, 4);
    }
  } else if (format == 'webp') {
    if (chunk == 'VP8 ' && read(23, 3) == 0x9d012a) {
      // lossy: start code, then 14-bit sides
      width = read(26, 2, true) % 16384;
      height = read(28, 2, true) % 16384;
    } else if (chunk == 'VP8L' && bytes[20] == 0x2f) {
      // lossless: signature, then 14-bit sides minus one
      const bits = read(21, 4, true);
      width = (bits % 16384) + 1;
      height = ((bits >>> 14) % 16384) + 1;
    } else if (chunk == 'VP8X') {
      // extended: 24-bit canvas sides minus one
      width = read(24, 3, true) + 1;
      height = read(27, 3, true) + 1;
    }
  } else if (format == 'jpeg') {
    for (let i = 2; bytes[i] == 0xff; ) {
      const m = bytes[i + 1]!;
      if (m == 0xff) i++; // fill byte
      else if (m == 1 || (m ^ 0xd0) < 9) i += 2; // TEM, RST0..7, SOI: no length
      else if ((m ^ 0xd0) < 11) break; // EOI or SOS: the image ended or its data began before any frame header
      else if (m >> 4 == 0xc && (m % 4 || m == 0xc0)) {
        // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC)
        height = read(i + 5);
        width = read(i + 7);
        break;
      } else {
        if (m == 0xe1 && chars(bytes, i + 4, 4) == 'Exif' && orientation == 1) {
          // APP1 "Exif": a TIFF block, "II" little-endian or "MM" big-endian; IFD0 entry 0x112 is the orientation
          const t = i + 10;
          const le = bytes[t] == 0x49;
          const ifd = t + read(t + 4, 4, le);
          for (let k = 0, n = read(ifd, 2, le); k < n && (le || bytes[t] == 0x4d); k++) {
            if (read(ifd + 2 + k * 12, 2, le) == 0x112) {
              const o = read(ifd + 10 + k * 12, 2, le);
              if (o > 0 && o < 9) orientation = o;
              break;
            }
          }
        }
        i += 2 + read(i + 2);
      }
    }
  }
  return width && height ? { format, width, height, orientation } : null;
}

/** The displayed size: EXIF orientations 5..8 swap width and height. */
export function orientedSize(info: ImageInfo): { width: number; height: number } {
  return info.orientation > 4 ? { width: info.height, height: info.width } : { width: info.width, height: info.height };
}
