import type { ReferenceImage } from './types.js';

/** Returns a copy of `list` with the item `id` moved to `to` (clamped), or `list` itself when nothing moves. */
export function moveItem(list: ReferenceImage[], id: string, to: number): ReferenceImage[] {
  const from = list.findIndex((item) => item.id === id);
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from === target) return list;
  const next = list.filter((item) => item.id !== id);
  next.splice(target, 0, list[from]!);
  return next;
}

let counter = 0;
/** An id unique within the page. */
export const createId = () => `ref-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * What to pass as `images` to `useEdit().edit(...)`: each reference's source (a `Blob`/`File` or a URL), in
 * order. A reference still `processing` contributes its original file: wait for `processing` to be false to
 * send the downscaled copies.
 */
export function toEditImages(refs: readonly ReferenceImage[]): Array<Blob | string> {
  return refs.map((ref) => ref.source);
}
