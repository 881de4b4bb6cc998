import { useMemo, useRef, useState } from 'react';
import { DEFAULT_SIZE } from '../../core/constants.js';
import { formatSize, snapSize, SIZE_PRESETS, type SizePreset } from '../../core/index.js';
import { useControllableState } from '../utils/index.js';
import { describeSize, type SizeDescription } from './describe-size.js';
import { defaultSizeSelectorLabels, type SizeSelectorLabels } from './labels.js';

export interface UseSizeSelectorOptions {
  /** The size as `"W*H"` (controlled). @default undefined (uncontrolled) */
  value?: string;
  /**
   * The initial size as `"W*H"` (uncontrolled).
   * @default "2048*2048"
   */
  defaultValue?: string;
  /** Called with the new `"W*H"` size each time it changes (a preset, a typed side, "Match first reference"). @default undefined */
  onValueChange?: (value: string) => void;
  /**
   * The presets offered by `Presets` (one radio each).
   * @default SIZE_PRESETS
   */
  presets?: readonly SizePreset[];
  /** Lock the aspect ratio while typing a side (controlled). @default undefined (uncontrolled) */
  aspectLocked?: boolean;
  /**
   * Whether the aspect ratio starts locked (uncontrolled).
   * @default false
   */
  defaultAspectLocked?: boolean;
  /** Called with the new lock state when `AspectLock` is toggled. @default undefined */
  onAspectLockedChange?: (locked: boolean) => void;
  /**
   * The first reference image's size; enables "Match first reference".
   * @default null
   */
  referenceSize?: { width: number; height: number } | null;
  /**
   * Disables every preset, side input and button.
   * @default false
   */
  disabled?: boolean;
  /** Replace any visible or announced string. @default English (the exported default labels) */
  labels?: Partial<SizeSelectorLabels>;
}

export interface UseSizeSelectorReturn extends SizeDescription {
  value: string;
  setValue(value: string): void;
  /** Sets both sides; with the aspect lock on, `changed` says which side drives the other. */
  setSize(width: number, height: number, changed?: 'width' | 'height'): void;
  presets: readonly SizePreset[];
  /** The preset whose size is the current value, if any. */
  selectedPreset: SizePreset | undefined;
  selectPreset(preset: SizePreset): void;
  aspectLocked: boolean;
  setAspectLocked(locked: boolean): void;
  referenceSize: { width: number; height: number } | null;
  matchReference(): void;
  /** The text in the width and height inputs (may be mid-edit, e.g. empty). */
  widthText: string;
  heightText: string;
  setSideText(side: 'width' | 'height', text: string): void;
  /** Drops mid-edit text, showing the value again. */
  resetText(): void;
  disabled: boolean;
  labels: SizeSelectorLabels;
  /** A sentence describing the output: the snapped size, or why it differs, or why it is invalid. */
  summary: string;
}

export function useSizeSelector(options: UseSizeSelectorOptions = {}): UseSizeSelectorReturn {
  const { presets = SIZE_PRESETS, referenceSize = null, disabled = false } = options;
  const labels = useMemo(() => ({ ...defaultSizeSelectorLabels, ...options.labels }), [options.labels]);
  const [value, setValue] = useControllableState({
    value: options.value,
    defaultValue: options.defaultValue ?? DEFAULT_SIZE,
    onChange: options.onValueChange,
  });
  const [aspectLocked, setAspectLocked] = useControllableState({
    value: options.aspectLocked,
    defaultValue: !!options.defaultAspectLocked,
    onChange: options.onAspectLockedChange,
  });
  const [draft, setDraft] = useState<{ width: string; height: string } | null>(null);
  const description = useMemo(() => describeSize(value), [value]);
  const { width, height, snapped, reason } = description;
  const ratio = useRef<number | null>(null);
  if (!aspectLocked) ratio.current = null;
  else if (ratio.current === null && snapped) ratio.current = width / height;

  const setSize = (w: number, h: number, changed?: 'width' | 'height') => {
    const r = ratio.current;
    if (r && changed === 'width') h = Math.max(1, Math.round(w / r));
    if (r && changed === 'height') w = Math.max(1, Math.round(h * r));
    if (!changed) ratio.current = w / h;
    setValue(formatSize(w, h));
    setDraft(null);
  };

  const text = (n: number) => (Number.isNaN(n) ? '' : String(n));
  const widthText = draft?.width ?? text(width);
  const heightText = draft?.height ?? text(height);
  const setSideText = (side: 'width' | 'height', typed: string) => {
    const next = { width: widthText, height: heightText, [side]: typed };
    const w = Number(next.width);
    const h = Number(next.height);
    if (typed.trim() && [w, h].every((n) => Number.isInteger(n) && n > 0)) setSize(w, h, side);
    else setDraft(next);
  };

  return {
    ...description,
    value,
    setValue,
    setSize,
    presets,
    selectedPreset: presets.find((p) => p.width === width && p.height === height),
    selectPreset: (p) => setSize(p.width, p.height),
    aspectLocked,
    setAspectLocked,
    referenceSize,
    matchReference: () => {
      if (!referenceSize) return;
      const s = snapSize(referenceSize.width, referenceSize.height);
      setSize(s.width, s.height);
    },
    widthText,
    heightText,
    setSideText,
    resetText: () => setDraft(null),
    disabled,
    labels,
    summary: snapped
      ? labels.output(snapped.width, snapped.height, description.megapixels!) +
        (reason ? `. ${labels.snapped(width, height, labels.reasons[reason])}` : '')
      : labels.invalid,
  };
}
