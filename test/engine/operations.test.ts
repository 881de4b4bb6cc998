import { describe, expect, it, vi } from 'vitest';
import { createSeededRandom } from '../../src/engine/index.js';
import { ExpiringStore } from '../../src/engine/expiring-store.js';
import type { Imaging, RgbaImage } from '../../src/engine/imaging.js';
import { renderEdit } from '../../src/engine/render-edit.js';
import { renderBackdrop } from '../../src/engine/operations/backdrop.js';
import { blur } from '../../src/engine/operations/blur.js';
import { flipHorizontal } from '../../src/engine/operations/flip.js';
import { replaceBackground, subjectMask } from '../../src/engine/operations/replace-background.js';
import { coverRect, createImage, crop } from '../../src/engine/operations/rgba.js';
import { rotate } from '../../src/engine/operations/rotate.js';
import { seedVariation } from '../../src/engine/operations/seed-variation.js';
import { sharpen } from '../../src/engine/operations/sharpen.js';

/** A w×h image whose pixel (x, y) is (x, y, x + y, 255) — every position is recognisable. */
function ramp(w: number, h: number): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set([x, y, x + y, 255], (y * w + x) * 4);
  return { width: w, height: h, data };
}
const at = (img: RgbaImage, x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

describe('geometry', () => {
  it('rotate 90 on a non-square image swaps the sides and moves the top-left to the top-right', () => {
    const img = ramp(4, 3);
    const r = rotate(img, 90);
    expect([r.width, r.height]).toEqual([3, 4]);
    expect(at(r, 2, 0)).toEqual(at(img, 0, 0));
    expect(at(r, 0, 3)).toEqual(at(img, 3, 2));
    const back = rotate(r, 270);
    expect(back.data).toEqual(ramp(4, 3).data);
  });

  it('mirror twice is the identity', () => {
    const img = ramp(5, 2);
    expect(flipHorizontal(flipHorizontal(img)).data).toEqual(ramp(5, 2).data);
    expect(at(flipHorizontal(ramp(5, 2)), 0, 1)).toEqual(at(ramp(5, 2), 4, 1));
  });

  it('coverRect keeps the target aspect, centred; crop copies exactly that', () => {
    expect(coverRect(400, 300, 100, 100)).toEqual({ x: 50, y: 0, width: 300, height: 300 });
    expect(coverRect(300, 400, 200, 100)).toEqual({ x: 0, y: 125, width: 300, height: 150 });
    const c = crop(ramp(10, 10), 2, 3, 4, 5);
    expect([c.width, c.height]).toEqual([4, 5]);
    expect(at(c, 0, 0)).toEqual([2, 3, 5, 255]);
  });
});

/** The textbook definition: three clamped box passes each way, one sample at a time. */
function naiveBlur(data: Uint8ClampedArray, w: number, h: number, r: number): Uint8ClampedArray {
  let a = Float32Array.from(data);
  const clamp = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  for (let pass = 0; pass < 3; pass++) {
    const b = new Float32Array(a.length);
    const d = new Float32Array(a.length);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 4; c++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += a[(y * w + clamp(x + k, w - 1)) * 4 + c]!;
      b[(y * w + x) * 4 + c] = s / (2 * r + 1);
    }
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 4; c++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += b[(clamp(y + k, h - 1) * w + x) * 4 + c]!;
      d[(y * w + x) * 4 + c] = s / (2 * r + 1);
    }
    a = d;
  }
  return Uint8ClampedArray.from(a);
}

describe('blur', () => {
  it.each([[13, 7, 2], [5, 9, 3], [40, 30, 4], [3, 3, 5]])('matches the textbook box blur on %i×%i, radius %i', (w, h, r) => {
    const data = new Uint8ClampedArray(w * h * 4).map((_, i) => (i * 7919) % 256);
    expect(blur({ width: w, height: h, data }, r).data).toEqual(naiveBlur(data, w, h, r));
  });

  it('keeps a flat image flat and the mean of a spike', () => {
    const img = { width: 9, height: 9, data: new Uint8ClampedArray(9 * 9 * 4).fill(100) };
    expect(blur(img, 2).data.every((v) => v === 100)).toBe(true);
    img.data.set([255, 255, 255, 255], (4 * 9 + 4) * 4);
    const b = blur(img, 1);
    expect(at(b, 4, 4)[0]).toBeLessThan(255);
    expect(at(b, 3, 4)[0]).toBeGreaterThan(100);
  });
});

