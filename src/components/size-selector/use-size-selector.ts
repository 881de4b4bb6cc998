import { useCallback, useMemo, useRef, useState } from 'react';
import { DEFAULT_SIZE } from '../../core/constants.js';
import { formatSize, snapSize, SIZE_PRESETS, type SizePreset } from '../../core/index.js';
import { useControllableState } from '../utils/index.js';
import { describeSize, type SizeDescription } from './describe-size.js';
import { defaultSizeSelectorLabels, type SizeSelectorLabels } from './labels.js';

export interface UseSizeSelectorOptions {
  /** The size as `"W*H"` (controlled). */
  value?: string;
  /** @default "2048*2048" */
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  /** @default SIZE_PRESETS */
  presets?: readonly SizePreset[];
  /** Lock the aspect ratio while typing a side (controlled). */
  aspectLocked?: boolean;
  /** @default false */
  defaultAspectLocked?: boolean;
  onAspectLockedChange?: (locked: boolean) => void;
  /** The first reference image's size; enables "Match first reference". */
  referenceSize?: { width: number; height: number } | null;
  /** @default false */
  disabled?: boolean;
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
  const [aspectLocked, setLocked] = useControllableState({
    value: options.aspectLocked,
    defaultValue: options.defaultAspectLocked ?? false,
    onChange: options.onAspectLockedChange,
  });
  const [draft, setDraft] = useState<{ width: string; height: string } | null>(null);
  const description = useMemo(() => describeSize(value), [value]);
  const ratio = useRef<number | null>(null);
  if (aspectLocked && ratio.current === null && description.valid) ratio.current = description.width / description.height;
  if (!aspectLocked) ratio.current = null;

  const setSize = useCallback(
    (width: number, height: number, changed?: 'width' | 'height') => {
      const r = ratio.current;
      if (r && changed === 'width') height = Math.max(1, Math.round(width / r));
      if (r && changed === 'height') width = Math.max(1, Math.round(height * r));
      if (!changed) ratio.current = width / height;
      setValue(formatSize(width, height));
      setDraft(null);
    },
    [setValue],
  );

  const shown = {
    width: Number.isNaN(description.width) ? '' : String(description.width),
    height: Number.isNaN(description.height) ? '' : String(description.height),
  };
  const setSideText = useCallback(
    (side: 'width' | 'height', text: string) => {
      const next = { ...(draft ?? shown), [side]: text };
      const n = Number(text);
      const other = Number(side === 'width' ? next.height : next.width);
      if (text.trim() !== '' && Number.isInteger(n) && n > 0 && Number.isInteger(other) && other > 0) {
        if (side === 'width') setSize(n, other, 'width');
        else setSize(other, n, 'height');
        setDraft(null);
        return;
      }
      setDraft(next);
    },
    [draft, shown.width, shown.height, setSize],
  );

  const selectedPreset = presets.find((p) => p.width === description.width && p.height === description.height);
  const matchReference = useCallback(() => {
    if (!referenceSize) return;
    const s = snapSize(referenceSize.width, referenceSize.height);
    setSize(s.width, s.height);
  }, [referenceSize, setSize]);

  const { snapped, reason, megapixels } = description;
  const summary = !description.valid
    ? labels.invalid
    : reason && snapped
      ? `${labels.output(snapped.width, snapped.height, megapixels!)}. ${labels.snapped(description.width, description.height, labels.reasons[reason])}`
      : labels.output(snapped!.width, snapped!.height, megapixels!);

  return {
    ...description,
    value,
    setValue,
    setSize,
    presets,
    selectedPreset,
    selectPreset: (p) => setSize(p.width, p.height),
    aspectLocked,
    setAspectLocked: setLocked,
    referenceSize,
    matchReference,
    widthText: draft?.width ?? shown.width,
    heightText: draft?.height ?? shown.height,
    setSideText,
    resetText: () => setDraft(null),
    disabled,
    labels,
    summary,
  };
}
