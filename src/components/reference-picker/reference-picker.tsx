import {
  forwardRef,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type ImgHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
} from 'react';
import { createPartContext, dataAttr, renderPart as renderAny, type PartProps } from '../utils/index.js';
import type { DragState, ReferenceImage, Rejection } from './types.js';
import { useReferencePicker, type UseReferencePickerOptions, type UseReferencePickerReturn } from './use-reference-picker.js';

const renderPart = <S,>(tag: string, state: S, ref: unknown, ours: Record<string, unknown>, theirs: object) =>
  renderAny(tag, state, ref as never, ours, theirs as PartProps<S> & Record<string, unknown>);

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

const [ReferencePickerContext, useReferencePickerContext] = createPartContext<UseReferencePickerReturn>('ReferencePicker.Root');
const [ItemContext, useItemContext] = createPartContext<{ image: ReferenceImage; index: number }>('ReferencePicker.Item');
export { useReferencePickerContext };

type Own<E, S = ReferencePickerState> = PartProps<S> & Omit<E, 'className' | 'style' | 'children'> & { children?: ReactNode };
const scope = (part: string) => ({ 'data-scope': 'reference-picker', 'data-part': part });

const stateOf = (p: UseReferencePickerReturn): ReferencePickerState => ({
  count: p.value.length,
  maxFiles: p.maxFiles,
  full: p.full,
  empty: p.value.length === 0,
  processing: p.processing,
  disabled: p.disabled,
  drag: p.drag,
  rejected: p.rejections.length > 0,
});
const stateAttrs = (s: ReferencePickerState) => ({
  'data-full': dataAttr(s.full),
  'data-empty': dataAttr(s.empty),
  'data-processing': dataAttr(s.processing),
  'data-disabled': dataAttr(s.disabled),
});
const itemStateOf = (p: UseReferencePickerReturn, image: ReferenceImage, index: number): ReferencePickerItemState => ({
  ...stateOf(p),
  image,
  index,
  status: image.status,
  dragging: p.draggingId === image.id,
});
const itemAttrs = (s: ReferencePickerItemState) => ({
  'data-status': s.status,
  'data-index': s.index,
  'data-downscaled': dataAttr(s.image.downscaled),
  'data-dragging': dataAttr(s.dragging),
  'data-disabled': dataAttr(s.disabled),
});

export interface ReferencePickerRootProps
  extends UseReferencePickerOptions,
    Own<Omit<HTMLAttributes<HTMLDivElement>, 'defaultValue' | 'onChange'>> {}

/**
 * Holds the picker's state and renders a labelled group (with a visually hidden live region announcing adds,
 * removes, moves and rejections). Use `useReferencePicker` directly for a fully custom UI.
 */
const Root = forwardRef<HTMLDivElement, ReferencePickerRootProps>(function ReferencePickerRoot(props, ref) {
  const {
    value, defaultValue, onValueChange, maxFiles, maxBytes, downscale, paste, disabled, onReject, labels, urlTimeout,
    children, ...rest
  } = props;
  const picker = useReferencePicker({
    value, defaultValue, onValueChange, maxFiles, maxBytes, downscale, paste, disabled, onReject, labels, urlTimeout,
  });
  const state = stateOf(picker);
  const content = (
    <>
      {children}
      <span {...(picker.getAnnouncerProps() as HTMLAttributes<HTMLSpanElement>)} {...scope('announcer')} />
    </>
  );
  return (
    <ReferencePickerContext.Provider value={picker}>
      {renderPart('div', state, ref, { ...picker.getRootProps(), ...scope('root'), ...stateAttrs(state) }, { ...rest, children: content })}
    </ReferencePickerContext.Provider>
  );
});

export type ReferencePickerDropzoneProps = Own<HTMLAttributes<HTMLDivElement>>;

/**
 * The drop target; also a button opening the file dialog (click, Enter, Space). `data-drag="idle|accept|reject"`.
 * Shows `labels.dropzone` when it has no children.
 */
const Dropzone = forwardRef<HTMLDivElement, ReferencePickerDropzoneProps>(function ReferencePickerDropzone(props, ref) {
  const p = useReferencePickerContext('ReferencePicker.Dropzone');
  const state = stateOf(p);
  const { ref: ownRef, ...ours } = p.getDropzoneProps({ ref });
  return renderPart(
    'div',
    state,
    ownRef,
    { ...ours, ...scope('dropzone'), ...stateAttrs(state), 'data-drag': p.drag },
    { ...props, children: props.children ?? p.labels.dropzone },
  );
});

