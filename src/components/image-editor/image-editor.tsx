import {
  useLayoutEffect,
  useRef,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type KeyboardEvent,
  type LabelHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { OUTPUT_FORMATS } from '../../core/constants.js';
import { ReferencePicker } from '../reference-picker/index.js';
import { ResultViewer } from '../result-viewer/index.js';
import { SizeSelector } from '../size-selector/index.js';
import { createPart, createPartFactory, type Part } from '../utils/create-part.js';
import { createPartContext, usePartContext, dataAttr, VISUALLY_HIDDEN, type PartElementProps } from '../utils/index.js';
import { useImageEditor, type UseImageEditorOptions, type UseImageEditorReturn } from './use-image-editor.js';

/** State every ImageEditor part receives. */
export interface ImageEditorState {
  status: UseImageEditorReturn['edit']['status'];
  running: boolean;
  canRun: boolean;
}

const ImageEditorContext = /* @__PURE__ */ createPartContext<UseImageEditorReturn>('ImageEditor.Root');
const useImageEditorContext = (partName: string) => usePartContext(ImageEditorContext, partName);
export { useImageEditorContext };

type Own<E> = PartElementProps<E, ImageEditorState>;
type Div = Own<HTMLAttributes<HTMLDivElement>>;
type FieldSet = Own<HTMLAttributes<HTMLFieldSetElement>>;
type Section = Own<HTMLAttributes<HTMLElement>>;
type Paragraph = Own<HTMLAttributes<HTMLParagraphElement>>;
type Button = Own<ButtonHTMLAttributes<HTMLButtonElement>>;
const stateOf = (e: UseImageEditorReturn): ImageEditorState => ({ status: e.edit.status, running: e.edit.isPending, canRun: e.canRun });
const part = /* @__PURE__ */ createPartFactory('ImageEditor', useImageEditorContext, stateOf, (s) => ({ 'data-status': s.status }));
/** `data-scope` and `data-part` of the plain elements inside the parts. */
const scope = (name: string) => ({ 'data-scope': 'image-editor', 'data-part': name });
const editable = (t: EventTarget) => (t as HTMLElement).closest?.('input, textarea, select, [contenteditable]');
const RUN_KEYS = 'Control+Enter Meta+Enter';

export interface ImageEditorRootProps extends UseImageEditorOptions, Own<Omit<HTMLAttributes<HTMLDivElement>, 'onError'>> {}

/**
 * The whole playground in one tag: references, prompt with templates, size, format, seed, run, result and
 * history. Give children to lay the parts out yourself. Ctrl/⌘+Enter runs; Ctrl/⌘+Z and Shift+Ctrl/⌘+Z step
 * through the history (outside text fields).
 */
const Root: Part<'div', ImageEditorRootProps> = /* @__PURE__ */ createPart('div', (props: ImageEditorRootProps) => {
  const {
    prompt, defaultPrompt, onPromptChange, size, defaultSize, onSizeChange, format, defaultFormat, onFormatChange, seed, defaultSeed, onSeedChange,
    references, defaultReferences, onReferencesChange, syncMode, maxImages, templates, labels, editOptions, onComplete, onError,
    random, children, ...rest
  } = props;
  const e = useImageEditor(props);
  const state = stateOf(e);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const key = event.key.toLowerCase();
    if (!(event.metaKey || event.ctrlKey) || (key !== 'enter' && (!'zy'.includes(key) || editable(event.target)))) return;
    event.preventDefault();
    if (key === 'enter') e.run();
    else if (key === 'y' || event.shiftKey) e.redo();
    else e.undo();
  };
  const content = children ?? (
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
  return [
    {
      ...scope('root'),
      'data-status': state.status,
      'data-running': dataAttr(state.running),
      onKeyDown,
      children: content,
    },
    state,
    rest,
    (element) => <ImageEditorContext.Provider value={e}>{element}</ImageEditorContext.Provider>,
  ];
});

/** The ReferencePicker (dropzone, hidden file input "Add reference images", URL field, list, rejections, count). */
const References: Part<'div', Div> = /* @__PURE__ */ part('References', 'div', (e) => [
  {
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
]);

/** The visible label of the prompt ("Prompt"). */
const PromptLabel: Part<'label', Own<LabelHTMLAttributes<HTMLLabelElement>>> = /* @__PURE__ */ part('PromptLabel', 'label', (e) => [
  { htmlFor: e.ids.prompt, children: e.labels.prompt },
]);

/** The prompt textarea (accessible name "Prompt"). */
const Prompt: Part<'textarea', Own<TextareaHTMLAttributes<HTMLTextAreaElement>>> = /* @__PURE__ */ part('Prompt', 'textarea', (e) => [
  {
    id: e.ids.prompt,
    'aria-label': e.labels.prompt,
    'aria-describedby': e.ids.hint,
    placeholder: e.labels.promptPlaceholder,
    rows: 4,
    value: e.prompt,
    'aria-keyshortcuts': RUN_KEYS,
    onChange: (event: { currentTarget: HTMLTextAreaElement }) => e.setPrompt(event.currentTarget.value),
  },
]);

/** Chips inserting the prompting guide's templates; the first `[placeholder]` is selected for typing over. */
const Templates: Part<'div', Div> = /* @__PURE__ */ part('Templates', 'div', (e) => [
  {
    role: 'group',
    'aria-label': e.labels.templates,
    children: e.templates.map((t) => (
      <button key={t.id} type="button" title={t.text} onClick={() => e.insertTemplate(t)} {...scope('template')}>
        {t.label}
      </button>
    )),
  },
]);

/** The SizeSelector, with "Match first reference". */
const Size: Part<'fieldset', FieldSet> = /* @__PURE__ */ part('Size', 'fieldset', (e) => [
  {
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
]);

/** Output format radios: JPEG, PNG, WebP. */
const Format: Part<'fieldset', FieldSet> = /* @__PURE__ */ part('Format', 'fieldset', (e) => [
  {
    'data-value': e.format,
    children: (
      <>
        <legend>{e.labels.format}</legend>
        {OUTPUT_FORMATS.map((f) => (
          <label key={f} {...scope('format-option')} data-selected={dataAttr(e.format === f)}>
            <input type="radio" name={`${e.ids.prompt}-format`} value={f} checked={e.format === f} onChange={() => e.setFormat(f)} />
            {e.labels.formats[f]}
          </label>
        ))}
        <p {...scope('format-hint')}>{e.labels.formatHint}</p>
      </>
    ),
  },
]);

/** Seed: random each run (the editor draws it, so it can be shown) or pinned; "Pin this seed" after a run. */
const Seed: Part<'fieldset', FieldSet> = /* @__PURE__ */ part('Seed', 'fieldset', (e) => [
  {
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
            {(e.seedRandom || e.seedText !== String(e.lastSeed)) && (
              <button type="button" onClick={e.pinSeed} {...scope('pin-seed')}>
                {e.labels.pinSeed}
              </button>
            )}
          </p>
        )}
      </>
    ),
  },
]);

