import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ReferencePicker,
  toEditImages,
  type ReferenceImage,
  type ReferencePickerRootProps,
} from '../../../src/components/reference-picker/index.js';
import { axeViolations } from '../size-selector/axe.js';
import { fileOf, makePng, pngHeader } from '../../fixtures/png.js';
import { Picker as PickerWithParts } from './picker.js';

let urls = 0;
const created: string[] = [];
beforeEach(() => {
  urls = 0;
  created.length = 0;
  URL.createObjectURL = vi.fn(() => {
    const url = `blob:test/${++urls}`;
    created.push(url);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const Picker = (props: ReferencePickerRootProps) => <PickerWithParts withUrl {...props} />;

const png = (name: string, w = 4, h = 3) => fileOf(makePng(w, h), name);
const input = () => screen.getByLabelText('Add reference images') as HTMLInputElement;
const items = () => within(screen.getByRole('list', { name: 'Chosen reference images' })).queryAllByRole('listitem');
const names = () => items().map((li) => li.querySelector('img')?.getAttribute('alt'));
const announcer = (container: HTMLElement) => container.querySelector('[data-part="announcer"]')!;

describe('ReferencePicker: adding files', () => {
  it('adds images chosen in the file dialog, with thumbnails, count and an announcement', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const { container } = render(<Picker onValueChange={onValueChange} />);
    expect(input()).toHaveAttribute('type', 'file');
    expect(input()).toHaveAttribute('accept', 'image/png,image/jpeg,image/webp');
    expect(input()).toHaveAttribute('multiple');
    await user.upload(input(), [png('a.png', 8, 6), png('b.png')]);
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(screen.getByRole('img', { name: 'a.png' })).toHaveAttribute('src', 'blob:test/1');
    expect(screen.getByText('2 of 5 images')).toBeInTheDocument();
    expect(announcer(container)).toHaveTextContent('Added a.png, b.png. 2 of 5 images.');
    const value = onValueChange.mock.lastCall![0] as ReferenceImage[];
    expect(value[0]).toMatchObject({ name: 'a.png', width: 8, height: 6, format: 'png', status: 'ready', downscaled: false, previewUrl: 'blob:test/1' });
    expect(value[0]!.source).toBeInstanceOf(File);
    expect(value[0]!.bytes).toBe((value[0]!.source as File).size);
    expect(items()[0]).toHaveAttribute('data-status', 'ready');
    expect(items()[1]).toHaveAttribute('data-index', '1');
    expect(items()[0]).toHaveAttribute('draggable', 'true');
    expect(toEditImages(value)).toEqual([value[0]!.source, value[1]!.source]);
  });

  it('opens the file dialog from the dropzone by click, Enter and Space', async () => {
    const user = userEvent.setup();
    render(<Picker />);
    const click = vi.spyOn(input(), 'click');
    const zone = screen.getByRole('button', { name: 'Drop images here' });
    await user.click(zone);
    zone.focus();
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(click).toHaveBeenCalledTimes(3);
    expect(zone).toHaveAttribute('data-drag', 'idle');
  });

  it('keeps the original when the browser cannot resize a large image', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<Picker onValueChange={onValueChange} />);
    await user.upload(input(), [fileOf(pngHeader(4000, 3000), 'big.png')]);
    await waitFor(() => expect(items()[0]).toHaveAttribute('data-status', 'ready'));
    expect(onValueChange.mock.calls.map((c) => (c[0] as ReferenceImage[])[0]!.status)).toEqual(['processing', 'ready']);
    expect(onValueChange.mock.lastCall![0][0]).toMatchObject({ width: 4000, height: 3000, downscaled: false });
  });

  it('passes images through unchanged with downscale={false}', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<Picker onValueChange={onValueChange} downscale={false} />);
    const file = fileOf(pngHeader(4000, 3000), 'big.png');
    await user.upload(input(), [file]);
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(onValueChange.mock.lastCall![0][0]).toMatchObject({ status: 'ready', source: file });
  });
});

