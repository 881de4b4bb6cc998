import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type DragEvent,
  type HTMLAttributes,
  type ImgHTMLAttributes,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type Ref,
  type RefCallback,
} from 'react';
import { decodeDataUri, DEFAULT_MAX_IMAGES, MAX_IMAGE_BYTES } from '../../core/index.js';
import { mergeProps, useControllableState, VISUALLY_HIDDEN } from '../utils/index.js';
import { createDownscaler, DecodeError, DEFAULT_MAX_SIDE, DEFAULT_QUALITY, planDownscale, type Downscaler } from './downscale.js';
import { checkGeometry, inspectFile } from './inspect-file.js';
import { defaultReferencePickerLabels, type ReferencePickerLabels } from './labels.js';
import { createId, moveItem } from './list-ops.js';
import { nameFromUrl, parseImageUrl, probeImageUrl } from './load-url.js';
import type { DownscaleOptions, DragState, ReferenceImage, Rejection, RejectionError } from './types.js';

export interface UseReferencePickerOptions {
  /** The references (controlled). @default undefined (uncontrolled) */
  value?: ReferenceImage[];
  /** The initial references (uncontrolled). @default [] */
  defaultValue?: ReferenceImage[];
  /** Called with the new list after every add, remove, move and finished downscale. @default undefined */
  onValueChange?: (value: ReferenceImage[]) => void;
  /** Most references allowed; extra files are rejected with `too_many`. @default 5 (DEFAULT_MAX_IMAGES) */
  maxFiles?: number;
  /** Largest file accepted, in bytes. @default 52428800 (MAX_IMAGE_BYTES, 50 MB) */
  maxBytes?: number;
  /**
   * Downscale large photos before upload (long side ≤ `maxSide`, EXIF orientation applied), in a Web Worker.
   * `false` keeps every file as chosen.
   * @default { maxSide: 2048, quality: 0.9 }
   */
  downscale?: DownscaleOptions | false;
  /** Add images and image URLs pasted anywhere in the document while the picker is mounted. @default true */
  paste?: boolean;
  /** Turns off adding, removing and reordering (file dialog, drop, paste, URL and the item buttons). @default false */
  disabled?: boolean;
  /** Called with every batch of rejected files or URLs (they are also in `rejections`). @default undefined */
  onReject?: (rejections: Rejection[]) => void;
  /** Replace any visible or announced string. @default English (the exported default labels) */
  labels?: Partial<ReferencePickerLabels>;
  /** Milliseconds to wait for a URL to load before rejecting it as unreachable. @default 10000 */
  urlTimeout?: number;
}

type Props = Record<string, unknown>;
type WithRef<A, E> = A & { ref: RefCallback<E> };
type ElementProps = HTMLAttributes<HTMLElement>;
type Button = ButtonHTMLAttributes<HTMLButtonElement>;
type Input = InputHTMLAttributes<HTMLInputElement>;
/** A file or URL on its way in: a rejection when it has errors, else `make()` builds the reference. */
type Candidate = Rejection & { make: () => ReferenceImage };

/** MIME type of an item dragged inside the list (reorder). */
export const REORDER_MIME = 'application/x-hidream-reference';
export const ACCEPT = 'image/png,image/jpeg,image/webp';
const ACCEPTED_TYPES = /* @__PURE__ */ ACCEPT.split(',');

const assignRef = <T>(ref: Ref<T> | undefined, node: T | null) =>
  typeof ref === 'function' ? ref(node) : ref && ((ref as { current: T | null }).current = node);

/** Merges the caller's props over ours (caller's handlers first), composing a caller `ref` with `ownRef`. */
function merge<T = ElementProps>(ours: object, theirs?: Props, ownRef?: Ref<HTMLElement>): T {
  const merged: Props = mergeProps(ours as Props, theirs);
  if (ownRef) merged.ref = (node: HTMLElement) => (assignRef(ownRef, node), assignRef(theirs?.ref as Ref<HTMLElement>, node));
  return merged as T;
}

const types = (data: DataTransfer | null | undefined) => Array.from(data?.types ?? []);
const isEditable = (target: EventTarget | null) =>
  !!(target as Element | null)?.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
