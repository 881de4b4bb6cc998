import { useSuspenseQuery } from '@tanstack/react-query';
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { Suspense } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { hidreamKeys, predictionQueryOptions, usePrediction, type UsePredictionOptions } from '../../src/react/index.js';
import { advance, createHarness, pngDataUri, useFakeClock, type Harness, type HarnessOptions } from './harness.js';

let h: Harness;
let image: string;

useFakeClock(() => h?.close());
beforeEach(async () => {
  image = await pngDataUri();
});

/** A prediction submitted elsewhere (by a server, or before a reload): only its id reaches the hook. */
async function submitElsewhere(options: HarnessOptions, prompt = 'make it darker') {
  h = createHarness(options);
  const { id } = await h.client.submit({ prompt, images: [image] });
  h.log.length = 0;
  return id;
}

function renderPrediction(id: string | null, options?: UsePredictionOptions) {
  return renderHook(() => usePrediction(id, options), { wrapper: h.Wrapper });
}

describe('usePrediction', () => {
  it('resumes a prediction by id, follows it to completed, then stops polling', async () => {
    const id = await submitElsewhere({ engine: { latency: 5000 } });
    const { result } = renderPrediction(id);
    await waitFor(() => expect(result.current.prediction?.status).toMatch(/created|processing/));
    expect(result.current.isTerminal).toBe(false);
    await advance(5500);
    await waitFor(() => expect(result.current.prediction?.status).toBe('completed'));
    expect(result.current.isTerminal).toBe(true);
    expect(result.current.prediction!.outputs).toHaveLength(1);
    const sent = h.results().length;
    await advance(60_000);
    expect(h.results().length).toBe(sent);
  });

  it('long-polls through the proxy: a few requests for a long job', async () => {
    const id = await submitElsewhere({ engine: { latency: 12_000 } });
    const { result } = renderPrediction(id);
    await advance(13_000);
    await waitFor(() => expect(result.current.prediction?.status).toBe('completed'));
    expect(h.results().length).toBeLessThanOrEqual(4);
    expect(h.results().some((r) => /[?&]wait=/.test(r.path))).toBe(true);
  });

  it('polls on an adaptive interval when the server has no long-poll, and still completes', async () => {
    const id = await submitElsewhere({ engine: { latency: 12_000 }, proxy: { longPoll: false } });
    const { result } = renderPrediction(id);
    await advance(13_000);
    await waitFor(() => expect(result.current.prediction?.status).toBe('completed'));
    const gaps = h.results().slice(1).map((r, i) => r.at - h.results()[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(400); // never a tight loop
    expect(h.results().length).toBeLessThanOrEqual(25);
  });

  it('reports a failed prediction as data, not as a request error', async () => {
    const id = await submitElsewhere({ engine: { latency: 1000 } }, '[fail] sepia');
    const { result } = renderPrediction(id);
    await advance(1500);
    await waitFor(() => expect(result.current.prediction?.status).toBe('failed'));
    expect(result.current.isTerminal).toBe(true);
    expect(result.current.error).toBeNull();
    expect(result.current.prediction!.error).not.toBe('');
  });

  it('sends no request after unmount', async () => {
    const id = await submitElsewhere({ engine: { latency: 30_000 }, proxy: { longPoll: false } });
    const { result, unmount } = renderPrediction(id);
    await waitFor(() => expect(result.current.prediction).toBeDefined());
    await advance(3000);
    expect(h.results().length).toBeGreaterThan(2);
    const sent = h.log.length;
    unmount();
    await advance(20_000);
    expect(h.log.length).toBe(sent);
  });

  it('aborts the request held open by the proxy on unmount', async () => {
    const id = await submitElsewhere({ engine: { latency: 30_000 } });
    const { result, unmount } = renderPrediction(id);
    await waitFor(() => expect(result.current.prediction).toBeDefined());
    await advance(2000);
    const held = h.results().at(-1)!;
    expect(held.path).toMatch(/[?&]wait=/);
    unmount();
    await advance(0);
    expect(held.aborted).toBe(true);
  });

  it('does nothing without an id, or when disabled', async () => {
    const id = await submitElsewhere({});
    renderPrediction(null);
    renderPrediction(id, { enabled: false });
    await advance(3000);
    expect(h.log).toHaveLength(0);
  });

  it('surfaces an unknown id as a not_found error and stops', async () => {
    h = createHarness();
    const { result } = renderPrediction('does-not-exist');
    await waitFor(() => expect(result.current.error?.code).toBe('not_found'));
    const sent = h.log.length;
    await advance(10_000);
    expect(h.log.length).toBe(sent);
  });
});

describe('predictionQueryOptions', () => {
  it('prefetches without waiting for the end, under hidreamKeys.prediction(id)', async () => {
    const id = await submitElsewhere({ engine: { latency: 10_000 } });
    const prediction = await h.queryClient.fetchQuery(predictionQueryOptions(h.client, id));
    expect(prediction.id).toBe(id);
    expect(prediction.status).toMatch(/created|processing/);
    expect(h.queryClient.getQueryData(hidreamKeys.prediction(id))).toBe(prediction);
    expect(h.results()).toHaveLength(1);
  });

  it('works with useSuspenseQuery', async () => {
    const id = await submitElsewhere({ engine: { latency: 1000 } });
    function Status() {
      const { data } = useSuspenseQuery(predictionQueryOptions(h.client, id));
      return <p>status: {data.status}</p>;
    }
    render(
      <h.Wrapper>
        <Suspense fallback={<p>loading</p>}>
          <Status />
        </Suspense>
      </h.Wrapper>,
    );
    expect(screen.getByText('loading')).toBeInTheDocument();
    await screen.findByText(/status: (created|processing)/);
    await advance(1500);
    await screen.findByText('status: completed');
  });
});
