import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type CSSProperties,
  type DragEvent,
  type HTMLAttributes,
  type ImgHTMLAttributes,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type Ref,
  type RefCallback,
} from 'react';
import { decodeDataUri, DEFAULT_MAX_IMAGES, MAX_IMAGE_BYTES } from '../../core/index.js';
import { mergeProps, useControllableState } from '../utils/index.js';
import { createDownscaler, DecodeError, UnsupportedError, DEFAULT_MAX_SIDE, DEFAULT_QUALITY, FORMAT_MIME, planDownscale, type Downscaler } from './downscale.js';
import { checkGeometry, inspectFile } from './inspect-file.js';
import { defaultReferencePickerLabels, type ReferencePickerLabels } from './labels.js';
import { createId, moveItem, updateItem } from './list-ops.js';
import { nameFromUrl, parseImageUrl, probeImageUrl } from './load-url.js';
import type { DownscaleOptions, DragState, ReferenceImage, Rejection, RejectionError } from './types.js';

export interface UseReferencePickerOptions {
  /** The references (controlled). */
  value?: ReferenceImage[];
  /** The initial references (uncontrolled). @default [] */
  defaultValue?: ReferenceImage[];
  /** Called with the new list after every add, remove, move and finished downscale. */
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
  /** @default false */
  disabled?: boolean;
  /** Called with every batch of rejected files or URLs (they are also in `rejections`). */
  onReject?: (rejections: Rejection[]) => void;
  /** Replace any visible or announced string. */
  labels?: Partial<ReferencePickerLabels>;
  /** Milliseconds to wait for a URL to load before rejecting it as unreachable. @default 10000 */
  urlTimeout?: number;
}

type Props = Record<string, unknown>;

/** MIME type of an item dragged inside the list (reorder). */
export const REORDER_MIME = 'application/x-hidream-reference';
export const ACCEPT = 'image/png,image/jpeg,image/webp';
const ACCEPTED_TYPES = ACCEPT.split(',');
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/** Merges the caller's props over ours (caller's handlers first) and composes a caller `ref` with ours. */
function withRef<T>(ours: Props, theirs: Props | undefined, ownRef: Ref<T>): Props & { ref: RefCallback<T> } {
  const merged = mergeProps(ours, theirs);
  const theirRef = theirs?.ref as Ref<T> | undefined;
  const ref: RefCallback<T> = (node) => {
    assignRef(ownRef, node);
    assignRef(theirRef, node);
  };
  return { ...merged, ref };
}

type WithRef<A, E> = A & { ref: RefCallback<E> };
type ElementProps = HTMLAttributes<HTMLElement>;
type Button = ButtonHTMLAttributes<HTMLButtonElement>;

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

function nameOf(file: Blob, fallback: string): string {
  const name = (file as File).name;
  return typeof name === 'string' && name ? name : fallback;
}

function renamed(name: string, type: string): string {
  const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }[type];
  if (!ext) return name;
  const dot = name.lastIndexOf('.');
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (current === ext || (ext === 'jpg' && current === 'jpeg')) return name;
  return `${dot > 0 ? name.slice(0, dot) : name}.${ext}`;
}

function createObjectUrl(blob: Blob): string {
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(blob) : '';
}

/**
 * The logic of a reference-image picker: add by file dialog, drop, paste or URL, validate from the header bytes,
 * downscale large photos in a Web Worker, reorder, remove, and announce it all. Prop getters merge the
 * caller's props (caller's handlers first).
 */
