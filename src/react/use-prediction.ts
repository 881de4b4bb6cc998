import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { isTerminalStatus, type EditError, type Prediction } from '../core/index.js';
import { useHidreamClient, useRequiredQueryClient } from './hidream-provider.js';
import { predictionQueryOptions, type PredictionQueryConfig } from './prediction-query-options.js';

export interface UsePredictionOptions extends PredictionQueryConfig {
  /**
   * Fetch and poll only while true (an empty `id` never fetches).
   * @default true
   */
  enabled?: boolean;
}

export type UsePredictionResult = UseQueryResult<Prediction, EditError> & {
  /** The latest prediction (same as `data`). */
  prediction: Prediction | undefined;
  /** True once the prediction completed or failed: polling has stopped. */
  isTerminal: boolean;
};

/**
 * Follows any prediction by id (one resumed after a reload, or submitted by a server) until it is terminal,
 * then stops. A TanStack Query query under `hidreamKeys.prediction(id)`, built from `predictionQueryOptions`.
 */
export function usePrediction(id: string | null | undefined, options: UsePredictionOptions = {}): UsePredictionResult {
  const client = useHidreamClient('usePrediction');
  const queryClient = useRequiredQueryClient('usePrediction');
  const query = useQuery(
    { ...predictionQueryOptions(client, id ?? '', options), enabled: !!id && (options.enabled ?? true) },
    queryClient,
  );
  return { ...query, prediction: query.data, isTerminal: !!query.data && isTerminalStatus(query.data.status) };
}
