import { createContext, useContext, type Context } from 'react';

/**
 * A context shared by a component's parts. `use(partName)` throws a sentence naming the root when a part is
 * rendered outside it.
 */
export function createPartContext<T>(rootName: string): [Context<T | null>, (partName: string) => T] {
  const context = createContext<T | null>(null);
  context.displayName = rootName;
  function usePartContext(partName: string): T {
    const value = useContext(context);
    if (value === null) throw new Error(`<${partName}> must be placed inside <${rootName}>.`);
    return value;
  }
  return [context, usePartContext];
}
