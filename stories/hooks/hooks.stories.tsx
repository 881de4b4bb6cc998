import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { fakePngFile, sceneFile } from '../support/images.js';
import { findResult } from '../support/play.js';
import { useSceneDataUri } from '../support/scene.js';
import { MinimalEditor } from './minimal-editor.js';
import { ResumePrediction } from './resume-prediction.js';

const meta = {
  title: 'Hooks',
  tags: ['!autodocs'],
  parameters: {
    docs: { description: { component: 'Custom UIs written only with `useEdit` and `usePrediction`: the headless promise.' } },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** `useEdit` alone: a file input, a prompt, Run, Cancel, status, elapsed time, error and result. */
export const UseEditMinimalEditor: Story = {
  name: 'useEdit: minimal editor',
  render: () => <MinimalEditor />,
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText('Reference image'), await sceneFile({ name: 'street.png' }));
    await userEvent.clear(canvas.getByRole('textbox', { name: 'Prompt' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Prompt' }), 'Keep the scene. Rotate 90 degrees.');
    await userEvent.click(canvas.getByRole('button', { name: 'Run edit' }));
    const result = await findResult(canvas);
    await expect(result).toHaveAccessibleName('Edited image: Keep the scene. Rotate 90 degrees.');
    await expect(canvas.getByRole('status')).toHaveTextContent(/^completed · \d+\.\d s · /);
  },
};

/** `useEdit` errors are data: `error.code` and `error.message`, never thrown (`failRate: 1`). */
export const UseEditFailure: Story = {
  name: 'useEdit: failed prediction',
  parameters: { hidream: { backend: { engine: { failRate: 1, latency: 300 } } } },
  render: () => <MinimalEditor />,
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText('Reference image'), await sceneFile());
    await userEvent.click(canvas.getByRole('button', { name: 'Run edit' }));
    await expect(await canvas.findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent(/^prediction_failed: /);
    await expect(canvas.getByRole('status')).toHaveTextContent(/^failed/);
  },
};

/** A file that is not an image is refused at upload, before any edit is submitted (and paid for). */
export const UseEditBadFile: Story = {
  name: 'useEdit: bad file',
  render: () => <MinimalEditor />,
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText('Reference image'), fakePngFile());
    await userEvent.click(canvas.getByRole('button', { name: 'Run edit' }));
    await expect(await canvas.findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent(/^upload_failed: Could not upload holiday\.png/);
    await expect(canvas.getByRole('status')).toHaveTextContent(/^failed/);
    await expect(canvas.queryByRole('img')).toBeNull();
  },
};

function Resume() {
  const image = useSceneDataUri({ hue: 45 });
  return image ? <ResumePrediction image={image} /> : null;
}

/** `usePrediction(id)`: follow any prediction by id until it is final (after a reload, or submitted by a server). */
export const UsePredictionResume: Story = {
  name: 'usePrediction: resume by id',
  render: () => <Resume />,
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Submit an edit elsewhere' }));
    const field = canvas.getByRole('textbox', { name: 'Prediction id' });
    await waitFor(() => expect(field).not.toHaveValue(''));
    await userEvent.click(canvas.getByRole('button', { name: 'Follow' }));
    await findResult(canvas);
    await expect(canvas.getByRole('status')).toHaveTextContent('completed (final)');
  },
};
