import {
  forwardRef,
  useLayoutEffect,
  useRef,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type KeyboardEvent,
  type LabelHTMLAttributes,
  type Ref,
  type TextareaHTMLAttributes,
} from 'react';
import { OUTPUT_FORMATS } from '../../core/constants.js';
import type { OutputFormat } from '../../core/types.js';
import { ReferencePicker } from '../reference-picker/index.js';
import { ResultViewer } from '../result-viewer/index.js';
import { SizeSelector } from '../size-selector/index.js';
import { createPartContext, dataAttr, renderPart as renderAny, type PartProps } from '../utils/index.js';
import { useImageEditor, type UseImageEditorOptions, type UseImageEditorReturn } from './use-image-editor.js';

const renderPart = <S,>(tag: string, state: S, ref: unknown, ours: Record<string, unknown>, theirs: object) =>
  renderAny(tag, state, ref as never, ours, theirs as PartProps<S> & Record<string, unknown>);

/** State every ImageEditor part receives. */
export interface ImageEditorState {
  status: UseImageEditorReturn['edit']['status'];
  running: boolean;
  canRun: boolean;
}

const [ImageEditorContext, useImageEditorContext] = createPartContext<UseImageEditorReturn>('ImageEditor.Root');
export { useImageEditorContext };

type Own<E, S = ImageEditorState> = PartProps<S> & Omit<E, 'className' | 'style'>;
const scope = (part: string) => ({ 'data-scope': 'image-editor', 'data-part': part });
function usePart(name: string, part: string) {
  const e = useImageEditorContext(`ImageEditor.${name}`);
  const state: ImageEditorState = { status: e.edit.status, running: e.edit.isPending, canRun: e.canRun };
  return { e, state, attrs: { ...scope(part), 'data-status': state.status } };
}
function refs<T>(...list: (Ref<T> | undefined)[]) {
  return (node: T | null) => {
    for (const r of list) {
      if (typeof r === 'function') r(node);
      else if (r) (r as { current: T | null }).current = node;
    }
  };
}
const editable = (t: EventTarget) => (t as HTMLElement).closest?.('input, textarea, select, [contenteditable]');

export interface ImageEditorRootProps extends UseImageEditorOptions, Own<Omit<HTMLAttributes<HTMLDivElement>, 'onError'>> {}

/**
 * The whole playground in one tag: references, prompt with templates, size, format, seed, run, result and
 * history. Give children to lay the parts out yourself. Ctrl/⌘+Enter runs; Ctrl/⌘+Z and Shift+Ctrl/⌘+Z step
 * through the history (outside text fields).
 */
const Root = forwardRef<HTMLDivElement, ImageEditorRootProps>(function ImageEditorRoot(props, ref) {
  const {
    defaultPrompt, defaultSize, defaultFormat, defaultSeed, defaultReferences, maxImages, templates, labels, editOptions,
    onComplete, onError, random, ...rest
  } = props;
  const e = useImageEditor({
    defaultPrompt, defaultSize, defaultFormat, defaultSeed, defaultReferences, maxImages, templates, labels, editOptions,
    onComplete, onError, random,
  });
  const state: ImageEditorState = { status: e.edit.status, running: e.edit.isPending, canRun: e.canRun };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.metaKey || event.ctrlKey)) return;
    const key = event.key.toLowerCase();
    if (key === 'enter') {
      event.preventDefault();
      e.run();
    } else if ((key === 'z' || key === 'y') && !editable(event.target)) {
      event.preventDefault();
      if (key === 'y' || event.shiftKey) e.redo();
      else e.undo();
    }
  };
  const children = rest.children ?? (
    <>
      <div {...scope('controls')}>
        <References />
        <div {...scope('prompt-field')}>
          <PromptLabel />
          <Prompt />
          <p id={e.ids.hint} {...scope('prompt-hint')}>
            {e.labels.promptHint}
          </p>
          <Templates />
        </div>
        <Size />
        <Format />
        <Seed />
        <div {...scope('actions')}>
          <Run />
          <Cancel />
          <RunReason />
          <Cost />
        </div>
      </div>
      <div {...scope('output')}>
        <Result />
        <History />
      </div>
    </>
  );
  return (
    <ImageEditorContext.Provider value={e}>
      {renderPart(
        'div',
        state,
        ref,
        { ...scope('root'), 'data-status': state.status, 'data-running': dataAttr(state.running), onKeyDown },
        { ...rest, children },
      )}
    </ImageEditorContext.Provider>
  );
});

