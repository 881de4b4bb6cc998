// Next.js renders client components to HTML on the server, then hydrates them: the browser's first render must
// produce exactly the server's HTML, or React throws the markup away (and warns).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { expect, it, onTestFinished, vi } from 'vitest';
import { createClient } from '../../src/core/index.js';
import { HidreamProvider, ImageEditor } from '../../src/index.js';

function App() {
  return (
    <QueryClientProvider client={new QueryClient()}>
      <HidreamProvider client={createClient({ baseUrl: 'https://app.example.com/api/hidream' })}>
        <ImageEditor defaultPrompt="Make it warmer" seed={7} />
      </HidreamProvider>
    </QueryClientProvider>
  );
}

it('hydrates the server HTML of the whole editor without a mismatch', async () => {
  const container = document.createElement('div');
  container.innerHTML = renderToString(<App />);
  document.body.append(container);
  onTestFinished(() => container.remove());
  const serverHtml = container.innerHTML;
  const consoleError = vi.spyOn(console, 'error');
  onTestFinished(() => consoleError.mockRestore());
  const recoverable = vi.fn();
  const root = await act(async () => hydrateRoot(container, <App />, { onRecoverableError: recoverable }));
  onTestFinished(() => root.unmount());
  expect(recoverable).not.toHaveBeenCalled();
  expect(consoleError).not.toHaveBeenCalled();
  expect(container.querySelector('textarea')).toHaveValue('Make it warmer');
  expect(container.innerHTML).toBe(serverHtml);
});
