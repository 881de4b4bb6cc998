import {
  forwardRef,
  useRef,
  type ButtonHTMLAttributes,
  type CSSProperties,
  type HTMLAttributes,
  type ImgHTMLAttributes,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { createPartContext, dataAttr, renderPart as renderAny, useControllableState, type PartProps } from '../utils/index.js';
import { useResultViewer, type ResultViewerStatus, type UseResultViewerOptions, type UseResultViewerReturn } from './use-result-viewer.js';

const renderPart = <S,>(tag: string, state: S, ref: unknown, ours: Record<string, unknown>, theirs: object) =>
  renderAny(tag, state, ref as never, ours, theirs as PartProps<S> & Record<string, unknown>);

/** State every ResultViewer part receives. */
export interface ResultViewerState {
  status: ResultViewerStatus;
  pending: boolean;
  hasOutput: boolean;
  nsfw: boolean;
}

const [ResultViewerContext, useResultViewerContext] = createPartContext<UseResultViewerReturn>('ResultViewer.Root');
export { useResultViewerContext };

type Own<E, S = ResultViewerState> = PartProps<S> & Omit<E, 'className' | 'style'>;
const scope = (part: string) => ({ 'data-scope': 'result-viewer', 'data-part': part });
const stateOf = (v: UseResultViewerReturn): ResultViewerState => ({
  status: v.status,
  pending: v.pending,
  hasOutput: v.output !== null,
  nsfw: v.nsfw,
});
function usePart(name: string) {
  const v = useResultViewerContext(`ResultViewer.${name}`);
  const state = stateOf(v);
  return { v, state, attrs: { ...scope(name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())), 'data-status': state.status } };
}

export interface ResultViewerRootProps extends UseResultViewerOptions, Own<HTMLAttributes<HTMLDivElement>> {}

/**
 * Holds the result state (from a `useEdit()` result passed as `edit`, or explicit props). Without children
 * it renders Status, Progress, Error, Compare (with a `source`) or Image, Nsfw, Download and EditAgain.
 */
const Root = forwardRef<HTMLDivElement, ResultViewerRootProps>(function ResultViewerRoot(props, ref) {
  const { edit, status, prediction, error, elapsedMs, uploadProgress, source, format, prompt, index, onEditAgain, onRetry, onSave, labels, ...rest } = props;
  const v = useResultViewer({ edit, status, prediction, error, elapsedMs, uploadProgress, source, format, prompt, index, onEditAgain, onRetry, onSave, labels });
  const state = stateOf(v);
  const children = rest.children ?? (
    <>
      <Status />
      <Progress />
      <ErrorPart />
      {v.source ? <Compare /> : <Image />}
      <Nsfw />
      <Download />
      {onEditAgain && <EditAgain />}
    </>
  );
  return (
    <ResultViewerContext.Provider value={v}>
      {renderPart(
        'div',
        state,
        ref,
        { ...scope('root'), 'data-status': v.status, 'aria-busy': v.pending || undefined, 'data-has-output': dataAttr(state.hasOutput) },
        { ...rest, children },
      )}
    </ResultViewerContext.Provider>
  );
});

/** The live region: "Processing… 3.2 s" (the ticking time is hidden from screen readers), "Completed in 4.1 s", the failure sentence. */
const Status = forwardRef<HTMLDivElement, Own<HTMLAttributes<HTMLDivElement>>>(function ResultViewerStatus(props, ref) {
  const { v, state, attrs } = usePart('Status');
  const ticking = v.status === 'processing' && v.seconds !== null;
  return renderPart(
    'div',
    state,
    ref,
    {
      role: 'status',
      'aria-live': 'polite',
      ...attrs,
      children: (
        <>
          {v.statusText}
          {ticking && <span aria-hidden="true"> {v.labels.seconds(v.seconds!)}</span>}
          {v.uploadPercent !== null && <span aria-hidden="true"> {v.uploadPercent}%</span>}
        </>
      ),
    },
    props,
  );
});

const STAGE: Record<ResultViewerStatus, number> = { idle: 0, uploading: 0.15, submitting: 0.3, processing: 0.6, completed: 1, failed: 0 };

/**
 * A progress bar: the upload percentage while uploading, indeterminate while submitting and processing, 100 when
 * completed; `--hidream-progress` gives the stage 0..1 for styling.
 */
