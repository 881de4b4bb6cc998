// Steps the play functions share. They assert what a person sees: roles, names, text.
import { expect, userEvent, waitFor, within } from 'storybook/test';

type Canvas = ReturnType<typeof within>;

/** Clicks "Run edit" once it is enabled (the reference may still be loading). */
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
