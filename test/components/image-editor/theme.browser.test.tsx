// The theme in real Chromium: tokens for light/dark (data-color-scheme), the two-column editor that collapses,
// focus rings, and the compare slider clipped by its CSS variable and dragged with a real pointer.
import '../../../src/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import { ImageEditor } from '../../../src/components/image-editor/index.js';
import { ResultViewer } from '../../../src/components/result-viewer/index.js';
import { SizeSelector } from '../../../src/components/size-selector/index.js';
import { createClient, type Prediction } from '../../../src/core/index.js';
import { HidreamProvider } from '../../../src/react/index.js';

afterEach(() => cleanup());

const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

function Sizes() {
  return (
    <SizeSelector.Root>
      <SizeSelector.Presets />
      <SizeSelector.Output />
    </SizeSelector.Root>
  );
}

function canvasDataUri(color: string, width = 200, height = 100): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, width, height);
  return canvas.toDataURL('image/png');
}

describe('styles.css', () => {
  it('defines light tokens by default and dark ones under data-color-scheme="dark", inherited by nested parts', () => {
    render(
      <>
        <div data-color-scheme="light" data-testid="light">
          <Sizes />
        </div>
        <div data-color-scheme="dark" data-testid="dark">
          <Sizes />
        </div>
      </>,
    );
    const [light, dark] = screen.getAllByRole('group', { name: 'Output size' });
    expect(getComputedStyle(light!).colorScheme).toBe('light');
    expect(getComputedStyle(dark!).colorScheme).toBe('dark');
    expect(getComputedStyle(light!).color).toBe('rgb(17, 24, 39)'); // --hidream-fg, light
    expect(getComputedStyle(dark!).color).toBe('rgb(230, 232, 238)'); // --hidream-fg, dark
    for (const name of ['--hidream-font', '--hidream-surface', '--hidream-fg', '--hidream-muted', '--hidream-border', '--hidream-accent', '--hidream-accent-fg', '--hidream-danger', '--hidream-success', '--hidream-radius', '--hidream-gap', '--hidream-focus']) {
      expect(token(light!, name), name).not.toBe('');
    }
    // Nested parts inherit the scheme: the selected preset is filled with each scheme's accent.
    expect(getComputedStyle(dark!.querySelector('[data-part="preset"][data-selected]')!).backgroundColor).toBe('rgb(139, 147, 255)');
    expect(getComputedStyle(light!.querySelector('[data-part="preset"][data-selected]')!).backgroundColor).toBe('rgb(79, 70, 229)');
  });

  it("follows the OS preference when no ancestor sets data-color-scheme", async () => {
    const emulate = (value: string) => cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value }] });
    render(<Sizes />);
    const group = screen.getByRole('group', { name: 'Output size' });
    try {
      await emulate('dark');
      expect(getComputedStyle(group).color).toBe('rgb(230, 232, 238)');
      await emulate('light');
      expect(getComputedStyle(group).color).toBe('rgb(17, 24, 39)');
    } finally {
      await emulate('');
    }
  });

  it('lets an app class override a token on the component', () => {
    const style = document.createElement('style');
    style.textContent = '.brand { --hidream-accent: rgb(0, 170, 119); }';
    document.head.append(style);
    render(
      <SizeSelector.Root className="brand">
        <SizeSelector.Presets />
      </SizeSelector.Root>,
    );
    const selected = document.querySelector('[data-part="preset"][data-selected]')!;
    expect(getComputedStyle(selected).backgroundColor).toBe('rgb(0, 170, 119)');
    style.remove();
  });

  it('draws a focus ring on keyboard focus', () => {
    render(<Sizes />);
    const radio = screen.getAllByRole('radio')[0]!;
    radio.focus();
    // :focus-visible applies to programmatic focus after no pointer interaction.
    expect(getComputedStyle(radio).outlineStyle).toBe('solid');
  });

  it('lays the editor out in two columns, and in one on a narrow container', async () => {
    const client = createClient({ baseUrl: 'http://localhost/api/hidream', fetch: () => Promise.reject(new Error('offline')) });
    const Editor = ({ width }: { width: number }) => (
      <div style={{ width }}>
        <QueryClientProvider client={new QueryClient()}>
          <HidreamProvider client={client}>
            <ImageEditor />
          </HidreamProvider>
        </QueryClientProvider>
      </div>
    );
    const { container, rerender } = render(<Editor width={1100} />);
    const controls = container.querySelector('[data-scope="image-editor"][data-part="controls"]') as HTMLElement;
    const output = container.querySelector('[data-scope="image-editor"][data-part="output"]') as HTMLElement;
    expect(output.getBoundingClientRect().left).toBeGreaterThan(controls.getBoundingClientRect().right - 1);
    expect(Math.abs(output.getBoundingClientRect().top - controls.getBoundingClientRect().top)).toBeLessThan(2);
    rerender(<Editor width={420} />);
    expect(output.getBoundingClientRect().top).toBeGreaterThanOrEqual(controls.getBoundingClientRect().bottom - 1);
    const run = screen.getByRole('button', { name: 'Run edit' });
    expect(getComputedStyle(run).backgroundColor).toBe('rgb(79, 70, 229)'); // --hidream-accent, over the base button look
  });

  it('clips the original by --hidream-compare-position and follows a real pointer drag', async () => {
    const prediction: Prediction = {
      id: 'p1', model: 'm', status: 'completed', outputs: [canvasDataUri('rgb(0, 0, 255)')], urls: { get: '' },
      has_nsfw_contents: [false], created_at: new Date().toISOString(), error: '', timings: { inference: 900 },
    };
    render(
      <div style={{ width: 400 }}>
        <ResultViewer.Root prediction={prediction} source={canvasDataUri('rgb(255, 0, 0)')} />
      </div>,
    );
    const slider = screen.getByRole('slider');
    const compare = slider.parentElement!;
    const after = screen.getByRole('img', { name: /^Edited image/ }) as HTMLImageElement;
    await new Promise<void>((resolve) => (after.complete ? resolve() : (after.onload = () => resolve())));
    const box = compare.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(150);
    // The handle sits at the middle.
    const handle = slider.getBoundingClientRect();
    expect(Math.abs(handle.left + handle.width / 2 - (box.left + box.width / 2))).toBeLessThan(3);
    fireEvent.pointerDown(compare, { clientX: box.left + box.width * 0.2, clientY: box.top + 10, pointerId: 1, buttons: 1 });
    fireEvent.pointerMove(compare, { clientX: box.left + box.width * 0.75, clientY: box.top + 10, pointerId: 1, buttons: 1 });
    fireEvent.pointerUp(compare, { pointerId: 1 });
    expect(slider.getAttribute('aria-valuenow')).toBe('75');
    expect(compare.style.getPropertyValue('--hidream-compare-position')).toBe('75%');
    const moved = slider.getBoundingClientRect();
    expect(Math.abs(moved.left + moved.width / 2 - (box.left + box.width * 0.75))).toBeLessThan(3);
    const before = screen.getByRole('img', { name: 'Original image' });
    expect(getComputedStyle(before).clipPath).toContain('inset');
  });
});
