import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import type { Prediction } from '../../src/core/index.js';
import { ResultViewer, type ResultViewerRootProps, type ResultViewerStatus } from '../../src/index.js';
import { MOUNT } from '../support/backend.js';
import { EditHarness } from '../support/edit-harness.js';
import { clickRun, findResult } from '../support/play.js';
import { useSceneDataUri } from '../support/scene.js';
import styles from './design-system.module.css';

type Args = Pick<ResultViewerRootProps, 'onSave' | 'labels'> & { prompt: string };

const meta = {
  title: 'ResultViewer',
  component: ResultViewer.Root,
  parameters: {
    docs: {
      description: {
        component:
          'Shows an edit: status with elapsed time (a live region), progress, the result, a before/after compare ' +
          '(an ARIA slider), download in the asked format, “edit this result again”, and the error with a Retry that ' +
          'keeps the inputs. Feed it a `useEdit()` result as `edit`, or explicit `status`/`prediction`/`error`. ' +
          'Parts: `Root`, `Status`, `Progress`, `Image`, `Compare` (`CompareBefore`, `CompareAfter`, `CompareHandle`), ' +
          '`Download`, `EditAgain`, `Error`, `Retry`, `Nsfw`, `Unavailable`.',
      },
    },
  },
  args: { prompt: 'Keep the scene and composition. Make it sepia, vintage look.', onSave: fn() },
  render: ({ prompt, ...args }) => (
    <EditHarness prompt={prompt}>
      {({ edit, source, prompt: asked, run, setSource }) => (
        <ResultViewer.Root {...args} edit={edit} source={source} prompt={asked} format="png" onRetry={run} onEditAgain={setSource} />
      )}
    </EditHarness>
  ),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No stylesheet: the default parts (status, progress, compare, download, edit again) as plain HTML. */
export const Unstyled: Story = {
  play: async ({ canvas, canvasElement, args, userEvent }) => {
    await clickRun(canvas);
    const result = await findResult(canvas);
    await expect(result).toHaveAccessibleName(/^Edited image: Keep the scene/);
    await expect(canvas.getByRole('status')).toHaveTextContent(/Completed/);

    // Before/after: the divider is a slider operable by keyboard.
    const slider = canvas.getByRole('slider', { name: 'Compare original and edited image' });
    slider.focus();
    await userEvent.keyboard('{PageDown}');
    await expect(slider).toHaveAttribute('aria-valuenow', '40');

    // Download: the bytes of the result, named after the prediction, in the format asked for.
    await userEvent.click(canvas.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(args.onSave).toHaveBeenCalledTimes(1));
    const [blob, name] = vi_args(args.onSave);
    await expect(name).toMatch(/^hidream-edit-.+\.png$/);
    await expect(blob.size).toBeGreaterThan(1000);

    // Edit again: the result becomes the next source.
    await userEvent.click(canvas.getByRole('button', { name: 'Edit this result again' }));
    await waitFor(() => expect(canvas.getByRole('img', { name: 'Reference' })).toHaveAttribute('src', result.getAttribute('src')));
  },
};

function vi_args(mock: unknown): [Blob, string] {
  return (mock as { mock: { calls: [Blob, string][] } }).mock.calls[0]!;
}

/** The optional theme, light. */
export const ThemedLight: Story = {
  name: 'Themed (light)',
  parameters: { hidream: { theme: 'light' } },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await clickRun(canvas);
    await findResult(canvas);
  },
};

/** The optional theme, dark. */
export const ThemedDark: Story = {
  name: 'Themed (dark)',
  parameters: { hidream: { theme: 'dark' } },
  play: ThemedLight.play,
};

function fakePrediction(output: string, status: Prediction['status'], error = ''): Prediction {
  return {
    id: 'pred_controlled_demo',
    model: 'wavespeed-ai/hidream-o1-image-dev/edit',
    status,
    outputs: status === 'completed' ? [output] : [],
    urls: { get: '' },
    has_nsfw_contents: [false],
    created_at: new Date(0).toISOString(),
    error,
    timings: { inference: 2400 },
  };
}

