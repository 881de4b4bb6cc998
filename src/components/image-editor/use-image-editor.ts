import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_OUTPUT_FORMAT, DEFAULT_SIZE, MAX_SEED, PRICE_PER_EDIT_USD } from '../../core/constants.js';
import type { EditError, OutputFormat, Prediction } from '../../core/index.js';
import { useEdit, type UseEditOptions, type UseEditResult } from '../../react/index.js';
import { toEditImages, type ReferenceImage } from '../reference-picker/index.js';
import { outputSrc } from '../result-viewer/output-file.js';
import type { UseResultViewerOptions } from '../result-viewer/use-result-viewer.js';
import { useControllableState } from '../utils/use-controllable-state.js';
import { describeSize } from '../size-selector/describe-size.js';
import { emptyHistory, formatUsd, goToHistory, pushHistory, randomSeed, type EditHistory, type EditHistoryEntry } from './edit-history.js';
import { defaultImageEditorLabels, PROMPT_TEMPLATES, type ImageEditorLabels, type PromptTemplate } from './labels.js';

export type ImageEditorEntry = EditHistoryEntry<ReferenceImage>;

export interface UseImageEditorOptions {
  /** The prompt (controlled: keep it in your state and update it from `onPromptChange`). @default undefined */
  prompt?: string;
  /** The prompt the editor starts with (uncontrolled). @default "" */
  defaultPrompt?: string;
  /** Called with the prompt on every change: typing, an inserted template. @default undefined */
  onPromptChange?: (prompt: string) => void;
  /** The output size `"W*H"` (controlled). @default undefined */
  size?: string;
  /** The output size (`"W*H"`) the editor starts with (uncontrolled). @default "2048*2048" */
  defaultSize?: string;
  /** Called with the new size (`"W*H"`) on every change. @default undefined */
  onSizeChange?: (size: string) => void;
  /** The output format (controlled). @default undefined */
  format?: OutputFormat;
  /** The output format the editor starts with (uncontrolled). @default "jpeg" */
  defaultFormat?: OutputFormat;
  /** Called with the new output format. @default undefined */
  onFormatChange?: (format: OutputFormat) => void;
  /**
   * The pinned seed (controlled): a number sends that seed, `null` a new random one each run. While the user
   * types something that is not a seed, the text stays in the field and Run is blocked; nothing is reported.
   * @default undefined
   */
  seed?: number | null;
  /**
   * A pinned seed to start with (uncontrolled); absent: a new random seed each run.
   * @default undefined (random seed)
   */
  defaultSeed?: number;
  /**
   * Called when the user pins a seed (typing a valid one, "Pin this seed") or switches to random (`null`).
   * @default undefined
   */
  onSeedChange?: (seed: number | null) => void;
  /** The references (controlled). @default undefined */
  references?: ReferenceImage[];
  /** References to start with (uncontrolled). @default [] */
  defaultReferences?: ReferenceImage[];
  /**
   * Called with the new list on every add, remove, reorder and finished downscale, and when "Edit this result
   * again" or a history step replaces the references.
   * @default undefined
   */
  onReferencesChange?: (references: ReferenceImage[]) => void;
  /**
   * Submit with `enable_sync_mode`: the server answers when the edit is done. A sync submit that times out
   * keeps running and is followed by its id, never resubmitted.
   * @default false
   */
  syncMode?: boolean;
  /** Most references, passed to the reference picker as `maxFiles`. @default 5 (the picker's DEFAULT_MAX_IMAGES) */
  maxImages?: number;
  /** The prompt templates offered as chips by `Templates`. @default PROMPT_TEMPLATES */
  templates?: readonly PromptTemplate[];
  /** Replace any visible or announced string, including those of the nested picker, selector and viewer. @default English (the exported default labels) */
  labels?: Partial<ImageEditorLabels>;
  /** Options of the underlying `useEdit` (image transport, persistence, timeout...). @default {} */
  editOptions?: Omit<UseEditOptions, 'onCompleted' | 'onError'>;
  /** An edit finished: its history entry (prediction, output, seed, size...). @default undefined */
  onComplete?: (entry: ImageEditorEntry) => void;
  /** An edit failed (not called for a cancel); the error says why and keeps the prediction id when there is one. @default undefined */
  onError?: (error: EditError) => void;
  /** Source of random seeds (0..1). @default Math.random */
  random?: () => number;
}

