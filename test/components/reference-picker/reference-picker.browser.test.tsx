import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createDownscaler,
  downscaleImage,
  ReferencePicker,
  type ReferenceImage,
} from '../../../src/components/reference-picker/index.js';
import { fileOf, makePng, pngHeader } from '../../fixtures/png.js';
import { Picker } from './picker.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const items = () => within(screen.getByRole('list')).queryAllByRole('listitem');
const zone = () => screen.getByRole('button', { name: 'Drop images here' });

function transfer(files: File[]): DataTransfer {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return data;
}

function drag(type: string, target: Element, data: DataTransfer) {
  target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
}

/** A JPEG drawn in the browser: a gradient with noise (so it does not compress to nothing), left half red-ish, right half blue-ish. */
async function makeJpeg(width: number, height: number, quality = 0.9): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = 'rgb(220,30,30)';
  ctx.fillRect(0, 0, width / 2, height);
  ctx.fillStyle = 'rgb(30,30,220)';
  ctx.fillRect(width / 2, 0, width / 2, height);
  for (let i = 0; i < 400; i++) {
    ctx.fillStyle = `hsla(${(i * 37) % 360},70%,50%,0.15)`;
    ctx.fillRect((i * 7919) % width, (i * 104729) % height, width / 20, height / 20);
  }
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

/** Inserts an EXIF APP1 segment with the given orientation after the JFIF APP0 segment. */
async function withOrientation(jpeg: Blob, orientation: number): Promise<Blob> {
  const bytes = new Uint8Array(await jpeg.arrayBuffer());
  const app0End = bytes[2] === 0xff && bytes[3] === 0xe0 ? 4 + ((bytes[4]! << 8) | bytes[5]!) : 2;
  const exif = new Uint8Array([
    0xff, 0xe1, 0x00, 0x22, // APP1, length 34
    0x45, 0x78, 0x69, 0x66, 0x00, 0x00, // "Exif\0\0"
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, IFD at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, // Orientation SHORT
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ]);
  return new Blob([bytes.subarray(0, app0End), exif, bytes.subarray(app0End)], { type: 'image/jpeg' });
}

async function pixel(blob: Blob, x: number, y: number): Promise<[number, number, number]> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const [r, g, b] = ctx.getImageData(x, y, 1, 1).data;
  return [r!, g!, b!];
}

describe('ReferencePicker in Chromium: drop and paste', () => {
  it('shows the drag state and adds dropped files', async () => {
    const onValueChange = vi.fn();
    render(<Picker onValueChange={onValueChange} />);
    const files = [fileOf(makePng(6, 4), 'one.png'), fileOf(makePng(4, 6), 'two.png')];
    drag('dragenter', zone(), transfer(files));
    await waitFor(() => expect(zone()).toHaveAttribute('data-drag', 'accept'));
    drag('dragleave', zone(), transfer(files));
    await waitFor(() => expect(zone()).toHaveAttribute('data-drag', 'idle'));
    drag('dragenter', zone(), transfer([new File(['GIF89a'], 'x.gif', { type: 'image/gif' })]));
    await waitFor(() => expect(zone()).toHaveAttribute('data-drag', 'reject'));
    drag('dragleave', zone(), transfer([]));
    drag('dragenter', zone(), transfer(files));
    drag('dragover', zone(), transfer(files));
    drag('drop', zone(), transfer(files));
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(zone()).toHaveAttribute('data-drag', 'idle');
    expect(onValueChange.mock.lastCall![0].map((i: ReferenceImage) => [i.name, i.width, i.height])).toEqual([
      ['one.png', 6, 4],
      ['two.png', 4, 6],
    ]);
    const img = screen.getByRole('img', { name: 'one.png' }) as HTMLImageElement;
    await waitFor(() => expect(img.naturalWidth).toBe(6));
  });

  it('shows a rejection for a dropped file of the wrong type, never dropping it silently', async () => {
    const onReject = vi.fn();
    render(<Picker onReject={onReject} />);
    const data = transfer([new File(['GIF89a\x01\x00\x01\x00'], 'anim.gif', { type: 'image/gif' })]);
    drag('dragenter', zone(), data);
    drag('drop', zone(), data);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('anim.gif is not a PNG, JPEG or WebP image.'));
    expect(onReject.mock.lastCall![0][0].errors[0].code).toBe('unsupported_format');
  });

  it('adds an image pasted anywhere in the document', async () => {
    render(<Picker />);
    const data = transfer([fileOf(makePng(5, 5), 'clip.png')]);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(screen.getByRole('img', { name: 'clip.png' })).toBeInTheDocument();
  });

  it('adds a pasted image URL after loading it, and leaves text pasted into a field alone', async () => {
    render(
      <>
        <Picker />
        <textarea aria-label="Prompt" />
      </>,
    );
    const url = `${location.origin}/test/components/reference-picker/fixtures/linked.png`;
    const intoField = new DataTransfer();
    intoField.setData('text/plain', url);
    const fieldPaste = new ClipboardEvent('paste', { clipboardData: intoField, bubbles: true, cancelable: true });
    screen.getByRole('textbox', { name: 'Prompt' }).dispatchEvent(fieldPaste);
    expect(fieldPaste.defaultPrevented).toBe(false);
    const data = new DataTransfer();
    data.setData('text/plain', url);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(screen.getByRole('img', { name: 'linked.png' })).toHaveAttribute('src', url);
    expect(items()[0]!.style.getPropertyValue('--reference-aspect-ratio')).toBe('40 / 30');
  });

  it('rejects a URL that does not load', async () => {
    const onReject = vi.fn();
    render(<Picker onReject={onReject} />);
    const data = new DataTransfer();
    data.setData('text/plain', `${location.origin}/no-such-image-${Date.now()}.png`);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await waitFor(() => expect(onReject).toHaveBeenCalled(), { timeout: 5000 });
    expect(onReject.mock.lastCall![0][0].errors[0].code).toBe('url_unreachable');
  });
});

