/**
 * Query keys for everything hidream-edit caches in TanStack Query, so apps can prefetch, read, invalidate or
 * remove it: `queryClient.invalidateQueries({ queryKey: hidreamKeys.predictions() })`.
 */
export const hidreamKeys = {
  all: ['hidream-edit'] as const,
  /** Prefix of every prediction query. */
  predictions: () => [...hidreamKeys.all, 'prediction'] as const,
  /** One prediction, as `usePrediction(id)` and `useEdit` cache it. */
  prediction: (id: string) => [...hidreamKeys.predictions(), id] as const,
  /** The `mutationKey` of every `useEdit` mutation (for `useIsMutating` / `useMutationState`). */
  edits: () => [...hidreamKeys.all, 'edit'] as const,
};
