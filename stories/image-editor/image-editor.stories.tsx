import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ImageEditor, type ImageEditorEntry, type OutputFormat, type ReferenceImage } from '../../src/index.js';
import type { Backend } from '../support/backend.js';
import { fakePngFile, sceneFile } from '../support/images.js';
import { addReference, clickRun, findResult, typePrompt } from '../support/play.js';
import styles from './design-system.module.css';

const meta = {
  title: 'ImageEditor',
  component: ImageEditor.Root,
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'The seed’s playground in one tag: reference images, a prompt with the prompting guide’s templates, size, ' +
          'output format, seed (random or pinned), Run, the result with before/after compare and download, “edit ' +
          'this result again”, the session’s history with undo/redo, and the cost per edit. Its parts (`References`, ' +
          '`PromptLabel`, `Prompt`, `Templates`, `Size`, `Format`, `Seed`, `Run`, `RunReason`, `Cancel`, `Cost`, ' +
          '`Result`, `History`) compose custom layouts inside `ImageEditor.Root`. Headless hook: `useImageEditor`.',
      },
    },
  },
  args: { onComplete: fn(), onError: fn() },
} satisfies Meta<typeof ImageEditor.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

const SEPIA = 'Keep the same scene and composition. Make it sepia, vintage look.';

/**
 * The playground: add reference images (drop, paste, browse or a URL), write an instruction, pick size, format and
 * seed, run, compare, download, edit the result again. In `npm run dev` the edits run on the dev server's proxy
 * (the local engine, or WaveSpeed with `WAVESPEED_API_KEY`); in the static build, on the engine inside the page.
 * Try “make it black and white”, “rotate 90°”, “change the background to a beach”, “mirror”, “warmer”…
 */
export const Playground: Story = {
  parameters: { hidream: { theme: 'light' } },
  render: (args, { loaded }) => (
    <>
      <ImageEditor {...args} />
      <p style={{ margin: '12px 0 0', fontSize: 13, color: '#5b6472', fontFamily: 'system-ui, sans-serif' }}>
        Edits run on {(loaded.backend as Backend | undefined)?.description ?? 'the proxy at /api/hidream'}.
      </p>
    </>
  ),
};

/** The main flow, end to end: reference → prompt → PNG, pinned seed → run → result → edit again → history. */
export const EditFlow: Story = {
  name: 'Edit, compare, edit again',
  parameters: { hidream: { theme: 'light' } },
  play: async ({ canvas, args, step }) => {
    await step('add a reference drawn on a canvas', async () => {
      await addReference(canvas, { name: 'cottage.png', width: 960, height: 720 });
      await expect(canvas.getByText('1 of 5 images')).toBeVisible();
    });
    await step('write the instruction, choose PNG and pin seed 1234', async () => {
      await typePrompt(canvas, SEPIA);
      await userEvent.click(canvas.getByRole('radio', { name: /PNG/ }));
      await userEvent.click(canvas.getByRole('checkbox', { name: 'New random seed each run' }));
      await userEvent.type(canvas.getByRole('spinbutton', { name: 'Seed value' }), '1234');
    });
    await step('run and see the edited image', async () => {
      await clickRun(canvas);
      const result = await findResult(canvas);
      await expect(result).toHaveAccessibleName(`Edited image: ${SEPIA}`);
      await expect(canvas.getByText('Last run used seed 1234.')).toBeVisible();
      await expect(canvas.getByText(/Session total \$0\.02 \(1 edit\)/)).toBeVisible();
      await expect(canvas.getByRole('slider', { name: 'Compare original and edited image' })).toBeVisible();
      await expect(args.onComplete).toHaveBeenCalledWith(expect.objectContaining({ seed: 1234, format: 'png', prompt: SEPIA }));
    });
    await step('edit the result again, one change per edit', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Edit this result again' }));
      await typePrompt(canvas, 'Keep everything else. Mirror the image.');
      await clickRun(canvas);
      await waitFor(() => expect(args.onComplete).toHaveBeenCalledTimes(2), { timeout: 30_000 });
      await findResult(canvas);
      const history = canvas.getByRole('region', { name: 'Edit history' });
      await expect(within(history).getByRole('button', { name: /^Step 2: Keep everything else\. Mirror the image\./ })).toHaveAttribute('aria-current', 'step');
    });
    await step('undo back to the first edit', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Undo' }));
      const history = canvas.getByRole('region', { name: 'Edit history' });
      await expect(within(history).getByRole('button', { name: /^Step 1: Keep the same scene/ })).toHaveAttribute('aria-current', 'step');
    });
  },
};

