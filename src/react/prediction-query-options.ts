import { queryOptions } from '@tanstack/react-query';
import { isEditError, isTerminalStatus, type EditError, type HidreamClient, type Prediction } from '../core/index.js';
import { pollDelay } from './poll-delay.js';
import { hidreamKeys } from './query-keys.js';

export interface PredictionQueryConfig {
  /**
   * Longest time, in seconds, a server that supports long-polling (our proxy) may hold one result GET until the
   * status changes. Plain WaveSpeed ignores it and the query polls on an adaptive interval instead.
   * @default 25
   */
  wait?: number;
}

// How long the request that produced each prediction took (data objects are never shared between fetches).
const requestMs = new WeakMap<Prediction, number>();

/**
 * Query options for one prediction: fetch it, then keep polling until it is terminal (long-polling through our
 * proxy, adaptive polling elsewhere). Use with `useQuery`, `useSuspenseQuery`, `queryClient.prefetchQuery` or
 * `fetchQuery`. A terminal prediction is never refetched. Failed predictions are data, not errors; errors are
 * request failures (`EditError`), after the client's own retries.
 */
export function predictionQueryOptions(client: HidreamClient, id: string, { wait = 25 }: PredictionQueryConfig = {}) {
  return queryOptions<Prediction, EditError, Prediction, ReturnType<typeof hidreamKeys.prediction>>({
    queryKey: hidreamKeys.prediction(id),
    queryFn: async ({ signal, client: queryClient, queryKey }) => {
      const previous = queryClient.getQueryData<Prediction>(queryKey);
      const started = Date.now();
      const prediction = await client.getResult(
        id,
        previous && !isTerminalStatus(previous.status) ? { signal, wait, since: previous.status } : { signal },
      );
      requestMs.set(prediction, Date.now() - started);
      return prediction;
    },
    structuralSharing: false,
    retry: false,
    staleTime: (query) => (query.state.data && isTerminalStatus(query.state.data.status) ? Infinity : 0),
    refetchInterval: (query) => {
      const { data, error } = query.state;
      if (data && isTerminalStatus(data.status)) return false;
      if (isEditError(error, 'not_found') || isEditError(error, 'unauthorized') || isEditError(error, 'invalid_input')) {
        return false;
      }
      return data ? pollDelay(data, requestMs.get(data) ?? 0) : 1000;
    },
    refetchIntervalInBackground: true,
  });
}