describe('ReferencePicker in Chromium: reorder by drag', () => {
  it('moves an item dropped on another one, and does not treat it as a file drop', async () => {
    render(<Picker />);
    drag('drop', zone(), transfer(['a', 'b', 'c'].map((n) => fileOf(makePng(4, 4), `${n}.png`))));
    await waitFor(() => expect(items()).toHaveLength(3));
    const data = new DataTransfer();
    drag('dragstart', items()[0]!, data);
    await waitFor(() => expect(items()[0]).toHaveAttribute('data-dragging', ''));
    expect(data.types).toContain('application/x-hidream-reference');
    drag('dragover', items()[2]!, data);
    expect(zone()).toHaveAttribute('data-drag', 'idle');
    drag('drop', items()[2]!, data);
    drag('dragend', items()[2]!, data);
    await waitFor(() => expect(items().map((li) => li.querySelector('img')!.alt)).toEqual(['b.png', 'c.png', 'a.png']));
    expect(items()[2]).not.toHaveAttribute('data-dragging');
    expect(screen.getByRole('status')).toHaveTextContent('Moved a.png to position 3 of 3');
  });

  it('keeps the browser from opening files dropped beside the dropzone', () => {
    render(<Picker />);
    const beside = new DragEvent('drop', { dataTransfer: transfer([fileOf(makePng(2, 2), 'x.png')]), bubbles: true, cancelable: true });
    document.body.dispatchEvent(beside);
    expect(beside.defaultPrevented).toBe(true);
    expect(items()).toHaveLength(0);
  });
});

