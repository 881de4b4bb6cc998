import { sniffImage, snapSize } from '../../src/core/index.js';
import { insetLayout } from '../../src/engine/operations/compose-references.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../../src/engine/index.js';
import { dataUri, editSync, outputBytes, rawPixels, testEngine, testPhoto } from './helpers.js';

type Pixels = Awaited<ReturnType<typeof rawPixels>>;

let engine: LocalEngine;
let photo: string;
let base: Pixels;
const SEED = 1234;

async function edit(prompt: string, extra: Record<string, unknown> = {}): Promise<Pixels> {
  const p = await editSync(engine, { prompt, images: [photo], output_format: 'png', seed: SEED, ...extra });
  expect(p.status, p.error).toBe('completed');
  return rawPixels(await outputBytes(engine, p));
}

const px = (img: Pixels, x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3));
const mean = (img: Pixels, channel: number) => {
  let sum = 0;
  for (let i = channel; i < img.data.length; i += 4) sum += img.data[i]!;
  return sum / (img.data.length / 4);
};
/** Mean absolute difference between horizontal neighbours: high for sharp detail, low for blur. */
const detail = (img: Pixels) => {
  let sum = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 1; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      sum += Math.abs(img.data[i]! - img.data[i - 4]!) + Math.abs(img.data[i + 1]! - img.data[i - 3]!);
    }
  }
  return sum / (img.width * img.height);
};

beforeAll(async () => {
  engine = testEngine();
  photo = dataUri(await testPhoto());
  base = await edit('keep everything the same');
});
afterAll(() => engine.close());

describe('each documented operation changes the pixels as named', () => {
  it('black and white: R = G = B everywhere', async () => {
    const out = await edit('Make it black and white');
    let coloured = 0;
    for (let i = 0; i < out.data.length; i += 4) if (out.data[i] !== out.data[i + 1] || out.data[i + 1] !== out.data[i + 2]) coloured++;
    expect(coloured).toBe(0);
    expect(mean(base, 0)).not.toBe(mean(base, 2));
  });

  it('invert: every channel is 255 − the unedited value', async () => {
    const out = await edit('invert the colors');
    let wrong = 0;
    for (let i = 0; i < out.data.length; i++) if (i % 4 !== 3 && out.data[i] !== 255 - base.data[i]!) wrong++;
    expect(wrong).toBe(0);
    expect(out.data.length).toBe(256 * 256 * 4);
  });

  it('mirror: columns swapped; flip: rows swapped', async () => {
    const mirrored = await edit('mirror it');
    const flipped = await edit('turn it upside down');
    for (const [x, y] of [[0, 0], [10, 100], [100, 37], [255, 255]] as const) {
      expect(px(mirrored, x, y)).toEqual(px(base, base.width - 1 - x, y));
      expect(px(flipped, x, y)).toEqual(px(base, x, base.height - 1 - y));
    }
    expect(px(mirrored, 60, 128)).not.toEqual(px(base, 60, 128));
  });

  it('rotate: 90° clockwise by default, 180 when asked, and "rotate left" is 270°', async () => {
    const r90 = await edit('rotate');
    const r180 = await edit('rotate 180');
    const r270 = await edit('rotate left');
    const n = base.width;
    for (const [x, y] of [[0, 0], [30, 200], [128, 64], [255, 3]] as const) {
      expect(px(r90, n - 1 - y, x)).toEqual(px(base, x, y));
      expect(px(r180, n - 1 - x, n - 1 - y)).toEqual(px(base, x, y));
      expect(px(r270, y, n - 1 - x)).toEqual(px(base, x, y));
    }
  });

  it('brighter raises and darker lowers the mean; warmer and cooler move red against blue', async () => {
    const [brighter, darker, warmer, cooler] = await Promise.all([edit('brighter'), edit('darker'), edit('warmer'), edit('cooler')]);
    expect(mean(brighter, 1)).toBeGreaterThan(mean(base, 1) + 10);
    expect(mean(darker, 1)).toBeLessThan(mean(base, 1) - 30);
    expect(mean(warmer, 0) - mean(warmer, 2)).toBeGreaterThan(mean(base, 0) - mean(base, 2) + 30);
    expect(mean(cooler, 2) - mean(cooler, 0)).toBeGreaterThan(mean(base, 2) - mean(base, 0) + 30);
  });

  it('sepia: warm browns, red ≥ green ≥ blue on every pixel', async () => {
    const out = await edit('vintage sepia look');
    let wrong = 0;
    for (let i = 0; i < out.data.length; i += 4) if (out.data[i]! < out.data[i + 1]! || out.data[i + 1]! < out.data[i + 2]!) wrong++;
    expect(wrong).toBe(0);
  });

  it('blur lowers and sharpen raises fine detail', async () => {
    const [blurred, sharpened] = await Promise.all([edit('blur the photo'), edit('sharpen it')]);
    expect(detail(blurred)).toBeLessThan(detail(base) * 0.6);
    expect(detail(sharpened)).toBeGreaterThan(detail(base) * 1.5);
  });

  it('pixelate makes uniform blocks; vignette darkens the corners, not the centre', async () => {
    const [pixelated, vignetted] = await Promise.all([edit('pixelate'), edit('add a vignette')]);
    // 256 px outputs use 5 px blocks: every pixel in a block equals its top-left pixel.
    for (const [bx, by] of [[0, 0], [5, 5], [120, 60]] as const) {
      for (let d = 0; d < 5; d++) expect(px(pixelated, bx + d, by + (4 - d))).toEqual(px(pixelated, bx, by));
    }
    expect(px(vignetted, 0, 0)[0]!).toBeLessThan(px(base, 0, 0)[0]! * 0.6);
    expect(px(vignetted, 128, 128)).toEqual(px(base, 128, 128));
  });

  it('background to a colour keeps the subject and replaces the rest', async () => {
    const red = await edit('Change the background to red');
    for (const [x, y] of [[2, 2], [250, 10], [5, 250]] as const) {
      const [r, g, b] = px(red, x, y);
      expect(r).toBe(220);
      expect(g).toBe(38);
      expect(b).toBe(38);
    }
    // The subject (the disc in the middle) is untouched.
    expect(px(red, 128, 128)).toEqual(px(base, 128, 128));
    expect(px(red, 128, 60)).toEqual(px(base, 128, 60));
  });

  it('background to a beach: sky on top, sand at the bottom, subject kept', async () => {
    const beach = await edit('Keep the person. Change the background to a sunlit beach.');
    const [tr, , tb] = px(beach, 5, 2);
    const [br, , bb] = px(beach, 5, 250);
    expect(tb).toBeGreaterThan(tr! + 60);
    expect(br).toBeGreaterThan(bb! + 60);
    expect(px(beach, 128, 128)).toEqual(px(base, 128, 128));
  });

  it('applies several operations in prompt order', async () => {
    const a = await edit('mirror, then black and white');
    const b = await edit('black and white, then mirror');
    expect(a.data).toEqual(b.data);
    const p = await editSync(engine, { prompt: 'invert then rotate 180 then add a white background', images: [photo], seed: SEED });
    expect(p.engine?.operations).toEqual(['invert', 'rotate 180', 'background white']);
  });
});

