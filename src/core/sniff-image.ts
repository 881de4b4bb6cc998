import type { ImageInfo } from './types.js';

/** The format announced by the magic bytes alone, or undefined for anything but PNG, JPEG and WebP. */
export function imageFormat(bytes: Uint8Array): ImageInfo['format'] | undefined {
  const s = String.fromCharCode(...bytes.subarray(0, 12));
  if (s.startsWith('\x89PNG\r\n\x1a\n')) return 'png';
  if (s.startsWith('\xff\xd8\xff')) return 'jpeg';
  if (s.startsWith('RIFF') && s.slice(8) == 'WEBP') return 'webp';
}

/** The EXIF orientation in the TIFF block starting at `t`, or 1. */
function exifOrientation(v: DataView, t: number): number {
  try {
    const le = v.getUint16(t) == 0x4949;
    if (!le && v.getUint16(t) != 0x4d4d) return 1;
    const ifd = t + v.getUint32(t + 4, le);
    for (let k = 0, n = v.getUint16(ifd, le); k < n; k++) {
      const e = ifd + 2 + k * 12;
      if (v.getUint16(e, le) == 0x112) {
        const o = v.getUint16(e + 8, le);
        return o >= 1 && o <= 8 ? o : 1;
      }
    }
  } catch {
    // A damaged EXIF block only loses the orientation.
  }
  return 1;
}

/**
 * Reads format, stored dimensions and EXIF orientation from an image's header, without decoding it.
 * Returns null for anything but PNG, JPEG and WebP, and for truncated or unreadable headers (or zero sides).
 */
export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  const format = imageFormat(bytes);
  if (!format) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let orientation = 1;
  // Every read past the end throws a RangeError: a truncated header is unreadable.
  try {
    if (format == 'png') {
      if (v.getUint32(12) != 0x49484452) return null; // IHDR
      width = v.getUint32(16);
      height = v.getUint32(20);
    } else if (format == 'webp') {
      const chunk = v.getUint32(12);
      if (chunk == 0x56503820) {
        // 'VP8 ': lossy keyframe, start code 9d 01 2a then 14-bit sides
        if (v.getUint16(23) != 0x9d01 || v.getUint8(25) != 0x2a) return null;
        width = v.getUint16(26, true) & 0x3fff;
        height = v.getUint16(28, true) & 0x3fff;
      } else if (chunk == 0x5650384c) {
        // 'VP8L': lossless, signature 2f then 14-bit sides minus one
        if (v.getUint8(20) != 0x2f) return null;
        const bits = v.getUint32(21, true);
        width = (bits & 0x3fff) + 1;
        height = ((bits >>> 14) & 0x3fff) + 1;
      } else if (chunk == 0x56503858) {
        // 'VP8X': extended, 24-bit canvas sides minus one
        width = (v.getUint32(24, true) & 0xffffff) + 1;
        height = (v.getUint32(26, true) >>> 8) + 1;
      } else return null;
    } else {
      for (let i = 2; ; ) {
        if (v.getUint8(i) != 0xff) return null;
        const m = v.getUint8(i + 1);
        if (m == 0xff) i++; // fill byte
        else if (m == 0xd8 || m == 1 || (m >= 0xd0 && m <= 0xd7)) i += 2; // markers without a length
        else if (m == 0xd9 || m == 0xda) return null; // image ended or data began before any frame header
        else {
          // SOF0..SOF15, except DHT (c4), JPG (c8) and DAC (cc)
          if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
            height = v.getUint16(i + 5);
            width = v.getUint16(i + 7);
            break;
          }
          if (m == 0xe1 && v.getUint32(i + 4) == 0x45786966 && orientation == 1) orientation = exifOrientation(v, i + 10);
          const length = v.getUint16(i + 2);
          if (length < 2) return null;
          i += 2 + length;
        }
      }
    }
  } catch {
    return null;
  }
  return width && height ? { format, width, height, orientation } : null;
}

/** The displayed size: EXIF orientations 5..8 swap width and height. */
export function orientedSize(info: ImageInfo): { width: number; height: number } {
  return info.orientation > 4 ? { width: info.height, height: info.width } : { width: info.width, height: info.height };
}