describe('ReferencePicker: paste', () => {
  function paste(target: EventTarget, data: { files?: File[]; text?: string }) {
    const event = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', { value: { files: data.files ?? [], getData: () => data.text ?? '' } });
    act(() => {
      target.dispatchEvent(event);
    });
    return event;
  }

  it('adds pasted image files while mounted, and nothing with paste={false}', async () => {
    const { unmount } = render(<Picker />);
    expect(paste(document.body, { files: [png('clip.png')] }).defaultPrevented).toBe(true);
    await waitFor(() => expect(names()).toEqual(['clip.png']));
    unmount();
    render(<Picker paste={false} />);
    expect(paste(document.body, { files: [png('clip.png')] }).defaultPrevented).toBe(false);
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(items()).toHaveLength(0);
  });

  it('leaves a URL pasted into a text field to the field', () => {
    render(
      <>
        <Picker />
        <textarea aria-label="Prompt" />
      </>,
    );
    expect(paste(screen.getByRole('textbox', { name: 'Prompt' }), { text: 'https://example.com/a.png' }).defaultPrevented).toBe(false);
    expect(paste(document.body, { text: 'just some words' }).defaultPrevented).toBe(false);
  });
});

describe('ReferencePicker: rejections', () => {
  async function rejects(props: ReferencePickerRootProps, files: File[]) {
    const user = userEvent.setup({ applyAccept: false });
    const onReject = vi.fn();
    render(<Picker {...props} onReject={onReject} />);
    await user.upload(input(), files);
    await waitFor(() => expect(onReject).toHaveBeenCalled());
    return { onReject, alert: screen.getByRole('alert'), user };
  }

  it('rejects a file that is not PNG, JPEG or WebP by its bytes, whatever its type says', async () => {
    const gif = fileOf(new TextEncoder().encode('GIF89a\x01\x00\x01\x00'), 'cat.png', 'image/png');
    const { onReject, alert } = await rejects({}, [gif]);
    expect(onReject.mock.lastCall![0]).toEqual([
      { file: gif, name: 'cat.png', errors: [{ code: 'unsupported_format', message: 'cat.png is not a PNG, JPEG or WebP image.' }] },
    ]);
    expect(alert).toHaveTextContent('cat.png is not a PNG, JPEG or WebP image.');
    expect(items()).toHaveLength(0);
  });

  it('rejects a file over maxBytes', async () => {
    const { alert } = await rejects({ maxBytes: 100 }, [png('big.png', 20, 20)]);
    expect(within(alert).getByText(/big\.png is .* MB; the limit is 0 MB\./)).toHaveAttribute('data-code', 'too_large');
  });

  it('rejects an aspect ratio outside 1:4..4:1', async () => {
    const { alert } = await rejects({}, [png('tall.png', 10, 50)]);
    expect(alert).toHaveTextContent('tall.png is 10×50; the aspect ratio must be between 1:4 and 4:1.');
  });

  it('rejects a pixel bomb from its header, without decoding it', async () => {
    const { onReject, alert } = await rejects({}, [fileOf(pngHeader(30000, 30000), 'bomb.png')]);
    expect(onReject.mock.lastCall![0][0].errors[0].code).toBe('too_many_pixels');
    expect(alert).toHaveTextContent('bomb.png is 30000×30000 pixels; the limit is 134 megapixels.');
  });

  it('rejects files over maxFiles, keeping the first ones', async () => {
    const { alert } = await rejects({ maxFiles: 2 }, [png('a.png'), png('b.png'), png('c.png')]);
    expect(names()).toEqual(['a.png', 'b.png']);
    expect(alert).toHaveTextContent('c.png was not added: at most 2 images.');
    expect(screen.getByText('2 of 2 images')).toHaveAttribute('data-full');
    expect(screen.getByRole('button', { name: 'Drop images here' }).closest('[data-part="root"]')).toHaveAttribute('data-full');
  });

  it('shows every message of a batch at once', async () => {
    const { alert } = await rejects({}, [fileOf(new Uint8Array([1, 2, 3]), 'x.bin'), png('tall.png', 10, 50)]);
    expect(within(alert).getAllByText(/./)).toHaveLength(2);
  });

  it('rejects a URL that is not http(s)', async () => {
    const user = userEvent.setup();
    const onReject = vi.fn();
    render(<Picker onReject={onReject} />);
    await user.type(screen.getByRole('textbox', { name: 'Image URL' }), 'ftp://example.com/a.png{Enter}');
    await waitFor(() => expect(onReject).toHaveBeenCalled());
    expect(onReject.mock.lastCall![0][0]).toMatchObject({ url: 'ftp://example.com/a.png', errors: [{ code: 'invalid_url' }] });
    expect(screen.getByRole('alert')).toHaveTextContent('ftp://example.com/a.png is not an image URL');
  });

  it('rejects a URL that does not load in time', async () => {
    const user = userEvent.setup();
    const onReject = vi.fn();
    render(<Picker onReject={onReject} urlTimeout={30} />);
    await user.type(screen.getByRole('textbox', { name: 'Image URL' }), 'https://example.invalid/photo.jpg');
    await user.click(screen.getByRole('button', { name: 'Add URL' }));
    await waitFor(() => expect(onReject).toHaveBeenCalled());
    expect(onReject.mock.lastCall![0][0]).toMatchObject({ url: 'https://example.invalid/photo.jpg', errors: [{ code: 'url_unreachable' }] });
    expect(screen.getByRole('alert')).toHaveTextContent('https://example.invalid/photo.jpg could not be loaded.');
    expect(screen.getByRole('textbox', { name: 'Image URL' })).toHaveValue('https://example.invalid/photo.jpg');
  });

  it('adds a data: URI image from the URL field as a file', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<Picker onValueChange={onValueChange} />);
    const b64 = btoa(String.fromCharCode(...makePng(5, 5)));
    const field = screen.getByRole('textbox', { name: 'Image URL' });
    await user.click(field);
    await user.paste(`data:image/png;base64,${b64}`);
    await user.click(screen.getByRole('button', { name: 'Add URL' }));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(onValueChange.mock.lastCall![0][0]).toMatchObject({ name: 'Pasted image', width: 5, format: 'png' });
    expect(field).toHaveValue('');
  });
});