/** No stylesheet: the whole editor as plain, accessible HTML. */
export const Unstyled: Story = {
  args: { defaultPrompt: 'Keep the scene. Make it black and white.', defaultFormat: 'png' },
  play: async ({ canvas }) => {
    await addReference(canvas);
    await clickRun(canvas);
    await findResult(canvas);
  },
};

/** The optional theme, light. */
export const ThemedLight: Story = {
  name: 'Themed (light)',
  args: { defaultPrompt: 'Keep the composition. Change the background to a sunlit beach.', defaultFormat: 'webp' },
  parameters: { hidream: { theme: 'light' } },
  play: Unstyled.play,
};

/** The optional theme, dark (`data-color-scheme="dark"` on an ancestor; without it the theme follows the OS). */
export const ThemedDark: Story = {
  name: 'Themed (dark)',
  args: { defaultPrompt: 'Keep the scene. Make it cooler, cool tones.', defaultFormat: 'jpeg' },
  parameters: { hidream: { theme: 'dark' } },
  play: Unstyled.play,
};

/** A reference the app already has, as the picker holds it. */
async function referenceFrom(file: File): Promise<ReferenceImage> {
  const bitmap = await createImageBitmap(file);
  const image: ReferenceImage = {
    id: `app-${file.name}`,
    name: file.name,
    source: file,
    previewUrl: URL.createObjectURL(file),
    width: bitmap.width,
    height: bitmap.height,
    format: 'png',
    bytes: file.size,
    status: 'ready',
    downscaled: false,
  };
  bitmap.close();
  return image;
}

/** Use cases the app offers: each sets the editor's prompt, size and format from outside. */
const USE_CASES = [
  { label: 'Product shot', prompt: 'Keep the product. Make it brighter.', size: '2048*2048', format: 'png', seed: 7 },
  { label: 'Story', prompt: 'Keep the product. Change the background to a beach.', size: '1440*2560', format: 'jpeg', seed: 2026 },
] as const;

function AppDrivenEditor() {
  const [references, setReferences] = useState<ReferenceImage[]>([]);
  const [prompt, setPrompt] = useState<string>(USE_CASES[0].prompt);
  const [size, setSize] = useState<string>(USE_CASES[0].size);
  const [format, setFormat] = useState<OutputFormat>(USE_CASES[0].format);
  const [seed, setSeed] = useState<number | null>(USE_CASES[0].seed);
  const [done, setDone] = useState<ImageEditorEntry[]>([]);
  useEffect(() => {
    void sceneFile({ name: 'product.png', hue: 280, width: 800, height: 800 }).then(referenceFrom).then((r) => setReferences([r]));
  }, []);
  return (
    <div style={{ display: 'grid', gap: 16, fontFamily: 'system-ui, sans-serif' }}>
      <div role="group" aria-label="Use case" style={{ display: 'flex', gap: 8 }}>
        {USE_CASES.map((u) => (
          <button key={u.label} type="button" onClick={() => (setPrompt(u.prompt), setSize(u.size), setFormat(u.format), setSeed(u.seed))}>
            {u.label}
          </button>
        ))}
      </div>
      <ImageEditor
        references={references}
        onReferencesChange={setReferences}
        prompt={prompt}
        onPromptChange={setPrompt}
        size={size}
        onSizeChange={setSize}
        format={format}
        onFormatChange={setFormat}
        seed={seed}
        onSeedChange={setSeed}
        onComplete={(entry) => setDone((list) => [...list, entry])}
      />
      <section aria-label="The app's state">
        <h2 style={{ fontSize: 16 }}>The app's state</h2>
        <p data-testid="app-state">
          {references.length} reference(s) · {size} · {format} · seed {seed ?? 'random'} · “{prompt}”
        </p>
        <ul data-testid="app-record">
          {done.map((entry) => (
            <li key={entry.id}>
              {entry.id}: seed {entry.seed}, {entry.size}, {entry.format}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/**
 * The app holds the editor's inputs (`references`, `prompt`, `size`, `format`, `seed` with their `on…Change`): its
 * own “Use case” buttons set prompt, size, format and seed, and what the user changes in the editor flows back. It also
 * hears every finished edit (`onComplete`) to keep its own record.
 */
export const Controlled: Story = {
  name: 'Controlled by the app',
  parameters: { hidream: { theme: 'light' } },
  render: () => <AppDrivenEditor />,
  play: async ({ canvas }) => {
    await canvas.findByRole('img', { name: 'product.png' });
    await userEvent.click(canvas.getByRole('button', { name: 'Story' }));
    await expect(canvas.getByRole('textbox', { name: 'Prompt' })).toHaveValue(USE_CASES[1].prompt);
    await expect(canvas.getByRole('radio', { name: /JPEG/ })).toBeChecked();
    await userEvent.click(canvas.getByRole('radio', { name: /PNG/ }));
    await expect(canvas.getByRole('spinbutton', { name: 'Seed value' })).toHaveValue(2026);
    await expect(canvas.getByTestId('app-state')).toHaveTextContent('1 reference(s) · 1440*2560 · png · seed 2026');
    await clickRun(canvas);
    await findResult(canvas);
    await waitFor(() => expect(canvas.getByTestId('app-record')).toHaveTextContent('seed 2026, 1440*2560, png'));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'New random seed each run' }));
    await expect(canvas.getByTestId('app-state')).toHaveTextContent('seed random');
  },
};

/** The parts in a layout of one's own, styled only through `className` (strings and functions) and data attributes. */
export const DesignSystem: Story = {
  name: 'Design system (CSS module)',
  args: { defaultPrompt: 'Keep the subject. Invert the colours.' },
  render: (args) => (
    <ImageEditor.Root {...args} className={styles.root}>
      <div className={styles.panel}>
        <ImageEditor.References />
        <ImageEditor.PromptLabel />
        <ImageEditor.Prompt className={styles.prompt} />
        <ImageEditor.Templates className={styles.templates} />
        <ImageEditor.Run className={(s) => `${styles.run} ${s.running ? 'is-running' : ''}`} />
        <ImageEditor.RunReason className={styles.reason} />
        <ImageEditor.Cost />
      </div>
      <div className={styles.panel}>
        <ImageEditor.Result className={styles.result} />
        <ImageEditor.History />
      </div>
    </ImageEditor.Root>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Add at least one reference image.')).toBeVisible();
    await addReference(canvas);
    await clickRun(canvas);
    await findResult(canvas);
  },
};

/** The engine fails every prediction (`failRate: 1`): the error, Retry, and the inputs kept. */
export const FailedPrediction: Story = {
  name: 'Error: failed prediction',
  args: { defaultPrompt: 'Keep the scene. Make it sepia.' },
  parameters: { hidream: { theme: 'light', backend: { engine: { failRate: 1, latency: 300 } } } },
  play: async ({ canvas, args }) => {
    await addReference(canvas, { name: 'kept.png' });
    await clickRun(canvas);
    await expect(await canvas.findByRole('button', { name: 'Retry' }, { timeout: 15_000 })).toBeVisible();
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'prediction_failed' })));
    await expect(canvas.getAllByText(/Try again/)[0]).toBeVisible();
    await expect(canvas.getByRole('img', { name: 'kept.png' })).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Prompt' })).toHaveValue('Keep the scene. Make it sepia.');
  },
};

