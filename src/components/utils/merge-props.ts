type AnyProps = Record<string, unknown>;

function isHandler(key: string, value: unknown): value is (...args: unknown[]) => unknown {
  return /^on[A-Z]/.test(key) && typeof value === 'function';
}

/**
 * Merges the caller's props with the library's: the caller's event handler runs first, and the library's
 * is skipped when the caller called `event.preventDefault()` ... unless the event is not cancelable.
 * `className`s are joined, `style`s merged (caller wins), anything else: caller wins.
 */
export function mergeProps<T extends AnyProps>(ours: T, theirs: AnyProps | undefined): T {
  if (!theirs) return ours;
  const merged: AnyProps = { ...ours };
  for (const [key, value] of Object.entries(theirs)) {
    if (value === undefined) continue;
    const own = merged[key];
    if (isHandler(key, value) && isHandler(key, own)) {
      merged[key] = (...args: unknown[]) => {
        value(...args);
        const event = args[0] as { defaultPrevented?: boolean } | undefined;
        if (!event?.defaultPrevented) own(...args);
      };
    } else if (key === 'className' && typeof own === 'string' && typeof value === 'string') {
      merged[key] = `${own} ${value}`;
    } else if (key === 'style' && typeof own === 'object' && typeof value === 'object') {
      merged[key] = { ...own, ...value };
    } else {
      merged[key] = value;
    }
  }
  return merged as T;
}