describe('ReferencePicker: remove and reorder', () => {
  async function three() {
    const user = userEvent.setup();
    const utils = render(<Picker />);
    await user.upload(input(), [png('a.png'), png('b.png'), png('c.png')]);
    await waitFor(() => expect(items()).toHaveLength(3));
    return { user, ...utils };
  }

  it('removes an image, revokes its object URL, announces it and keeps focus in the list', async () => {
    const { user, container } = await three();
    await user.click(screen.getByRole('button', { name: 'Remove a.png' }));
    expect(names()).toEqual(['b.png', 'c.png']);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
    expect(URL.revokeObjectURL).toHaveBeenCalledTimes(1);
    expect(announcer(container)).toHaveTextContent('Removed a.png. 2 of 5 images.');
    expect(document.activeElement).toBe(items()[0]);
    await user.keyboard('{Delete}');
    expect(names()).toEqual(['c.png']);
  });

  it('moves an image with Alt+Arrow keys on the item and announces the position', async () => {
    const { user, container } = await three();
    items()[0]!.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(names()).toEqual(['b.png', 'a.png', 'c.png']);
    expect(announcer(container)).toHaveTextContent('Moved a.png to position 2 of 3');
    expect(document.activeElement).toBe(items()[1]);
    expect(items()[1]).toHaveAccessibleName('a.png, 2 of 3');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(names()).toEqual(['b.png', 'c.png', 'a.png']);
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(names()).toEqual(['b.png', 'a.png', 'c.png']);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
  });

  it('moves an image with the MoveUp and MoveDown buttons, disabled at the ends', async () => {
    const { user } = await three();
    expect(screen.getByRole('button', { name: 'Move a.png up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move c.png down' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Move c.png up' }));
    expect(names()).toEqual(['a.png', 'c.png', 'b.png']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move c.png up' }));
    await user.click(screen.getByRole('button', { name: 'Move c.png up' }));
    expect(names()).toEqual(['c.png', 'a.png', 'b.png']);
    expect(document.activeElement).toBe(items()[0]);
  });

  it('revokes every object URL it created on unmount', async () => {
    const { unmount } = await three();
    unmount();
    await act(() => Promise.resolve());
    expect(vi.mocked(URL.revokeObjectURL).mock.calls.map((c) => c[0]).sort()).toEqual([...created].sort());
  });

  it('survives StrictMode without revoking live URLs', async () => {
    const user = userEvent.setup();
    const { unmount } = render(
      <StrictMode>
        <Picker />
      </StrictMode>,
    );
    await user.upload(input(), [png('a.png')]);
    await waitFor(() => expect(items()).toHaveLength(1));
    await act(() => Promise.resolve());
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    unmount();
    await act(() => Promise.resolve());
    expect(URL.revokeObjectURL).toHaveBeenCalledWith(screen.queryByRole('img')?.getAttribute('src') ?? created.at(-1));
  });
});

describe('ReferencePicker: controlled, labels, parts', () => {
  it('follows a controlled value and reports changes', async () => {
    const user = userEvent.setup();
    const seen: string[][] = [];
    function Parent() {
      const [value, setValue] = useState<ReferenceImage[]>([]);
      return (
        <Picker
          value={value}
          onValueChange={(next) => {
            seen.push(next.map((i) => i.name));
            setValue(next.slice(0, 1));
          }}
        />
      );
    }
    render(<Parent />);
    await user.upload(input(), [png('a.png'), png('b.png')]);
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual(['a.png', 'b.png']);
    expect(names()).toEqual(['a.png']);
  });

  it('renders a controlled URL reference from its value', () => {
    const value: ReferenceImage[] = [
      { id: 'x', name: 'cat.jpg', source: 'https://example.com/cat.jpg', previewUrl: 'https://example.com/cat.jpg', width: 800, height: 600, format: null, bytes: null, status: 'ready', downscaled: false },
    ];
    render(<Picker value={value} />);
    expect(screen.getByRole('img', { name: 'cat.jpg' })).toHaveAttribute('src', 'https://example.com/cat.jpg');
    expect(items()[0]!.style.getPropertyValue('--reference-aspect-ratio')).toBe('800 / 600');
    expect(toEditImages(value)).toEqual(['https://example.com/cat.jpg']);
  });

  it('replaces every visible string through labels', async () => {
    const user = userEvent.setup();
    render(
      <Picker
        labels={{ input: 'Bilder hinzufügen', count: (n, max) => `${n} von ${max}`, remove: (name) => `${name} entfernen`, urlSubmit: 'URL hinzufügen' }}
      />,
    );
    await user.upload(screen.getByLabelText('Bilder hinzufügen'), [png('a.png')]);
    await waitFor(() => expect(screen.getByText('1 von 5')).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'a.png entfernen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'URL hinzufügen' })).toBeDisabled();
  });

  it('renders the default dropzone text and item parts without children', async () => {
    const user = userEvent.setup();
    render(
      <ReferencePicker.Root>
        <ReferencePicker.Dropzone />
        <ReferencePicker.Input />
        <ReferencePicker.List />
      </ReferencePicker.Root>,
    );
    expect(screen.getByRole('button', { name: /Drop images here, paste them, or click to choose/ })).toBeInTheDocument();
    await user.upload(input(), [png('a.png')]);
    expect(await screen.findByRole('button', { name: 'Move a.png down' })).toBeInTheDocument();
  });

  it('marks every part with data-scope and data-part, and takes className, style and render', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <ReferencePicker.Root className={(s) => `root count-${s.count}`}>
        <ReferencePicker.Dropzone style={(s) => ({ opacity: s.drag === 'idle' ? 1 : 0.5 })}>
          <ReferencePicker.Input />
          zone
        </ReferencePicker.Dropzone>
        <ReferencePicker.UrlInput />
        <ReferencePicker.UrlSubmit />
        <ReferencePicker.List>
          {(image) => (
            <ReferencePicker.Item className={(s) => `item-${s.status}`}>
              <ReferencePicker.Thumbnail />
              <ReferencePicker.MoveUp />
              <ReferencePicker.MoveDown />
              <ReferencePicker.Remove render={<button className="custom">x {image.name}</button>} />
            </ReferencePicker.Item>
          )}
        </ReferencePicker.List>
        <ReferencePicker.Rejections />
        <ReferencePicker.Count render={(props) => <strong {...props} />} />
      </ReferencePicker.Root>,
    );
    await user.upload(input(), [png('a.png')]);
    await waitFor(() => expect(container.querySelector('.root')).toHaveClass('count-1'));
    expect(screen.getByRole('button', { name: 'zone' })).toHaveStyle({ opacity: '1' });
    expect(container.querySelector('[data-part="item"]')).toHaveClass('item-ready');
    expect(screen.getByRole('button', { name: 'Remove a.png' })).toHaveClass('custom');
    expect(screen.getByText('1 of 5 images').tagName).toBe('STRONG');
    const parts = [...container.querySelectorAll('[data-part]')].map((el) => el.getAttribute('data-part'));
    expect(new Set(parts)).toEqual(
      new Set(['root', 'dropzone', 'input', 'url-input', 'url-submit', 'list', 'item', 'thumbnail', 'move-up', 'move-down', 'remove', 'rejections', 'count', 'announcer']),
    );
    for (const el of container.querySelectorAll('[data-part]')) expect(el).toHaveAttribute('data-scope', 'reference-picker');
  });

  it('runs the caller handler first and lets it prevent the default', async () => {
    const user = userEvent.setup();
    const order: string[] = [];
    render(
      <ReferencePicker.Root>
        <ReferencePicker.Dropzone onClick={(e) => { order.push('caller'); e.preventDefault(); }}>zone</ReferencePicker.Dropzone>
        <ReferencePicker.Input onClick={() => order.push('input')} />
      </ReferencePicker.Root>,
    );
    await user.click(screen.getByRole('button', { name: 'zone' }));
    expect(order).toEqual(['caller']);
  });

  it('does nothing when disabled', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<Picker disabled onValueChange={onValueChange} />);
    expect(input()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Drop images here' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('textbox', { name: 'Image URL' })).toBeDisabled();
  });

  it('throws a sentence naming the root when a part is outside it', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ReferencePicker.Dropzone />)).toThrow('<ReferencePicker.Dropzone> must be placed inside <ReferencePicker.Root>.');
    expect(() =>
      render(
        <ReferencePicker.Root>
          <ReferencePicker.Remove />
        </ReferencePicker.Root>,
      ),
    ).toThrow('<ReferencePicker.Remove> must be placed inside <ReferencePicker.Item>.');
    spy.mockRestore();
  });

  it('has no axe violations, empty and with images and rejections', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const { container } = render(<Picker />);
    expect(await axeViolations(container)).toEqual([]);
    await user.upload(input(), [png('a.png'), png('b.png'), fileOf(new Uint8Array([1, 2]), 'bad.txt', 'text/plain')]);
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(screen.getByRole('alert')).toHaveTextContent('bad.txt');
    expect(await axeViolations(container)).toEqual([]);
  });
});
