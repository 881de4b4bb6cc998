import { useRef, type ButtonHTMLAttributes, type CSSProperties, type HTMLAttributes, type ImgHTMLAttributes, type KeyboardEvent, type PointerEvent } from 'react';
import { createPart, createPartFactory, type Part } from '../utils/create-part.js';
import { createPartContext, usePartContext, dataAttr, useControllableState, type PartElementProps } from '../utils/index.js';
import { useResultViewer, type ResultViewerStatus, type UseResultViewerOptions, type UseResultViewerReturn } from './use-result-viewer.js';

/** State every ResultViewer part receives. */
export interface ResultViewerState {
  status: ResultViewerStatus;
  pending: boolean;
  hasOutput: boolean;
  nsfw: boolean;
  /** The output image failed to load (expired or gone). */
  unavailable: boolean;
}

const ResultViewerContext = /* @__PURE__ */ createPartContext<UseResultViewerReturn>('ResultViewer.Root');
const useResultViewerContext = (partName: string) => usePartContext(ResultViewerContext, partName);
export { useResultViewerContext };

type Own<E, S = ResultViewerState> = PartElementProps<E, S>;
type Div = Own<HTMLAttributes<HTMLDivElement>>;
type Img = Own<ImgHTMLAttributes<HTMLImageElement>>;
type Button = Own<ButtonHTMLAttributes<HTMLButtonElement>>;
const stateOf = (v: UseResultViewerReturn): ResultViewerState => ({
  status: v.status,
  pending: v.pending,
  hasOutput: v.output !== null,
  nsfw: v.nsfw,
  unavailable: v.unavailable,
});
/** The output, when there is one that loads. */
const shown = (v: UseResultViewerReturn) => (v.unavailable ? null : v.output);
const part = /* @__PURE__ */ createPartFactory('ResultViewer', useResultViewerContext, stateOf, (s) => ({ 'data-status': s.status }));

export interface ResultViewerRootProps extends UseResultViewerOptions, Own<HTMLAttributes<HTMLDivElement>> {}

/**
 * Holds the result state (from a `useEdit()` result passed as `edit`, or explicit props). Without children
 * it renders Status, Progress, Error, Compare (with a `source`) or Image, Unavailable, Nsfw, Download and EditAgain.
 */
const Root: Part<'div', ResultViewerRootProps> = /* @__PURE__ */ createPart('div', (props: ResultViewerRootProps) => {
  const { edit, status, prediction, error, elapsedMs, uploadProgress, source, format, prompt, index, onEditAgain, onRetry, onSave, labels, children, ...rest } = props;
  const v = useResultViewer(props);
  const state = stateOf(v);
  const content = children ?? (
    <>
      <Status />
      <Progress />
      <ErrorPart />
      {v.source ? <Compare /> : <Image />}
      <Unavailable />
      <Nsfw />
      <Download />
      {onEditAgain && <EditAgain />}
    </>
  );
  return [
    {
      'data-scope': 'result-viewer',
      'data-part': 'root',
      'data-status': v.status,
      'aria-busy': v.pending || undefined,
      'data-has-output': dataAttr(state.hasOutput),
      'data-unavailable': dataAttr(state.unavailable),
      children: content,
    },
    state,
    rest,
    (element) => <ResultViewerContext.Provider value={v}>{element}</ResultViewerContext.Provider>,
  ];
});

/** The live region: "Processing… 3.2 s" (the ticking time is hidden from screen readers), "Completed in 4.1 s", the failure sentence. */
const Status: Part<'div', Div> = /* @__PURE__ */ part('Status', 'div', (v) => [
  {
    role: 'status',
    'aria-live': 'polite',
    children: (
      <>
        {v.statusText}
        {v.status === 'processing' && v.seconds !== null && <span aria-hidden="true"> {v.labels.seconds(v.seconds)}</span>}
        {v.uploadPercent !== null && <span aria-hidden="true"> {v.uploadPercent}%</span>}
      </>
    ),
  },
]);

const STAGE: Record<ResultViewerStatus, number> = { idle: 0, uploading: 0.15, submitting: 0.3, processing: 0.6, completed: 1, failed: 0 };