interface RunInfo {
  prompt: string;
  size: string;
  format: OutputFormat;
  seed: number;
  references: ReferenceImage[];
  source: string | null;
  startedAt: number;
}

const isSeed = (text: string) => /^\d{1,10}$/.test(text.trim()) && Number(text) <= MAX_SEED;

/** The logic of `ImageEditor`: inputs, validation, the run, seeds, history with undo/redo, cost. */
export function useImageEditor(options: UseImageEditorOptions = {}) {
  const { templates = PROMPT_TEMPLATES, maxImages, random } = options;
  const labels = useMemo(() => ({ ...defaultImageEditorLabels, ...options.labels }), [options.labels]);
  const o = options;
  const [references, setReferences] = useControllableState({ value: o.references, defaultValue: o.defaultReferences ?? [], onChange: o.onReferencesChange });
  const [prompt, setPrompt] = useControllableState({ value: o.prompt, defaultValue: o.defaultPrompt ?? '', onChange: o.onPromptChange });
  const [size, setSize] = useControllableState({ value: o.size, defaultValue: o.defaultSize ?? DEFAULT_SIZE, onChange: o.onSizeChange });
  const [format, setFormat] = useControllableState({ value: o.format, defaultValue: o.defaultFormat ?? DEFAULT_OUTPUT_FORMAT, onChange: o.onFormatChange });
  const [seed, setSeed] = useControllableState<number | null>({ value: o.seed, defaultValue: o.defaultSeed ?? null, onChange: o.onSeedChange });
  // Text in the seed field that is not a seed (yet): shown, and blocks Run, but never reported.
  const [draft, setDraft] = useState<string | null>(null);
  // The text left in the (disabled) field while seeds are random.
  const [kept, setKept] = useState('');
  const [seenSeed, setSeenSeed] = useState(seed);
  if (seenSeed !== seed) {
    // A seed set from outside replaces whatever half-typed text is in the field.
    setSeenSeed(seed);
    setDraft(null);
  }
  const seedRandom = seed === null && draft === null;
  const seedText = draft ?? (seed === null ? kept : String(seed));
  const setSeedText = (text: string) => {
    if (isSeed(text)) {
      setDraft(null);
      setSeed(Number(text));
    } else setDraft(text);
  };
  const setSeedRandom = (random: boolean) => {
    if (random) {
      setKept(seedText);
      setDraft(null);
      setSeed(null);
    } else setSeedText(kept);
  };
  const [history, setHistory] = useState<EditHistory<ReferenceImage>>(emptyHistory);
  const [edits, setEdits] = useState(0);
  const [lastRun, setLastRun] = useState<RunInfo | null>(null);
  const run = useRef(lastRun);
  const latest = useRef(options);
  latest.current = options;
  const ids = { prompt: useId(), hint: useId(), reason: useId() };

  // Object URLs the editor owns: previews of Blob references kept in the history (the picker revokes its own).
  const urls = useRef(new Map<Blob, string>());
  const previewOf = (ref: ReferenceImage | undefined): string | null => {
    if (!ref || typeof ref.source === 'string') return ref ? ref.previewUrl || (ref.source as string) : null;
    let url = urls.current.get(ref.source);
    if (!url && URL.createObjectURL) urls.current.set(ref.source, (url = URL.createObjectURL(ref.source)));
    return url ?? null;
  };
  useEffect(() => {
    const owned = urls.current;
    return () => {
      owned.forEach((url) => URL.revokeObjectURL(url));
      owned.clear();
    };
  }, []);

  const edit: UseEditResult = useEdit({
    ...options.editOptions,
    onCompleted: (prediction: Prediction) => {
      const info = run.current;
      if (!info || !prediction.outputs[0]) return;
      const { startedAt, ...used } = info;
      const entry: ImageEditorEntry = {
        ...used,
        id: prediction.id,
        output: outputSrc(prediction.outputs[0], info.format),
        prediction,
        elapsedMs: Date.now() - startedAt,
      };
      setHistory((h) => pushHistory(h, entry));
      setEdits((n) => n + 1);
      latest.current.onComplete?.(entry);
    },
    onError: (error) => latest.current.onError?.(error),
  });

  const sizeValid = describeSize(size).valid;
  const trimmed = prompt.trim();
  const reason = edit.isPending
    ? labels.busy
    : !references.length
      ? labels.needReference
      : references.some((r) => r.status === 'processing')
        ? labels.resizing
        : !trimmed
          ? labels.needPrompt
          : templates.some((t) => t.text.match(/\[[^\]]+\]/g)?.some((p) => trimmed.includes(p)))
            ? labels.fillPlaceholder
            : !sizeValid
              ? labels.invalidSize
              : draft !== null
                ? labels.invalidSeed
                : null;

  const start = () => {
    if (reason) return;
    const used = seed ?? randomSeed(random);
    const info: RunInfo = { prompt: trimmed, size, format, seed: used, references, source: previewOf(references[0]), startedAt: Date.now() };
    run.current = info;
    setLastRun(info);
    edit.edit({ prompt: trimmed, images: toEditImages(references), size, output_format: format, seed: used, ...(options.syncMode && { enable_sync_mode: true }) });
  };

  const goTo = (index: number) => {
    const next = goToHistory(history, index);
    const entry = next.entries[next.index];
    if (edit.isPending || !entry || next === history) return;
    setHistory(next);
    setReferences(entry.references.map((r) => (typeof r.source === 'string' ? r : { ...r, previewUrl: previewOf(r)! })));
    edit.reset();
  };

  const current = history.entries[history.index];
  const editAgain = (output: string) => {
    const { width, height } = describeSize(current?.size ?? DEFAULT_SIZE).snapped!;
    setReferences([
      {
        id: `result-${current?.id ?? Date.now()}`,
        name: labels.result,
        source: output,
        previewUrl: output,
        width,
        height,
        format: current?.format ?? null,
        bytes: null,
        status: 'ready',
        downscaled: false,
      },
    ]);
    edit.reset();
  };

  // The running edit (with what the last run asked for), or the history entry shown.
  const live = edit.status !== 'idle';
  const shown = live ? lastRun : current;
  const viewer: UseResultViewerOptions = {
    ...(live
      ? { status: edit.status, prediction: edit.prediction ?? null, error: edit.error, elapsedMs: edit.elapsedMs, uploadProgress: edit.uploadProgress, format }
      : { status: current ? 'completed' : 'idle', prediction: current?.prediction ?? null, error: null, elapsedMs: current?.elapsedMs }),
    ...(shown && { source: shown.source, format: shown.format, prompt: shown.prompt }),
  };

  // Inserting a template selects its first [placeholder], so typing replaces it.
  const promptRef = useRef<HTMLTextAreaElement | null>(null);
  const selection = useRef<[number, number] | null>(null);
  const insertTemplate = (template: PromptTemplate) => {
    const base = prompt.trimEnd();
    const text = base ? `${base} ${template.text}` : template.text;
    const at = text.indexOf('[', base.length);
    selection.current = at < 0 ? [text.length, text.length] : [at, text.indexOf(']', at) + 1];
    setPrompt(text);
  };
  useLayoutEffect(() => {
    const el = promptRef.current ?? (document.getElementById(ids.prompt) as HTMLTextAreaElement | null);
    if (!selection.current || !el) return;
    el.focus();
    el.setSelectionRange(...selection.current);
    selection.current = null;
  }, [prompt]);

  return {
    edit,
    labels,
    templates,
    maxImages,
    references,
    setReferences,
    firstReferenceSize: references[0] ? { width: references[0].width, height: references[0].height } : null,
    prompt,
    setPrompt,
    /** The prompt textarea of a headless UI (the `Prompt` part is found by its id), for selecting inserted placeholders. */
    promptRef,
    insertTemplate,
    size,
    setSize,
    sizeValid,
    format,
    setFormat,
    seedRandom,
    setSeedRandom,
    seedText,
    setSeedText,
    /** The seed of the latest run. */
    lastSeed: lastRun?.seed ?? null,
    pinSeed: () => {
      if (!lastRun) return;
      setDraft(null);
      setSeed(lastRun.seed);
    },
    /** Why Run is disabled, or null. */
    reason,
    canRun: reason === null,
    run: start,
    cancel: edit.cancel,
    history,
    goTo,
    canUndo: !edit.isPending && history.index > 0,
    canRedo: !edit.isPending && history.index < history.entries.length - 1,
    undo: () => goTo(history.index - 1),
    redo: () => goTo(history.index + 1),
    editAgain,
    viewer,
    edits,
    price: formatUsd(PRICE_PER_EDIT_USD),
    total: formatUsd(edits * PRICE_PER_EDIT_USD),
    ids,
  };
}

export type UseImageEditorReturn = ReturnType<typeof useImageEditor>;