/** The ReferencePicker (dropzone, hidden file input "Add reference images", URL field, list, rejections, count). */
const References = forwardRef<HTMLDivElement, Own<HTMLAttributes<HTMLDivElement>>>(function ImageEditorReferences(props, ref) {
  const { e, state, attrs } = usePart('References', 'references');
  return renderPart(
    'div',
    state,
    ref,
    {
      ...attrs,
      children: (
        <ReferencePicker.Root value={e.references} onValueChange={e.setReferences} maxFiles={e.maxImages} labels={e.labels.referencePicker}>
          <ReferencePicker.Dropzone />
          <ReferencePicker.Input />
          <ReferencePicker.UrlInput />
          <ReferencePicker.UrlSubmit />
          <ReferencePicker.List />
          <ReferencePicker.Rejections />
          <ReferencePicker.Count />
        </ReferencePicker.Root>
      ),
    },
    props,
  );
});

/** The visible label of the prompt ("Prompt"). */
const PromptLabel = forwardRef<HTMLLabelElement, Own<LabelHTMLAttributes<HTMLLabelElement>>>(function ImageEditorPromptLabel(props, ref) {
  const { e, state, attrs } = usePart('PromptLabel', 'prompt-label');
  return renderPart('label', state, ref, { htmlFor: e.ids.prompt, ...attrs, children: e.labels.prompt }, props);
});

/** The prompt textarea (accessible name "Prompt"). */
const Prompt = forwardRef<HTMLTextAreaElement, Own<TextareaHTMLAttributes<HTMLTextAreaElement>>>(function ImageEditorPrompt(props, ref) {
  const { e, state, attrs } = usePart('Prompt', 'prompt');
  return renderPart(
    'textarea',
    state,
    refs(ref, e.promptRef),
    {
      id: e.ids.prompt,
      'aria-label': e.labels.prompt,
      'aria-describedby': e.ids.hint,
      placeholder: e.labels.promptPlaceholder,
      rows: 4,
      value: e.prompt,
      'aria-keyshortcuts': 'Control+Enter Meta+Enter',
      onChange: (event: { currentTarget: HTMLTextAreaElement }) => e.setPrompt(event.currentTarget.value),
      ...attrs,
    },
    props,
  );
});

/** Chips inserting the prompting guide's templates; the first `[placeholder]` is selected for typing over. */
const Templates = forwardRef<HTMLDivElement, Own<HTMLAttributes<HTMLDivElement>>>(function ImageEditorTemplates(props, ref) {
  const { e, state, attrs } = usePart('Templates', 'templates');
  return renderPart(
    'div',
    state,
    ref,
    {
      role: 'group',
      'aria-label': e.labels.templates,
      ...attrs,
      children: e.templates.map((t) => (
        <button key={t.id} type="button" title={t.text} onClick={() => e.insertTemplate(t)} {...scope('template')}>
          {t.label}
        </button>
      )),
    },
    props,
  );
});

/** The SizeSelector, with "Match first reference". */
const Size = forwardRef<HTMLFieldSetElement, Own<HTMLAttributes<HTMLFieldSetElement>>>(function ImageEditorSize(props, ref) {
  const { e, state, attrs } = usePart('Size', 'size');
  return renderPart(
    'fieldset',
    state,
    ref,
    {
      ...attrs,
      children: (
        <>
          <legend>{e.labels.size}</legend>
          <SizeSelector.Root value={e.size} onValueChange={e.setSize} referenceSize={e.firstReferenceSize} labels={e.labels.sizeSelector}>
            <SizeSelector.Presets />
            <label {...scope('size-side')}>
              {e.labels.width}
              <SizeSelector.Width />
            </label>
            <label {...scope('size-side')}>
              {e.labels.height}
              <SizeSelector.Height />
            </label>
            <SizeSelector.AspectLock />
            <SizeSelector.MatchReference />
            <SizeSelector.Output />
          </SizeSelector.Root>
        </>
      ),
    },
    props,
  );
});

