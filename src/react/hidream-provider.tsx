import { QueryClientContext, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { HidreamClient } from '../core/index.js';

// Written so that a bundle that does not use it can drop it (no top-level statement with a side effect).
const HidreamContext = /* @__PURE__ */ Object.assign(/* @__PURE__ */ createContext<HidreamClient | null>(null), { displayName: 'HidreamContext' });

export interface HidreamProviderProps {
  /** The client every hook below uses, usually `createClient({ baseUrl: '/api/hidream' })` pointing at your proxy. */
  client: HidreamClient;
  /** The part of your app (editor, hooks, components) that uses the client. @default undefined */
  children?: ReactNode;
}

/**
 * Supplies the hidream-edit client to the hooks and components below it. The app brings its own
 * `<QueryClientProvider>` (from `@tanstack/react-query`), inside or outside this provider.
 */
export function HidreamProvider({ client, children }: HidreamProviderProps) {
  return <HidreamContext.Provider value={client}>{children}</HidreamContext.Provider>;
}

/**
 * The client from the nearest `<HidreamProvider>`. `hookName` only words the error thrown when there is none.
 */
export function useHidreamClient(hookName = 'useHidreamClient'): HidreamClient {
  const client = useContext(HidreamContext);
  if (client === null) {
    throw new Error(
      `${hookName} must be used inside <HidreamProvider client={createClient({ baseUrl })}>: wrap your editor (or app) in it.`,
    );
  }
  return client;
}

/** The app's QueryClient, with a sentence saying what to do when there is none. */
export function useRequiredQueryClient(hookName: string): QueryClient {
  const queryClient = useContext(QueryClientContext);
  if (!queryClient) {
    throw new Error(
      `${hookName} needs TanStack Query: wrap your app in <QueryClientProvider client={new QueryClient()}> from @tanstack/react-query.`,
    );
  }
  return queryClient;
}
