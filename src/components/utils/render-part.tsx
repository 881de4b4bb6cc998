import { cloneElement, createElement, isValidElement, type CSSProperties, type ReactElement, type Ref } from 'react';
import { mergeProps } from './merge-props.js';

/** A class name, or a function of the part's state that returns one. */
export type ClassNameProp<State> = string | ((state: State) => string | undefined);

/** Inline styles, or a function of the part's state that returns them. */
export type StyleProp<State> = CSSProperties | ((state: State) => CSSProperties | undefined);

/**
 * Replaces the element a part renders: an element (props are merged into it) or a function that receives
 * the props to spread and the part's state.
 */
export type RenderProp<State> = ReactElement | ((props: Record<string, unknown>, state: State) => ReactElement);

/** Props every part accepts. */
export interface PartProps<State> {
  /** A class name, or a function of the part's state returning one. @default undefined */
  className?: ClassNameProp<State>;
  /** Inline styles, or a function of the part's state returning them. @default undefined */
  style?: StyleProp<State>;
  /** Render another element or component instead of the default one. @default undefined (the part's own element) */
  render?: RenderProp<State>;
}

/** A part's props: `PartProps` over the element's own attributes, whose `className` and `style` they replace. */
export type PartElementProps<E, State> = PartProps<State> & Omit<E, 'className' | 'style'>;

/** Turns a state value into a `data-*` attribute value: `true` → `""`, `false`/`undefined` → omitted. */
export function dataAttr(value: string | number | boolean | undefined | null): string | undefined {
  if (value === true) return '';
  if (value === false || value === undefined || value === null) return undefined;
  return String(value);
}

/**
 * Renders one part: the default `tag`, or the caller's `render`, with the library's props (`ours`, which
 * include data attributes and handlers) merged with the caller's (`theirs`), `className`/`style` resolved
 * against `state`, and the ref forwarded.
 */
export function renderPart<State>(
  tag: string,
  state: State,
  ref: Ref<unknown> | undefined,
  ours: Record<string, unknown>,
  theirs: PartProps<State> & object,
): ReactElement {
  const { className, style, render, ...rest } = theirs as PartProps<State> & Record<string, unknown>;
  const resolvedClassName = typeof className === 'function' ? className(state) : className;
  const resolvedStyle = typeof style === 'function' ? style(state) : style;
  const props = mergeProps({ ...ours, ref }, { ...rest, className: resolvedClassName, style: resolvedStyle });
  if (typeof render === 'function') return render(props, state);
  if (isValidElement(render)) return cloneElement(render, mergeProps(props, render.props as Record<string, unknown>));
  return createElement(tag, props);
}
