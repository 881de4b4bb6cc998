import { createContext, useContext, type Context } from 'react';

/** A context shared by a component's parts, named after its root (`displayName`, also used in errors). */
export function createPartContext<T>(rootName: string): Context<T | null> {
  const context = createContext<T | null>(null);
  context.displayName = rootName;
  return context;
}

/** Reads a part context; throws a sentence naming the root when the part `partName` is rendered outside it. */
export function usePartContext<T>(context: Context<T | null>, partName: string): T {
  const value = useContext(context);
  if (value === null) throw new Error(`<${partName}> must be placed inside <${context.displayName}>.`);
  return value;
}