export type ReferencePickerInputProps = Own<InputHTMLAttributes<HTMLInputElement>>;

/** The hidden file input ("Add reference images"; PNG, JPEG, WebP; multiple). Place it inside the Dropzone or anywhere. */
const Input = forwardRef<HTMLInputElement, ReferencePickerInputProps>(function ReferencePickerInput(props, ref) {
  const p = useReferencePickerContext('ReferencePicker.Input');
  const state = stateOf(p);
  const { ref: ownRef, ...ours } = p.getInputProps({ ref });
  return renderPart('input', state, ownRef, { ...ours, ...scope('input') }, props);
});

export type ReferencePickerUrlInputProps = Own<InputHTMLAttributes<HTMLInputElement>>;

/** A URL field ("Image URL"); Enter adds the URL after checking it loads. */
const UrlInput = forwardRef<HTMLInputElement, ReferencePickerUrlInputProps>(function ReferencePickerUrlInput(props, ref) {
  const p = useReferencePickerContext('ReferencePicker.UrlInput');
  const state = stateOf(p);
  return renderPart('input', state, ref, { ...p.getUrlInputProps(), ...scope('url-input'), ...stateAttrs(state) }, props);
});

export type ReferencePickerButtonProps = Own<ButtonHTMLAttributes<HTMLButtonElement>>;

/** Adds the URL typed in `UrlInput` ("Add URL"). */
const UrlSubmit = forwardRef<HTMLButtonElement, ReferencePickerButtonProps>(function ReferencePickerUrlSubmit(props, ref) {
  const p = useReferencePickerContext('ReferencePicker.UrlSubmit');
  const state = stateOf(p);
  return renderPart('button', state, ref, { ...p.getUrlSubmitProps(), ...scope('url-submit'), ...stateAttrs(state) }, props);
});

export interface ReferencePickerListProps extends Omit<Own<HTMLAttributes<HTMLUListElement>>, 'children'> {
  /**
   * What to render for each reference (inside an `Item` you place yourself), or plain children.
   * Without children: an `Item` per reference with `Thumbnail`, `MoveUp`, `MoveDown` and `Remove`.
   */
  children?: ReactNode | ((image: ReferenceImage, index: number) => ReactNode);
}

function DefaultItem() {
  return (
    <>
      <Thumbnail />
      <MoveUp />
      <MoveDown />
      <Remove />
    </>
  );
}

/** The ordered list of references (`ul`). */
const List = forwardRef<HTMLUListElement, ReferencePickerListProps>(function ReferencePickerList(props, ref) {
  const p = useReferencePickerContext('ReferencePicker.List');
  const state = stateOf(p);
  const { children, ...rest } = props;
  const content =
    typeof children === 'function'
      ? p.value.map((image, index) => (
          <ItemContext.Provider key={image.id} value={{ image, index }}>
            {children(image, index)}
          </ItemContext.Provider>
        ))
      : (children ??
        p.value.map((image, index) => (
          <Item key={image.id} image={image} index={index}>
            <DefaultItem />
          </Item>
        )));
  return renderPart('ul', state, ref, { ...p.getListProps(), ...scope('list'), ...stateAttrs(state) }, { ...rest, children: content });
});

export interface ReferencePickerItemProps extends Own<HTMLAttributes<HTMLLIElement>, ReferencePickerItemState> {
  /** The reference; defaults to the one given by a `List` render function. */
  image?: ReferenceImage;
  index?: number;
}

/**
 * One reference (`li`, focusable, draggable to reorder). Alt+ArrowUp/Down moves it, Delete removes it.
 * `data-status="processing|ready"`, `data-index`, `data-downscaled`, `data-dragging`; `--reference-aspect-ratio`.
 */
const Item = forwardRef<HTMLLIElement, ReferencePickerItemProps>(function ReferencePickerItem(props, ref) {
  const p = useReferencePickerContext('ReferencePicker.Item');
  const outer = useOptionalItem();
  const { image: imageProp, index: indexProp, ...rest } = props;
  const image = imageProp ?? outer?.image;
  if (!image) throw new Error('<ReferencePicker.Item> needs an `image` prop or a <ReferencePicker.List> render function.');
  const index = indexProp ?? (outer?.image.id === image.id ? outer.index : p.value.findIndex((i) => i.id === image.id));
  const state = itemStateOf(p, image, index);
  const { ref: ownRef, ...ours } = p.getItemProps(image, index, { ref });
  return (
    <ItemContext.Provider value={{ image, index }}>
      {renderPart('li', state, ownRef, { ...ours, ...scope('item'), ...itemAttrs(state) }, rest)}
    </ItemContext.Provider>
  );
});