/** Output format radios: JPEG, PNG, WebP. */
const Format = forwardRef<HTMLFieldSetElement, Own<HTMLAttributes<HTMLFieldSetElement>>>(function ImageEditorFormat(props, ref) {
  const { e, state, attrs } = usePart('Format', 'format');
  return renderPart(
    'fieldset',
    state,
    ref,
    {
      ...attrs,
      'data-value': e.format,
      children: (
        <>
          <legend>{e.labels.format}</legend>
          {OUTPUT_FORMATS.map((f: OutputFormat) => (
            <label key={f} {...scope('format-option')} data-selected={dataAttr(e.format === f)}>
              <input type="radio" name={`${e.ids.prompt}-format`} value={f} checked={e.format === f} onChange={() => e.setFormat(f)} />
              {e.labels.formats[f]}
            </label>
          ))}
          <p {...scope('format-hint')}>{e.labels.formatHint}</p>
        </>
      ),
    },
    props,
  );
});

/** Seed: random each run (the editor draws it, so it can be shown) or pinned; "Pin this seed" after a run. */
const Seed = forwardRef<HTMLFieldSetElement, Own<HTMLAttributes<HTMLFieldSetElement>>>(function ImageEditorSeed(props, ref) {
  const { e, state, attrs } = usePart('Seed', 'seed');
  const pinned = !e.seedRandom && e.seedText === String(e.lastSeed);
  return renderPart(
    'fieldset',
    state,
    ref,
    {
      ...attrs,
      'data-random': dataAttr(e.seedRandom),
      children: (
        <>
          <legend>{e.labels.seed}</legend>
          <label {...scope('seed-random')}>
            <input type="checkbox" checked={e.seedRandom} onChange={(event) => e.setSeedRandom(event.currentTarget.checked)} />
            {e.labels.randomSeed}
          </label>
          <input
            type="number"
            min={0}
            max={2147483647}
            step={1}
            aria-label={e.labels.seedValue}
            placeholder={e.labels.seedPlaceholder}
            disabled={e.seedRandom}
            aria-invalid={!e.seedRandom && e.reason === e.labels.invalidSeed ? true : undefined}
            value={e.seedText}
            onChange={(event) => e.setSeedText(event.currentTarget.value)}
            {...scope('seed-value')}
          />
          <p {...scope('seed-hint')}>{e.labels.seedHint}</p>
          {e.lastSeed !== null && (
            <p {...scope('seed-used')}>
              {e.labels.seedUsed(e.lastSeed)}{' '}
              {!pinned && (
                <button type="button" onClick={e.pinSeed} {...scope('pin-seed')}>
                  {e.labels.pinSeed}
                </button>
              )}
            </p>
          )}
        </>
      ),
    },
    props,
  );
});

/** "Run edit": disabled with a reason (described by `RunReason`) while invalid or running. */
const Run = forwardRef<HTMLButtonElement, Own<ButtonHTMLAttributes<HTMLButtonElement>>>(function ImageEditorRun(props, ref) {
  const { e, state, attrs } = usePart('Run', 'run');
  return renderPart(
    'button',
    state,
    ref,
    {
      type: 'button',
      disabled: !e.canRun,
      'aria-describedby': e.ids.reason,
      'aria-keyshortcuts': 'Control+Enter Meta+Enter',
      onClick: e.run,
      ...attrs,
      'data-running': dataAttr(state.running),
      children: e.labels.run,
    },
    props,
  );
});

/** Why Run is disabled, or the keyboard shortcut when it is not. */
const RunReason = forwardRef<HTMLParagraphElement, Own<HTMLAttributes<HTMLParagraphElement>>>(function ImageEditorRunReason(props, ref) {
  const { e, state, attrs } = usePart('RunReason', 'run-reason');
  return renderPart(
    'p',
    state,
    ref,
    { id: e.ids.reason, ...attrs, 'data-blocked': dataAttr(!!e.reason), children: e.reason ?? e.labels.shortcut },
    props,
  );
});

/** Cancels the running edit; renders nothing otherwise. */
const Cancel = forwardRef<HTMLButtonElement, Own<ButtonHTMLAttributes<HTMLButtonElement>>>(function ImageEditorCancel(props, ref) {
  const { e, state, attrs } = usePart('Cancel', 'cancel');
  if (!state.running) return null;
  return renderPart('button', state, ref, { type: 'button', onClick: e.cancel, ...attrs, children: e.labels.cancel }, props);
});

