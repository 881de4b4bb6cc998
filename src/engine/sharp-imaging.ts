import type { OutputFormat } from '../core/types.js';
import { DEFAULT_QUALITY, type EncodeOptions, type Imaging, type RgbaImage } from './imaging.js';

type SharpModule = typeof import('sharp');
type SharpFactory = SharpModule['default'];

let loading: Promise<SharpFactory> | undefined;

/** Imports sharp once; rejects where it is not installed or cannot run (browsers, edge runtimes). */
export function loadSharp(): Promise<SharpFactory> {
  // A variable specifier keeps bundlers from following sharp (a native Node module) into browser builds.
  const specifier = 'sharp';
  loading ??= (import(/* @vite-ignore */ specifier) as Promise<SharpModule>).then(
    (m) => m.default ?? (m as unknown as SharpFactory),
    (error: unknown) => {
      loading = undefined; // installed later: try again
      throw error;
    },
  );
  return loading;
}

function toImage(data: Buffer, width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

/**
 * A Node Buffer view of any byte array, so sharp accepts arrays from another realm (jsdom, vm) or a
 * `Uint8ClampedArray`, without copying.
 */
function bufferOf(bytes: Uint8Array | Uint8ClampedArray): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function raw(image: RgbaImage) {
  return { raw: { width: image.width, height: image.height, channels: 4 as const } };
}

/**
 * Imaging with sharp (libvips), for Node. sharp is imported on first use, so importing this module is safe in a
 * browser bundle.
 */
export function createSharpImaging(): Imaging {
  return {
    name: 'sharp',
    async decode(bytes) {
      const sharp = await loadSharp();
      const { data, info } = await sharp(bufferOf(bytes), { failOn: 'error', limitInputPixels: 128 * 1024 * 1024 })
        .rotate()
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return toImage(data, info.width, info.height);
    },
    async encode(image: RgbaImage, format: OutputFormat, options: EncodeOptions = {}) {
      const sharp = await loadSharp();
      const quality = options.quality ?? DEFAULT_QUALITY;
      const pipeline = sharp(bufferOf(image.data), raw(image));
      const encoded =
        format === 'png'
          ? pipeline.png({ compressionLevel: 6 })
          : format === 'webp'
            ? pipeline.webp({ quality, effort: 2 })
            : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: false });
      const out = await encoded.toBuffer();
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    },
    async resize(image, width, height) {
      if (image.width === width && image.height === height) return image;
      const sharp = await loadSharp();
      const { data, info } = await sharp(bufferOf(image.data), raw(image))
        .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      return toImage(data, info.width, info.height);
    },
  };
}
