import type { ButtonHTMLAttributes, HTMLAttributes, InputHTMLAttributes, KeyboardEvent } from 'react';
import type { SizePreset } from '../../core/index.js';
import { createPart, createPartFactory, type Part } from '../utils/create-part.js';
import { createPartContext, usePartContext, dataAttr, type PartElementProps } from '../utils/index.js';
import { useSizeSelector, type UseSizeSelectorOptions, type UseSizeSelectorReturn } from './use-size-selector.js';

/** State every SizeSelector part receives (for `className`, `style` and `render` functions). */
export interface SizeSelectorState {
  value: string;
  valid: boolean;
  snapped: boolean;
  aspectLocked: boolean;
  disabled: boolean;
}

const SizeSelectorContext = /* @__PURE__ */ createPartContext<UseSizeSelectorReturn>('SizeSelector.Root');
const useSizeSelectorContext = (partName: string) => usePartContext(SizeSelectorContext, partName);
export { useSizeSelectorContext };

type Own<E, S = SizeSelectorState> = PartElementProps<E, S>;
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
const part = /* @__PURE__ */ createPartFactory('SizeSelector', useSizeSelectorContext, stateOf);

export interface SizeSelectorRootProps extends UseSizeSelectorOptions, Own<Omit<HTMLAttributes<HTMLDivElement>, 'defaultValue'>> {}

/** Holds the size state; renders a labelled group. Use `useSizeSelector` directly for a fully custom UI. */
const Root: Part<'div', SizeSelectorRootProps> = /* @__PURE__ */ createPart('div', (props: SizeSelectorRootProps) => {
  const { value, defaultValue, onValueChange, presets, aspectLocked, defaultAspectLocked, onAspectLockedChange, referenceSize, disabled, labels, ...rest } = props;
  const s = useSizeSelector(props);
  const state = stateOf(s);
  return [
    {
      role: 'group',
      'aria-label': s.labels.group,
      'data-scope': 'size-selector',
      'data-part': 'root',
      ...stateAttrs(state),
    },
    state,
    rest,
    (element) => <SizeSelectorContext.Provider value={s}>{element}</SizeSelectorContext.Provider>,
  ];
});

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: 0, End: 0 };

function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const step = STEPS[event.key];
  const radios = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]:not([disabled])')];
  const n = radios.length;
  if (!n || step === undefined) return;
  event.preventDefault();
  const next = radios[event.key === 'Home' ? 0 : event.key === 'End' ? n - 1 : (radios.indexOf(document.activeElement as HTMLElement) + step + n) % n]!;
  next.focus();
  next.click();
}

export type SizeSelectorPresetsProps = Own<HTMLAttributes<HTMLDivElement>>;

/** A radio group of presets; renders a `Preset` for each preset when it has no children. Arrow keys, Home, End. */
const Presets: Part<'div', SizeSelectorPresetsProps> = /* @__PURE__ */ part('Presets', 'div', (s, props: SizeSelectorPresetsProps, state) => [
  {
    role: 'radiogroup',
    'aria-label': s.labels.presets,
    onKeyDown: moveFocus,
    ...stateAttrs(state),
    children: props.children ?? s.presets.map((p) => <Preset key={p.id} preset={p} />),
  },
]);

export interface SizeSelectorPresetState extends SizeSelectorState {
  selected: boolean;
  preset: SizePreset;
}
export interface SizeSelectorPresetProps extends Own<ButtonHTMLAttributes<HTMLButtonElement>, SizeSelectorPresetState> {
  /** The preset this radio selects, e.g. one of `SIZE_PRESETS`. Required. */
  preset: SizePreset;
}

/** One preset: a radio (`aria-checked`, `data-selected`), showing the preset's label and size by default. */
const Preset: Part<'button', SizeSelectorPresetProps> = /* @__PURE__ */ part('Preset', 'button', (s, { preset, ...rest }: SizeSelectorPresetProps, state) => {
  const selected = s.selectedPreset?.id === preset.id;
  return [
    {
      type: 'button',
      role: 'radio',
      'aria-checked': selected,
      tabIndex: selected || (!s.selectedPreset && s.presets[0]?.id === preset.id) ? 0 : -1,
      disabled: s.disabled,
      title: preset.useCase,
      onClick: () => s.selectPreset(preset),
      'data-selected': dataAttr(selected),
      'data-preset': preset.id,
      children: `${preset.label} · ${preset.width}×${preset.height}`,
    },
    { ...state, selected, preset },
    rest,
  ];
});

export type SizeSelectorSideProps = Own<InputHTMLAttributes<HTMLInputElement>>;

const side = (name: 'Width' | 'Height'): Part<'input', SizeSelectorSideProps> =>
  part(name, 'input', (s, _: SizeSelectorSideProps, state) => {
    const which = name === 'Width' ? 'width' : 'height';
    return [
      {
        type: 'number',
        inputMode: 'numeric',
        min: 256,
        max: 4096,
        step: 1,
        'aria-label': s.labels[which],
        'aria-invalid': s.valid ? undefined : true,
        disabled: s.disabled,
        value: s[`${which}Text`],
        onChange: (e: { currentTarget: HTMLInputElement }) => s.setSideText(which, e.currentTarget.value),
        onBlur: s.resetText,
        ...stateAttrs(state),
      },
    ];
  });

/** The width number input (accessible name "Width"). */
const Width = /* @__PURE__ */ side('Width');
/** The height number input (accessible name "Height"). */
const Height = /* @__PURE__ */ side('Height');

export type SizeSelectorButtonProps = Own<ButtonHTMLAttributes<HTMLButtonElement>>;

/** A toggle button (`aria-pressed`, `data-pressed`) locking the aspect ratio while a side is typed. */
const AspectLock: Part<'button', SizeSelectorButtonProps> = /* @__PURE__ */ part('AspectLock', 'button', (s) => [
  {
    type: 'button',
    'aria-pressed': s.aspectLocked,
    disabled: s.disabled,
    onClick: () => s.setAspectLocked(!s.aspectLocked),
    'data-pressed': dataAttr(s.aspectLocked),
    children: s.labels.aspectLock,
  },
]);

/** Sets the size to the first reference's aspect ratio (snapped); disabled without `referenceSize`. */
const MatchReference: Part<'button', SizeSelectorButtonProps> = /* @__PURE__ */ part('MatchReference', 'button', (s) => [
  { type: 'button', disabled: s.disabled || !s.referenceSize, onClick: s.matchReference, children: s.labels.matchReference },
]);

/** The size the model will really produce, why it differs from the request, its megapixels; `data-valid`. */
const Output: Part<'output', Own<HTMLAttributes<HTMLOutputElement>>> = /* @__PURE__ */ part('Output', 'output', (s, _, state) => [
  { 'aria-live': 'polite', ...stateAttrs(state), 'data-width': s.snapped?.width, 'data-height': s.snapped?.height, children: s.summary },
]);

/** Compound parts: `Root`, `Presets`, `Preset`, `Width`, `Height`, `AspectLock`, `MatchReference`, `Output`. */
export const SizeSelector = { Root, Presets, Preset, Width, Height, AspectLock, MatchReference, Output };