/** "$0.02 per edit · Session total $0.04 (2 edits)". */
const Cost = forwardRef<HTMLParagraphElement, Own<HTMLAttributes<HTMLParagraphElement>>>(function ImageEditorCost(props, ref) {
  const { e, state, attrs } = usePart('Cost', 'cost');
  return renderPart(
    'p',
    state,
    ref,
    { ...attrs, 'data-edits': e.edits, children: `${e.labels.price(e.price)} · ${e.labels.total(e.total, e.edits)}` },
    props,
  );
});

/** The ResultViewer for the running edit, or the history entry shown. */
const Result = forwardRef<HTMLElement, Own<HTMLAttributes<HTMLElement>>>(function ImageEditorResult(props, ref) {
  const { e, state, attrs } = usePart('Result', 'result');
  return renderPart(
    'section',
    state,
    ref,
    {
      'aria-label': e.labels.result,
      ...attrs,
      children: <ResultViewer.Root {...e.viewer} onEditAgain={e.editAgain} onRetry={e.run} labels={e.labels.resultViewer} />,
    },
    props,
  );
});

/** The session's edits (thumbnail, prompt, seed, size), with Undo and Redo; click an entry to go back to it. */
const History = forwardRef<HTMLElement, Own<HTMLAttributes<HTMLElement>>>(function ImageEditorHistory(props, ref) {
  const { e, state, attrs } = usePart('History', 'history');
  const { entries, index } = e.history;
  // A button that disables itself (Undo at the first step, Redo at the last) hands focus to its sibling.
  const undoRef = useRef<HTMLButtonElement>(null);
  const redoRef = useRef<HTMLButtonElement>(null);
  const handOff = useRef<'undo' | 'redo' | null>(null);
  useLayoutEffect(() => {
    const from = handOff.current;
    handOff.current = null;
    const [self, other] = from === 'undo' ? [undoRef, redoRef] : [redoRef, undoRef];
    if (from && self.current?.disabled && !other.current?.disabled) other.current?.focus();
  }, [index]);
  return renderPart(
    'section',
    state,
    ref,
    {
      'aria-label': e.labels.history,
      ...attrs,
      children: (
        <>
          <div {...scope('history-toolbar')}>
            <h3>{e.labels.history}</h3>
            <button
              ref={undoRef}
              type="button"
              onClick={() => {
                handOff.current = 'undo';
                e.undo();
              }}
              disabled={!e.canUndo} aria-keyshortcuts="Control+Z Meta+Z" {...scope('undo')}>
              {e.labels.undo}
            </button>
            <button
              ref={redoRef}
              type="button"
              onClick={() => {
                handOff.current = 'redo';
                e.redo();
              }}
              disabled={!e.canRedo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z" {...scope('redo')}>
              {e.labels.redo}
            </button>
          </div>
          {entries.length === 0 ? (
            <p {...scope('history-empty')}>{e.labels.historyEmpty}</p>
          ) : (
            <ol {...scope('history-list')}>
              {entries.map((entry, i) => (
                <li key={entry.id}>
                  <button
                    type="button"
                    aria-current={i === index ? 'step' : undefined}
                    aria-label={e.labels.historyEntry(i + 1, entry.prompt, entry.seed, entry.size)}
                    disabled={state.running}
                    onClick={() => e.goTo(i)}
                    {...scope('history-entry')}
                    data-current={dataAttr(i === index)}
                  >
                    <img src={entry.output} alt="" />
                    <span>{entry.prompt}</span>
                    <small>
                      #{entry.seed} · {entry.size.replace('*', '×')}
                    </small>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </>
      ),
    },
    props,
  );
});

/**
 * `<ImageEditor />` is the whole editor in one tag; its parts (`ImageEditor.Prompt`, `.Run`, ...) compose a
 * custom layout inside `<ImageEditor.Root>` (the same component).
 */
export const ImageEditor = Object.assign(Root, {
  Root,
  References,
  PromptLabel,
  Prompt,
  Templates,
  Size,
  Format,
  Seed,
  Run,
  RunReason,
  Cancel,
  Cost,
  Result,
  History,
});
