import {
  forwardRef,
  useContext,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type ImgHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
} from 'react';
import { createPartContext, usePartContext, dataAttr, renderPart, type PartElementProps } from '../utils/index.js';
import type { DragState, ReferenceImage, Rejection } from './types.js';
import { useReferencePicker, type UseReferencePickerOptions, type UseReferencePickerReturn } from './use-reference-picker.js';

/** State every ReferencePicker part receives (for `className`, `style` and `render` functions). */
export interface ReferencePickerState {
  count: number;
  maxFiles: number;
  full: boolean;
  empty: boolean;
  processing: boolean;
  disabled: boolean;
  drag: DragState;
  rejected: boolean;
}

/** State of the parts that belong to one reference (`Item`, `Thumbnail`, `Remove`, `MoveUp`, `MoveDown`). */
export interface ReferencePickerItemState extends ReferencePickerState {
  image: ReferenceImage;
  index: number;
  status: ReferenceImage['status'];
  dragging: boolean;
}

type ItemContextValue = { image: ReferenceImage; index: number };
const ReferencePickerContext = /* @__PURE__ */ createPartContext<UseReferencePickerReturn>('ReferencePicker.Root');
const useReferencePickerContext = (partName: string) => usePartContext(ReferencePickerContext, partName);
const ItemContext = /* @__PURE__ */ createPartContext<ItemContextValue>('ReferencePicker.Item');
const useItemContext = (partName: string) => usePartContext(ItemContext, partName);
export { useReferencePickerContext };

type Own<E, S = ReferencePickerState> = PartElementProps<Omit<E, 'children'>, S> & {
  /** The element's content. @default the part's own content, where it has one (the dropzone's text, the count...) */
  children?: ReactNode;
};
type Props = Record<string, unknown>;

const stateOf = (p: UseReferencePickerReturn, item?: ItemContextValue | null): ReferencePickerState => {
  const { value, maxFiles, full, processing, disabled, drag } = p;
  const state = { count: value.length, maxFiles, full, empty: !value.length, processing, disabled, drag, rejected: !!p.rejections.length };
  return item ? ({ ...state, ...item, status: item.image.status, dragging: p.draggingId === item.image.id } as ReferencePickerItemState) : state;
};
const stateAttrs = (s: ReferencePickerState) => ({
  'data-full': dataAttr(s.full),
  'data-empty': dataAttr(s.empty),
  'data-processing': dataAttr(s.processing),
  'data-disabled': dataAttr(s.disabled),
});
const itemAttrs = (s: ReferencePickerItemState) => ({
  'data-status': s.status,
  'data-index': s.index,
  'data-downscaled': dataAttr(s.image.downscaled),
  'data-dragging': dataAttr(s.dragging),
  'data-disabled': dataAttr(s.disabled),
});
/** `UrlInput` → `{ 'data-scope': 'reference-picker', 'data-part': 'url-input' }` */
const scope = (name: string) => ({ 'data-scope': 'reference-picker', 'data-part': name.replace(/\B[A-Z]/g, '-$&').toLowerCase() });

/**
 * One part: renders `tag` with the scope, the state's data attributes (`attrs`), then `ours(picker, item, { ref })`
 * (from the hook's prop getters, which compose the caller's ref with their own), merged with the caller's props.
 * Item parts (`attrs === itemAttrs`, fixed per part, so the hook order never changes) read their reference from
 * the enclosing `Item`; `content` turns the caller's children into what is rendered.
 */
function part<E, P extends { children?: unknown }>(
  name: string,
  tag: string,
  ours: (p: UseReferencePickerReturn, item: ItemContextValue, ref: Props) => object,
  attrs: (state: never) => Props = stateAttrs,
  content?: (p: UseReferencePickerReturn, children: P['children']) => ReactNode,
) {
  const Part = forwardRef<E, P>((props, ref) => {
    const partName = `ReferencePicker.${name}`;
    const p = useReferencePickerContext(partName);
    const item = attrs === itemAttrs ? useItemContext(partName) : null;
    const state = stateOf(p, item);
    const { ref: ownRef, ...rest } = ours(p, item!, { ref }) as Props;
    const theirs = content ? { ...props, children: content(p, props.children) } : props;
    return renderPart(tag, state, ownRef as never, { ...scope(name), ...attrs(state as never), ...rest }, theirs as never);
  });
  Part.displayName = `ReferencePicker.${name}`;
  return Part;
}