/**
 * A progress bar: the upload percentage while uploading, indeterminate while submitting and processing, 100 when
 * completed; `--hidream-progress` gives the stage 0..1 for styling.
 */
const Progress: Part<'div', Div> = /* @__PURE__ */ part('Progress', 'div', (v) => {
  const percent = v.uploadPercent;
  return [
    {
      role: 'progressbar',
      'aria-label': v.labels.progress,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': percent ?? (v.pending ? undefined : v.status === 'completed' ? 100 : 0),
      'aria-valuetext': v.pending ? v.statusText + (percent === null ? '' : ` ${percent}%`) : undefined,
      style: { '--hidream-progress': percent === null ? STAGE[v.status] : (percent / 100) * STAGE.uploading },
    },
  ];
});

/** The result image (alt "Edited image: <prompt>"); renders nothing until there is an output, or once it fails to load. */
const Image: Part<'img', Img> = /* @__PURE__ */ part('Image', 'img', (v) => shown(v) && [{ src: v.output, alt: v.labels.image(v.prompt), onError: v.onImageError }]);

/** Says the result can no longer be loaded (outputs expire); renders nothing otherwise. */
const Unavailable: Part<'p', Own<HTMLAttributes<HTMLParagraphElement>>> = /* @__PURE__ */ part('Unavailable', 'p', (v) => v.unavailable && [{ children: v.labels.unavailable }]);

const CompareContext = /* @__PURE__ */ createPartContext<{ position: number; setPosition(position: number): void }>('ResultViewer.Compare');
const useCompareContext = (partName: string) => usePartContext(CompareContext, partName);

export interface ResultViewerCompareState extends ResultViewerState {
  /** Where the divider is, 0..100 (percent from the left; the original is on the left). */
  position: number;
  dragging: boolean;
}
export interface ResultViewerCompareProps extends Own<HTMLAttributes<HTMLDivElement>, ResultViewerCompareState> {
  /** Divider position 0..100 (controlled). @default undefined (uncontrolled) */
  position?: number;
  /**
   * Initial divider position 0..100 (uncontrolled).
   * @default 50
   */
  defaultPosition?: number;
  /** Called with the new position (0..100, rounded) while the divider is dragged or moved with the keyboard. @default undefined */
  onPositionChange?: (position: number) => void;
}

const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(n)));

/**
 * Before/after compare: the original (left of the divider) over the result, clipped through the CSS
 * variable `--hidream-compare-position`. Drag anywhere with a pointer; the `CompareHandle` is an ARIA slider.
 * Renders nothing without both a `source` and an output. Default children: CompareAfter, CompareBefore, CompareHandle.
 */
const Compare: Part<'div', ResultViewerCompareProps> = /* @__PURE__ */ part(
  'Compare',
  'div',
  (v, { position: value, defaultPosition = 50, onPositionChange, children, ...rest }: ResultViewerCompareProps, state) => {
    const [position, setPosition] = useControllableState({ value, defaultValue: defaultPosition, onChange: onPositionChange });
    const dragging = useRef(false);
    if (!shown(v) || !v.source) return null;
    const drag = (on: boolean) => () => void (dragging.current = on);
    const move = (e: PointerEvent<HTMLDivElement>) => {
      const rect = e.currentTarget.getBoundingClientRect();
      if (dragging.current && rect.width > 0) setPosition(clamp(((e.clientX - rect.left) / rect.width) * 100));
    };
    return [
      {
        'data-dragging': dataAttr(dragging.current),
        style: { '--hidream-compare-position': `${position}%`, position: 'relative', touchAction: 'none', userSelect: 'none' },
        onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture?.(e.pointerId);
          move(e);
        },
        onPointerMove: move,
        onPointerUp: drag(false),
        onPointerCancel: drag(false),
        onLostPointerCapture: drag(false),
        children: children ?? (
          <>
            <CompareAfter />
            <CompareBefore />
            <CompareHandle />
          </>
        ),
      },
      { ...state, position, dragging: dragging.current },
      rest,
      (element) => <CompareContext.Provider value={{ position, setPosition }}>{element}</CompareContext.Provider>,
    ];
  },
);

