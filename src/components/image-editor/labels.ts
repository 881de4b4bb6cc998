/** A prompt template from the prompting guide; `[...]` marks what to fill in (selected on insert). */
export interface PromptTemplate {
  id: string;
  label: string;
  text: string;
}

/** The prompting guide's templates: state the change and what to keep. */
export const PROMPT_TEMPLATES: readonly PromptTemplate[] = [
  { id: 'keep', label: 'Keep and change', text: 'Keep the same person, pose, and background. Change [target edit]. Keep lighting natural and consistent.' },
  { id: 'wardrobe', label: 'Wardrobe', text: 'Keep the same person and pose. Change the outfit to [new outfit]. Keep the background and lighting unchanged.' },
  { id: 'background', label: 'Background', text: 'Keep the person and pose. Change the background to [new scene].' },
  { id: 'remove', label: 'Remove object', text: 'Keep the subject unchanged. Remove [the object] and keep the scene lighting consistent.' },
  { id: 'replace', label: 'Replace object', text: 'Keep identity and composition. Replace [the item] with [the new item]; keep realistic texture and natural shadows.' },
  { id: 'style', label: 'Style', text: "Keep the subject's identity and the composition. Apply [a style] to the whole image." },
];

import type { ReferencePickerLabels } from '../reference-picker/index.js';
import type { ResultViewerLabels } from '../result-viewer/labels.js';
import type { SizeSelectorLabels } from '../size-selector/labels.js';

/** Every visible string of `ImageEditor`; pass a partial object as `labels` to translate. */
export interface ImageEditorLabels {
  /** Strings of the inner components. */
  referencePicker?: Partial<ReferencePickerLabels>;
  sizeSelector?: Partial<SizeSelectorLabels>;
  resultViewer?: Partial<ResultViewerLabels>;
  references: string;
  prompt: string;
  promptPlaceholder: string;
  promptHint: string;
  templates: string;
  size: string;
  width: string;
  height: string;
  format: string;
  formats: Record<'jpeg' | 'png' | 'webp', string>;
  formatHint: string;
  seed: string;
  randomSeed: string;
  seedValue: string;
  seedPlaceholder: string;
  seedHint: string;
  /** After a run: `Last run used seed 42.` */
  seedUsed(seed: number): string;
  pinSeed: string;
  run: string;
  running: string;
  cancel: string;
  /** Why Run is disabled. */
  needReference: string;
  needPrompt: string;
  resizing: string;
  fillPlaceholder: string;
  invalidSize: string;
  invalidSeed: string;
  busy: string;
  shortcut: string;
  /** `$0.02 per edit`. */
  price(perEdit: string): string;
  /** `Session total $0.04 (2 edits)`. */
  total(total: string, edits: number): string;
  result: string;
  history: string;
  historyEmpty: string;
  undo: string;
  redo: string;
  /** A history entry's step, read before its prompt by screen readers only: `Step 2:`. */
  historyStep(step: number): string;
  /** A history entry's visible detail after its prompt: `(seed 42, 2048×2048)`. */
  historyDetail(seed: number, size: string): string;
}

export const defaultImageEditorLabels: ImageEditorLabels = {
  references: 'Reference images',
  prompt: 'Prompt',
  promptPlaceholder: 'Describe the change and what to keep, e.g. “Change the jacket to black leather. Keep the person, pose, and background unchanged.”',
  promptHint: 'Say what to keep as well as what to change. For several changes, run one edit per change.',
  templates: 'Prompt templates',
  size: 'Size',
  width: 'Width',
  height: 'Height',
  format: 'Output format',
  formats: { jpeg: 'JPEG · compact', png: 'PNG · lossless', webp: 'WebP · balanced' },
  formatHint: 'Choose PNG when you will edit the result again.',
  seed: 'Seed',
  randomSeed: 'New random seed each run',
  seedValue: 'Seed value',
  seedPlaceholder: 'Random',
  seedHint: 'Pin a seed while iterating to compare prompt variants fairly.',
  seedUsed: (seed) => `Last run used seed ${seed}.`,
  pinSeed: 'Pin this seed',
  run: 'Run edit',
  running: 'Editing…',
  cancel: 'Cancel',
  needReference: 'Add at least one reference image.',
  needPrompt: 'Write an edit instruction.',
  resizing: 'Wait until the images finish resizing.',
  fillPlaceholder: 'Replace the [bracketed] part of the prompt.',
  invalidSize: 'Choose a valid size.',
  invalidSeed: 'The seed must be a whole number from 0 to 2147483647.',
  busy: 'An edit is running.',
  shortcut: 'Ctrl/⌘ + Enter runs the edit.',
  price: (p) => `${p} per edit`,
  total: (t, n) => `Session total ${t} (${n} ${n === 1 ? 'edit' : 'edits'})`,
  result: 'Result',
  history: 'Edit history',
  historyEmpty: 'Your edits will appear here.',
  undo: 'Undo',
  redo: 'Redo',
  historyStep: (step) => `Step ${step}:`,
  historyDetail: (seed, size) => `(seed ${seed}, ${size.replace('*', '×')})`,
};