/** The props of `Root` that are `useReferencePicker` options, not attributes of its element. */
const OPTIONS = /* @__PURE__ */ 'value defaultValue onValueChange maxFiles maxBytes downscale paste disabled onReject labels urlTimeout'.split(' ');

export interface ReferencePickerRootProps
  extends UseReferencePickerOptions,
    Own<Omit<HTMLAttributes<HTMLDivElement>, 'defaultValue' | 'onChange'>> {}

/**
 * Holds the picker's state and renders a labelled group (with a visually hidden live region announcing adds,
 * removes, moves and rejections). Use `useReferencePicker` directly for a fully custom UI.
 */
const Root = /* @__PURE__ */ forwardRef<HTMLDivElement, ReferencePickerRootProps>(function ReferencePickerRoot(props, ref) {
  const picker = useReferencePicker(props);
  const state = stateOf(picker);
  const rest: Props = { ...props };
  for (const option of OPTIONS) delete rest[option];
  rest.children = (
    <>
      {props.children}
      <span {...(picker.getAnnouncerProps() as HTMLAttributes<HTMLSpanElement>)} {...scope('announcer')} />
    </>
  );
  return (
    <ReferencePickerContext.Provider value={picker}>
      {renderPart('div', state, ref, { ...picker.getRootProps(), ...scope('root'), ...stateAttrs(state) }, rest)}
    </ReferencePickerContext.Provider>
  );
});

export type ReferencePickerDropzoneProps = Own<HTMLAttributes<HTMLDivElement>>;
export type ReferencePickerInputProps = Own<InputHTMLAttributes<HTMLInputElement>>;
export type ReferencePickerUrlInputProps = Own<InputHTMLAttributes<HTMLInputElement>>;
export type ReferencePickerButtonProps = Own<ButtonHTMLAttributes<HTMLButtonElement>>;
export type ReferencePickerThumbnailProps = Own<ImgHTMLAttributes<HTMLImageElement>, ReferencePickerItemState>;
export type ReferencePickerItemButtonProps = Own<ButtonHTMLAttributes<HTMLButtonElement>, ReferencePickerItemState>;
export type ReferencePickerCountProps = Own<HTMLAttributes<HTMLSpanElement>>;

export interface ReferencePickerListProps extends Omit<Own<HTMLAttributes<HTMLUListElement>>, 'children'> {
  /**
   * What to render for each reference (inside an `Item` you place yourself), or plain children.
   * @default an `Item` per reference with `Thumbnail`, `MoveUp`, `MoveDown` and `Remove`
   */
  children?: ReactNode | ((image: ReferenceImage, index: number) => ReactNode);
}

export interface ReferencePickerItemProps extends Own<HTMLAttributes<HTMLLIElement>, ReferencePickerItemState> {
  /** The reference. @default the one given by a `List` render function */
  image?: ReferenceImage;
  /**
   * The reference's position in the list.
   * @default the index given by a `List` render function for the same image, else the image's place in the picker's list
   */
  index?: number;
}

export interface ReferencePickerRejectionsProps extends Omit<Own<HTMLAttributes<HTMLDivElement>>, 'children'> {
  /** Custom rendering of the rejections. @default one paragraph per message, with its `data-code` */
  children?: ReactNode | ((rejections: Rejection[]) => ReactNode);
}

/**
 * The drop target; also a button opening the file dialog (click, Enter, Space). `data-drag="idle|accept|reject"`.
 * Shows `labels.dropzone` when it has no children.
 */
const Dropzone = /* @__PURE__ */ part<HTMLDivElement, ReferencePickerDropzoneProps>('Dropzone', 'div', (p, _, ref) => ({
  ...p.getDropzoneProps(ref),
  'data-drag': p.drag,
  children: p.labels.dropzone,
}));

/** The hidden file input ("Add reference images"; PNG, JPEG, WebP; multiple). Place it inside the Dropzone or anywhere. */
const Input = /* @__PURE__ */ part<HTMLInputElement, ReferencePickerInputProps>('Input', 'input', (p, _, ref) => p.getInputProps(ref), () => ({}));

/** A URL field ("Image URL"); Enter adds the URL after checking it loads. */
const UrlInput = /* @__PURE__ */ part<HTMLInputElement, ReferencePickerUrlInputProps>('UrlInput', 'input', (p, _, ref) => p.getUrlInputProps(ref));

/** Adds the URL typed in `UrlInput` ("Add URL"). */
const UrlSubmit = /* @__PURE__ */ part<HTMLButtonElement, ReferencePickerButtonProps>('UrlSubmit', 'button', (p, _, ref) => p.getUrlSubmitProps(ref));