describe('downscale in Chromium', () => {
  it('downscales a 24-megapixel JPEG to a 2048 long side in the Web Worker', async () => {
    const jpeg = await makeJpeg(6000, 4000);
    const result = await downscaleImage(jpeg);
    expect(result.via).toBe('worker');
    expect([result.width, result.height]).toEqual([2048, 1365]);
    expect(result.blob.type).toBe('image/jpeg');
    const bitmap = await createImageBitmap(result.blob);
    expect([bitmap.width, bitmap.height]).toEqual([2048, 1365]);
    expect(result.blob.size).toBeLessThan(jpeg.size);
  });

  it('passes an image within the limit through unchanged', async () => {
    const jpeg = await makeJpeg(1200, 800);
    const result = await downscaleImage(jpeg);
    expect(result).toMatchObject({ via: 'none', width: 1200, height: 800 });
    expect(result.blob).toBe(jpeg);
  });

  it('applies EXIF orientation while downscaling', async () => {
    const rotated = await withOrientation(await makeJpeg(300, 200, 0.95), 6);
    const result = await downscaleImage(rotated, { maxSide: 150 });
    expect(result.via).toBe('worker');
    expect([result.width, result.height]).toEqual([100, 150]);
    const bitmap = await createImageBitmap(result.blob, { imageOrientation: 'none' });
    expect([bitmap.width, bitmap.height]).toEqual([100, 150]);
    // Orientation 6 turns the stored image 90° clockwise: its red left half becomes the top.
    const top = await pixel(result.blob, 50, 20);
    const bottom = await pixel(result.blob, 50, 130);
    expect(top[0]).toBeGreaterThan(top[2]);
    expect(bottom[2]).toBeGreaterThan(bottom[0]);
  });

  it('falls back to the main thread when the worker cannot start (e.g. CSP)', async () => {
    class BlockedWorker {
      onerror: ((e: { preventDefault(): void }) => void) | null = null;
      onmessage = null;
      constructor() {
        setTimeout(() => this.onerror?.({ preventDefault() {} }), 5);
      }
      postMessage() {}
      terminate() {}
    }
    vi.stubGlobal('Worker', BlockedWorker);
    const downscaler = createDownscaler();
    const jpeg = await makeJpeg(3000, 2000);
    const result = await downscaler.run(jpeg, { width: 1500, height: 1000, type: 'image/webp', quality: 0.8 });
    expect(result).toMatchObject({ via: 'main-thread', width: 1500, height: 1000 });
    expect(result.blob.type).toBe('image/webp');
    downscaler.dispose();
  });

  it('downscales a large photo added to the picker, marking it processing then ready', async () => {
    const onValueChange = vi.fn();
    render(<Picker onValueChange={onValueChange} />);
    const big = new File([await makeJpeg(6000, 4000)], 'holiday.jpg', { type: 'image/jpeg' });
    const data = transfer([big]);
    drag('drop', zone(), data);
    await waitFor(() => expect(items()[0]).toHaveAttribute('data-status', 'processing'));
    await waitFor(() => expect(items()[0]).toHaveAttribute('data-status', 'ready'), { timeout: 10_000 });
    const [ref] = onValueChange.mock.lastCall![0] as ReferenceImage[];
    expect(ref).toMatchObject({ name: 'holiday.jpg', width: 2048, height: 1365, downscaled: true, originalWidth: 6000, originalHeight: 4000, format: 'jpeg' });
    expect(ref!.source).toBeInstanceOf(File);
    expect((ref!.source as File).size).toBe(ref!.bytes);
    expect(items()[0]).toHaveAttribute('data-downscaled', '');
  });
});

describe('undecodable images in Chromium', () => {
  it('rejects a large image whose header reads but whose pixels do not decode', async () => {
    const onReject = vi.fn();
    render(<Picker onReject={onReject} />);
    drag('drop', zone(), transfer([fileOf(pngHeader(4000, 3000), 'broken.png')]));
    await waitFor(() => expect(onReject).toHaveBeenCalled(), { timeout: 10_000 });
    expect(onReject.mock.lastCall![0][0].errors[0].code).toBe('corrupt_image');
    expect(screen.getByRole('alert')).toHaveTextContent('broken.png could not be read');
    await waitFor(() => expect(items()).toHaveLength(0));
  });
});

describe('object URLs in Chromium', () => {
  it('revokes every object URL it creates: on remove, on replace (downscale) and on unmount', async () => {
    const create = vi.spyOn(URL, 'createObjectURL');
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const onValueChange = vi.fn();
    const { unmount } = render(<Picker onValueChange={onValueChange} />);
    const small = fileOf(makePng(8, 8), 'small.png');
    const big = new File([await makeJpeg(4000, 3000)], 'big.jpg', { type: 'image/jpeg' });
    drag('drop', zone(), transfer([small, big]));
    await waitFor(() => expect(items()).toHaveLength(2));
    const first = onValueChange.mock.calls[0]![0] as ReferenceImage[];
    const [smallUrl, bigOriginalUrl] = first.map((i) => i.previewUrl);
    await waitFor(() => expect(items()[1]).toHaveAttribute('data-status', 'ready'), { timeout: 10_000 });
    await waitFor(() => expect(revoke).toHaveBeenCalledWith(bigOriginalUrl));
    expect(revoke).not.toHaveBeenCalledWith(smallUrl);

    screen.getByRole('button', { name: 'Remove small.png' }).click();
    await waitFor(() => expect(revoke).toHaveBeenCalledWith(smallUrl));

    unmount();
    await act(() => new Promise((r) => setTimeout(r, 0)));
    const createdUrls = create.mock.results.map((r) => r.value as string);
    const revokedUrls = revoke.mock.calls.map((c) => c[0]);
    expect(createdUrls.length).toBeGreaterThanOrEqual(4); // two previews, the downscaled preview, the worker script
    expect(new Set(revokedUrls)).toEqual(new Set(createdUrls));
  });
});
