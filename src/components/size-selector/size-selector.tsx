import { forwardRef, useId, type ButtonHTMLAttributes, type HTMLAttributes, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import type { SizePreset } from '../../core/index.js';
import { createPartContext, dataAttr, renderPart as renderAny, type PartProps } from '../utils/index.js';
import { useSizeSelector, type UseSizeSelectorOptions, type UseSizeSelectorReturn } from './use-size-selector.js';

const renderPart = <S,>(tag: string, state: S, ref: unknown, ours: Record<string, unknown>, theirs: object) =>
  renderAny(tag, state, ref as never, ours, theirs as PartProps<S> & Record<string, unknown>);

/** State every SizeSelector part receives (for `className`, `style` and `render` functions). */
export interface SizeSelectorState {
  value: string;
  valid: boolean;
  snapped: boolean;
  aspectLocked: boolean;
  disabled: boolean;
}

const [SizeSelectorContext, useSizeSelectorContext] = createPartContext<UseSizeSelectorReturn>('SizeSelector.Root');
export { useSizeSelectorContext };

type Own<E, S = SizeSelectorState> = PartProps<S> & Omit<E, 'className' | 'style'>;
const scope = (part: string) => ({ 'data-scope': 'size-selector', 'data-part': part });
const stateOf = (s: UseSizeSelectorReturn): SizeSelectorState => ({
  value: s.value,
  valid: s.valid,
  snapped: s.reason !== null,
  aspectLocked: s.aspectLocked,
  disabled: s.disabled,
});
const stateAttrs = (s: SizeSelectorState) => ({
  'data-valid': dataAttr(s.valid),
  'data-invalid': dataAttr(!s.valid),
  'data-snapped': dataAttr(s.snapped),
  'data-disabled': dataAttr(s.disabled),
});

export interface SizeSelectorRootProps extends UseSizeSelectorOptions, Own<Omit<HTMLAttributes<HTMLDivElement>, 'defaultValue'>> {}

/** Holds the size state; renders a labelled group. Use `useSizeSelector` directly for a fully custom UI. */
const Root = forwardRef<HTMLDivElement, SizeSelectorRootProps>(function SizeSelectorRoot(props, ref) {
  const {
    value, defaultValue, onValueChange, presets, aspectLocked, defaultAspectLocked, onAspectLockedChange,
    referenceSize, disabled, labels, ...rest
  } = props;
  const selector = useSizeSelector({
    value, defaultValue, onValueChange, presets, aspectLocked, defaultAspectLocked, onAspectLockedChange,
    referenceSize, disabled, labels,
  });
  const state = stateOf(selector);
  return (
    <SizeSelectorContext.Provider value={selector}>
      {renderPart('div', state, ref, { role: 'group', 'aria-label': selector.labels.group, ...scope('root'), ...stateAttrs(state) }, rest)}
    </SizeSelectorContext.Provider>
  );
});

function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  const radios = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]:not([disabled])')];
  if (!radios.length || (step === undefined && event.key !== 'Home' && event.key !== 'End')) return;
  event.preventDefault();
  const at = radios.indexOf(document.activeElement as HTMLElement);
  const next =
    event.key === 'Home' ? 0 : event.key === 'End' ? radios.length - 1 : (at + (step ?? 0) + radios.length) % radios.length;
  radios[next]!.focus();
  radios[next]!.click();
}

export type SizeSelectorPresetsProps = Own<HTMLAttributes<HTMLDivElement>>;

/** A radio group of presets; renders a `Preset` for each preset when it has no children. Arrow keys, Home, End. */
const Presets = forwardRef<HTMLDivElement, SizeSelectorPresetsProps>(function SizeSelectorPresets(props, ref) {
  const s = useSizeSelectorContext('SizeSelector.Presets');
  const state = stateOf(s);
  const children = props.children ?? s.presets.map((p) => <Preset key={p.id} preset={p} />);
  return renderPart(
    'div',
    state,
    ref,
    { role: 'radiogroup', 'aria-label': s.labels.presets, onKeyDown: moveFocus, ...scope('presets'), ...stateAttrs(state) },
    { ...props, children },
  );
});

export interface SizeSelectorPresetState extends SizeSelectorState {
  selected: boolean;
  preset: SizePreset;
}
export interface SizeSelectorPresetProps extends Own<ButtonHTMLAttributes<HTMLButtonElement>, SizeSelectorPresetState> {
  preset: SizePreset;
}