describe('references, sizes, formats and seeds', () => {
  it('composes further references in as framed insets in the bottom-right corner', async () => {
    const second = dataUri(await testPhoto('png', 200, 200));
    const withTwo = await edit('keep everything the same', { images: [photo, second] });
    // The inset's white frame sits near the corner; the top-left is the plain first reference.
    expect(px(withTwo, 0, 0)).toEqual(px(base, 0, 0));
    const [rect] = insetLayout(256, 256, 1);
    expect(rect!.x + rect!.size).toBeLessThan(256);
    expect(px(withTwo, rect!.x, rect!.y + 20)).toEqual([255, 255, 255]);
    expect(px(withTwo, rect!.x + rect!.size - 1, rect!.y + 20)).toEqual([255, 255, 255]);
    // Inside the frame: the second reference's backdrop grey, not the first reference's edited pixels.
    const inside = px(withTwo, rect!.x + rect!.border + 2, rect!.y + rect!.border + 2);
    expect(inside).toEqual([220, 220, 220]);
    expect(inside).not.toEqual(px(base, rect!.x + rect!.border + 2, rect!.y + rect!.border + 2));
  });

  it.each(['jpeg', 'png', 'webp'] as const)('encodes %s at the snapped size, scaled by maxOutputSide', async (format) => {
    const p = await editSync(engine, { prompt: 'x', images: [photo], size: '1024*768', output_format: format });
    const info = sniffImage(await outputBytes(engine, p));
    const snapped = snapSize(1024, 768);
    expect(p.engine).toMatchObject({ snapped_size: `${snapped.width}*${snapped.height}`, output_size: '256*192' });
    expect(info).toMatchObject({ format, width: 256, height: 192 });
    expect(p.outputs[0]).toMatch(new RegExp(`\\.${format === 'jpeg' ? 'jpg' : format}$`));
  });

  it('without maxOutputSide, produces the full snapped size (2048*2048 by default)', async () => {
    const full = testEngine({ maxOutputSide: undefined });
    const p = await editSync(full, { prompt: 'brighter', images: [photo] });
    expect(sniffImage(await outputBytes(full, p))).toMatchObject({ format: 'jpeg', width: 2048, height: 2048 });
    const tall = await editSync(full, { prompt: 'x', images: [photo], size: '1440*2560', output_format: 'webp', enable_base64_output: true });
    expect(sniffImage(await outputBytes(full, tall))).toMatchObject({ format: 'webp', width: 1440, height: 2560 });
    full.close();
  });

  it('a quarter turn still gives the requested (landscape) size, with the content turned', async () => {
    const p = await editSync(engine, { prompt: 'rotate 90', images: [photo], size: '2560*1440', output_format: 'png', seed: SEED });
    const out = await rawPixels(await outputBytes(engine, p));
    expect([out.width, out.height]).toEqual([256, 144]);
    // The source's grey backdrop and red disc survive; the disc's blue square (left of centre) is now above it.
    const [r, g, b] = px(out, 128, 72);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(90);
    expect(b).toBeLessThan(90);
    const above = px(out, 128, 72 - 30);
    expect(above[2]).toBeGreaterThan(above[0]!);
  });

  it('the same seed and input give byte-identical output; another seed visibly differs', async () => {
    const run = async (seed: number) =>
      outputBytes(engine, await editSync(engine, { prompt: 'sepia', images: [photo], seed, output_format: 'jpeg' }));
    const [a, b, c] = [await run(99), await run(99), await run(100)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
    const [pa, pc] = [await rawPixels(a), await rawPixels(c)];
    let diff = 0;
    for (let i = 0; i < pa.data.length; i++) diff += Math.abs(pa.data[i]! - pc.data[i]!);
    expect(diff / pa.data.length).toBeGreaterThan(3);
  });
});