function ControlledViewer(props: Partial<ResultViewerRootProps>) {
  const source = useSceneDataUri({ hue: 200 });
  const output = useSceneDataUri({ hue: 20 });
  const [status, setStatus] = useState<ResultViewerStatus>('processing');
  if (!source || !output) return null;
  const failed = status === 'failed';
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 560 }}>
      <fieldset>
        <legend>Status the app passes</legend>
        {(['idle', 'processing', 'completed', 'failed'] as const).map((s) => (
          <label key={s} style={{ marginRight: 12 }}>
            <input type="radio" name="status" checked={status === s} onChange={() => setStatus(s)} /> {s}
          </label>
        ))}
      </fieldset>
      <ResultViewer.Root
        {...props}
        status={status}
        elapsedMs={status === 'processing' ? 1700 : 2400}
        prediction={status === 'idle' ? null : fakePrediction(output, status === 'failed' ? 'failed' : status === 'completed' ? 'completed' : 'processing', failed ? 'The model could not apply this edit (task code 1403).' : '')}
        source={source}
        prompt="Warmer light"
        format="png"
        onRetry={() => setStatus('processing')}
      />
    </div>
  );
}

/** No `useEdit`: the app passes `status`, `prediction`, `error` and `elapsedMs` itself (e.g. from its own store). */
export const Controlled: Story = {
  render: (args) => <ControlledViewer onSave={args.onSave} />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('Processing…');
    await userEvent.click(canvas.getByRole('radio', { name: 'completed' }));
    await findResult(canvas, 5000);
    await expect(canvas.getByRole('status')).toHaveTextContent('Completed in 2.4 s');
    await userEvent.click(canvas.getByRole('radio', { name: 'failed' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('The model could not apply this edit (task code 1403).');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(canvas.getByRole('radio', { name: 'processing' })).toBeChecked();
  },
};

/**
 * A completed prediction whose output is gone (WaveSpeed's CDN and the local engine keep outputs for a limited
 * time): the viewer says so instead of showing a broken image, and offers no download or re-edit of it.
 */
export const Expired: Story = {
  name: 'Error: result expired',
  parameters: { hidream: { theme: 'light' } },
  render: (args) => (
    <ResultViewer.Root
      onSave={args.onSave}
      status="completed"
      prediction={fakePrediction(`${MOUNT}/api/v3/local/files/expired-result.png`, 'completed', '')}
      prompt="Warmer light"
      format="png"
      onEditAgain={() => {}}
    />
  ),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/^This result is no longer available/, {}, { timeout: 10_000 })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('Completed in 2.4 s');
    await expect(canvas.queryByRole('button', { name: 'Download' })).toBeNull();
    await expect(canvas.queryByRole('button', { name: 'Edit this result again' })).toBeNull();
  },
};

/** Styled only with a CSS module: `className` functions of state and `[data-status]` selectors. */
export const DesignSystem: Story = {
  name: 'Design system (CSS module)',
  render: ({ prompt, ...args }) => (
    <EditHarness prompt={prompt}>
      {({ edit, prompt: asked }) => (
        <ResultViewer.Root {...args} edit={edit} prompt={asked} format="png" className={styles.root}>
          <ResultViewer.Status className={(s) => `${styles.status} ${s.pending ? 'is-pending' : ''}`} />
          <ResultViewer.Progress className={styles.progress} />
          <ResultViewer.Error />
          <ResultViewer.Image className={styles.image} />
          <ResultViewer.Download className={styles.button} />
        </ResultViewer.Root>
      )}
    </EditHarness>
  ),
  play: async ({ canvas, canvasElement, userEvent }) => {
    await clickRun(canvas);
    const result = await findResult(canvas);
    await expect(result).toHaveClass(styles.image!);
    await expect(canvasElement.querySelector('[data-scope="result-viewer"][data-part="root"]')).toHaveAttribute('data-status', 'completed');
  },
};

