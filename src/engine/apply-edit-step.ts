import type { EditStep } from './edit-vocabulary.js';
import type { RgbaImage } from './imaging.js';
import { renderBackdrop } from './operations/backdrop.js';
import { blur, blurRadiusFor } from './operations/blur.js';
import { brightness } from './operations/brightness.js';
import { contrast } from './operations/contrast.js';
import { flipHorizontal, flipVertical } from './operations/flip.js';
import { grayscale } from './operations/grayscale.js';
import { invert } from './operations/invert.js';
import { pixelate, pixelBlockFor } from './operations/pixelate.js';
import { replaceBackground } from './operations/replace-background.js';
import { rotate } from './operations/rotate.js';
import { saturation } from './operations/saturation.js';
import { sepia } from './operations/sepia.js';
import { sharpen } from './operations/sharpen.js';
import { temperature } from './operations/temperature.js';
import { vignette } from './operations/vignette.js';

/** Applies one parsed step (see `EDIT_VOCABULARY`) to an image. May modify `image` in place. */
export function applyEditStep(image: RgbaImage, step: EditStep): RgbaImage {
  switch (step.operation) {
    case 'grayscale':
      return grayscale(image);
    case 'sepia':
      return sepia(image);
    case 'invert':
      return invert(image);
    case 'blur':
      return blur(image, blurRadiusFor(image));
    case 'sharpen':
      return sharpen(image);
    case 'brighten':
      return brightness(image, 1.25, 10);
    case 'darken':
      return brightness(image, 0.7);
    case 'warm':
      return temperature(image, 24);
    case 'cool':
      return temperature(image, -24);
    case 'saturate':
      return saturation(image, 1.5);
    case 'contrast':
      return contrast(image, 1.4);
    case 'mirror':
      return flipHorizontal(image);
    case 'flip':
      return flipVertical(image);
    case 'rotate':
      return rotate(image, step.degrees ?? 90);
    case 'background':
      return replaceBackground(image, renderBackdrop(step.backdrop ?? 'white', image.width, image.height));
    case 'pixelate':
      return pixelate(image, pixelBlockFor(image));
    case 'vignette':
      return vignette(image);
  }
}
