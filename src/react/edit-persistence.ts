import { isPredictionId, type OutputFormat } from '../core/index.js';

/** Where `useEdit` keeps the running prediction id: `sessionStorage` (this tab) or `localStorage` (every tab). */
export type PersistMode = 'session' | 'local';

/** What an edit asked for, without its images: enough to show what a resumed edit is about. */
export interface EditSummary {
  prompt: string;
  size?: string;
  output_format?: OutputFormat;
  seed?: number;
  /** How many reference images the edit had. */
  imageCount: number;
}

/** The record `useEdit({ persist })` stores while a prediction runs. */
export interface PersistedEdit {
  id: string;
  /** `Date.now()` when the edit started, so a resumed edit's elapsed time keeps counting from there. */
  startedAt: number;
  summary: EditSummary;
}

/** Default storage key of `useEdit({ persist })`. */
export const DEFAULT_PERSIST_KEY = 'hidream-edit:running';

// Storage is looked up on every call, never at import: this module loads during server rendering too.
function storage(mode: PersistMode): Storage | null {
  try {
    return (mode === 'local' ? globalThis.localStorage : globalThis.sessionStorage) ?? null;
  } catch {
    return null; // blocked by privacy settings, or no DOM
  }
}

/** The stored running edit, or null when there is none, storage is unavailable or the record is not ours. */
export function readPersistedEdit(mode: PersistMode, key = DEFAULT_PERSIST_KEY): PersistedEdit | null {
  try {
    const raw = storage(mode)?.getItem(key);
    const record = raw ? (JSON.parse(raw) as Partial<PersistedEdit>) : null;
    if (!record || !isPredictionId(record.id) || typeof record.startedAt !== 'number' || typeof record.summary !== 'object') {
      return null;
    }
    return record as PersistedEdit;
  } catch {
    return null;
  }
}

export function writePersistedEdit(mode: PersistMode, key: string, record: PersistedEdit): void {
  try {
    storage(mode)?.setItem(key, JSON.stringify(record));
  } catch {
    // quota or privacy mode: the edit still runs, it just cannot be resumed after a reload
  }
}

export function clearPersistedEdit(mode: PersistMode, key = DEFAULT_PERSIST_KEY): void {
  try {
    storage(mode)?.removeItem(key);
  } catch {
    // nothing to clear
  }
}
