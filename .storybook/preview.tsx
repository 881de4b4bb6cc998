import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createClient } from '../src/core/index.js';
import { HidreamProvider } from '../src/react/index.js';
import { backendLoader, MOUNT, type Backend } from '../stories/support/backend.js';
import { ThemeScope, type ThemeParameter } from '../stories/support/theme.js';

/**
 * Every story gets what an app gives the editor: its own QueryClient and a client pointing at the proxy's
 * mount point (or at its own in-page engine, for the error states; see stories/support/backend.ts). A fresh
 * QueryClient per story keeps one story's cache out of the next.
 */
const withHidream: Decorator = (Story, context) => {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const baseUrl = (context.loaded.backend as Backend | undefined)?.baseUrl ?? MOUNT;
  const [client] = useState(() => createClient({ baseUrl }));
  if (context.parameters.hidream?.provider === false) return <Story />;
  return (
    <QueryClientProvider client={queryClient}>
      <HidreamProvider client={client}>
        <Story />
      </HidreamProvider>
    </QueryClientProvider>
  );
};

/** `parameters.hidream.theme: 'light' | 'dark'` loads the optional theme (src/styles.css) for that story only. */
const withTheme: Decorator = (Story, context) => {
  const theme = context.parameters.hidream?.theme as ThemeParameter | undefined;
  if (!theme) return <Story />;
  return (
    <ThemeScope theme={theme}>
      <Story />
    </ThemeScope>
  );
};

const preview: Preview = {
  loaders: [backendLoader],
  decorators: [withHidream, withTheme],
  globalTypes: {
    backend: {
      description: 'What answers at /api/hidream',
      toolbar: {
        title: 'Backend',
        icon: 'database',
        items: [
          { value: 'auto', title: "Auto: the dev server's proxy when it answers, else in-browser" },
          { value: 'browser', title: 'In-browser local engine (as in the static build)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { backend: 'auto' },
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i } },
    docs: { codePanel: true },
    options: {
      storySort: {
        order: ['Docs', ['Getting started', 'Embedding in an app', 'The proxy', 'Theming'], 'ImageEditor', 'ReferencePicker', 'SizeSelector', 'ResultViewer', 'Hooks'],
      },
    },
  },
  tags: ['autodocs'],
};

export default preview;
