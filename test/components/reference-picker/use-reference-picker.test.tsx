import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useReferencePicker, type UseReferencePickerOptions } from '../../../src/components/reference-picker/index.js';
import { inspectFile } from '../../../src/components/reference-picker/inspect-file.js';
import { defaultReferencePickerLabels } from '../../../src/components/reference-picker/labels.js';
import { moveItem } from '../../../src/components/reference-picker/list-ops.js';
import { parseImageUrl, nameFromUrl } from '../../../src/components/reference-picker/load-url.js';
import { planDownscale } from '../../../src/components/reference-picker/downscale.js';
import { fileOf, makePng } from '../../fixtures/png.js';

beforeEach(() => {
  let n = 0;
  URL.createObjectURL = vi.fn(() => `blob:test/${++n}`);
  URL.revokeObjectURL = vi.fn();
});

/** A custom UI built only from the hook's prop getters. */
function Custom(props: UseReferencePickerOptions & { log: string[] }) {
  const { log, ...options } = props;
  const picker = useReferencePicker(options);
  const callerRef = useRef<HTMLInputElement | null>(null);
  return (
    <section {...picker.getRootProps({ 'data-custom': '' })}>
      <div {...picker.getDropzoneProps({ onClick: () => log.push('caller click') })}>zone</div>
      <input {...picker.getInputProps({ ref: callerRef, onChange: () => log.push(`caller change, ref ${callerRef.current?.type}`) })} />
      <ol {...picker.getListProps()}>
        {picker.value.map((image, index) => (
          <li key={image.id} {...picker.getItemProps(image, index)}>
            <img {...picker.getThumbnailProps(image)} />
            <button {...picker.getRemoveProps(image, { onClick: () => log.push(`remove ${image.name}`) })} />
          </li>
        ))}
      </ol>
      <p {...picker.getCountProps()} />
      <div {...picker.getAnnouncerProps()} />
    </section>
  );
}

describe('useReferencePicker prop getters', () => {
  it('merge the caller props, run the caller handlers first and compose refs', async () => {
    const user = userEvent.setup();
    const log: string[] = [];
    const { container } = render(<Custom log={log} />);
    expect(container.querySelector('section')).toHaveAttribute('data-custom');
    expect(screen.getByRole('group', { name: 'Reference images' })).toBeInTheDocument();
    const input = screen.getByLabelText('Add reference images');
    const click = vi.spyOn(input, 'click');
    await user.click(screen.getByRole('button', { name: 'zone' }));
    expect(log).toEqual(['caller click']);
    expect(click).toHaveBeenCalledTimes(1);
    await user.upload(input, [fileOf(makePng(3, 3), 'x.png')]);
    await waitFor(() => expect(screen.getByText('1 of 5 images')).toBeInTheDocument());
    expect(log).toContain('caller change, ref file');
    await user.click(screen.getByRole('button', { name: 'Remove x.png' }));
    expect(log.at(-1)).toBe('remove x.png');
    expect(screen.getByText('0 of 5 images')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Removed x.png. 0 of 5 images.');
  });
});

describe('ReferencePicker building blocks', () => {
  it('reads a JPEG frame header that sits behind a large metadata segment', async () => {
    const app2 = new Uint8Array(4 + 65000);
    app2.set([0xff, 0xe2, 65002 >> 8, 65002 & 0xff]);
    const sof = new Uint8Array([0xff, 0xc0, 0x00, 0x11, 0x08, 0x0b, 0xb8, 0x0f, 0xa0, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    const jpeg = new Blob([new Uint8Array([0xff, 0xd8]), app2, app2, sof, new Uint8Array(100)]);
    expect(jpeg.size).toBeGreaterThan(64 * 1024);
    const result = await inspectFile(jpeg, 'photo.jpg', 50 * 1048576, defaultReferencePickerLabels);
    expect(result).toMatchObject({ width: 4000, height: 3000, errors: [] });
  });

  it('plans a downscale only above the limit, keeping the aspect ratio', () => {
    expect(planDownscale(6000, 4000, 2048)).toEqual({ width: 2048, height: 1365 });
    expect(planDownscale(3000, 6000, 2048)).toEqual({ width: 1024, height: 2048 });
    expect(planDownscale(2048, 1000, 2048)).toBeNull();
  });

  it('accepts only http(s) URLs and names them by their last segment', () => {
    expect(parseImageUrl(' https://example.com/a/b%20c.png?x=1 ')).toBe('https://example.com/a/b%20c.png?x=1');
    expect(parseImageUrl('javascript:alert(1)')).toBeNull();
    expect(parseImageUrl('ftp://example.com/a.png')).toBeNull();
    expect(parseImageUrl('https://')).toBeNull();
    expect(nameFromUrl('https://example.com/a/b%20c.png?x=1')).toBe('b c.png');
    expect(nameFromUrl('https://example.com/')).toBe('example.com');
  });

  it('moves items without mutating the list', () => {
    const list = ['a', 'b', 'c'].map((id) => ({ id }) as never);
    expect(moveItem(list, 'a', 2).map((i: { id: string }) => i.id)).toEqual(['b', 'c', 'a']);
    expect(moveItem(list, 'c', -5).map((i: { id: string }) => i.id)).toEqual(['c', 'a', 'b']);
    expect(moveItem(list, 'b', 1)).toBe(list);
    expect(list.map((i: { id: string }) => i.id)).toEqual(['a', 'b', 'c']);
  });
});
