import { describe, expect, it } from 'vitest';
import {
  formatSize,
  MAX_TOTAL_PIXELS,
  MIN_TOTAL_PIXELS,
  parseSize,
  SIZE_PRESETS,
  snapSize,
} from '../../src/core/index.js';

const valid = ({ width: w, height: h }: { width: number; height: number }) =>
  w % 16 === 0 && h % 16 === 0 && w >= 256 && h >= 256 && w <= 4096 && h <= 4096 && w * h >= MIN_TOTAL_PIXELS && w * h <= MAX_TOTAL_PIXELS;

describe('parseSize / formatSize', () => {
  it('parses W*H strictly', () => {
    expect(parseSize('2048*2048')).toEqual({ width: 2048, height: 2048 });
    expect(parseSize('0*99999')).toEqual({ width: 0, height: 99999 });
    for (const bad of ['2048x2048', ' 2048*2048', '2048*2048 ', '2048*', '*2048', '100000*1', '1.5*2', '-1*2', '2048**2048', '']) {
      expect(parseSize(bad)).toBeNull();
    }
  });
  it('formats W*H', () => expect(formatSize(1440, 2560)).toBe('1440*2560'));
});

describe('snapSize', () => {
  it('returns valid sizes unchanged', () => {
    for (const [w, h] of [[2048, 2048], [2560, 1440], [1440, 2560], [4096, 4096], [1920, 1920], [4096, 912]] as const) {
      expect(snapSize(w, h)).toEqual({ width: w, height: h });
    }
  });

  it('grows small sizes to the minimum total, keeping the aspect', () => {
    expect(snapSize(1920, 1080)).toEqual({ width: 2560, height: 1440 });
    expect(snapSize(1024, 1024)).toEqual({ width: 1920, height: 1920 });
    expect(snapSize(256, 256)).toEqual({ width: 1920, height: 1920 });
  });

  it('shrinks large sizes to the maximum', () => {
    expect(snapSize(8192, 8192)).toEqual({ width: 4096, height: 4096 });
    expect(snapSize(99999, 99999)).toEqual({ width: 4096, height: 4096 });
  });

  it('rounds sides to multiples of 16 with the closest aspect', () => {
    const s = snapSize(3000, 2000);
    expect(valid(s)).toBe(true);
    expect(s.width / s.height).toBeCloseTo(1.5, 2);
    expect(Math.abs(s.width * s.height - 6e6) / 6e6).toBeLessThan(0.03);
    expect(snapSize(2050, 2050)).toEqual({ width: 2048, height: 2048 });
  });

  it('clamps aspects beyond what the limits allow to the flattest or tallest valid size', () => {
    expect(snapSize(8000, 100)).toEqual({ width: 4096, height: 912 });
    expect(snapSize(100, 8000)).toEqual({ width: 912, height: 4096 });
  });

  it('turns nonsense into the default size', () => {
    expect(snapSize(0, 0)).toEqual({ width: 2048, height: 2048 });
    expect(snapSize(Number.NaN, 5)).toEqual({ width: 2048, height: 2048 });
    expect(snapSize(-5, 100)).toEqual({ width: 2048, height: 2048 });
  });

  it('always returns a valid size, idempotently', () => {
    for (let w = 256; w <= 4096; w += 97) {
      for (let h = 256; h <= 4096; h += 131) {
        const s = snapSize(w, h);
        expect(valid(s), `${w}*${h} → ${s.width}*${s.height}`).toBe(true);
        expect(snapSize(s.width, s.height)).toEqual(s);
        // The aspect stays close whenever the limits allow it.
        if (w / h < 4.4 && h / w < 4.4) expect(Math.abs(Math.log(s.width / s.height / (w / h)))).toBeLessThan(0.02);
      }
    }
  });
});

describe('SIZE_PRESETS', () => {
  it('covers the use cases with valid sizes whose aspect matches their label', () => {
    expect(SIZE_PRESETS.map((p) => p.aspect)).toEqual(
      expect.arrayContaining(['1:1', '3:4', '2:3', '4:3', '3:2', '16:9', '9:16', '21:9', '4:5']),
    );
    for (const p of SIZE_PRESETS) {
      expect(snapSize(p.width, p.height)).toEqual({ width: p.width, height: p.height });
      const [a, b] = p.aspect.split(':').map(Number) as [number, number];
      expect(p.width / p.height).toBeCloseTo(a / b, 5);
      expect(p.label).toContain(p.aspect);
      expect(p.useCase.length).toBeGreaterThan(5);
    }
    expect(new Set(SIZE_PRESETS.map((p) => p.id)).size).toBe(SIZE_PRESETS.length);
    expect(SIZE_PRESETS.find((p) => p.id === 'square')).toMatchObject({ width: 2048, height: 2048 });
  });
});
