import { forwardRef, type ForwardRefExoticComponent, type PropsWithoutRef, type ReactElement, type RefAttributes } from 'react';
import { renderPart, type PartProps } from './render-part.js';

type Tag = keyof HTMLElementTagNameMap;

/** A part component: its props, and a ref to the element of its tag. */
export type Part<T extends Tag, P> = ForwardRefExoticComponent<PropsWithoutRef<P> & RefAttributes<HTMLElementTagNameMap[T]>>;

/**
 * What a part's `use` returns: the props it renders with, its state (for `className`, `style`, `render`), the
 * caller's props to merge over them (default: all of them), and what to wrap the element in (a context provider
 * for the parts inside, `render` included); `null` renders nothing.
 */
export type PartSetup<S> = readonly [ours: Record<string, unknown>, state: S, theirs?: object, wrap?: Wrap] | null;
type Wrap = (element: ReactElement) => ReactElement;

/** Makes a part rendering one `tag` (or the caller's `render`) with what `use(props)` returns, its ref forwarded. */
export function createPart<T extends Tag, P extends object, S>(tag: T, use: (props: P) => PartSetup<S>): Part<T, P> {
  return forwardRef<HTMLElementTagNameMap[T], P>((props, ref) => {
    const setup = use(props as P);
    if (!setup) return null;
    const element = renderPart(tag, setup[1], ref, setup[0], (setup[2] ?? props) as PartProps<S>);
    return setup[3] ? setup[3](element) : element;
  }) as Part<T, P>;
}

/** `"CompareHandle"` → `"compare-handle"`. */
export const kebabCase = (name: string) => name.replace(/\B[A-Z]/g, (c) => '-' + c).toLowerCase();

/**
 * The part maker of one component: `part(name, tag, use)` reads the component's context (throwing a sentence
 * naming the root outside it), and renders with `data-scope` (the component), `data-part` (the name) and
 * `attrs(state)` besides what `use(context, props, state)` returns (falsy: render nothing).
 */
export function createPartFactory<C, S>(
  component: string,
  useComponentContext: (partName: string) => C,
  stateOf: (context: C) => S,
  attrs: (state: S) => Record<string, unknown> = () => ({}),
) {
  const scope = kebabCase(component);
  return <T extends Tag, P extends object>(
    name: string,
    tag: T,
    use: (context: C, props: P, state: S) => readonly [ours: Record<string, unknown>, state?: unknown, theirs?: object, wrap?: Wrap] | null | undefined | false | '',
  ): Part<T, P> =>
    createPart(tag, (props: P) => {
      const context = useComponentContext(`${component}.${name}`);
      const state = stateOf(context);
      const setup = use(context, props, state);
      return setup ? [{ 'data-scope': scope, 'data-part': kebabCase(name), ...attrs(state), ...setup[0] }, setup[1] ?? state, setup[2], setup[3]] : null;
    });
}
