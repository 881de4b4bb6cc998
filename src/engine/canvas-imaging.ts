import type { OutputFormat } from '../core/types.js';
import { DEFAULT_QUALITY, mimeTypeOf, type EncodeOptions, type Imaging, type RgbaImage } from './imaging.js';

function context(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('OffscreenCanvas 2D context is not available.');
  return ctx;
}

function toCanvas(image: RgbaImage): OffscreenCanvas {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const data = new ImageData(new Uint8ClampedArray(image.data), image.width, image.height);
  context(canvas).putImageData(data, 0, 0);
  return canvas;
}

function read(canvas: OffscreenCanvas): RgbaImage {
  const { width, height } = canvas;
  return { width, height, data: context(canvas).getImageData(0, 0, width, height).data };
}

/**
 * Imaging with `createImageBitmap` and `OffscreenCanvas`, for browsers, web workers and service workers.
 * Encoding goes through `convertToBlob`; WebP output needs a browser that encodes WebP (Chromium, Firefox).
 */
export function createCanvasImaging(): Imaging {
  return {
    name: 'canvas',
    async decode(bytes) {
      const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]), { imageOrientation: 'from-image', premultiplyAlpha: 'none' });
      try {
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        context(canvas).drawImage(bitmap, 0, 0);
        return read(canvas);
      } finally {
        bitmap.close();
      }
    },
    async encode(image: RgbaImage, format: OutputFormat, options: EncodeOptions = {}) {
      let canvas = toCanvas(image);
      if (format === 'jpeg') {
        const flat = new OffscreenCanvas(image.width, image.height);
        const ctx = context(flat);
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, image.width, image.height);
        ctx.drawImage(canvas, 0, 0);
        canvas = flat;
      }
      const type = mimeTypeOf(format);
      const blob = await canvas.convertToBlob({ type, quality: (options.quality ?? DEFAULT_QUALITY) / 100 });
      if (blob.type !== type) throw new Error(`This browser cannot encode ${format} images.`);
      return new Uint8Array(await blob.arrayBuffer());
    },
    async resize(image, width, height) {
      if (image.width === width && image.height === height) return image;
      const source = toCanvas(image);
      const canvas = new OffscreenCanvas(width, height);
      const ctx = context(canvas);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(source, 0, 0, width, height);
      return read(canvas);
    },
  };
}
