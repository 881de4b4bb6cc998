import type { CSSProperties } from 'react';

/** Hides an element visually while keeping it in the accessibility tree (live regions, name prefixes). */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};
