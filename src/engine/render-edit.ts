import type { OutputFormat } from '../core/types.js';
import { applyEditStep } from './apply-edit-step.js';
import { parseEditPrompt, type EditStep } from './edit-vocabulary.js';
import type { Imaging, RgbaImage } from './imaging.js';
import { composeReferences, insetLayout } from './operations/compose-references.js';
import { coverRect, crop } from './operations/rgba.js';
import { seedVariation } from './operations/seed-variation.js';

export interface RenderEditInput {
  /** The edit instruction; the steps it names are listed in `EDIT_VOCABULARY`. */
  prompt: string;
  /** Decoded reference images, first one edited, the rest composed in. At least one. */
  references: readonly RgbaImage[];
  /** Output width in pixels. */
  width: number;
  /** Output height in pixels. */
  height: number;
  /** Encoding of the output bytes. */
  format: OutputFormat;
  /** Picks the variation applied to the image: the same seed gives the same bytes. */
  seed: number;
}

export interface RenderEditResult {
  bytes: Uint8Array;
  width: number;
  height: number;
  format: OutputFormat;
  /** The steps applied, in order. */
  steps: EditStep[];
}

/**
 * Lets the event loop run between stages: the pixel work of one edit takes up to a second at 2048², and other
 * requests to the same server (result polls, uploads) should not wait for all of it.
 */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function cover(imaging: Imaging, image: RgbaImage, width: number, height: number): Promise<RgbaImage> {
  const rect = coverRect(image.width, image.height, width, height);
  return imaging.resize(crop(image, rect.x, rect.y, rect.width, rect.height), width, height);
}

/**
 * The whole local "model": cover-crops the first reference to the output size (to the swapped size when the
 * prompt turns it a quarter), applies the seed's variation, then the prompt's steps in order, composes the
 * other references in as insets and encodes. Deterministic: the same input gives the same bytes.
 */
export async function renderEdit(imaging: Imaging, input: RenderEditInput): Promise<RenderEditResult> {
  const [first, ...others] = input.references;
  if (!first) throw new Error('renderEdit needs at least one reference image.');
  const steps = parseEditPrompt(input.prompt);
  const quarterTurns = steps.filter((s) => s.operation === 'rotate' && s.degrees !== 180).length;
  const swap = quarterTurns % 2 === 1;
  let image = await cover(imaging, first, swap ? input.height : input.width, swap ? input.width : input.height);
  if (image === first) image = { width: first.width, height: first.height, data: new Uint8ClampedArray(first.data) };
  await breathe();
  seedVariation(image, input.seed);
  for (const step of steps) {
    await breathe();
    image = applyEditStep(image, step);
  }
  await breathe();
  if (others.length > 0) {
    const rects = insetLayout(image.width, image.height, others.length);
    const tiles = await Promise.all(
      others.map((ref, i) => {
        const inner = Math.max(1, rects[i]!.size - 2 * rects[i]!.border);
        return cover(imaging, ref, inner, inner);
      }),
    );
    composeReferences(image, tiles, rects);
    await breathe();
  }
  const bytes = await imaging.encode(image, input.format);
  return { bytes, width: image.width, height: image.height, format: input.format, steps };
}