export function useReferencePicker(options: UseReferencePickerOptions = {}) {
  const {
    value: valueProp,
    defaultValue,
    onValueChange,
    maxFiles = DEFAULT_MAX_IMAGES,
    paste = true,
    disabled = false,
  } = options;
  const labels = useMemo(() => ({ ...defaultReferencePickerLabels, ...options.labels }), [options.labels]);
  const [value, setControllable] = useControllableState<ReferenceImage[]>({
    value: valueProp,
    defaultValue: defaultValue ?? [],
    onChange: onValueChange,
  });
  const [rejections, setRejections] = useState<Rejection[]>([]);
  const [drag, setDrag] = useState<DragState>('idle');
  const [busy, setBusy] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [urlText, setUrlText] = useState('');
  const [draggingId, setDraggingId] = useState<string | null>(null);

  const opts = useRef({ ...options, labels, maxFiles, disabled });
  opts.current = { ...options, labels, maxFiles, disabled };
  const valueRef = useRef(value);
  valueRef.current = value;
  /** Sets the list and keeps `valueRef` current until the next render (async work reads it). */
  const setValue = useCallback(
    (next: ReferenceImage[] | ((list: ReferenceImage[]) => ReferenceImage[])) =>
      setControllable((list) => {
        const resolved = typeof next === 'function' ? next(list) : next;
        valueRef.current = resolved;
        return resolved;
      }),
    [setControllable],
  );
  const inputRef = useRef<HTMLInputElement | null>(null);
  const dropzoneRef = useRef<HTMLElement | null>(null);
  const items = useRef(new Map<string, HTMLElement>());
  const dragDepth = useRef(0);
  const draggingRef = useRef<string | null>(null);
  const refocus = useRef<{ element: Element | null; id: string | null; index: number } | null>(null);

  const announce = useCallback((message: string) => {
    // A trailing no-break space toggles so a repeated message is announced again.
    setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message));
  }, []);

  // ---- Object URLs: revoked when their item leaves the list (remove, replace) and on unmount.
  const owned = useRef(new Set<string>());
  const seen = useRef(new Set<string>());
  const makeUrl = (blob: Blob) => {
    const url = createObjectUrl(blob);
    if (url) owned.current.add(url);
    return url;
  };
  useEffect(() => {
    const current = new Set(value.map((item) => item.previewUrl));
    for (const url of owned.current) {
      if (current.has(url)) seen.current.add(url);
      else if (seen.current.has(url)) {
        URL.revokeObjectURL(url);
        owned.current.delete(url);
        seen.current.delete(url);
      }
    }
  }, [value]);

  // ---- The downscaler (and its worker) lives as long as the picker.
  const downscaler = useRef<Downscaler | null>(null);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // StrictMode unmounts and remounts synchronously: only a real unmount is still unmounted a microtask later.
      queueMicrotask(() => {
        if (mounted.current) return;
        for (const url of owned.current) URL.revokeObjectURL(url);
        owned.current.clear();
        seen.current.clear();
        downscaler.current?.dispose();
        downscaler.current = null;
      });
    };
  }, []);

  // ---- Focus after remove/move: the same element if still usable, else the item now at that index, else the dropzone.
  useLayoutEffect(() => {
    const target = refocus.current;
    if (!target) return;
    refocus.current = null;
    const el = target.element as HTMLElement | null;
    if (el?.isConnected && !(el as HTMLButtonElement).disabled) {
      if (document.activeElement !== el) el.focus();
      return;
    }
    const byId = target.id ? items.current.get(target.id) : undefined;
    const list = valueRef.current;
    const fallback = list[Math.min(target.index, list.length - 1)];
    (byId ?? (fallback ? items.current.get(fallback.id) : undefined) ?? dropzoneRef.current)?.focus();
  }, [value]);

  const report = useCallback(
    (batch: Rejection[], append: boolean) => {
      if (!batch.length) return;
      setRejections((previous) => (append ? [...previous, ...batch] : batch));
      announce(opts.current.labels.rejected(batch.length));
      opts.current.onReject?.(batch);
    },
    [announce],
  );

  const downscaleItem = useCallback(
    async (id: string, file: Blob, target: { width: number; height: number }, format: keyof typeof FORMAT_MIME) => {
      const config = opts.current.downscale || {};
      const type = config.type ?? FORMAT_MIME[format];
      downscaler.current ??= createDownscaler();
      try {
        const result = await downscaler.current.run(file, { ...target, type, quality: config.quality ?? DEFAULT_QUALITY });
        if (!mounted.current || !valueRef.current.some((item) => item.id === id)) return;
        setValue((list) =>
          updateItem(list, id, (item) => {
            const name = renamed(item.name, result.blob.type || type);
            const source = typeof File === 'function' ? new File([result.blob], name, { type: result.blob.type || type }) : result.blob;
            return {
              ...item,
              name,
              source,
              previewUrl: makeUrl(source),
              width: result.width,
              height: result.height,
              bytes: source.size,
              format: (Object.keys(FORMAT_MIME) as (keyof typeof FORMAT_MIME)[]).find((k) => FORMAT_MIME[k] === source.type) ?? item.format,
              status: 'ready',
              downscaled: true,
              originalWidth: item.width,
              originalHeight: item.height,
            };
          }),
        );
      } catch (error) {
        const item = valueRef.current.find((i) => i.id === id);
        if (!item) return;
        if (error instanceof DecodeError && !(error instanceof UnsupportedError)) {
          setValue((list) => list.filter((i) => i.id !== id));
          report([{ file, name: item.name, errors: [{ code: 'corrupt_image', message: opts.current.labels.corruptImage(item.name) }] }], true);
        } else {
          // No way to resize here: send the original, which the API accepts.
          setValue((list) => updateItem(list, id, (i) => ({ ...i, status: 'ready' })));
        }
      }
    },
    [report, setValue],
  );

  /** Validates and adds files (or blobs) in order; returns the rejections of this batch. */
  const addFiles = useCallback(
    async (input: Iterable<Blob> | ArrayLike<Blob>): Promise<Rejection[]> => {
      const { labels: l, disabled: off, maxBytes = MAX_IMAGE_BYTES } = opts.current;
      if (off) return [];
      const files = Array.from(input as ArrayLike<Blob>);
      if (!files.length) return [];
      setBusy((n) => n + 1);
      let inspected;
      try {
        inspected = await Promise.all(
          files.map(async (file) => {
            const name = nameOf(file, l.untitled);
            return { file, name, ...(await inspectFile(file, name, maxBytes, l)) };
          }),
        );
      } finally {
        setBusy((n) => n - 1);
      }
      if (!mounted.current) return [];
      const batch: Rejection[] = [];
      const added: ReferenceImage[] = [];
      const work: Array<() => Promise<void>> = [];
      const config = opts.current.downscale;
      const maxSide = config === false ? Infinity : (config?.maxSide ?? DEFAULT_MAX_SIDE);
      setValue((list) => {
        let room = opts.current.maxFiles - list.length;
        for (const f of inspected) {
          const errors: RejectionError[] = [...f.errors];
          if (!errors.length && room <= 0) errors.push({ code: 'too_many', message: l.tooMany(f.name, opts.current.maxFiles) });
          if (errors.length || !f.info) {
            batch.push({ file: f.file, name: f.name, errors });
            continue;
          }
          room -= 1;
          const target = planDownscale(f.width, f.height, maxSide);
          const item: ReferenceImage = {
            id: createId(),
            name: f.name,
            source: f.file,
            previewUrl: makeUrl(f.file),
            width: f.width,
            height: f.height,
            format: f.info.format,
            bytes: f.file.size,
            status: target ? 'processing' : 'ready',
            downscaled: false,
          };
          added.push(item);
          const format = f.info.format;
          if (target) work.push(() => downscaleItem(item.id, f.file, target, format));
        }
        return added.length ? [...list, ...added] : list;
      });
      if (added.length) {
        announce(l.added(added.map((i) => i.name), valueRef.current.length, opts.current.maxFiles));
      }
      setRejections(batch);
      report(batch, false);
      await Promise.all(work.map((run) => run()));
      return batch;
    },
    [announce, downscaleItem, report, setValue],
  );

  /** Adds an `http(s)` URL (checked by loading it) or a `data:image/...` URI; returns the rejections. */
  const addUrl = useCallback(
    async (text: string): Promise<Rejection[]> => {
      const { labels: l, disabled: off, urlTimeout = 10_000 } = opts.current;
      if (off) return [];
      const trimmed = text.trim();
      if (/^data:/i.test(trimmed)) {
        const decoded = decodeDataUri(trimmed);
        if (decoded && decoded.mimeType.startsWith('image/')) {
          return addFiles([new Blob([decoded.bytes as BlobPart], { type: decoded.mimeType })]);
        }
      }
      const url = parseImageUrl(trimmed);
      const name = url ? nameFromUrl(url) : trimmed;
      const reject = (error: RejectionError) => {
        const batch = [{ url: trimmed, name, errors: [error] }];
        setRejections(batch);
        report(batch, false);
        return batch;
      };
      if (!url) return reject({ code: 'invalid_url', message: l.invalidUrl(trimmed) });
      if (valueRef.current.length >= opts.current.maxFiles) return reject({ code: 'too_many', message: l.tooMany(name, opts.current.maxFiles) });
      setBusy((n) => n + 1);
      let size: { width: number; height: number };
      try {
        size = await probeImageUrl(url, urlTimeout);
      } catch {
        return reject({ code: 'url_unreachable', message: l.urlUnreachable(url) });
      } finally {
        setBusy((n) => n - 1);
      }
      const errors = checkGeometry(name, size.width, size.height, l);
      if (errors.length) {
        const batch = [{ url, name, errors }];
        setRejections(batch);
        report(batch, false);
        return batch;
      }
      let full = false;
      const item: ReferenceImage = {
        id: createId(),
        name,
        source: url,
        previewUrl: url,
        ...size,
        format: null,
        bytes: null,
        status: 'ready',
        downscaled: false,
      };
      setValue((list) => {
        full = list.length >= opts.current.maxFiles;
        return full ? list : [...list, item];
      });
      if (full) return reject({ code: 'too_many', message: l.tooMany(name, opts.current.maxFiles) });
      setRejections([]);
      announce(l.added([name], valueRef.current.length, opts.current.maxFiles));
      return [];
    },
    [addFiles, announce, report, setValue],
  );

  const remove = useCallback(
    (id: string) => {
      const list = valueRef.current;
      const index = list.findIndex((item) => item.id === id);
      if (index < 0) return;
      const item = list[index]!;
      refocus.current = { element: null, id: null, index };
      setValue((l) => l.filter((i) => i.id !== id));
      announce(opts.current.labels.removed(item.name, valueRef.current.length, opts.current.maxFiles));
    },
    [announce, setValue],
  );

  const move = useCallback(
    (id: string, to: number) => {
      const next = moveItem(valueRef.current, id, to);
      if (next === valueRef.current) return;
      const index = next.findIndex((item) => item.id === id);
      refocus.current = { element: typeof document === 'undefined' ? null : document.activeElement, id, index };
      setValue(next);
      announce(opts.current.labels.moved(next[index]!.name, index + 1, next.length));
    },
    [announce, setValue],
  );

  const clear = useCallback(() => setValue([]), [setValue]);
  const clearRejections = useCallback(() => setRejections([]), []);
  const open = useCallback(() => {
    if (!opts.current.disabled) inputRef.current?.click();
  }, []);
  const submitUrl = useCallback(async () => {
    const text = urlText;
    if (!text.trim()) return;
    const batch = await addUrl(text);
    if (!batch.length) setUrlText((current) => (current === text ? '' : current));
  }, [addUrl, urlText]);

  // ---- Paste anywhere in the document.
  useEffect(() => {
    if (!paste || disabled || typeof document === 'undefined') return;
    const onPaste = (event: ClipboardEvent) => {
      const data = event.clipboardData;
      if (!data || event.defaultPrevented) return;
      const files = Array.from(data.files ?? []);
      if (files.length) {
        event.preventDefault();
        void addFiles(files);
        return;
      }
      if (isEditable(event.target)) return;
      const text = data.getData('text/plain').trim();
      if (parseImageUrl(text) || /^data:image\//i.test(text)) {
        event.preventDefault();
        void addUrl(text);
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [paste, disabled, addFiles, addUrl]);

  // ---- Files dropped next to the dropzone would make the browser open them, leaving the app: prevent that.
  useEffect(() => {
    if (typeof document === 'undefined') return;
    const guard = (event: globalThis.DragEvent) => {
      if (event.defaultPrevented || !Array.from(event.dataTransfer?.types ?? []).includes('Files')) return;
      if ((event.target as HTMLInputElement | null)?.type === 'file') return;
      event.preventDefault();
      if (event.type === 'dragover' && event.dataTransfer) event.dataTransfer.dropEffect = 'none';
    };
    document.addEventListener('dragover', guard);
    document.addEventListener('drop', guard);
    return () => {
      document.removeEventListener('dragover', guard);
      document.removeEventListener('drop', guard);
    };
  }, []);

  // ---- Drag and drop of files or URLs onto the dropzone.
  const isReorder = (event: DragEvent) =>
    draggingRef.current !== null || Array.from(event.dataTransfer?.types ?? []).includes(REORDER_MIME);
  const judge = (data: DataTransfer | null): DragState => {
    if (opts.current.disabled || !data) return 'reject';
    const files = Array.from(data.items ?? []).filter((item) => item.kind === 'file');
    if (!files.length) return Array.from(data.types ?? []).some((t) => t === 'text/uri-list' || t === 'text/plain') ? 'accept' : 'reject';
    if (files.some((item) => item.type && !ACCEPTED_TYPES.includes(item.type))) return 'reject';
    return files.length <= opts.current.maxFiles - valueRef.current.length ? 'accept' : 'reject';
  };

  const full = value.length >= maxFiles;
  const processing = busy > 0 || value.some((item) => item.status === 'processing');
  const count = value.length;

  const getRootProps = (props?: Props): ElementProps =>
    mergeProps(
      {
        role: 'group',
        'aria-label': labels.root,
        'aria-busy': processing || undefined,
        style: { '--reference-picker-count': count, '--reference-picker-max': maxFiles } as CSSProperties,
      },
      props,
    ) as ElementProps;

  const getDropzoneProps = (props?: Props): WithRef<ElementProps, HTMLElement> =>
    withRef(
      {
        role: 'button',
        tabIndex: disabled ? -1 : 0,
        'aria-disabled': disabled || undefined,
        onClick: open,
        onKeyDown: (event: KeyboardEvent) => {
          if (event.target !== event.currentTarget) return;
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            open();
          }
        },
        onDragEnter: (event: DragEvent) => {
          if (isReorder(event)) return;
          event.preventDefault();
          dragDepth.current += 1;
          setDrag(judge(event.dataTransfer));
        },
        onDragOver: (event: DragEvent) => {
          if (isReorder(event)) return;
          event.preventDefault();
          if (event.dataTransfer) event.dataTransfer.dropEffect = opts.current.disabled ? 'none' : 'copy';
          if (dragDepth.current === 0) {
            dragDepth.current = 1;
            setDrag(judge(event.dataTransfer));
          }
        },
        onDragLeave: (event: DragEvent) => {
          if (isReorder(event)) return;
          dragDepth.current = Math.max(0, dragDepth.current - 1);
          if (dragDepth.current === 0) setDrag('idle');
        },
        onDrop: (event: DragEvent) => {
          if (isReorder(event)) return;
          event.preventDefault();
          dragDepth.current = 0;
          setDrag('idle');
          const data = event.dataTransfer;
          if (!data || opts.current.disabled) return;
          const files = Array.from(data.files ?? []);
          if (files.length) void addFiles(files);
          else {
            const text = (data.getData('text/uri-list') || data.getData('text/plain')).split(/\r?\n/).find((line) => line && !line.startsWith('#'));
            if (text) void addUrl(text);
          }
        },
      },
      props,
      dropzoneRef,
    );

  const getInputProps = (props?: Props): WithRef<InputHTMLAttributes<HTMLInputElement>, HTMLInputElement> =>
    withRef(
      {
        type: 'file',
        accept: ACCEPT,
        multiple: true,
        tabIndex: -1,
        disabled,
        'aria-label': labels.input,
        style: { display: 'none' },
        onClick: (event: { stopPropagation(): void }) => event.stopPropagation(),
        onChange: (event: { currentTarget: HTMLInputElement }) => {
          const input = event.currentTarget;
          const files = Array.from(input.files ?? []);
          input.value = '';
          void addFiles(files);
        },
      },
      props,
      inputRef,
    );

  const getUrlInputProps = (props?: Props): InputHTMLAttributes<HTMLInputElement> =>
    mergeProps(
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
        onKeyDown: (event: KeyboardEvent) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void submitUrl();
          }
        },
      },
      props,
    ) as InputHTMLAttributes<HTMLInputElement>;

  const getUrlSubmitProps = (props?: Props): Button =>
    mergeProps(
      {
        type: 'button',
        disabled: disabled || full || !urlText.trim(),
        onClick: () => void submitUrl(),
        children: labels.urlSubmit,
      },
      props,
    ) as Button;

  const getListProps = (props?: Props): ElementProps => mergeProps({ role: 'list', 'aria-label': labels.list }, props);

  const getItemProps = (image: ReferenceImage, index: number, props?: Props): WithRef<ElementProps, HTMLElement> =>
    withRef(
      {
        role: 'listitem',
        tabIndex: 0,
        draggable: !disabled,
        'aria-label': labels.item(image.name, index + 1, count),
        'aria-busy': image.status === 'processing' || undefined,
        style: { '--reference-aspect-ratio': `${image.width} / ${image.height}` } as CSSProperties,
        onKeyDown: (event: KeyboardEvent) => {
          if (event.target !== event.currentTarget || disabled) return;
          if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
            event.preventDefault();
            move(image.id, index + (event.key === 'ArrowUp' ? -1 : 1));
          } else if (event.key === 'Delete' || event.key === 'Backspace') {
            event.preventDefault();
            remove(image.id);
          }
        },
        onDragStart: (event: DragEvent) => {
          if (disabled) return;
          draggingRef.current = image.id;
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
          const id = draggingRef.current ?? event.dataTransfer?.getData(REORDER_MIME);
          if (id) move(id, index);
          draggingRef.current = null;
          setDraggingId(null);
        },
        onDragEnd: () => {
          draggingRef.current = null;
          setDraggingId(null);
        },
      },
      props,
      (node: HTMLElement | null) => {
        if (node) items.current.set(image.id, node);
        else items.current.delete(image.id);
      },
    );

  const getThumbnailProps = (image: ReferenceImage, props?: Props): ImgHTMLAttributes<HTMLImageElement> =>
    mergeProps(
      { src: image.previewUrl || undefined, alt: image.name, width: image.width, height: image.height, draggable: false, decoding: 'async' },
      props,
    ) as ImgHTMLAttributes<HTMLImageElement>;

  const getRemoveProps = (image: ReferenceImage, props?: Props): Button =>
    mergeProps(
      { type: 'button', 'aria-label': labels.remove(image.name), disabled, onClick: () => remove(image.id), children: labels.removeContent },
      props,
    ) as Button;

  const getMoveProps = (image: ReferenceImage, step: -1 | 1, props?: Props): Button => {
    const index = value.findIndex((item) => item.id === image.id);
    const edge = step < 0 ? index <= 0 : index >= value.length - 1;
    return mergeProps(
      {
        type: 'button' as const,
        'aria-label': step < 0 ? labels.moveUp(image.name) : labels.moveDown(image.name),
        disabled: disabled || edge,
        onClick: () => move(image.id, index + step),
        children: step < 0 ? labels.moveUpContent : labels.moveDownContent,
      },
      props,
    );
  };

  const getRejectionsProps = (props?: Props): ElementProps => mergeProps({ role: 'alert' }, props);
  const getCountProps = (props?: Props): ElementProps => mergeProps({ children: labels.count(count, maxFiles) }, props);
  const getAnnouncerProps = (props?: Props): ElementProps =>
    mergeProps({ role: 'status', 'aria-live': 'polite', 'aria-atomic': true, style: VISUALLY_HIDDEN, children: announcement }, props) as ElementProps;

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
    addFiles,
    addUrl,
    submitUrl,
    remove,
    move,
    clear,
    clearRejections,
    open,
    getRootProps,
    getDropzoneProps,
    getInputProps,
    getUrlInputProps,
    getUrlSubmitProps,
    getListProps,
    getItemProps,
    getThumbnailProps,
    getRemoveProps,
    getMoveUpProps: (image: ReferenceImage, props?: Props) => getMoveProps(image, -1, props),
    getMoveDownProps: (image: ReferenceImage, props?: Props) => getMoveProps(image, 1, props),
    getRejectionsProps,
    getCountProps,
    getAnnouncerProps,
  };
}

export type UseReferencePickerReturn = ReturnType<typeof useReferencePicker>;
