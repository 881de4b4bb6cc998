import type { ImageInfo } from './types.js';

/** The format announced by the magic bytes alone, or undefined for anything but PNG, JPEG and WebP. */
export function imageFormat(bytes: Uint8Array): ImageInfo['format'] | undefined {
  const s = String.fromCharCode(...bytes.subarray(0, 12));
  return s.startsWith('\x89PNG\r\n\x1a\n') ? 'png' : s.startsWith('\xff\xd8\xff') ? 'jpeg' : /^RIFF....WEBP/s.test(s) ? 'webp' : undefined;
}

/**
 * Reads format, stored dimensions and EXIF orientation from an image's header, without decoding it.
 * Returns null for anything but PNG, JPEG and WebP, and for truncated or unreadable headers (or zero sides).
 */
export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  const format = imageFormat(bytes);
  // An unsigned integer of `n` bytes at `i`; NaN past the end, which makes every later check fail.
  const read = (i: number, n = 2, le?: boolean) => {
    let v = 0;
    for (let k = 0; k < n; k++) v = v * 256 + bytes[le ? i + n - 1 - k : i + k]!;
    return v;
  };
  let width = 0;
  let height = 0;
  let orientation = 1;
  if (format == 'png') {
    if (read(12, 4) == 0x49484452) {
      // IHDR
      width = read(16, 4);
      height = read(20, 4);
    }
  } else if (format == 'webp') {
    const chunk = read(12, 4);
    if (chunk == 0x56503820 && read(23, 3) == 0x9d012a) {
      // 'VP8 ' (lossy): start code, then 14-bit sides
      width = read(26, 2, true) % 16384;
      height = read(28, 2, true) % 16384;
    } else if (chunk == 0x5650384c && bytes[20] == 0x2f) {
      // 'VP8L' (lossless): signature, then 14-bit sides minus one
      const bits = read(21, 4, true);
      width = (bits % 16384) + 1;
      height = ((bits >>> 14) % 16384) + 1;
    } else if (chunk == 0x56503858) {
      // 'VP8X' (extended): 24-bit canvas sides minus one
      width = read(24, 3, true) + 1;
      height = read(27, 3, true) + 1;
    }
  } else if (format) {
    for (let i = 2; bytes[i] == 0xff; ) {
      const m = bytes[i + 1]!;
      if (m == 0xff) i++; // fill byte
      else if (m == 0xd8 || m == 1 || m >> 3 == 0x1a) i += 2; // SOI, TEM, RST0..7: no length
      else if (m == 0xd9 || m == 0xda) break; // the image ended or its data began before any frame header
      else if (m >> 4 == 0xc && m != 0xc4 && m != 0xc8 && m != 0xcc) {
        // SOF0..SOF15, except DHT, JPG and DAC
        height = read(i + 5);
        width = read(i + 7);
        break;
      } else {
        if (m == 0xe1 && read(i + 4, 4) == 0x45786966 && orientation == 1) {
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
  return width && height ? { format: format!, width, height, orientation } : null;
}

/** The displayed size: EXIF orientations 5..8 swap width and height. */
export function orientedSize(info: ImageInfo): { width: number; height: number } {
  return info.orientation > 4 ? { width: info.height, height: info.width } : { width: info.width, height: info.height };
}