/** "Run edit": disabled with a reason (described by `RunReason`) while invalid or running. */
const Run: Part<'button', Button> = /* @__PURE__ */ part('Run', 'button', (e, _, state) => [
  {
    type: 'button',
    disabled: !e.canRun,
    'aria-describedby': e.ids.reason,
    'aria-keyshortcuts': RUN_KEYS,
    onClick: e.run,
    'data-running': dataAttr(state.running),
    children: e.labels.run,
  },
]);

/** Why Run is disabled, or the keyboard shortcut when it is not. */
const RunReason: Part<'p', Paragraph> = /* @__PURE__ */ part('RunReason', 'p', (e) => [
  { id: e.ids.reason, 'data-blocked': dataAttr(!!e.reason), children: e.reason ?? e.labels.shortcut },
]);

/** Cancels the running edit; renders nothing otherwise. */
const Cancel: Part<'button', Button> = /* @__PURE__ */ part('Cancel', 'button', (e, _, state) => state.running && [{ type: 'button', onClick: e.cancel, children: e.labels.cancel }]);

/** "$0.02 per edit · Session total $0.04 (2 edits)". */
const Cost: Part<'p', Paragraph> = /* @__PURE__ */ part('Cost', 'p', (e) => [
  { 'data-edits': e.edits, children: `${e.labels.price(e.price)} · ${e.labels.total(e.total, e.edits)}` },
]);

/** The ResultViewer for the running edit, or the history entry shown. */
const Result: Part<'section', Section> = /* @__PURE__ */ part('Result', 'section', (e) => [
  {
    'aria-label': e.labels.result,
    children: <ResultViewer.Root {...e.viewer} onEditAgain={e.editAgain} onRetry={e.run} labels={e.labels.resultViewer} />,
  },
]);

/** The session's edits (thumbnail, prompt, seed, size), with Undo and Redo; click an entry to go back to it. */
const History: Part<'section', Section> = /* @__PURE__ */ part('History', 'section', (e, _, state) => {
  const { entries, index } = e.history;
  // A button that disables itself (Undo at the first step, Redo at the last) hands focus to its sibling.
  const toolbar = useRef<HTMLDivElement>(null);
  const handOff = useRef<'undo' | 'redo' | null>(null);
  useLayoutEffect(() => {
    const [undo, redo] = toolbar.current?.querySelectorAll('button') ?? [];
    const [self, other] = handOff.current === 'redo' ? [redo, undo] : [undo, redo];
    if (handOff.current && self?.disabled && !other?.disabled) other?.focus();
    handOff.current = null;
  }, [index]);
  const step = (which: 'undo' | 'redo', enabled: boolean, keys: string) => (
    <button
      type="button"
      onClick={() => {
        handOff.current = which;
        e[which]();
      }}
      disabled={!enabled}
      aria-keyshortcuts={keys}
      {...scope(which)}
    >
      {e.labels[which]}
    </button>
  );
  return [
    {
      'aria-label': e.labels.history,
      children: (
        <>
          <div ref={toolbar} {...scope('history-toolbar')}>
            <h3>{e.labels.history}</h3>
            {step('undo', e.canUndo, 'Control+Z Meta+Z')}
            {step('redo', e.canRedo, 'Control+Shift+Z Meta+Shift+Z')}
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
                    disabled={state.running}
                    onClick={() => e.goTo(i)}
                    {...scope('history-entry')}
                    data-current={dataAttr(i === index)}
                  >
                    <img src={entry.output} alt="" />
                    <span style={VISUALLY_HIDDEN}>{e.labels.historyStep(i + 1)}</span>{' '}
                    <span>{entry.prompt}</span> <small>{e.labels.historyDetail(entry.seed, entry.size)}</small>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </>
      ),
    },
  ];
});

/**
 * `<ImageEditor />` is the whole editor in one tag; its parts (`ImageEditor.Prompt`, `.Run`, ...) compose a
 * custom layout inside `<ImageEditor.Root>` (the same component).
 */
export const ImageEditor = /* @__PURE__ */ Object.assign(Root, {
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