/** The ordered list of references (`ul`). */
const List = /* @__PURE__ */ part<HTMLUListElement, ReferencePickerListProps>('List', 'ul', (p, _, ref) => p.getListProps(ref), stateAttrs, (p, children) =>
  typeof children === 'function'
    ? p.value.map((image, index) => (
        <ItemContext.Provider key={image.id} value={{ image, index }}>
          {children(image, index)}
        </ItemContext.Provider>
      ))
    : (children ??
      p.value.map((image, index) => (
        <Item key={image.id} image={image} index={index}>
          <Thumbnail />
          <MoveUp />
          <MoveDown />
          <Remove />
        </Item>
      ))),
);

/**
 * One reference (`li`, focusable, draggable to reorder). Alt+ArrowUp/Down moves it, Delete removes it.
 * `data-status="processing|ready"`, `data-index`, `data-downscaled`, `data-dragging`; `--reference-aspect-ratio`.
 */
const Item = /* @__PURE__ */ forwardRef<HTMLLIElement, ReferencePickerItemProps>(function ReferencePickerItem(props, ref) {
  const p = useReferencePickerContext('ReferencePicker.Item');
  const outer = useContext(ItemContext);
  const { image = outer?.image, index: indexProp, ...rest } = props;
  if (!image) throw new Error('<ReferencePicker.Item> needs an `image` prop or a <ReferencePicker.List> render function.');
  const index = indexProp ?? (outer?.image.id === image.id ? outer.index : p.value.findIndex((i) => i.id === image.id));
  const state = stateOf(p, { image, index }) as ReferencePickerItemState;
  const { ref: ownRef, ...ours } = p.getItemProps(image, index, { ref });
  return (
    <ItemContext.Provider value={{ image, index }}>
      {renderPart('li', state, ownRef, { ...ours, ...scope('item'), ...itemAttrs(state) }, rest)}
    </ItemContext.Provider>
  );
});

/** The reference's preview (`img`, alt = its name). */
const Thumbnail = /* @__PURE__ */ part<HTMLImageElement, ReferencePickerThumbnailProps>('Thumbnail', 'img', (p, { image }, ref) => p.getThumbnailProps(image, ref), itemAttrs);

/** Removes the reference ("Remove <name>"). */
const Remove = /* @__PURE__ */ part<HTMLButtonElement, ReferencePickerItemButtonProps>('Remove', 'button', (p, { image }, ref) => p.getRemoveProps(image, ref), itemAttrs);

/** Moves the reference one place earlier ("Move <name> up"); disabled on the first. */
const MoveUp = /* @__PURE__ */ part<HTMLButtonElement, ReferencePickerItemButtonProps>('MoveUp', 'button', (p, { image }, ref) => p.getMoveUpProps(image, ref), itemAttrs);

/** Moves the reference one place later ("Move <name> down"); disabled on the last. */
const MoveDown = /* @__PURE__ */ part<HTMLButtonElement, ReferencePickerItemButtonProps>('MoveDown', 'button', (p, { image }, ref) => p.getMoveDownProps(image, ref), itemAttrs);

/** Every rejection message of the last add (`role="alert"`); `data-empty` when there is none. */
const Rejections = /* @__PURE__ */ part<HTMLDivElement, ReferencePickerRejectionsProps>(
  'Rejections',
  'div',
  (p, _, ref) => ({ ...p.getRejectionsProps(ref), 'data-empty': dataAttr(!p.rejections.length) }),
  stateAttrs,
  (p, children) =>
    typeof children === 'function'
      ? children(p.rejections)
      : (children ??
        p.rejections.flatMap((r, i) =>
          r.errors.map((e, j) => (
            <p key={`${i}-${j}`} data-code={e.code}>
              {e.message}
            </p>
          )),
        )),
);

/** "2 of 5 images"; `data-full` at the limit. */
const Count = /* @__PURE__ */ part<HTMLSpanElement, ReferencePickerCountProps>('Count', 'span', (p, _, ref) => p.getCountProps(ref));

/** Choose, drop, paste or link 1..N reference images; validate, downscale, reorder and remove them. */
export const ReferencePicker = {
  Root,
  Dropzone,
  Input,
  UrlInput,
  UrlSubmit,
  List,
  Item,
  Thumbnail,
  Remove,
  MoveUp,
  MoveDown,
  Rejections,
  Count,
};