const reference = (
  fields: Pick<ReferenceImage, 'name' | 'source' | 'previewUrl' | 'width' | 'height' | 'format'>,
  processing?: boolean,
): ReferenceImage => ({
  id: createId(),
  ...fields,
  bytes: typeof fields.source === 'string' ? null : fields.source.size,
  status: processing ? 'processing' : 'ready',
  downscaled: false,
});
/** `name` with the extension of the image `type`, unless it already has it. */
function renamed(name: string, type: string): string {
  const ext = type === 'image/jpeg' ? 'jpg' : type.slice(6);
  return new RegExp(`\\.(${ext === 'jpg' ? 'jpe?g' : ext})$`, 'i').test(name) ? name : `${name.replace(/(.)\.[^.]*$/, '$1')}.${ext}`;
}

/**
 * The logic of a reference-image picker: add by file dialog, drop, paste or URL, validate from the header bytes,
 * downscale large photos in a Web Worker, reorder, remove, and announce it all. Prop getters merge the
 * caller's props (caller's handlers first).
 */
export function useReferencePicker(options: UseReferencePickerOptions = {}) {
  const { maxFiles = DEFAULT_MAX_IMAGES, paste = true, disabled = false } = options;
  const labels = useMemo(() => ({ ...defaultReferencePickerLabels, ...options.labels }), [options.labels]);
  const [value, setControllable] = useControllableState<ReferenceImage[]>({
    value: options.value,
    defaultValue: options.defaultValue ?? [],
    onChange: options.onValueChange,
  });
  const [rejections, setRejections] = useState<Rejection[]>([]);
  const [drag, setDrag] = useState<DragState>('idle');
  const [busy, setBusy] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [urlText, setUrlText] = useState('');
  const [draggingId, setDraggingId] = useState<string | null>(null);
  // What the stable actions below read: this render's options, and the list as last set (async work reads it).
  const fresh = { ...options, labels, maxFiles, disabled, value, setControllable };
  const live = useRef(fresh);
  live.current = fresh;

  // Actions and element bookkeeping, created once: they read `live` so they never go stale.
  const [my] = useState(() => {
    const inputRef: { current: HTMLInputElement | null } = { current: null };
    const dropzoneRef: { current: HTMLElement | null } = { current: null };
    const items = new Map<string, HTMLElement>();
    /** Object URLs we created → whether they have been in the list (revoked once they leave it, or on unmount). */
    const owned = new Map<string, boolean>();
    let downscaler: Downscaler | undefined;
    let mounted = false;
    let depth = 0;
    let dragging: string | null = null;
    let refocus: { element: Element | null; index: number } | null = null;

    const get = () => live.current;
    const setList = (list: ReferenceImage[]) => {
      get().value = list;
      get().setControllable(list);
    };
    const update = (id: string, patch: (item: ReferenceImage) => ReferenceImage) =>
      setList(get().value.map((item) => (item.id === id ? patch(item) : item)));
    const findLive = (id: string) => (mounted ? get().value.find((item) => item.id === id) : undefined);
    const makeUrl = (blob: Blob) => {
      const url = URL.createObjectURL(blob);
      owned.set(url, false);
      return url;
    };
    // A trailing no-break space toggles so a repeated message is announced again.
    const announce = (message: string) => setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message));
    /** Shows `batch` (after the current rejections when `append`), announces it and calls `onReject`. */
    const report = (batch: Rejection[], append?: boolean) => {
      setRejections((previous) => (append ? [...previous, ...batch] : batch));
      if (!batch.length) return;
      announce(get().labels.rejected(batch.length));
      get().onReject?.(batch);
    };

    /** Adds the candidates without errors while there is room, reports the others; returns the rejections. */
    const add = (found: Candidate[]) => {
      if (!mounted) return { batch: [], added: [] };
      const { value: list, maxFiles: max, labels: l } = get();
      let room = max - list.length;
      const batch: Rejection[] = [];
      const added: ReferenceImage[] = [];
      for (const { make, ...rejection } of found) {
        if (!rejection.errors.length && room-- <= 0) rejection.errors.push({ code: 'too_many', message: l.tooMany(rejection.name, max) });
        if (rejection.errors.length) batch.push(rejection);
        else added.push(make());
      }
      if (added.length) {
        setList([...list, ...added]);
        announce(l.added(added.map((item) => item.name), list.length + added.length, max));
      }
      report(batch);
      return { batch, added };
    };

    /** Replaces a large file by its downscaled copy; a file that cannot be decoded is removed and reported. */
    const shrink = async (item: ReferenceImage, target: { width: number; height: number }) => {
      const config = get().downscale || {};
      const file = item.source as Blob;
      let type: string = config.type ?? `image/${item.format}`;
      try {
        const result = await (downscaler ??= createDownscaler()).run(file, { ...target, type, quality: config.quality ?? DEFAULT_QUALITY });
        if (!findLive(item.id)) return;
        type = result.blob.type || type;
        update(item.id, (current) => {
          const source = new File([result.blob], renamed(current.name, type), { type });
          return {
            ...current,
            name: source.name,
            source,
            previewUrl: makeUrl(source),
            width: result.width,
            height: result.height,
            bytes: source.size,
            format: type.slice(6) as ReferenceImage['format'],
            status: 'ready',
            downscaled: true,
            originalWidth: current.width,
            originalHeight: current.height,
          };
        });
      } catch (error) {
        const current = findLive(item.id);
        if (!current) return;
        if (!(error instanceof DecodeError)) return update(item.id, (i) => ({ ...i, status: 'ready' })); // Can't resize here: send the original.
        setList(get().value.filter((i) => i.id !== item.id));
        report([{ file, name: current.name, errors: [{ code: 'corrupt_image', message: get().labels.corruptImage(current.name) }] }], true);
      }
    };

    const busyWhile = async <T>(work: Promise<T>) => {
      setBusy((n) => n + 1);
      try {
        return await work;
      } finally {
        setBusy((n) => n - 1);
      }
    };

    /** Validates and adds files (or blobs) in order; returns the rejections of this batch. */
    const addFiles = async (input: Iterable<Blob> | ArrayLike<Blob>): Promise<Rejection[]> => {
      const { labels: l, disabled: off, maxBytes = MAX_IMAGE_BYTES, downscale } = get();
      const files = Array.from(input as ArrayLike<Blob>);
      if (off || !files.length) return [];
      const maxSide = downscale === false ? Infinity : (downscale?.maxSide ?? DEFAULT_MAX_SIDE);
      const found = await busyWhile(
        Promise.all(
          files.map(async (file): Promise<Candidate> => {
            const name = (file as File).name || l.untitled;
            const { info, width, height, errors } = await inspectFile(file, name, maxBytes, l);
            const target = planDownscale(width, height, maxSide);
            const make = () => reference({ name, source: file, previewUrl: makeUrl(file), width, height, format: info!.format }, !!target);
            return { file, name, errors, make };
          }),
        ),
      );
      const { batch, added } = add(found);
      await Promise.all(added.map((item) => item.status === 'processing' && shrink(item, planDownscale(item.width, item.height, maxSide)!)));
      return batch;
    };

    /** Adds an `http(s)` URL (checked by loading it) or a `data:image/...` URI; returns the rejections. */
    const addUrl = async (text: string): Promise<Rejection[]> => {
      const { labels: l, disabled: off, urlTimeout = 10_000, value: list, maxFiles: max } = get();
      if (off) return [];
      const trimmed = text.trim();
      const decoded = /^data:/i.test(trimmed) && decodeDataUri(trimmed);
      if (decoded && decoded.mimeType.startsWith('image/')) {
        return addFiles([new Blob([decoded.bytes as BlobPart], { type: decoded.mimeType })]);
      }
      const url = parseImageUrl(trimmed);
      const name = url ? nameFromUrl(url) : trimmed;
      const errors: RejectionError[] = url ? [] : [{ code: 'invalid_url', message: l.invalidUrl(trimmed) }];
      let size = { width: 0, height: 0 };
      if (url && list.length < max) {
        try {
          size = await busyWhile(probeImageUrl(url, urlTimeout));
          errors.push(...checkGeometry(name, size.width, size.height, l));
        } catch {
          errors.push({ code: 'url_unreachable', message: l.urlUnreachable(url) });
        }
      }
      return add([{ url: trimmed, name, errors, make: () => reference({ name, source: url!, previewUrl: url!, ...size, format: null }) }]).batch;
    };

    const remove = (id: string) => {
      const list = get().value;
      const index = list.findIndex((item) => item.id === id);
      if (index < 0) return;
      refocus = { element: null, index };
      setList(list.filter((item) => item.id !== id));
      announce(get().labels.removed(list[index]!.name, list.length - 1, get().maxFiles));
    };

    const move = (id: string, to: number) => {
      const next = moveItem(get().value, id, to);
      if (next === get().value) return;
      const index = next.findIndex((item) => item.id === id);
      refocus = { element: document.activeElement, index };
      setList(next);
      announce(get().labels.moved(next[index]!.name, index + 1, next.length));
    };

    const clear = () => setList([]);
    const open = () => {
      if (!get().disabled) inputRef.current?.click();
    };

    const isReorder = (event: DragEvent) => dragging !== null || types(event.dataTransfer).includes(REORDER_MIME);
    /** Would a drop of `data` be accepted? */
    const judge = (data: DataTransfer | null): DragState => {
      const files = Array.from(data?.items ?? []).filter((item) => item.kind === 'file');
      const ok = files.length
        ? files.every((item) => !item.type || ACCEPTED_TYPES.includes(item.type)) && files.length <= get().maxFiles - get().value.length
        : types(data).some((t) => t === 'text/uri-list' || t === 'text/plain');
      return ok && !get().disabled ? 'accept' : 'reject';
    };
    /** dragenter, dragover, dragleave and drop of files or URLs on the dropzone (list reorders are left alone). */
    const onZoneDrag = (event: DragEvent) => {
      if (isReorder(event)) return;
      const { type, dataTransfer: data } = event;
      if (type === 'dragleave') {
        depth = Math.max(0, depth - 1);
        if (!depth) setDrag('idle');
        return;
      }
      event.preventDefault();
      if (type === 'drop') {
        depth = 0;
        setDrag('idle');
        if (!data || get().disabled) return;
        if (data.files.length) return void addFiles(data.files);
        const text = (data.getData('text/uri-list') || data.getData('text/plain')).split(/\r?\n/).find((line) => line && !line.startsWith('#'));
        if (text) void addUrl(text);
        return;
      }
      if (type === 'dragover' && data) data.dropEffect = get().disabled ? 'none' : 'copy';
      if (type === 'dragenter' || !depth) {
        depth += 1;
        setDrag(judge(data));
      }
    };
    const endDrag = () => {
      dragging = null;
      setDraggingId(null);
    };
    /** Drag-to-reorder handlers of the item at `index`. */
    const itemDrag = (image: ReferenceImage, index: number) => ({
      onDragStart: (event: DragEvent) => {
        if (get().disabled) return;
        dragging = image.id;
        setDraggingId(image.id);
        event.dataTransfer?.setData(REORDER_MIME, image.id);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
      },
      onDragOver: (event: DragEvent) => {
        if (!isReorder(event)) return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      },
      onDrop: (event: DragEvent) => {
        if (!isReorder(event)) return;
        event.preventDefault();
        event.stopPropagation();
        const id = dragging ?? event.dataTransfer?.getData(REORDER_MIME);
        if (id) move(id, index);
        endDrag();
      },
      onDragEnd: endDrag,
    });

    const onPaste = (event: ClipboardEvent) => {
      const data = event.clipboardData;
      if (!data || event.defaultPrevented) return;
      const text = data.getData('text/plain').trim();
      if (data.files?.length) void addFiles(data.files);
      else if (!isEditable(event.target) && (parseImageUrl(text) || /^data:image\//i.test(text))) void addUrl(text);
      else return;
      event.preventDefault();
    };
    // Files dropped next to the dropzone would make the browser open them, leaving the app: prevent that.
    const guardDrop = (event: globalThis.DragEvent) => {
      if (event.defaultPrevented || !types(event.dataTransfer).includes('Files') || (event.target as HTMLInputElement).type === 'file') return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
    };

    /** Revokes the object URLs that were in the list and are no longer. */
    const trackUrls = (list: ReferenceImage[]) => {
      const current = new Set(list.map((item) => item.previewUrl));
      for (const [url, seen] of owned) {
        if (current.has(url)) owned.set(url, true);
        else if (seen) {
          URL.revokeObjectURL(url);
          owned.delete(url);
        }
      }
    };
    const mount = () => {
      mounted = true;
      return () => {
        mounted = false;
        // StrictMode unmounts and remounts synchronously: only a real unmount is still unmounted a microtask later.
        queueMicrotask(() => {
          if (mounted) return;
          for (const url of owned.keys()) URL.revokeObjectURL(url);
          owned.clear();
          downscaler?.dispose();
          downscaler = undefined;
        });
      };
    };
    /** After remove/move: focus the same element if still usable, else the item now at that index, else the dropzone. */
    const restoreFocus = () => {
      if (!refocus) return;
      const { element, index } = refocus;
      const list = get().value;
      refocus = null;
      const usable = element?.isConnected && !(element as HTMLButtonElement).disabled && (element as HTMLElement);
      (usable || items.get(list[Math.min(index, list.length - 1)]?.id ?? '') || dropzoneRef.current)?.focus();
    };
    const itemRef = (id: string) => (node: HTMLElement | null) => void (node ? items.set(id, node) : items.delete(id));

    return {
      inputRef, dropzoneRef, itemRef, addFiles, addUrl, remove, move, clear, open, onZoneDrag, itemDrag, onPaste, guardDrop, trackUrls, mount, restoreFocus,
    };
  });

  useEffect(my.mount, []);
  useEffect(() => my.trackUrls(value), [value]);
  useLayoutEffect(my.restoreFocus, [value]);
  useEffect(() => {
    if (!paste || disabled) return;
    document.addEventListener('paste', my.onPaste);
    return () => document.removeEventListener('paste', my.onPaste);
  }, [paste, disabled]);
  useEffect(() => {
    for (const type of ['dragover', 'drop']) document.addEventListener(type, my.guardDrop as EventListener);
    return () => {
      for (const type of ['dragover', 'drop']) document.removeEventListener(type, my.guardDrop as EventListener);
    };
  }, []);

  const full = value.length >= maxFiles;
  const processing = busy > 0 || value.some((item) => item.status === 'processing');
  const count = value.length;
  const { remove, move, open } = my;

  const submitUrl = async () => {
    const text = urlText;
    if (text.trim() && !(await my.addUrl(text)).length) setUrlText((current) => (current === text ? '' : current));
  };
  /** A keydown handler running `run` on Enter (and Space when `space`), on the element itself. */
  const onKeys = (run: () => unknown, space?: boolean) => (event: KeyboardEvent) => {
    if (event.target === event.currentTarget && (event.key === 'Enter' || (space && event.key === ' '))) {
      event.preventDefault();
      run();
    }
  };
  const button = (label: string | undefined, onClick: () => void, off: boolean, children: string): Button => ({
    type: 'button',
    'aria-label': label,
    disabled: disabled || off,
    onClick,
    children,
  });
  const moveProps = (image: ReferenceImage, step: -1 | 1, props?: Props) => {
    const index = value.findIndex((item) => item.id === image.id);
    const up = step < 0;
    return merge(
      button(labels[up ? 'moveUp' : 'moveDown'](image.name), () => move(image.id, index + step), up ? index <= 0 : index >= count - 1, labels[up ? 'moveUpContent' : 'moveDownContent']),
      props,
    ) as Button;
  };

  return {
    value,
    labels,
    rejections,
    drag,
    draggingId,
    disabled,
    full,
    processing,
    maxFiles,
    announcement,
    urlText,
    setUrlText,
    addFiles: my.addFiles,
    addUrl: my.addUrl,
    submitUrl,
    remove,
    move,
    clear: my.clear,
    clearRejections: () => setRejections([]),
    open,
    getRootProps: (props?: Props) =>
      merge(
        {
          role: 'group',
          'aria-label': labels.root,
          'aria-busy': processing || undefined,
          style: { '--reference-picker-count': count, '--reference-picker-max': maxFiles },
        },
        props,
      ) as ElementProps,
    getDropzoneProps: (props?: Props) =>
      merge(
        {
          role: 'button',
          tabIndex: disabled ? -1 : 0,
          'aria-disabled': disabled || undefined,
          onClick: open,
          onKeyDown: onKeys(open, true),
          onDragEnter: my.onZoneDrag,
          onDragOver: my.onZoneDrag,
          onDragLeave: my.onZoneDrag,
          onDrop: my.onZoneDrag,
        },
        props,
        my.dropzoneRef,
      ) as WithRef<ElementProps, HTMLElement>,
    getInputProps: (props?: Props) =>
      merge(
        {
          type: 'file',
          accept: ACCEPT,
          multiple: true,
          tabIndex: -1,
          disabled,
          'aria-label': labels.input,
          style: { display: 'none' },
          onClick: (event: { stopPropagation(): void }) => event.stopPropagation(),
          onChange: ({ currentTarget: input }: { currentTarget: HTMLInputElement }) => {
            const files = Array.from(input.files ?? []);
            input.value = '';
            void my.addFiles(files);
          },
        },
        props,
        my.inputRef,
      ) as WithRef<Input, HTMLInputElement>,
    getUrlInputProps: (props?: Props) =>
      merge(
        {
          type: 'url',
          inputMode: 'url',
          autoComplete: 'off',
          spellCheck: false,
          'aria-label': labels.urlInput,
          placeholder: labels.urlPlaceholder,
          disabled: disabled || full,
          value: urlText,
          onChange: (event: { currentTarget: HTMLInputElement }) => setUrlText(event.currentTarget.value),
          onKeyDown: onKeys(submitUrl),
        },
        props,
      ) as Input,
    getUrlSubmitProps: (props?: Props) =>
      merge(button(undefined, submitUrl, full || !urlText.trim(), labels.urlSubmit), props) as Button,
    getListProps: (props?: Props) => merge({ role: 'list', 'aria-label': labels.list }, props) as ElementProps,
    getItemProps: (image: ReferenceImage, index: number, props?: Props) =>
      merge(
        {
          role: 'listitem',
          tabIndex: 0,
          draggable: !disabled,
          'aria-label': labels.item(image.name, index + 1, count),
          'aria-busy': image.status === 'processing' || undefined,
          style: { '--reference-aspect-ratio': `${image.width} / ${image.height}` },
          onKeyDown: (event: KeyboardEvent) => {
            const { key } = event;
            if (event.target !== event.currentTarget || disabled) return;
            if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) move(image.id, index + (key === 'ArrowUp' ? -1 : 1));
            else if (key === 'Delete' || key === 'Backspace') remove(image.id);
            else return;
            event.preventDefault();
          },
          ...my.itemDrag(image, index),
        },
        props,
        my.itemRef(image.id),
      ) as WithRef<ElementProps, HTMLElement>,
    getThumbnailProps: (image: ReferenceImage, props?: Props) =>
      merge(
        { src: image.previewUrl || undefined, alt: image.name, width: image.width, height: image.height, draggable: false, decoding: 'async' },
        props,
      ) as ImgHTMLAttributes<HTMLImageElement>,
    getRemoveProps: (image: ReferenceImage, props?: Props) =>
      merge(button(labels.remove(image.name), () => remove(image.id), false, labels.removeContent), props) as Button,
    getMoveUpProps: (image: ReferenceImage, props?: Props) => moveProps(image, -1, props),
    getMoveDownProps: (image: ReferenceImage, props?: Props) => moveProps(image, 1, props),
    getRejectionsProps: (props?: Props) => merge({ role: 'alert' }, props) as ElementProps,
    getCountProps: (props?: Props) => merge({ children: labels.count(count, maxFiles) }, props) as ElementProps,
    getAnnouncerProps: (props?: Props) =>
      merge({ role: 'status', 'aria-live': 'polite', 'aria-atomic': true, style: VISUALLY_HIDDEN, children: announcement }, props) as ElementProps,
  };
}

export type UseReferencePickerReturn = ReturnType<typeof useReferencePicker>;