const Progress = forwardRef<HTMLDivElement, Own<HTMLAttributes<HTMLDivElement>>>(function ResultViewerProgress(props, ref) {
  const { v, state, attrs } = usePart('Progress');
  return renderPart(
    'div',
    state,
    ref,
    {
      role: 'progressbar',
      'aria-label': v.labels.progress,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': v.uploadPercent ?? (v.pending ? undefined : v.status === 'completed' ? 100 : 0),
      'aria-valuetext': v.pending ? v.statusText + (v.uploadPercent === null ? '' : ` ${v.uploadPercent}%`) : undefined,
      style: { '--hidream-progress': v.uploadPercent === null ? STAGE[v.status] : (v.uploadPercent / 100) * STAGE.uploading } as CSSProperties,
      ...attrs,
    },
    props,
  );
});

/** The result image (alt "Edited image: <prompt>"); renders nothing until there is an output. */
const Image = forwardRef<HTMLImageElement, Own<ImgHTMLAttributes<HTMLImageElement>>>(function ResultViewerImage(props, ref) {
  const { v, state, attrs } = usePart('Image');
  if (!v.output) return null;
  return renderPart('img', state, ref, { src: v.output, alt: v.labels.image(v.prompt), ...attrs }, props);
});

interface CompareContextValue {
  position: number;
  setPosition(position: number): void;
}
const [CompareContext, useCompareContext] = createPartContext<CompareContextValue>('ResultViewer.Compare');

export interface ResultViewerCompareState extends ResultViewerState {
  /** Where the divider is, 0..100 (percent from the left; the original is on the left). */
  position: number;
  dragging: boolean;
}
export interface ResultViewerCompareProps extends Own<HTMLAttributes<HTMLDivElement>, ResultViewerCompareState> {
  /** Divider position 0..100 (controlled). */
  position?: number;
  /** @default 50 */
  defaultPosition?: number;
  onPositionChange?: (position: number) => void;
}

const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(n)));

/**
 * Before/after compare: the original (left of the divider) over the result, clipped through the CSS
 * variable `--hidream-compare-position`. Drag anywhere with a pointer; the `CompareHandle` is an ARIA slider.
 * Renders nothing without both a `source` and an output. Default children: CompareAfter, CompareBefore, CompareHandle.
 */
const Compare = forwardRef<HTMLDivElement, ResultViewerCompareProps>(function ResultViewerCompare(
  { position: controlled, defaultPosition = 50, onPositionChange, ...props },
  ref,
) {
  const { v, state, attrs } = usePart('Compare');
  const [position, setPosition] = useControllableState({ value: controlled, defaultValue: defaultPosition, onChange: onPositionChange });
  const dragging = useRef(false);
  if (!v.output || !v.source) return null;
  const fromPointer = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    if (rect.width > 0) setPosition(clamp(((e.clientX - rect.left) / rect.width) * 100));
  };
  const s = { ...state, position, dragging: dragging.current };
  return (
    <CompareContext.Provider value={{ position, setPosition }}>
      {renderPart(
        'div',
        s,
        ref,
        {
          ...attrs,
          'data-dragging': dataAttr(dragging.current),
          style: { '--hidream-compare-position': `${position}%`, position: 'relative', touchAction: 'none', userSelect: 'none' } as CSSProperties,
          onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
            dragging.current = true;
            e.currentTarget.setPointerCapture?.(e.pointerId);
            fromPointer(e);
          },
          onPointerMove: (e: PointerEvent<HTMLDivElement>) => dragging.current && fromPointer(e),
          onPointerUp: () => (dragging.current = false),
          onPointerCancel: () => (dragging.current = false),
          onLostPointerCapture: () => (dragging.current = false),
          children: props.children ?? (
            <>
              <CompareAfter />
              <CompareBefore />
              <CompareHandle />
            </>
          ),
        },
        props,
      )}
    </CompareContext.Provider>
  );
});

/** The result inside `Compare` (in flow: it sizes the compare box). */
const CompareAfter = forwardRef<HTMLImageElement, Own<ImgHTMLAttributes<HTMLImageElement>>>(function ResultViewerCompareAfter(props, ref) {
  const { v, state, attrs } = usePart('CompareAfter');
  useCompareContext('ResultViewer.CompareAfter');
  return renderPart(
    'img',
    state,
    ref,
    { src: v.output, alt: v.labels.image(v.prompt), draggable: false, style: { display: 'block', width: '100%' }, ...attrs },
    props,
  );
});

/** The original inside `Compare`, clipped to the left of the divider. */
const CompareBefore = forwardRef<HTMLImageElement, Own<ImgHTMLAttributes<HTMLImageElement>>>(function ResultViewerCompareBefore(props, ref) {
  const { v, state, attrs } = usePart('CompareBefore');
  useCompareContext('ResultViewer.CompareBefore');
  return renderPart(
    'img',
    state,
    ref,
    {
      src: v.source,
      alt: v.labels.before,
      draggable: false,
      style: {
        position: 'absolute',
        inset: 0,
        width: '100%',
        height: '100%',
        objectFit: 'cover',
        clipPath: 'inset(0 calc(100% - var(--hidream-compare-position)) 0 0)',
      },
      ...attrs,
    },
    props,
  );
});

