import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Prediction } from '../../../src/core/types.js';
import { ResultViewer, outputFileName, outputSrc } from '../../../src/components/result-viewer/index.js';
import { axeViolations } from '../size-selector/axe.js';

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function prediction(over: Partial<Prediction> = {}): Prediction {
  return {
    id: 'pred_123',
    model: 'wavespeed-ai/hidream-o1-image-dev/edit',
    status: 'completed',
    outputs: ['https://cdn.example/out.png'],
    urls: { get: 'https://api.example/api/v3/predictions/pred_123/result' },
    has_nsfw_contents: [false],
    created_at: '2026-11-24T08:00:00.000Z',
    error: '',
    timings: { inference: 4100 },
    ...over,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('ResultViewer', () => {
  it('announces each status in a live region', () => {
    const { rerender } = render(<ResultViewer.Root status="idle" />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('');
    rerender(<ResultViewer.Root status="uploading" />);
    expect(status).toHaveTextContent('Uploading references…');
    rerender(<ResultViewer.Root status="uploading" uploadProgress={{ loaded: 450, total: 1000 }} />);
    expect(status).toHaveTextContent('Uploading references… 45%');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '45');
    rerender(<ResultViewer.Root status="submitting" />);
    expect(status).toHaveTextContent('Submitting…');
    rerender(<ResultViewer.Root status="processing" elapsedMs={3210} />);
    expect(status).toHaveTextContent('Processing… 3.2 s');
    expect(screen.getByRole('progressbar', { name: 'Edit progress' })).not.toHaveAttribute('aria-valuenow');
    expect(status.closest('[data-part="root"]')).toHaveAttribute('data-status', 'processing');
    rerender(<ResultViewer.Root status="completed" prediction={prediction()} elapsedMs={4140} />);
    expect(status).toHaveTextContent('Completed in 4.1 s');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  });

  it('takes a useEdit result as `edit`, and shows the result with alt text starting "Edited image"', async () => {
    const edit = { status: 'completed' as const, prediction: prediction(), error: null, elapsedMs: 2000 };
    const { container } = render(<ResultViewer.Root edit={edit} prompt="Make it sepia" />);
    const img = screen.getByRole('img', { name: 'Edited image: Make it sepia' });
    expect(img).toHaveAttribute('src', 'https://cdn.example/out.png');
    expect(screen.getByRole('status')).toHaveTextContent('Completed in 2.0 s');
    for (const el of container.querySelectorAll('[data-part]')) expect(el).toHaveAttribute('data-scope', 'result-viewer');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows base64 outputs as data URIs', () => {
    render(<ResultViewer.Root prediction={prediction({ outputs: [PNG_BASE64] })} />);
    expect(screen.getByRole('img', { name: /^Edited image/ }).getAttribute('src')).toBe(`data:image/png;base64,${PNG_BASE64}`);
    expect(outputSrc('/api/v3/local/files/x.webp')).toBe('/api/v3/local/files/x.webp');
  });

  it('shows the failure sentence and retries without losing inputs', async () => {
    const onRetry = vi.fn();
    const error = new Error('The edit failed: content moderation.');
    const { container } = render(<ResultViewer.Root status="failed" error={error} onRetry={onRetry} />);
    expect(screen.getByRole('status')).toHaveTextContent('The edit failed: content moderation.');
    expect(container.querySelector('[data-part="error"]')).toHaveTextContent('The edit failed: content moderation.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(screen.queryByRole('img')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('falls back to the prediction error, then to a generic sentence', () => {
    const { rerender } = render(<ResultViewer.Root status="failed" prediction={prediction({ status: 'failed', outputs: [], error: 'bad media' })} />);
    expect(screen.getByRole('status')).toHaveTextContent('bad media');
    rerender(<ResultViewer.Root status="failed" />);
    expect(screen.getByRole('status')).toHaveTextContent('The edit failed.');
  });

  it('flags NSFW results', () => {
    const { rerender } = render(<ResultViewer.Root prediction={prediction()} />);
    expect(screen.queryByText(/not safe for work/)).toBeNull();
    rerender(<ResultViewer.Root prediction={prediction({ has_nsfw_contents: [true] })} />);
    expect(screen.getByText('The API flagged this result as possibly not safe for work.')).toHaveAttribute('data-part', 'nsfw');
  });

  it('says when the result can no longer be loaded, and offers nothing that needs it, until a new output', () => {
    const onEditAgain = vi.fn();
    const { container, rerender } = render(<ResultViewer.Root prediction={prediction()} source="https://cdn.example/in.png" onEditAgain={onEditAgain} />);
    const root = container.querySelector('[data-part="root"]')!;
    expect(screen.queryByText(/no longer available/)).toBeNull();
    fireEvent.error(screen.getByRole('img', { name: 'Edited image' }));
    expect(screen.getByText(/^This result is no longer available/)).toHaveAttribute('data-part', 'unavailable');
    expect(root).toHaveAttribute('data-unavailable');
    expect(screen.queryByRole('img', { name: 'Edited image' })).toBeNull();
    expect(screen.queryByRole('slider')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Download' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit this result again' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Completed in 4.1 s');

    rerender(<ResultViewer.Root prediction={prediction({ outputs: ['https://cdn.example/new.png'] })} onEditAgain={onEditAgain} />);
    expect(screen.getByRole('img', { name: 'Edited image' })).toHaveAttribute('src', 'https://cdn.example/new.png');
    expect(screen.queryByText(/no longer available/)).toBeNull();
    expect(root).not.toHaveAttribute('data-unavailable');
  });

  it('sends the output back with "Edit this result again"', async () => {
    const onEditAgain = vi.fn();
    render(<ResultViewer.Root prediction={prediction()} onEditAgain={onEditAgain} />);
    await userEvent.click(screen.getByRole('button', { name: 'Edit this result again' }));
    expect(onEditAgain).toHaveBeenCalledWith('https://cdn.example/out.png');
  });

  it('downloads the output with a file name in its format', async () => {
    const bytes = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));
    const fetchMock = vi.fn(async () => new Response(bytes, { headers: { 'content-type': 'image/png' } }));
    vi.stubGlobal('fetch', fetchMock);
    const onSave = vi.fn();
    render(<ResultViewer.Root prediction={prediction()} format="png" onSave={onSave} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(fetchMock).toHaveBeenCalledWith('https://cdn.example/out.png');
    expect(onSave.mock.calls[0]![1]).toBe('hidream-edit-pred_123.png');
    expect((onSave.mock.calls[0]![0] as Blob).size).toBe(bytes.length);
  });

  it('saves through an <a download> by default, naming base64 outputs by their bytes', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {});
    const saved = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL: () => 'blob:fake', revokeObjectURL: () => {} });
    onTestFinished(() => void Object.assign(URL, saved));
    render(<ResultViewer.Root prediction={prediction({ id: 'abc', outputs: [PNG_BASE64] })} format="jpeg" />);
    await userEvent.click(screen.getByRole('button', { name: 'Download' }));
    await vi.waitFor(() => expect(click).toHaveBeenCalled());
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('hidream-edit-abc.png');
    expect(anchor.getAttribute('href')).toBe('blob:fake');
    expect(outputFileName('a/b', 'webp')).toBe('hidream-edit-ab.webp');
  });

  it('lets the browser download an output it cannot fetch (no CORS)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {});
    const onSave = vi.fn();
    render(<ResultViewer.Root prediction={prediction()} format="webp" onSave={onSave} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download' }));
    await vi.waitFor(() => expect(click).toHaveBeenCalled());
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.href).toBe('https://cdn.example/out.png');
    expect(anchor.download).toBe('hidream-edit-pred_123.webp');
    expect(anchor.target).toBe('_blank');
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Download' })).toHaveAttribute('data-state', 'idle');
  });

  it('says when a download failed', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('gone', { status: 404 })));
    render(<ResultViewer.Root prediction={prediction()} onSave={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(await screen.findByRole('button', { name: 'Download failed. Try again.' })).toHaveAttribute('data-state', 'failed');
  });

  describe('Compare', () => {
    const renderCompare = (props: Record<string, unknown> = {}) =>
      render(<ResultViewer.Root prediction={prediction()} source="https://cdn.example/in.png" {...props} />);

    it('is an ARIA slider operated by keyboard', async () => {
      const user = userEvent.setup();
      const { container } = renderCompare();
      const slider = screen.getByRole('slider', { name: 'Compare original and edited image' });
      const compare = container.querySelector('[data-part="compare"]') as HTMLElement;
      expect(slider).toHaveAttribute('aria-valuenow', '50');
      expect(compare.style.getPropertyValue('--hidream-compare-position')).toBe('50%');
      expect(screen.getByRole('img', { name: 'Original image' })).toBeInTheDocument();
      expect(screen.getByRole('img', { name: /^Edited image/ })).toBeInTheDocument();
      await user.tab();
      expect(slider).toHaveFocus();
      await user.keyboard('{ArrowRight}{ArrowRight}{ArrowUp}');
      expect(slider).toHaveAttribute('aria-valuenow', '53');
      await user.keyboard('{ArrowLeft}{ArrowDown}');
      expect(slider).toHaveAttribute('aria-valuenow', '51');
      await user.keyboard('{PageUp}');
      expect(slider).toHaveAttribute('aria-valuenow', '61');
      await user.keyboard('{PageDown}{PageDown}');
      expect(slider).toHaveAttribute('aria-valuenow', '41');
      await user.keyboard('{End}{ArrowRight}');
      expect(slider).toHaveAttribute('aria-valuenow', '100');
      await user.keyboard('{Home}{ArrowLeft}');
      expect(slider).toHaveAttribute('aria-valuenow', '0');
      expect(compare.style.getPropertyValue('--hidream-compare-position')).toBe('0%');
      expect(await axeViolations(container)).toEqual([]);
    });

    it('follows a pointer drag', () => {
      const onPositionChange = vi.fn();
      const { container } = render(
        <ResultViewer.Root prediction={prediction()} source="https://cdn.example/in.png">
          <ResultViewer.Compare onPositionChange={onPositionChange} />
        </ResultViewer.Root>,
      );
      const compare = container.querySelector('[data-part="compare"]') as HTMLElement;
      compare.getBoundingClientRect = () => ({ left: 100, width: 200, top: 0, height: 100, right: 300, bottom: 100, x: 100, y: 0, toJSON() {} });
      act(() => {
        fireEvent.pointerDown(compare, { clientX: 150, pointerId: 1 });
      });
      expect(screen.getByRole('slider')).toHaveAttribute('aria-valuenow', '25');
      fireEvent.pointerMove(compare, { clientX: 290, pointerId: 1 });
      expect(screen.getByRole('slider')).toHaveAttribute('aria-valuenow', '95');
      fireEvent.pointerUp(compare, { pointerId: 1 });
      fireEvent.pointerMove(compare, { clientX: 120, pointerId: 1 });
      expect(screen.getByRole('slider')).toHaveAttribute('aria-valuenow', '95');
      fireEvent.pointerDown(compare, { clientX: 500, pointerId: 1 });
      expect(onPositionChange).toHaveBeenLastCalledWith(100);
    });

    it('is controllable', async () => {
      render(
        <ResultViewer.Root prediction={prediction()} source="https://cdn.example/in.png">
          <ResultViewer.Compare position={30} />
        </ResultViewer.Root>,
      );
      const slider = screen.getByRole('slider');
      slider.focus();
      await userEvent.keyboard('{ArrowRight}');
      expect(slider).toHaveAttribute('aria-valuenow', '30');
    });
  });

  it('replaces strings through labels and throws outside its root', () => {
    render(<ResultViewer.Root status="processing" labels={{ processing: 'Bearbeitung…' }} />);
    expect(screen.getByRole('status')).toHaveTextContent('Bearbeitung…');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => act(() => render(<ResultViewer.Status />))).toThrow('<ResultViewer.Status> must be placed inside <ResultViewer.Root>.');
    spy.mockRestore();
  });
});
