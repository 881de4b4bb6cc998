import { PREDICTION_ID_PATTERN } from './constants.js';

/** True for an id safe to put in a URL path: 1..128 letters, digits, `_` or `-` (no `/`, `.`, `%`, `#`, `?`). */
export function isPredictionId(id: unknown): id is string {
  return typeof id == 'string' && PREDICTION_ID_PATTERN.test(id);
}