/** The divider: an ARIA slider (0..100) moved by arrows (1), Page Up/Down (10), Home and End. */
const CompareHandle = forwardRef<HTMLDivElement, Own<HTMLAttributes<HTMLDivElement>, ResultViewerCompareState>>(
  function ResultViewerCompareHandle(props, ref) {
    const { v, state, attrs } = usePart('CompareHandle');
    const { position, setPosition } = useCompareContext('ResultViewer.CompareHandle');
    const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
      const next = ({ ArrowLeft: position - 1, ArrowDown: position - 1, ArrowRight: position + 1, ArrowUp: position + 1,
        PageDown: position - 10, PageUp: position + 10, Home: 0, End: 100 } as Record<string, number>)[e.key];
      if (next === undefined) return;
      e.preventDefault();
      setPosition(clamp(next));
    };
    return renderPart(
      'div',
      { ...state, position, dragging: false },
      ref,
      {
        role: 'slider',
        tabIndex: 0,
        'aria-label': v.labels.compare,
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': position,
        'aria-valuetext': `${position}%`,
        onKeyDown,
        style: { position: 'absolute', top: 0, bottom: 0, left: 'var(--hidream-compare-position)' },
        ...attrs,
      },
      props,
    );
  },
);

/** Flags the result when the API set `has_nsfw_contents`; renders nothing otherwise. */
const Nsfw = forwardRef<HTMLParagraphElement, Own<HTMLAttributes<HTMLParagraphElement>>>(function ResultViewerNsfw(props, ref) {
  const { v, state, attrs } = usePart('Nsfw');
  if (!v.nsfw) return null;
  return renderPart('p', state, ref, { ...attrs, children: v.labels.nsfw }, props);
});

/** Downloads the output as `hidream-edit-<id>.<jpeg|png|webp>` (`data-state="downloading" | "failed"`). */
const Download = forwardRef<HTMLButtonElement, Own<ButtonHTMLAttributes<HTMLButtonElement>>>(function ResultViewerDownload(props, ref) {
  const { v, state, attrs } = usePart('Download');
  if (!v.output) return null;
  const busy = v.downloadState === 'downloading';
  return renderPart(
    'button',
    state,
    ref,
    {
      type: 'button',
      onClick: () => void v.download(),
      'aria-busy': busy || undefined,
      ...attrs,
      'data-state': v.downloadState,
      children: busy ? v.labels.downloading : v.downloadState === 'failed' ? v.labels.downloadFailed : v.labels.download,
    },
    props,
  );
});

/** "Edit this result again": calls `onEditAgain(output)`; renders nothing without an output. */
const EditAgain = forwardRef<HTMLButtonElement, Own<ButtonHTMLAttributes<HTMLButtonElement>>>(function ResultViewerEditAgain(props, ref) {
  const { v, state, attrs } = usePart('EditAgain');
  if (!v.output) return null;
  return renderPart(
    'button',
    state,
    ref,
    { type: 'button', onClick: v.editAgain, disabled: !v.editAgain, ...attrs, children: v.labels.editAgain },
    props,
  );
});

/** Calls `onRetry`; the caller keeps its inputs, so nothing is lost. Default child of `Error`. */
const Retry = forwardRef<HTMLButtonElement, Own<ButtonHTMLAttributes<HTMLButtonElement>>>(function ResultViewerRetry(props, ref) {
  const { v, state, attrs } = usePart('Retry');
  if (!v.retry) return null;
  return renderPart('button', state, ref, { type: 'button', onClick: v.retry, ...attrs, children: v.labels.retry }, props);
});

/** The failure: its sentence and a Retry button (Status already announces it). Renders nothing unless failed. */
const ErrorPart = forwardRef<HTMLDivElement, Own<HTMLAttributes<HTMLDivElement>>>(function ResultViewerError(props, ref) {
  const { v, state, attrs } = usePart('Error');
  if (v.status !== 'failed') return null;
  return renderPart(
    'div',
    state,
    ref,
    {
      ...attrs,
      children: (
        <>
          <p>{v.errorMessage}</p>
          <Retry />
        </>
      ),
    },
    props,
  );
});

/** Compound parts of the result viewer. */
export const ResultViewer = {
  Root,
  Status,
  Progress,
  Image,
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
