import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/core/index.js';
import { createCanvasImaging, createDefaultImaging, createLocalEngine } from '../../src/engine/index.js';

const MODEL = 'wavespeed-ai/hidream-o1-image-dev/edit';

/** A 64×48 PNG: left half red, right half blue, drawn by the browser itself. */
async function photo(): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(64, 48);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ff0000';
  ctx.fillRect(0, 0, 32, 48);
  ctx.fillStyle = '#0000ff';
  ctx.fillRect(32, 0, 32, 48);
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
}

function toDataUri(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/png;base64,${btoa(binary)}`;
}

describe('canvas imaging in Chromium', () => {
  it('is the default where OffscreenCanvas exists', () => {
    expect(createDefaultImaging().name).toBe('canvas');
  });

  it('decodes to straight RGBA, resizes, and encodes png, jpeg and webp', async () => {
    const imaging = createCanvasImaging();
    const img = await imaging.decode(await photo());
    expect([img.width, img.height]).toEqual([64, 48]);
    expect(Array.from(img.data.subarray(0, 4))).toEqual([255, 0, 0, 255]);
    expect(Array.from(img.data.subarray((10 * 64 + 60) * 4, (10 * 64 + 60) * 4 + 4))).toEqual([0, 0, 255, 255]);
    const small = await imaging.resize(img, 16, 12);
    expect([small.width, small.height, small.data.length]).toEqual([16, 12, 16 * 12 * 4]);
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      expect(sniffImage(await imaging.encode(small, format))).toMatchObject({ format, width: 16, height: 12 });
    }
    const roundTrip = await imaging.decode(await imaging.encode(img, 'png'));
    expect(roundTrip.data).toEqual(img.data);
  });

  it('the engine completes an edit in the browser and serves the output', async () => {
    const engine = createLocalEngine({ latency: 0, maxOutputSide: 128, random: 5 });
    try {
      const res = await engine(
        new Request(`${location.origin}/api/v3/${MODEL}`, {
          method: 'POST',
          body: JSON.stringify({ prompt: 'mirror it', images: [toDataUri(await photo())], size: '2048*1536', output_format: 'png', seed: 1, enable_sync_mode: true }),
        }),
      );
      const { data } = await res.json();
      expect(data.status).toBe('completed');
      expect(data.engine).toMatchObject({ imaging: 'canvas', output_size: '128*96', operations: ['mirror'] });
      const file = await engine(new Request(data.outputs[0]));
      expect(file.headers.get('content-type')).toBe('image/png');
      const out = await createCanvasImaging().decode(new Uint8Array(await file.arrayBuffer()));
      // Mirrored: blue on the left now, red on the right (give or take the seed's tint and grain).
      const left = out.data.subarray((48 * 128 + 5) * 4);
      const right = out.data.subarray((48 * 128 + 122) * 4);
      expect(left[2]!).toBeGreaterThan(200);
      expect(left[0]!).toBeLessThan(60);
      expect(right[0]!).toBeGreaterThan(200);
      expect(right[2]!).toBeLessThan(60);
    } finally {
      engine.close();
    }
  });

  it('the same seed gives byte-identical output in the browser too, and a background change works', async () => {
    const engine = createLocalEngine({ latency: 0, maxOutputSide: 96, random: 5 });
    const run = async (prompt: string, seed: number) => {
      const res = await engine(
        new Request(`${location.origin}/api/v3/${MODEL}`, {
          method: 'POST',
          body: JSON.stringify({ prompt, images: [toDataUri(await photo())], output_format: 'webp', seed, enable_sync_mode: true, enable_base64_output: true }),
        }),
      );
      return (await res.json()).data.outputs[0] as string;
    };
    try {
      const a = await run('sepia', 11);
      expect(await run('sepia', 11)).toBe(a);
      expect(await run('sepia', 12)).not.toBe(a);
      const bytes = Uint8Array.from(atob(await run('make the background white', 11)), (c) => c.charCodeAt(0));
      expect(sniffImage(bytes)).toMatchObject({ format: 'webp', width: 96, height: 96 });
    } finally {
      engine.close();
    }
  });
});