function useOptionalItem() {
  try {
    return useItemContext('ReferencePicker.Item');
  } catch {
    return null;
  }
}

function useItemPart(partName: string) {
  const p = useReferencePickerContext(partName);
  const { image, index } = useItemContext(partName);
  return { p, image, index, state: itemStateOf(p, image, index) };
}

export type ReferencePickerThumbnailProps = Own<ImgHTMLAttributes<HTMLImageElement>, ReferencePickerItemState>;

/** The reference's preview (`img`, alt = its name). */
const Thumbnail = forwardRef<HTMLImageElement, ReferencePickerThumbnailProps>(function ReferencePickerThumbnail(props, ref) {
  const { p, image, state } = useItemPart('ReferencePicker.Thumbnail');
  return renderPart('img', state, ref, { ...p.getThumbnailProps(image), ...scope('thumbnail'), ...itemAttrs(state) }, props);
});

export type ReferencePickerItemButtonProps = Own<ButtonHTMLAttributes<HTMLButtonElement>, ReferencePickerItemState>;

/** Removes the reference ("Remove <name>"). */
const Remove = forwardRef<HTMLButtonElement, ReferencePickerItemButtonProps>(function ReferencePickerRemove(props, ref) {
  const { p, image, state } = useItemPart('ReferencePicker.Remove');
  return renderPart('button', state, ref, { ...p.getRemoveProps(image), ...scope('remove'), ...itemAttrs(state) }, props);
});

/** Moves the reference one place earlier ("Move <name> up"); disabled on the first. */
const MoveUp = forwardRef<HTMLButtonElement, ReferencePickerItemButtonProps>(function ReferencePickerMoveUp(props, ref) {
  const { p, image, state } = useItemPart('ReferencePicker.MoveUp');
  return renderPart('button', state, ref, { ...p.getMoveUpProps(image), ...scope('move-up'), ...itemAttrs(state) }, props);
});

/** Moves the reference one place later ("Move <name> down"); disabled on the last. */
const MoveDown = forwardRef<HTMLButtonElement, ReferencePickerItemButtonProps>(function ReferencePickerMoveDown(props, ref) {
  const { p, image, state } = useItemPart('ReferencePicker.MoveDown');
  return renderPart('button', state, ref, { ...p.getMoveDownProps(image), ...scope('move-down'), ...itemAttrs(state) }, props);
});

export interface ReferencePickerRejectionsProps extends Omit<Own<HTMLAttributes<HTMLDivElement>>, 'children'> {
  /** Custom rendering of the rejections; by default one paragraph per message (`data-code`). */
  children?: ReactNode | ((rejections: Rejection[]) => ReactNode);
}

/** Every rejection message of the last add (`role="alert"`); `data-empty` when there is none. */
const Rejections = forwardRef<HTMLDivElement, ReferencePickerRejectionsProps>(function ReferencePickerRejections(props, ref) {
  const p = useReferencePickerContext('ReferencePicker.Rejections');
  const state = stateOf(p);
  const { children, ...rest } = props;
  const content =
    typeof children === 'function'
      ? children(p.rejections)
      : (children ??
        p.rejections.flatMap((r, i) =>
          r.errors.map((e, j) => (
            <p key={`${i}-${j}`} data-code={e.code}>
              {e.message}
            </p>
          )),
        ));
  return renderPart(
    'div',
    state,
    ref,
    { ...p.getRejectionsProps(), ...scope('rejections'), ...stateAttrs(state), 'data-empty': dataAttr(!p.rejections.length) },
    { ...rest, children: content },
  );
});

export type ReferencePickerCountProps = Own<HTMLAttributes<HTMLSpanElement>>;

/** "2 of 5 images"; `data-full` at the limit. */
const Count = forwardRef<HTMLSpanElement, ReferencePickerCountProps>(function ReferencePickerCount(props, ref) {
  const p = useReferencePickerContext('ReferencePicker.Count');
  const state = stateOf(p);
  return renderPart('span', state, ref, { ...p.getCountProps(), ...scope('count'), ...stateAttrs(state) }, props);
});

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