/** Result polls answered 429/5xx (`errorRate: 1`): retried like the official SDKs, then reported. */
export const RateLimited: Story = {
  name: 'Error: rate limited',
  args: { defaultPrompt: 'Keep the scene. Make it darker.' },
  parameters: { hidream: { theme: 'light', backend: { engine: { errorRate: 1, latency: 300, random: 3 } } } },
  play: async ({ canvas, args }) => {
    await addReference(canvas);
    await clickRun(canvas);
    await expect(await canvas.findByRole('button', { name: 'Retry' }, { timeout: 45_000 })).toBeVisible();
    // After the client's retries, the last answer's message: a 429 or a 5xx, both worded for a person.
    await expect(canvas.getAllByText(/Too many requests|Try again/)[0]).toBeVisible();
    await expect(args.onError).toHaveBeenCalled();
  },
};

/** A slow edit (`[slow]` in the prompt adds 8 s) cancelled with the Cancel button: no request after it. */
export const CancelSlowEdit: Story = {
  name: 'Error: cancelled slow edit',
  args: { defaultPrompt: 'Keep the scene. Make it warmer. [slow]' },
  parameters: { hidream: { theme: 'light', backend: { engine: { latency: 500 } } } },
  play: async ({ canvas }) => {
    await addReference(canvas);
    await clickRun(canvas);
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel' }));
    await expect(await canvas.findByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(canvas.queryByRole('img', { name: /^Edited image/ })).toBeNull();
  },
};

/** A text file named `.png` is rejected by its bytes, with a message; Run stays disabled with its reason. */
export const BadFiles: Story = {
  name: 'Error: bad files',
  args: { defaultPrompt: 'Keep the scene. Make it sepia.' },
  parameters: { hidream: { theme: 'light' } },
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText('Add reference images'), fakePngFile());
    // The rejections region is there from the start; its message arrives once the file's bytes are read.
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('holiday.png is not a PNG, JPEG or WebP image.'));
    await expect(canvas.getByRole('button', { name: 'Run edit' })).toBeDisabled();
    await expect(canvas.getByText('Add at least one reference image.')).toBeVisible();
  },
};
