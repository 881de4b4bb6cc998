import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import sharp from 'sharp';
import { StrictMode, useEffect, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isEditError } from '../../src/core/index.js';
import { HidreamProvider as HidreamProviderOnly, useEdit, type EditStatus, type UseEditOptions } from '../../src/react/index.js';
import { advance, createHarness, png, pngDataUri, useFakeClock, type Harness } from './harness.js';

let h: Harness;
let image: string;

useFakeClock(() => h?.close());
beforeEach(async () => {
  image = await pngDataUri();
});

function renderEdit(options: UseEditOptions = {}, strict = false) {
  const wrapper = ({ children }: { children?: ReactNode }) =>
    strict ? (
      <StrictMode>
        <h.Wrapper>{children}</h.Wrapper>
      </StrictMode>
    ) : (
      <h.Wrapper>{children}</h.Wrapper>
    );
  return renderHook(() => useEdit(options), { wrapper });
}

describe('useEdit', () => {
  it('goes idle → submitting → processing → completed and exposes the edited image', async () => {
    h = createHarness({ engine: { latency: 3000 } });
    const statuses: EditStatus[] = [];
    const onSubmitted = vi.fn();
    const onCompleted = vi.fn();
    const { result } = renderEdit({ onStatusChange: (s) => statuses.push(s), onSubmitted, onCompleted });
    expect(result.current).toMatchObject({ status: 'idle', isPending: false, outputs: [], error: null, elapsedMs: 0 });

    act(() => result.current.edit({ prompt: 'make it black and white', images: [image], output_format: 'png' }));
    expect(result.current.status).toBe('submitting');
    expect(result.current.isPending).toBe(true);
    await waitFor(() => expect(result.current.status).toBe('processing'));
    const id = result.current.prediction?.id;
    expect(onSubmitted).toHaveBeenCalledTimes(1);
    expect(onSubmitted.mock.calls[0]![0].id).toBe(id);
    expect(result.current.summary).toMatchObject({ prompt: 'make it black and white', imageCount: 1 });

    await advance(1000);
    expect(result.current.elapsedMs).toBeGreaterThanOrEqual(1000);
    await advance(2500);
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(statuses).toEqual(['submitting', 'processing', 'completed']);
    expect(result.current.prediction).toMatchObject({ id, status: 'completed' });
    expect(result.current.outputs).toHaveLength(1);
    expect(onCompleted).toHaveBeenCalledTimes(1);
    expect(h.submits()).toHaveLength(1);

    // The output is a real, edited image served back through the proxy: grey everywhere.
    const response = await h.fetch(result.current.outputs[0]!);
    const { channels } = await sharp(new Uint8Array(await response.arrayBuffer())).stats();
    expect(Math.abs(channels[0]!.mean - channels[2]!.mean)).toBeLessThan(2);

    const elapsed = result.current.elapsedMs;
    await advance(2000);
    expect(result.current.elapsedMs).toBe(elapsed); // frozen once finished
  });

  it('ends failed with the prediction id on the error when the model fails', async () => {
    h = createHarness({ engine: { latency: 1000 } });
    const onError = vi.fn();
    const { result } = renderEdit({ onError });
    act(() => result.current.edit({ prompt: '[fail] make it sepia', images: [image] }));
    await waitFor(() => expect(result.current.status).toBe('processing'));
    const id = result.current.prediction!.id;
    await advance(1500);
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(isEditError(result.current.error, 'prediction_failed')).toBe(true);
    expect(result.current.error!.predictionId).toBe(id);
    expect(result.current.prediction?.status).toBe('failed');
    expect(result.current.outputs).toEqual([]);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(h.submits()).toHaveLength(1); // never resubmitted
  });

  it('never resubmits a failed POST', async () => {
    h = createHarness({
      intercept: async (request, next) =>
        request.method === 'POST' && request.url.endsWith('/edit')
          ? Response.json({ code: 503, message: 'Service temporarily unavailable.' }, { status: 503 })
          : next(request),
    });
    const onError = vi.fn();
    const { result } = renderEdit({ onError });
    act(() => result.current.edit({ prompt: 'grayscale', images: [image] }));
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(result.current.error).toMatchObject({ code: 'api_error', status: 503 });
    await advance(30_000);
    expect(h.submits()).toHaveLength(1);
    expect(h.log).toHaveLength(1);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('keeps following the same prediction when a sync-mode submit times out', async () => {
    h = createHarness({ engine: { latency: 4000, syncTimeout: 1000 } });
    const { result } = renderEdit();
    act(() => result.current.edit({ prompt: 'cooler', images: [image], enable_sync_mode: true }));
    await advance(1000);
    await waitFor(() => expect(result.current.status).toBe('processing'));
    const id = result.current.prediction!.id;
    await advance(3500);
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(result.current.prediction!.id).toBe(id);
    expect(h.submits()).toHaveLength(1);
  });

  it('rejects an invalid input before sending anything', async () => {
    h = createHarness();
    const { result } = renderEdit();
    const file = new File([await png()], 'a.png', { type: 'image/png' });
    act(() => result.current.edit({ prompt: '   ', images: [file] }));
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(isEditError(result.current.error, 'invalid_input')).toBe(true);
    expect(h.log).toEqual([]);
  });

  it('cancel() stops at once: failed with a CancelledError keeping the id, and no request after it', async () => {
    h = createHarness({ engine: { latency: 10_000 } });
    const onError = vi.fn();
    const { result } = renderEdit({ onError });
    act(() => result.current.edit({ prompt: 'blur it', images: [image] }));
    await waitFor(() => expect(result.current.status).toBe('processing'));
    await advance(1000);
    const id = result.current.prediction!.id;
    const sent = h.log.length;
    const held = h.results().at(-1)!;
    act(() => result.current.cancel());
    expect(held.aborted).toBe(true); // the signal reached fetch
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(isEditError(result.current.error, 'cancelled')).toBe(true);
    expect(result.current.error!.predictionId).toBe(id);
    expect(onError).not.toHaveBeenCalled();
    await advance(15_000);
    expect(h.log.length).toBe(sent);
    expect(h.log.every((r) => r.method !== 'GET' || r.hasSignal)).toBe(true);
  });

  it('reset() returns to idle and a new edit can start', async () => {
    h = createHarness({ engine: { latency: 1000 } });
    const { result } = renderEdit();
    act(() => result.current.edit({ prompt: 'invert', images: [image] }));
    await waitFor(() => expect(result.current.status).toBe('processing'));
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ status: 'idle', prediction: undefined, error: null, elapsedMs: 0 });
    act(() => result.current.edit({ prompt: 'invert', images: [image] }));
    await advance(1500);
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(h.submits()).toHaveLength(2);
  });

  it('stops polling the moment the component unmounts', async () => {
    h = createHarness({ engine: { latency: 30_000 }, proxy: { longPoll: false } });
    const { result, unmount } = renderEdit();
    act(() => result.current.edit({ prompt: 'pixelate', images: [image] }));
    await waitFor(() => expect(result.current.status).toBe('processing'));
    await advance(3000);
    expect(h.results().length).toBeGreaterThan(2);
    const sent = h.log.length;
    unmount();
    await advance(20_000);
    expect(h.log.length).toBe(sent);
  });

  it('aborts a long-poll held open by the proxy when the component unmounts', async () => {
    h = createHarness({ engine: { latency: 30_000 } });
    const { result, unmount } = renderEdit();
    act(() => result.current.edit({ prompt: 'pixelate', images: [image] }));
    await waitFor(() => expect(result.current.status).toBe('processing'));
    await advance(2000);
    const held = h.results().at(-1)!;
    expect(held.path).toMatch(/[?&]wait=/);
    unmount();
    await advance(0);
    expect(held.aborted).toBe(true);
    const sent = h.log.length;
    await advance(40_000);
    expect(h.log.length).toBe(sent);
  });

  it('sends one POST in StrictMode, even when edit() runs in a mount effect', async () => {
    h = createHarness({ engine: { latency: 1000 } });
    const seen: EditStatus[] = [];
    function AutoEdit() {
      const { edit, status } = useEdit();
      useEffect(() => edit({ prompt: 'rotate', images: [image] }), [edit]);
      seen.push(status);
      return <p>{status}</p>;
    }
    render(
      <StrictMode>
        <h.Wrapper>
          <AutoEdit />
        </h.Wrapper>
      </StrictMode>,
    );
    await advance(1500);
    await screen.findByText('completed');
    expect(h.submits()).toHaveLength(1);
  });

  it('sends one POST on a double click; editAsync while pending returns the same edit', async () => {
    h = createHarness({ engine: { latency: 1000 } });
    let api: ReturnType<typeof useEdit> | undefined;
    function Editor() {
      api = useEdit();
      return (
        <button type="button" onClick={() => api!.edit({ prompt: 'sharpen', images: [image] })}>
          {api.status}
        </button>
      );
    }
    render(
      <StrictMode>
        <h.Wrapper>
          <Editor />
        </h.Wrapper>
      </StrictMode>,
    );
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.dblClick(screen.getByRole('button'));
    const first = api!.editAsync({ prompt: 'something else', images: [image] });
    const second = api!.editAsync({ prompt: 'and another', images: [image] });
    expect(second).toBe(first);
    await advance(1500);
    await screen.findByText('completed');
    expect(h.submits()).toHaveLength(1);
    expect(h.submits()[0]!.body).toMatchObject({ prompt: 'sharpen' });
  });

  it('uploads File inputs first, reports progress, and submits their download URLs', async () => {
    h = createHarness({ engine: { latency: 500 } });
    const bytes = await png(80, 60);
    const file = new File([bytes], 'photo.png', { type: 'image/png' });
    const statuses: EditStatus[] = [];
    const { result } = renderEdit({ onStatusChange: (s) => statuses.push(s) });
    act(() => result.current.edit({ prompt: 'make it warmer', images: [file, image] }));
    expect(result.current.status).toBe('uploading');
    await advance(1000);
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(statuses[0]).toBe('uploading');
    expect(result.current.uploadProgress).toEqual({ loaded: file.size, total: file.size });

    const uploadIndex = h.log.findIndex((r) => /\/media\/upload/.test(r.path));
    const submitIndex = h.log.indexOf(h.submits()[0]!);
    expect(uploadIndex).toBeGreaterThanOrEqual(0);
    expect(uploadIndex).toBeLessThan(submitIndex);
    const submitted = (h.submits()[0]!.body as { images: string[] }).images;
    expect(submitted).toHaveLength(2);
    expect(submitted[0]).toMatch(/^http:\/\/app\.test\/api\/hidream\//);
    expect(submitted[1]).toBe(image);
    // The uploaded URL serves the very bytes of the file.
    const served = new Uint8Array(await (await h.fetch(submitted[0]!)).arrayBuffer());
    expect(served).toEqual(bytes);
  });

  it("inlines File inputs as data URIs with images: 'data-uri'", async () => {
    h = createHarness({ engine: { latency: 500 } });
    const bytes = await png();
    const { result } = renderEdit({ images: 'data-uri' });
    act(() => result.current.edit({ prompt: 'vignette', images: [new Blob([bytes])] }));
    await advance(1000);
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(h.uploads()).toHaveLength(0);
    const [uri] = (h.submits()[0]!.body as { images: string[] }).images;
    expect(uri).toBe(`data:image/png;base64,${Buffer.from(bytes).toString('base64')}`);
  });

  it('retries a result GET answered 429, after its Retry-After, and still completes', async () => {
    let refused = 0;
    h = createHarness({
      engine: { latency: 1000 },
      intercept: async (request, next) => {
        if (request.method === 'GET' && request.url.includes('/result') && refused === 0) {
          refused += 1;
          return Response.json(
            { code: 429, message: 'Too many requests' },
            { status: 429, headers: { 'retry-after': '2' } },
          );
        }
        return next(request);
      },
    });
    const { result } = renderEdit();
    act(() => result.current.edit({ prompt: 'more contrast', images: [image] }));
    await waitFor(() => expect(h.results().length).toBeGreaterThan(0));
    const refusedAt = h.results()[0]!.at;
    await advance(1000);
    expect(h.results()).toHaveLength(1); // Retry-After (2 s) not over yet
    await advance(2000);
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(refused).toBe(1);
    expect(h.results()[1]!.at - refusedAt).toBeGreaterThanOrEqual(2000);
    expect(h.submits()).toHaveLength(1);
  });
});

describe('useEdit persistence', () => {
  beforeEach(() => sessionStorage.clear());

  it('resumes a running edit after a remount instead of losing it, then forgets it', async () => {
    h = createHarness({ engine: { latency: 6000 } });
    const first = renderEdit({ persist: 'session', persistKey: 'editor-1' });
    act(() => first.result.current.edit({ prompt: 'sepia please', images: [image], size: '1024*1024' }));
    await waitFor(() => expect(first.result.current.status).toBe('processing'));
    const id = first.result.current.prediction!.id;
    expect(JSON.parse(sessionStorage.getItem('editor-1')!)).toMatchObject({
      id,
      summary: { prompt: 'sepia please', size: '1024*1024', imageCount: 1 },
    });
    first.unmount();
    await advance(1000);
    expect(sessionStorage.getItem('editor-1')).not.toBeNull(); // an unmount keeps it

    const second = renderEdit({ persist: 'session', persistKey: 'editor-1' }, true);
    await waitFor(() => expect(second.result.current.status).toBe('processing'));
    expect(second.result.current.summary?.prompt).toBe('sepia please');
    expect(second.result.current.elapsedMs).toBeGreaterThanOrEqual(1000); // counted from the original start
    await advance(6000);
    await waitFor(() => expect(second.result.current.status).toBe('completed'));
    expect(second.result.current.prediction?.id).toBe(id);
    expect(second.result.current.outputs).toHaveLength(1);
    expect(h.submits()).toHaveLength(1);
    expect(sessionStorage.getItem('editor-1')).toBeNull();
  });

  it('forgets a stored id the server no longer knows', async () => {
    h = createHarness();
    const record = { id: 'expired_prediction', startedAt: Date.now() - 60_000, summary: { prompt: 'blur', imageCount: 1 } };
    sessionStorage.setItem('hidream-edit:running', JSON.stringify(record));
    const { result } = renderEdit({ persist: 'session' });
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(result.current.error).toMatchObject({ code: 'not_found', predictionId: 'expired_prediction' });
    expect(sessionStorage.getItem('hidream-edit:running')).toBeNull();
    expect(h.submits()).toHaveLength(0);
  });

  it('forgets the stored id on cancel()', async () => {
    h = createHarness({ engine: { latency: 6000 } });
    const { result } = renderEdit({ persist: 'session' });
    act(() => result.current.edit({ prompt: 'flip', images: [image] }));
    await waitFor(() => expect(sessionStorage.getItem('hidream-edit:running')).not.toBeNull());
    act(() => result.current.cancel());
    expect(sessionStorage.getItem('hidream-edit:running')).toBeNull();
  });
});

describe('useEdit outside its providers', () => {
  it('says which provider is missing', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useEdit())).toThrow(/useEdit must be used inside <HidreamProvider/);
    h = createHarness();
    const { client } = h;
    expect(() =>
      renderHook(() => useEdit(), {
        wrapper: ({ children }) => <HidreamProviderOnly client={client}>{children}</HidreamProviderOnly>,
      }),
    ).toThrow(/QueryClientProvider/);
  });
});
