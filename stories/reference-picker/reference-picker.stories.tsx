import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ReferencePicker, type ReferenceImage, type ReferencePickerRootProps } from '../../src/index.js';
import { fakePngFile, panoramaFile, sceneFile } from '../support/images.js';
import styles from './design-system.module.css';

type Canvas = ReturnType<typeof within>;

/** Adds files through the file input, as the file dialog would. */
async function addFiles(canvas: Canvas, files: File[]) {
  await userEvent.upload(canvas.getByLabelText('Add reference images'), files);
}

function AllParts(props: ReferencePickerRootProps) {
  return (
    <ReferencePicker.Root {...props}>
      <ReferencePicker.Dropzone />
      <ReferencePicker.Input />
      <ReferencePicker.UrlInput />
      <ReferencePicker.UrlSubmit />
      <ReferencePicker.List />
      <ReferencePicker.Rejections />
      <ReferencePicker.Count />
    </ReferencePicker.Root>
  );
}

const meta = {
  title: 'ReferencePicker',
  component: ReferencePicker.Root,
  parameters: {
    docs: {
      description: {
        component:
          'Choose, drop, paste or link 1..N reference images (default at most 5: the seed recommends 3–5 for ' +
          'identity locking). Files are checked by their bytes (PNG, JPEG, WebP; ≤ 50 MB; aspect 1:4..4:1; pixel ' +
          'cap), large photos are downscaled in a Web Worker, and rejections are shown, never dropped silently. ' +
          'Reorder by drag or Alt+↑/↓, remove with Delete. Parts: `Root`, `Dropzone`, `Input`, `UrlInput`, ' +
          '`UrlSubmit`, `List`, `Item`, `Thumbnail`, `Remove`, `MoveUp`, `MoveDown`, `Rejections`, `Count`. ' +
          'Headless hook: `useReferencePicker`.',
      },
    },
  },
  args: { onValueChange: fn(), onReject: fn() },
  render: (args) => <AllParts {...args} />,
} satisfies Meta<typeof ReferencePicker.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No stylesheet. Adds two images drawn on a canvas, moves the second first, removes one. */
export const Unstyled: Story = {
  play: async ({ canvas, args }) => {
    await addFiles(canvas, [await sceneFile({ hue: 210, name: 'sky.png' }), await sceneFile({ hue: 30, name: 'dusk.png' })]);
    const list = await canvas.findByRole('list', { name: 'Chosen reference images' });
    await waitFor(() => expect(within(list).getAllByRole('img')).toHaveLength(2));
    await expect(canvas.getByText('2 of 5 images')).toBeVisible();
    await expect(within(list).getByRole('img', { name: 'sky.png' })).toBeVisible();

    await userEvent.click(canvas.getByRole('button', { name: 'Move dusk.png up' }));
    await waitFor(() => expect(within(list).getAllByRole('img').map((i) => i.getAttribute('alt'))).toEqual(['dusk.png', 'sky.png']));

    await userEvent.click(canvas.getByRole('button', { name: 'Remove sky.png' }));
    await waitFor(() => expect(within(list).getAllByRole('img')).toHaveLength(1));
    await expect(canvas.getByText('1 of 5 images')).toBeVisible();
    await expect(args.onValueChange).toHaveBeenLastCalledWith([expect.objectContaining({ name: 'dusk.png', format: 'png', width: 640, height: 480 })]);
  },
};

/** The optional theme, light, with three references. */
export const ThemedLight: Story = {
  name: 'Themed (light)',
  parameters: { hidream: { theme: 'light' } },
  play: async ({ canvas }) => {
    await addFiles(canvas, [await sceneFile({ hue: 210 }), await sceneFile({ hue: 120 }), await sceneFile({ hue: 330, width: 480, height: 640 })]);
    await waitFor(() => expect(canvas.getByText('3 of 5 images')).toBeVisible());
  },
};

