import { sniffImage, type HidreamClient } from '../core/index.js';

/** A reference image as an edit request may hold it: a URL or data URI, or a `File`/`Blob` still to send. */
export type EditImage = string | Blob;

/** How `File`/`Blob` references are sent: uploaded first (`upload`) or inlined as base64 data URIs (`data-uri`). */
export type ImageTransport = 'upload' | 'data-uri';

/** Bytes of `File`/`Blob` references sent so far, summed over all of them. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface ResolveImagesOptions {
  /** @default "upload" */
  mode?: ImageTransport;
  signal?: AbortSignal;
  onProgress?(progress: UploadProgress): void;
}

const IMAGE_MIME = /^image\/(png|jpeg|webp)$/;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function readBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return new Uint8Array(await blob.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** Reads a `Blob` into a `data:image/...;base64,` URI, taking the type from its bytes when `blob.type` is not an image type. */
export async function blobToDataUri(blob: Blob): Promise<string> {
  const bytes = await readBytes(blob);
  const sniffed = sniffImage(bytes);
  const type = IMAGE_MIME.test(blob.type) ? blob.type : sniffed ? `image/${sniffed.format}` : blob.type || 'application/octet-stream';
  return `data:${type};base64,${toBase64(bytes)}`;
}

/**
 * Turns every `File`/`Blob` in `images` into a string the API accepts, keeping order and leaving strings as they
 * are: uploads them in parallel with `client.upload` (reporting summed progress), or reads them into data URIs.
 */
export async function resolveImages(
  client: HidreamClient,
  images: readonly EditImage[],
  { mode = 'upload', signal, onProgress }: ResolveImagesOptions = {},
): Promise<string[]> {
  signal?.throwIfAborted();
  const blobs = images.filter((image): image is Blob => typeof image !== 'string');
  const total = blobs.reduce((sum, blob) => sum + blob.size, 0);
  const loaded = new Map<Blob, number>();
  const report = () => onProgress?.({ loaded: [...loaded.values()].reduce((a, b) => a + b, 0), total });
  if (blobs.length > 0) report();
  return Promise.all(
    images.map(async (image) => {
      if (typeof image === 'string') return image;
      const url =
        mode === 'data-uri'
          ? await blobToDataUri(image)
          : await client.upload(image, {
              signal,
              filename: 'name' in image && typeof image.name === 'string' ? image.name : undefined,
              onProgress: ({ loaded: bytes }) => {
                loaded.set(image, Math.min(bytes, image.size));
                report();
              },
            });
      signal?.throwIfAborted();
      loaded.set(image, image.size);
      report();
      return url;
    }),
  );
}
