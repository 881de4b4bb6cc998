import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SIZE_PRESETS, snapSize } from '../../../src/core/index.js';
import { SizeSelector, describeSize, useSizeSelector, type SizeSelectorRootProps } from '../../../src/components/size-selector/index.js';
import { axeViolations } from './axe.js';

function Full(props: SizeSelectorRootProps) {
  return (
    <SizeSelector.Root {...props}>
      <SizeSelector.Presets />
      <SizeSelector.Width />
      <SizeSelector.Height />
      <SizeSelector.AspectLock />
      <SizeSelector.MatchReference />
      <SizeSelector.Output />
    </SizeSelector.Root>
  );
}

const output = () => screen.getByRole('status');

describe('SizeSelector', () => {
  it('starts at 2048×2048 with scope/part attributes and no axe violations', async () => {
    const { container } = render(<Full />);
    expect(screen.getByRole('spinbutton', { name: 'Width' })).toHaveValue(2048);
    expect(screen.getByRole('spinbutton', { name: 'Height' })).toHaveValue(2048);
    expect(output()).toHaveTextContent('2048×2048 · 4.2 MP');
    expect(output()).toHaveAttribute('data-valid', '');
    expect(screen.getByRole('group', { name: 'Output size' })).toHaveAttribute('data-scope', 'size-selector');
    for (const el of container.querySelectorAll('[data-part]')) expect(el).toHaveAttribute('data-scope', 'size-selector');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('selects a preset as a radio and reports the "W*H" value', async () => {
    const onValueChange = vi.fn();
    render(<Full onValueChange={onValueChange} />);
    const preset = SIZE_PRESETS.find((p) => p.width !== p.height) ?? SIZE_PRESETS[1]!;
    const radio = screen.getByRole('radio', { name: new RegExp(`${preset.width}×${preset.height}`) });
    await userEvent.click(radio);
    expect(onValueChange).toHaveBeenLastCalledWith(`${preset.width}*${preset.height}`);
    expect(radio).toHaveAttribute('aria-checked', 'true');
    expect(radio).toHaveAttribute('data-selected', '');
    expect(screen.getByRole('spinbutton', { name: 'Width' })).toHaveValue(preset.width);
    expect(screen.getAllByRole('radio').filter((r) => r.getAttribute('aria-checked') === 'true')).toHaveLength(1);
  });

  it('moves between presets with arrow keys, Home and End (one tab stop)', async () => {
    const user = userEvent.setup();
    render(<Full defaultValue="999*777" />);
    const radios = screen.getAllByRole('radio');
    expect(radios.filter((r) => r.tabIndex === 0)).toEqual([radios[0]]);
    await user.tab();
    expect(radios[0]).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(radios[1]).toHaveFocus();
    expect(radios[1]).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('{End}');
    expect(radios.at(-1)).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('{ArrowRight}');
    expect(radios[0]).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('{ArrowLeft}');
    expect(radios.at(-1)).toHaveFocus();
  });

  it('takes a custom size and shows the snapped size with the reason', async () => {
    const user = userEvent.setup();
    render(<Full />);
    const width = screen.getByRole('spinbutton', { name: 'Width' });
    const height = screen.getByRole('spinbutton', { name: 'Height' });
    await user.clear(width);
    await user.type(width, '1000');
    await user.clear(height);
    await user.type(height, '1000');
    const snapped = snapSize(1000, 1000);
    expect(output()).toHaveTextContent(`${snapped.width}×${snapped.height}`);
    expect(output()).toHaveTextContent('Snapped from 1000×1000: below the 2560×1440 minimum pixel count');
    expect(output()).toHaveAttribute('data-snapped', '');
    expect(screen.queryByRole('radio', { checked: true })).toBeNull();
  });

  it('marks sizes the API refuses invalid', async () => {
    const user = userEvent.setup();
    render(<Full />);
    const width = screen.getByRole('spinbutton', { name: 'Width' });
    await user.clear(width);
    await user.type(width, '100');
    expect(output()).toHaveTextContent('Width and height must be whole numbers from 256 to 4096.');
    expect(output()).not.toHaveAttribute('data-valid');
    expect(output()).toHaveAttribute('data-invalid', '');
    expect(width).toHaveAttribute('aria-invalid', 'true');
    await user.clear(width);
    expect(width).toHaveValue(null);
    await user.tab();
    expect(width).toHaveValue(100);
  });

  it('keeps the aspect ratio while locked', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<Full defaultValue="2048*1024" onValueChange={onValueChange} />);
    const lock = screen.getByRole('button', { name: 'Lock aspect ratio' });
    expect(lock).toHaveAttribute('aria-pressed', 'false');
    await user.click(lock);
    expect(lock).toHaveAttribute('aria-pressed', 'true');
    const width = screen.getByRole('spinbutton', { name: 'Width' });
    await user.clear(width);
    await user.type(width, '3000');
    expect(screen.getByRole('spinbutton', { name: 'Height' })).toHaveValue(1500);
    expect(onValueChange).toHaveBeenLastCalledWith('3000*1500');
    await user.click(lock);
    await user.clear(width);
    await user.type(width, '2000');
    expect(screen.getByRole('spinbutton', { name: 'Height' })).toHaveValue(1500);
  });

  it('matches the first reference (snapped to the model) and is disabled without one', async () => {
    const { rerender } = render(<Full />);
    const button = screen.getByRole('button', { name: 'Match first reference' });
    expect(button).toBeDisabled();
    rerender(<Full referenceSize={{ width: 800, height: 600 }} />);
    await userEvent.click(button);
    const s = snapSize(800, 600);
    expect(screen.getByRole('spinbutton', { name: 'Width' })).toHaveValue(s.width);
    expect(screen.getByRole('spinbutton', { name: 'Height' })).toHaveValue(s.height);
    expect(s.width / s.height).toBeCloseTo(4 / 3, 1);
  });

  it('is controllable', async () => {
    function Controlled() {
      const [value, setValue] = useState('2048*2048');
      return (
        <>
          <Full value={value} onValueChange={setValue} />
          <button onClick={() => setValue('3072*2048')}>outside</button>
          <p>value {value}</p>
        </>
      );
    }
    render(<Controlled />);
    await userEvent.click(screen.getByRole('button', { name: 'outside' }));
    expect(screen.getByRole('spinbutton', { name: 'Width' })).toHaveValue(3072);
    await userEvent.click(screen.getAllByRole('radio')[0]!);
    const p = SIZE_PRESETS[0]!;
    expect(screen.getByText(`value ${p.width}*${p.height}`)).toBeInTheDocument();
  });

  it('replaces every string through labels and exposes state to className functions', () => {
    render(
      <SizeSelector.Root labels={{ width: 'Breite', group: 'Größe', output: (w, h) => `Ausgabe ${w}x${h}` }} className={(s) => (s.valid ? 'ok' : 'bad')}>
        <SizeSelector.Width />
        <SizeSelector.Output />
      </SizeSelector.Root>,
    );
    expect(screen.getByRole('group', { name: 'Größe' })).toHaveClass('ok');
    expect(screen.getByRole('spinbutton', { name: 'Breite' })).toBeInTheDocument();
    expect(output()).toHaveTextContent('Ausgabe 2048x2048');
  });

  it('throws a sentence naming the root when a part is outside it', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => act(() => render(<SizeSelector.Output />))).toThrow('<SizeSelector.Output> must be placed inside <SizeSelector.Root>.');
    spy.mockRestore();
  });

  it('works headless through useSizeSelector', async () => {
    function Headless() {
      const s = useSizeSelector({ defaultValue: '1000*1000' });
      return (
        <>
          <p>{s.summary}</p>
          <button onClick={() => s.setSize(3000, 2000)}>set</button>
        </>
      );
    }
    render(<Headless />);
    expect(screen.getByText(/Snapped from 1000×1000/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button'));
    expect(screen.getByText(describeSize('3000*2000').reason ? /Snapped from 3000×2000/ : /^3000×2000/)).toBeInTheDocument();
  });
});