/** The optional theme, dark. */
export const ThemedDark: Story = {
  name: 'Themed (dark)',
  parameters: { hidream: { theme: 'dark' } },
  play: ThemedLight.play,
};

function ControlledPicker() {
  const [images, setImages] = useState<ReferenceImage[]>([]);
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <AllParts value={images} onValueChange={setImages} maxFiles={3} />
      <p>
        The app holds: <output data-testid="app-images">{images.map((i) => `${i.name} (${i.width}×${i.height})`).join(', ') || 'nothing'}</output>{' '}
        <button type="button" onClick={() => setImages([])}>
          Clear from the app
        </button>
      </p>
    </div>
  );
}

/** `value` + `onValueChange`: the app owns the list (and clears it from outside). `maxFiles={3}`. */
export const Controlled: Story = {
  render: () => <ControlledPicker />,
  play: async ({ canvas }) => {
    await addFiles(canvas, [await sceneFile({ hue: 90, name: 'a.png', width: 800, height: 400 })]);
    await waitFor(() => expect(canvas.getByTestId('app-images')).toHaveTextContent('a.png (800×400)'));
    await expect(canvas.getByText('1 of 3 images')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Clear from the app' }));
    await expect(canvas.getByTestId('app-images')).toHaveTextContent('nothing');
    await expect(canvas.queryByRole('img')).toBeNull();
  },
};

/**
 * Styled only with a CSS module: `className` functions of state (`full`, `index`) and `[data-drag]`,
 * `[data-status]`, `[data-empty]` selectors; the list lays items out with a render function.
 */
export const DesignSystem: Story = {
  name: 'Design system (CSS module)',
  render: (args) => (
    <ReferencePicker.Root {...args} className={styles.root}>
      <ReferencePicker.Dropzone className={(s) => `${styles.dropzone} ${s.full ? styles.full : ''}`}>
        {/* Children replace the dropzone's text. */}
        <strong>Drop product shots</strong> or click to browse
        <ReferencePicker.Input />
      </ReferencePicker.Dropzone>
      <ReferencePicker.List className={styles.list}>
        {() => (
          <ReferencePicker.Item className={(s) => `${styles.item} ${s.index === 0 ? styles.first : ''}`}>
            <ReferencePicker.Thumbnail className={styles.thumb} />
            <ReferencePicker.Remove className={styles.remove} />
          </ReferencePicker.Item>
        )}
      </ReferencePicker.List>
      <ReferencePicker.Rejections className={styles.rejections} />
      <ReferencePicker.Count />
    </ReferencePicker.Root>
  ),
  play: async ({ canvas }) => {
    await addFiles(canvas, [await sceneFile({ hue: 260, name: 'hero.png' }), await sceneFile({ hue: 160, name: 'side.png' })]);
    const first = await canvas.findByRole('img', { name: 'hero.png' });
    await expect(first.closest('li')).toHaveClass(styles.first!);
  },
};

/**
 * Bad files are rejected with a reason, never dropped silently: a text file named `.png` (checked by its
 * bytes), a 6:1 panorama (outside 1:4..4:1), and one file more than `maxFiles`.
 */
export const BadFiles: Story = {
  name: 'Error: bad files',
  args: { maxFiles: 2 },
  parameters: { hidream: { theme: 'light' } },
  play: async ({ canvas, args }) => {
    await addFiles(canvas, [fakePngFile(), await panoramaFile()]);
    const alert = await canvas.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('holiday.png is not a PNG, JPEG or WebP image.'));
    await expect(alert).toHaveTextContent('panorama.png is 1200×200; the aspect ratio must be between 1:4 and 4:1.');
    await expect(args.onReject).toHaveBeenCalled();

    await addFiles(canvas, [await sceneFile({ name: 'one.png' }), await sceneFile({ name: 'two.png' }), await sceneFile({ name: 'three.png' })]);
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('three.png was not added: at most 2 images.'));
    await expect(canvas.getByText('2 of 2 images')).toBeVisible();
  },
};
