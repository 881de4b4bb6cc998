// @vitest-environment node
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
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
});
