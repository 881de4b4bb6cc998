import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { SizeSelector, useSizeSelectorContext, type SizeSelectorRootProps } from '../../src/index.js';
import styles from './design-system.module.css';

/** Every part of the selector, in the default order; `props` go to the root. */
function AllParts(props: SizeSelectorRootProps) {
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

const meta = {
  title: 'SizeSelector',
  component: SizeSelector.Root,
  parameters: {
    docs: {
      description: {
        component:
          'The output size as `W*H`: presets for the model’s use cases, custom width and height, an aspect lock, ' +
          '“match the first reference”, and the snapped size the model will really produce (with the reason when ' +
          'it differs). Parts: `Root`, `Presets`, `Preset`, `Width`, `Height`, `AspectLock`, `MatchReference`, `Output`. ' +
          'Headless hook: `useSizeSelector`.',
      },
    },
  },
  args: { defaultValue: '2048*2048', referenceSize: { width: 1600, height: 1200 }, onValueChange: fn() },
  render: (args) => <AllParts {...args} />,
} satisfies Meta<typeof SizeSelector.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No stylesheet at all: plain HTML elements with roles, names and data attributes. */
export const Unstyled: Story = {
  play: async ({ canvas, args }) => {
    const portrait = canvas.getByRole('radio', { name: /Portrait 3:4/ });
    await userEvent.click(portrait);
    await expect(portrait).toHaveAttribute('aria-checked', 'true');
    await expect(args.onValueChange).toHaveBeenLastCalledWith('1728*2304');
    await expect(canvas.getByRole('spinbutton', { name: 'Width' })).toHaveValue(1728);
    await expect(canvas.getByRole('status')).toHaveTextContent('1728×2304');
  },
};

/** The optional theme (`hidream-edit/styles.css`), light. */
export const ThemedLight: Story = {
  name: 'Themed (light)',
  parameters: { hidream: { theme: 'light' } },
};

/** The optional theme, dark (`data-color-scheme="dark"` on an ancestor, or the OS setting). */
export const ThemedDark: Story = {
  name: 'Themed (dark)',
  parameters: { hidream: { theme: 'dark' } },
};

function ControlledSize() {
  const [size, setSize] = useState('1440*2560');
  return (
    <div>
      <AllParts value={size} onValueChange={setSize} referenceSize={{ width: 1600, height: 1200 }} />
      <p>
        The app holds <code data-testid="app-size">{size}</code>{' '}
        <button type="button" onClick={() => setSize('2560*1440')}>
          App sets 16:9
        </button>
      </p>
    </div>
  );
}

/** `value` + `onValueChange`: the app owns the size (here it also sets it from outside). */
export const Controlled: Story = {
  render: () => <ControlledSize />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radio', { name: /Story 9:16/ })).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'App sets 16:9' }));
    await expect(canvas.getByRole('radio', { name: /Wide 16:9/ })).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Match first reference' }));
    // The 1600×1200 reference is 4:3, too small for the model: the selector proposes the 4:3 size it produces.
    await waitFor(() => expect(canvas.getByTestId('app-size')).toHaveTextContent('2240*1680'));
    await expect(canvas.getByRole('status')).toHaveTextContent('2240×1680');
  },
};

/**
 * Styled only with a CSS module: `className` strings and functions of state, and `[data-selected]`,
 * `[data-invalid]`, `[data-snapped]` selectors. No theme import.
 */
export const DesignSystem: Story = {
  name: 'Design system (CSS module)',
  render: (args) => (
    <SizeSelector.Root {...args} className={styles.root}>
      <SizeSelector.Presets className={styles.presets}>
        {/* Children replace the default preset list: here, only three. */}
        <DesignSystemPresets />
      </SizeSelector.Presets>
      <div className={styles.sides}>
        <SizeSelector.Width className={styles.side} />
        ×
        <SizeSelector.Height className={styles.side} />
        <SizeSelector.AspectLock className={(s) => `${styles.lock} ${s.aspectLocked ? styles.lockOn : ''}`} />
      </div>
      <SizeSelector.Output className={styles.output} />
    </SizeSelector.Root>
  ),
};

function DesignSystemPresets() {
  const { presets } = useSizeSelectorContext('DesignSystemPresets');
  return (
    <>
      {presets
        .filter((p) => ['square', 'portrait-4-5', 'wide-16-9'].includes(p.id))
        .map((p) => (
          <SizeSelector.Preset key={p.id} preset={p} className={styles.preset} />
        ))}
    </>
  );
}

/** A size outside 256..4096 is invalid: the inputs say so (`aria-invalid`, `data-invalid`) and the output explains. */
export const InvalidSize: Story = {
  name: 'Error: invalid size',
  parameters: { hidream: { theme: 'light' } },
  play: async ({ canvas }) => {
    const width = canvas.getByRole('spinbutton', { name: 'Width' });
    await userEvent.clear(width);
    await userEvent.type(width, '100');
    await expect(width).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByRole('status')).toHaveTextContent('Width and height must be whole numbers from 256 to 4096.');
  },
};

/** A valid request the model does not produce as is: the output shows the snapped size and why. */
export const Snapped: Story = {
  parameters: { hidream: { theme: 'light' } },
  args: { defaultValue: '1000*1000' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(/Snapped from 1000×1000: below the 2560×1440 minimum pixel count/);
  },
};
