// Steps the play functions share. They assert what a person sees: roles, names, text.
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { sceneFile, type SceneOptions } from './images.js';

type Canvas = ReturnType<typeof within>;

/** Clicks "Run edit" once it is enabled (a reference may still be loading). */
export async function clickRun(canvas: Canvas, timeout = 15_000): Promise<void> {
  const button = await canvas.findByRole('button', { name: 'Run edit' }, { timeout });
  await waitFor(() => expect(button).toBeEnabled(), { timeout });
  await userEvent.click(button);
}

/** Waits for the edited image to be on screen and decoded. */
export async function findResult(canvas: Canvas, timeout = 30_000): Promise<HTMLImageElement> {
  const image = (await canvas.findByRole('img', { name: /^Edited image/ }, { timeout })) as HTMLImageElement;
  await waitFor(() => expect(image.complete && image.naturalWidth > 0).toBe(true), { timeout });
  return image;
}

/** Adds a PNG drawn on a canvas through the "Add reference images" file input and waits for its thumbnail. */
export async function addReference(canvas: Canvas, options: SceneOptions = {}): Promise<File> {
  const file = await sceneFile(options);
  await userEvent.upload(canvas.getByLabelText('Add reference images'), file);
  await canvas.findByRole('img', { name: file.name });
  return file;
}

/** Replaces the prompt's text, typing it as a person would. */
export async function typePrompt(canvas: Canvas, text: string): Promise<void> {
  const prompt = canvas.getByRole('textbox', { name: 'Prompt' });
  await userEvent.clear(prompt);
  await userEvent.type(prompt, text);
  await expect(prompt).toHaveValue(text);
}