/** The result inside `Compare` (in flow: it sizes the compare box). */
const CompareAfter: Part<'img', Img> = /* @__PURE__ */ part('CompareAfter', 'img', (v) => {
  useCompareContext('ResultViewer.CompareAfter');
  return [{ src: v.output, alt: v.labels.image(v.prompt), draggable: false, onError: v.onImageError, style: { display: 'block', width: '100%' } }];
});

const BEFORE_STYLE: CSSProperties = {
  position: 'absolute',
  inset: 0,
  width: '100%',
  height: '100%',
  objectFit: 'cover',
  clipPath: 'inset(0 calc(100% - var(--hidream-compare-position)) 0 0)',
};

/** The original inside `Compare`, clipped to the left of the divider. */
const CompareBefore: Part<'img', Img> = /* @__PURE__ */ part('CompareBefore', 'img', (v) => {
  useCompareContext('ResultViewer.CompareBefore');
  return [{ src: v.source, alt: v.labels.before, draggable: false, style: BEFORE_STYLE }];
});

const KEY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10, Home: -100, End: 100 };

/** The divider: an ARIA slider (0..100) moved by arrows (1), Page Up/Down (10), Home and End. */
const CompareHandle: Part<'div', Own<HTMLAttributes<HTMLDivElement>, ResultViewerCompareState>> = /* @__PURE__ */ part('CompareHandle', 'div', (v, _, state) => {
  const { position, setPosition } = useCompareContext('ResultViewer.CompareHandle');
  return [
    {
      role: 'slider',
      tabIndex: 0,
      'aria-label': v.labels.compare,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': position,
      'aria-valuetext': `${position}%`,
      onKeyDown: (e: KeyboardEvent) => {
        const step = KEY_STEPS[e.key];
        if (step === undefined) return;
        e.preventDefault();
        setPosition(clamp(position + step));
      },
      style: { position: 'absolute', top: 0, bottom: 0, left: 'var(--hidream-compare-position)' },
    },
    { ...state, position, dragging: false },
  ];
});

/** Flags the result when the API set `has_nsfw_contents`; renders nothing otherwise. */
const Nsfw: Part<'p', Own<HTMLAttributes<HTMLParagraphElement>>> = /* @__PURE__ */ part('Nsfw', 'p', (v) => v.nsfw && [{ children: v.labels.nsfw }]);

/** Downloads the output as `hidream-edit-<id>.<jpeg|png|webp>` (`data-state="downloading" | "failed"`). */
const Download: Part<'button', Button> = /* @__PURE__ */ part('Download', 'button', (v) => {
  const busy = v.downloadState === 'downloading';
  return shown(v) && [
    {
      type: 'button',
      onClick: () => void v.download(),
      'aria-busy': busy || undefined,
      'data-state': v.downloadState,
      children: busy ? v.labels.downloading : v.downloadState === 'failed' ? v.labels.downloadFailed : v.labels.download,
    },
  ];
});

/** "Edit this result again": calls `onEditAgain(output)`; renders nothing without an output. */
const EditAgain: Part<'button', Button> = /* @__PURE__ */ part('EditAgain', 'button', (v) =>
  shown(v) && [{ type: 'button', onClick: v.editAgain, disabled: !v.editAgain, children: v.labels.editAgain }],
);

/** Calls `onRetry`; the caller keeps its inputs, so nothing is lost. Default child of `Error`. */
const Retry: Part<'button', Button> = /* @__PURE__ */ part('Retry', 'button', (v) => v.retry && [{ type: 'button', onClick: v.retry, children: v.labels.retry }]);

/** The failure: its sentence and a Retry button (Status already announces it). Renders nothing unless failed. */
const ErrorPart: Part<'div', Div> = /* @__PURE__ */ part('Error', 'div', (v) =>
  v.status === 'failed' && [
    {
      children: (
        <>
          <p>{v.errorMessage}</p>
          <Retry />
        </>
      ),
    },
  ],
);

/** Compound parts of the result viewer. */
export const ResultViewer = {
  Root,
  Status,
  Progress,
  Image,
  Unavailable,
  Compare,
  CompareBefore,
  CompareAfter,
  CompareHandle,
  Download,
  EditAgain,
  Error: ErrorPart,
  Retry,
  Nsfw,
};