/** The engine fails every prediction (`failRate: 1`): the error and a Retry that keeps the inputs. */
export const FailedPrediction: Story = {
  name: 'Error: failed prediction',
  parameters: { hidream: { theme: 'light', backend: { engine: { failRate: 1, latency: 300 } } } },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await clickRun(canvas);
    await expect(await canvas.findByRole('button', { name: 'Retry' }, { timeout: 15_000 })).toBeVisible();
    await expect(canvas.getAllByText(/Try again/)[0]).toBeVisible();
    await expect(canvasElement.querySelector('[data-part="root"][data-scope="result-viewer"]')).toHaveAttribute('data-status', 'failed');
    await expect(canvas.queryByRole('img', { name: /^Edited image/ })).toBeNull();
    // The prompt is still there for another try.
    await expect(canvas.getByRole('textbox', { name: 'Prompt' })).toHaveValue('Keep the scene and composition. Make it sepia, vintage look.');
  },
};

/** Content moderation (`[moderate]` in the prompt): the prediction fails with task code 1200. */
export const Moderated: Story = {
  name: 'Error: content moderation',
  args: { prompt: 'Make it sepia [moderate]' },
  parameters: { hidream: { theme: 'light', backend: { engine: { latency: 300 } } } },
  play: async ({ canvas, userEvent }) => {
    await clickRun(canvas);
    await expect(await canvas.findByRole('button', { name: 'Retry' }, { timeout: 15_000 })).toBeVisible();
    await expect(canvas.getAllByText(/flagged by content moderation/)[0]).toBeVisible();
  },
};

/**
 * Every result GET answers 429 (with `Retry-After`) or a 5xx (`errorRate: 1`): the client retries as the official
 * SDKs do, then reports the failure, keeping the prediction id.
 */
export const RateLimited: Story = {
  name: 'Error: rate limited',
  parameters: { hidream: { theme: 'light', backend: { engine: { errorRate: 1, latency: 300, random: 3 } } } },
  play: async ({ canvas, userEvent }) => {
    await clickRun(canvas);
    await expect(await canvas.findByRole('button', { name: 'Retry' }, { timeout: 45_000 })).toBeVisible();
    // After the client's retries, the last answer's message: a 429 or a 5xx, both worded for a person.
    await expect(canvas.getByRole('status')).toHaveTextContent(/Too many requests|Try again/);
  },
};

/**
 * Sync mode (`enable_sync_mode: true`) with a server that gives up holding the POST after 300 ms while the task
 * runs 2 s: the client keeps the same prediction id and polls it to the end — no second submit, no lost edit.
 */
export const SyncTimeout: Story = {
  name: 'Error: sync timeout (recovered)',
  parameters: { hidream: { theme: 'light', backend: { engine: { syncTimeout: 300, latency: 2000 } } } },
  render: ({ prompt, ...args }) => (
    <EditHarness prompt={prompt} request={{ enable_sync_mode: true }}>
      {({ edit, source, prompt: asked, run }) => (
        <>
          <ResultViewer.Root {...args} edit={edit} source={source} prompt={asked} format="png" onRetry={run} />
          <p>
            Prediction id: <code data-testid="prediction-id">{edit.prediction?.id ?? '—'}</code>
          </p>
        </>
      )}
    </EditHarness>
  ),
  play: async ({ canvas, canvasElement, userEvent }) => {
    await clickRun(canvas);
    await waitFor(() => expect(canvas.getByTestId('prediction-id')).not.toHaveTextContent('—'), { timeout: 10_000 });
    const id = canvas.getByTestId('prediction-id').textContent;
    await findResult(canvas);
    await expect(canvas.getByTestId('prediction-id')).toHaveTextContent(id!);
  },
};
