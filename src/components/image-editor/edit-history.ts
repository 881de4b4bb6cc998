import type { OutputFormat, Prediction } from '../../core/types.js';

/** One finished edit of the session. `R` is the reference type (ReferencePicker's `ReferenceImage`). */
export interface EditHistoryEntry<R = unknown> {
  /** The prediction id. */
  id: string;
  prompt: string;
  seed: number;
  size: string;
  format: OutputFormat;
  /** The result, displayable (`data:` URI for base64 outputs). */
  output: string;
  prediction: Prediction;
  /** The references this edit was run on: restored on undo/redo. */
  references: readonly R[];
  /** The first reference's preview, for before/after. */
  source: string | null;
  elapsedMs: number;
}

/** A linear history with a cursor: `index` is the entry shown (-1: none yet). */
export interface EditHistory<R = unknown> {
  entries: readonly EditHistoryEntry<R>[];
  index: number;
}

export const emptyHistory: EditHistory<never> = { entries: [], index: -1 };

/** Adds a finished edit after the current one, dropping any redo branch. */
export function pushHistory<R>(history: EditHistory<R>, entry: EditHistoryEntry<R>): EditHistory<R> {
  const entries = [...history.entries.slice(0, history.index + 1), entry];
  return { entries, index: entries.length - 1 };
}

/** Moves the cursor to `index`, clamped to the entries. */
export function goToHistory<R>(history: EditHistory<R>, index: number): EditHistory<R> {
  const next = Math.max(Math.min(index, history.entries.length - 1), history.entries.length ? 0 : -1);
  return next === history.index ? history : { ...history, index: next };
}

/** A random seed in 0..2147483647, drawn by the editor so the seed used can be shown and pinned. */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 2147483648);
}

/** `$0.02`. */
export function formatUsd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}