describe('background', () => {
  it('finds the subject by flood fill from the border: background-coloured pixels inside the subject stay', () => {
    // A 40×40 grey image, a red square from 10..29 with a grey hole in the middle (the hole is enclosed).
    const w = 40;
    const img = { width: w, height: w, data: new Uint8ClampedArray(w * w * 4) };
    for (let y = 0; y < w; y++) {
      for (let x = 0; x < w; x++) {
        const ring = x >= 10 && x < 30 && y >= 10 && y < 30 && !(x >= 16 && x < 24 && y >= 16 && y < 24);
        img.data.set(ring ? [200, 30, 30, 255] : [210, 210, 210, 255], (y * w + x) * 4);
      }
    }
    const mask = subjectMask(img);
    expect(mask[0]).toBe(0);
    expect(mask[12 * w + 12]).toBe(1);
    expect(mask[20 * w + 20]).toBe(1);
    const out = replaceBackground(img, renderBackdrop('blue', w, w));
    expect(at(out, 0, 0)).toEqual([37, 99, 235, 255]);
    expect(at(out, 20, 20)).toEqual([210, 210, 210, 255]);
    expect(at(out, 14, 14)).toEqual([200, 30, 30, 255]);
    // The edge is feathered: between the two colours.
    const [edgeR, , edgeB] = at(out, 10, 20);
    expect(edgeR).toBeLessThan(200);
    expect(edgeB).toBeGreaterThan(30);
  });

  it('renders transparent, colours, and scene gradients', () => {
    expect(at(renderBackdrop('transparent', 2, 2), 0, 0)[3]).toBe(0);
    const sunset = renderBackdrop('sunset', 1, 100);
    expect(at(sunset, 0, 0)[2]!).toBeGreaterThan(at(sunset, 0, 0)[0]!);
    expect(at(sunset, 0, 99)[0]!).toBeGreaterThan(at(sunset, 0, 99)[2]!);
    expect(at(renderBackdrop('unknown-word', 1, 1), 0, 0)).toEqual([255, 255, 255, 255]);
  });
});

describe('seeds', () => {
  it('createSeededRandom repeats per seed and differs between seeds', () => {
    const a = createSeededRandom(5);
    const b = createSeededRandom(5);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect(createSeededRandom(6)()).not.toBe(seqA[0]);
    expect(seqA.every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('seedVariation is reproducible per seed and different across seeds', () => {
    const flat = () => ({ width: 16, height: 16, data: new Uint8ClampedArray(16 * 16 * 4).fill(128) });
    const a = seedVariation(flat(), 1);
    expect(seedVariation(flat(), 1).data).toEqual(a.data);
    expect(seedVariation(flat(), 2).data).not.toEqual(a.data);
    expect(a.data.some((v, i) => i % 4 !== 3 && v !== 128)).toBe(true);
  });
});

describe('ExpiringStore', () => {
  it('expires by ttl, evicts the oldest by count and size, and reports evictions', () => {
    const evicted: string[] = [];
    const store = new ExpiringStore<number>({ ttl: 100, maxEntries: 3, maxSize: 10, sizeOf: (v) => v, onEvict: (k) => evicted.push(k) });
    store.set('a', 4, 0);
    store.set('b', 4, 10);
    expect(store.size).toBe(8);
    store.set('c', 4, 20);
    expect(evicted).toEqual(['a']);
    expect(store.get('a', 20)).toBeUndefined();
    expect(store.get('b', 109)).toBe(4);
    expect(store.get('b', 110)).toBeUndefined();
    store.set('d', 1, 50);
    store.set('e', 1, 60);
    store.set('f', 1, 70);
    expect(store.count).toBe(3);
    const spy = vi.fn();
    const lone = new ExpiringStore<number>({ ttl: 100, maxEntries: 5, maxSize: 1, sizeOf: (v) => v, onEvict: spy });
    lone.set('big', 50, 0);
    expect(lone.get('big', 1)).toBe(50);
  });
});

describe('sharpen', () => {
  it('keeps flat areas and alpha, and pushes the two sides of an edge apart', () => {
    const w = 12;
    const img = { width: w, height: 6, data: new Uint8ClampedArray(w * 6 * 4) };
    for (let y = 0; y < 6; y++) for (let x = 0; x < w; x++) img.data.set(x < 6 ? [60, 60, 60, 200] : [180, 180, 180, 200], (y * w + x) * 4);
    const out = sharpen(img);
    expect(at(out, 0, 3)).toEqual([60, 60, 60, 200]);
    expect(at(out, 11, 3)).toEqual([180, 180, 180, 200]);
    expect(at(out, 5, 3)[0]).toBeLessThan(60); // the dark side gets darker
    expect(at(out, 6, 3)[0]).toBeGreaterThan(180); // the light side lighter
    expect(at(out, 5, 3)[3]).toBe(200);
    expect(img.data[5 * 4]).toBe(60); // the input is left alone
  });
});

describe('renderEdit', () => {
  it('lets other work on the event loop run between its stages (an edit is up to a second of pixel work)', async () => {
    // Imaging that answers at once, so only renderEdit's own pauses can let a timer in.
    const imaging: Imaging = {
      name: 'instant',
      decode: async () => createImage(8, 8),
      encode: async () => new Uint8Array([1]),
      resize: async (image, width, height) => createImage(width, height),
    };
    let ticks = 0;
    let timer = setTimeout(function tick() {
      ticks += 1;
      timer = setTimeout(tick, 0);
    }, 0);
    const image = createImage(64, 64);
    await renderEdit(imaging, { prompt: 'make it sepia, then sharpen it and add a vignette', references: [image, image], width: 64, height: 64, format: 'png', seed: 1 });
    clearTimeout(timer);
    expect(ticks).toBeGreaterThanOrEqual(4); // before the variation, each of the three steps, composing
  });
});
