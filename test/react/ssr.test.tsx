// @vitest-environment node
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createClient } from '../../src/core/index.js';

async function renderEditor(entry: Promise<typeof import('../../src/react/index.js')>) {
  const { HidreamProvider, useEdit, usePrediction } = await entry;
  function Editor() {
    const edit = useEdit({ persist: 'session' });
    const resumed = usePrediction('pred_abc');
    return (
      <p>
        {edit.status} {edit.elapsedMs} {resumed.prediction?.status ?? 'unknown'}
      </p>
    );
  }
  return renderToString(
    <QueryClientProvider client={new QueryClient()}>
      <HidreamProvider client={createClient({ baseUrl: 'https://app.example.com/api/hidream' })}>
        <Editor />
      </HidreamProvider>
    </QueryClientProvider>,
  );
}

describe('server rendering, without a window', () => {
  it('renders the provider and hooks (persistence included)', async () => {
    expect(typeof window).toBe('undefined');
    const html = await renderEditor(import('../../src/react/index.js'));
    expect(html).toContain('idle');
    expect(html).toContain('unknown');
  });

  it('imports the whole React entry (hooks and components) without touching browser globals', async () => {
    const html = await renderEditor(import('../../src/index.js'));
    expect(html).toContain('idle');
  });

  it('renders every component to HTML on the server, as Next.js does for client components', async () => {
    const { HidreamProvider, ImageEditor, ReferencePicker, SizeSelector, ResultViewer } = await import('../../src/index.js');
    const consoleError = vi.spyOn(console, 'error');
    onTestFinished(() => consoleError.mockRestore());
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <HidreamProvider client={createClient({ baseUrl: 'https://app.example.com/api/hidream' })}>
          <ImageEditor defaultPrompt="Make it warmer" seed={42} />
          <ReferencePicker.Root />
          <SizeSelector.Root />
          <ResultViewer.Root status="processing" elapsedMs={1200} />
        </HidreamProvider>
      </QueryClientProvider>,
    );
    expect(html).toContain('Make it warmer');
    expect(html).toContain('aria-label="Add reference images"');
    expect(html).toContain('Run edit');
    expect(html).toContain('value="42"');
    expect(html).toContain('Processing…');
    expect(consoleError).not.toHaveBeenCalled(); // no React warnings (hydration-unsafe effects, bad props)
  });
});