/** One preset: a radio (`aria-checked`, `data-selected`), showing the preset's label and size by default. */
const Preset = forwardRef<HTMLButtonElement, SizeSelectorPresetProps>(function SizeSelectorPreset({ preset, ...props }, ref) {
  const s = useSizeSelectorContext('SizeSelector.Preset');
  const selected = s.selectedPreset?.id === preset.id;
  const tabbable = selected || (!s.selectedPreset && s.presets[0]?.id === preset.id);
  const state = { ...stateOf(s), selected, preset };
  return renderPart(
    'button',
    state,
    ref,
    {
      type: 'button',
      role: 'radio',
      'aria-checked': selected,
      tabIndex: tabbable ? 0 : -1,
      disabled: s.disabled,
      title: preset.useCase,
      onClick: () => s.selectPreset(preset),
      ...scope('preset'),
      'data-selected': dataAttr(selected),
      'data-preset': preset.id,
      children: `${preset.label} · ${preset.width}×${preset.height}`,
    },
    props,
  );
});

export type SizeSelectorSideProps = Own<InputHTMLAttributes<HTMLInputElement>>;

function side(which: 'width' | 'height') {
  const Side = forwardRef<HTMLInputElement, SizeSelectorSideProps>(function SizeSelectorSide(props, ref) {
    const s = useSizeSelectorContext(which === 'width' ? 'SizeSelector.Width' : 'SizeSelector.Height');
    const state = stateOf(s);
    const id = useId();
    return renderPart(
      'input',
      state,
      ref,
      {
        id,
        type: 'number',
        inputMode: 'numeric',
        min: 256,
        max: 4096,
        step: 1,
        'aria-label': s.labels[which],
        'aria-invalid': s.valid ? undefined : true,
        disabled: s.disabled,
        value: which === 'width' ? s.widthText : s.heightText,
        onChange: (e: { currentTarget: HTMLInputElement }) => s.setSideText(which, e.currentTarget.value),
        onBlur: s.resetText,
        ...scope(which),
        ...stateAttrs(state),
      },
      props,
    );
  });
  return Side;
}

/** The width number input (accessible name "Width"). */
const Width = side('width');
/** The height number input (accessible name "Height"). */
const Height = side('height');

export type SizeSelectorButtonProps = Own<ButtonHTMLAttributes<HTMLButtonElement>>;

/** A toggle button (`aria-pressed`, `data-pressed`) locking the aspect ratio while a side is typed. */
const AspectLock = forwardRef<HTMLButtonElement, SizeSelectorButtonProps>(function SizeSelectorAspectLock(props, ref) {
  const s = useSizeSelectorContext('SizeSelector.AspectLock');
  const state = stateOf(s);
  return renderPart(
    'button',
    state,
    ref,
    {
      type: 'button',
      'aria-pressed': s.aspectLocked,
      disabled: s.disabled,
      onClick: () => s.setAspectLocked(!s.aspectLocked),
      ...scope('aspect-lock'),
      'data-pressed': dataAttr(s.aspectLocked),
      children: s.labels.aspectLock,
    },
    props,
  );
});

/** Sets the size to the first reference's aspect ratio (snapped); disabled without `referenceSize`. */
const MatchReference = forwardRef<HTMLButtonElement, SizeSelectorButtonProps>(function SizeSelectorMatchReference(props, ref) {
  const s = useSizeSelectorContext('SizeSelector.MatchReference');
  const state = stateOf(s);
  return renderPart(
    'button',
    state,
    ref,
    {
      type: 'button',
      disabled: s.disabled || !s.referenceSize,
      onClick: s.matchReference,
      ...scope('match-reference'),
      children: s.labels.matchReference,
    },
    props,
  );
});

/** The size the model will really produce, why it differs from the request, its megapixels; `data-valid`. */
const Output = forwardRef<HTMLOutputElement, Own<HTMLAttributes<HTMLOutputElement>>>(function SizeSelectorOutput(props, ref) {
  const s = useSizeSelectorContext('SizeSelector.Output');
  const state = stateOf(s);
  return renderPart(
    'output',
    state,
    ref,
    {
      'aria-live': 'polite',
      ...scope('output'),
      ...stateAttrs(state),
      'data-width': s.snapped?.width,
      'data-height': s.snapped?.height,
      children: s.summary,
    },
    props,
  );
});

/** Compound parts: `Root`, `Presets`, `Preset`, `Width`, `Height`, `AspectLock`, `MatchReference`, `Output`. */
export const SizeSelector = { Root, Presets, Preset, Width, Height, AspectLock, MatchReference, Output };
