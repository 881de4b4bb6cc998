import { BACKDROP_NAMES } from './operations/backdrop.js';
import type { Rotation } from './operations/rotate.js';

/** The operations the local engine can apply. */
export type EditOperation =
  | 'grayscale'
  | 'sepia'
  | 'invert'
  | 'blur'
  | 'sharpen'
  | 'brighten'
  | 'darken'
  | 'warm'
  | 'cool'
  | 'saturate'
  | 'contrast'
  | 'mirror'
  | 'flip'
  | 'rotate'
  | 'background'
  | 'pixelate'
  | 'vignette';

/** One entry of the documented vocabulary. */
export interface VocabularyEntry {
  /** Words or phrases that trigger it, matched case-insensitively on word boundaries. */
  keywords: readonly string[];
  operation: EditOperation;
  /** What it does to the pixels, for a person. */
  description: string;
}

/** One step parsed from a prompt, in prompt order. */
export interface EditStep {
  operation: EditOperation;
  /** The prompt text that triggered it. */
  match: string;
  /** Where in the prompt it starts. */
  index: number;
  /** `rotate` only: clockwise degrees. */
  degrees?: Rotation;
  /** `background` only: the colour or scene word (see `BACKDROP_NAMES`). */
  backdrop?: string;
}

/**
 * What the local engine understands in a prompt. Operations apply in prompt order to the first reference
 * image; words it does not know are ignored (the seed's variation still applies, so every result differs from
 * the input). References 2..N are composed in as framed insets along the bottom edge.
 */
export const EDIT_VOCABULARY: readonly VocabularyEntry[] = [
  { operation: 'grayscale', keywords: ['black and white', 'b&w', 'grayscale', 'greyscale', 'monochrome'], description: 'Every pixel becomes its luma (R = G = B).' },
  { operation: 'sepia', keywords: ['sepia', 'vintage', 'retro'], description: 'Classic sepia tone: warm browns.' },
  { operation: 'invert', keywords: ['invert', 'negative'], description: 'Each colour channel becomes 255 − value.' },
  { operation: 'blur', keywords: ['blur', 'blurry', 'soften', 'soft focus'], description: 'Gaussian-like blur, radius ≈ 0.5 % of the shorter side.' },
  { operation: 'sharpen', keywords: ['sharpen', 'sharper', 'crisp'], description: 'Unsharp mask: stronger edges and fine detail.' },
  { operation: 'brighten', keywords: ['brighter', 'brighten', 'lighter', 'lighten'], description: 'Colours × 1.25 + 10.' },
  { operation: 'darken', keywords: ['darker', 'darken'], description: 'Colours × 0.7.' },
  { operation: 'warm', keywords: ['warmer', 'warm tones', 'warm up', 'golden hour'], description: 'Warmer white balance: +24 red, +8 green, −24 blue.' },
  { operation: 'cool', keywords: ['cooler', 'colder', 'cool tones', 'cool down'], description: 'Cooler white balance: −24 red, −8 green, +24 blue.' },
  { operation: 'saturate', keywords: ['vivid', 'vibrant', 'saturated', 'more saturation'], description: 'Colours 1.5 × further from grey.' },
  { operation: 'contrast', keywords: ['more contrast', 'higher contrast', 'high contrast', 'punchy'], description: 'Channels 1.4 × further from mid-grey.' },
  { operation: 'mirror', keywords: ['mirror', 'flip horizontally'], description: 'Left and right swapped.' },
  { operation: 'flip', keywords: ['flip', 'flip vertically', 'upside down'], description: 'Top and bottom swapped.' },
  { operation: 'rotate', keywords: ['rotate', 'rotate 180', 'rotate 270', 'rotate left'], description: 'Quarter turns clockwise (90° unless "180", "270", "left" or "counterclockwise" follows).' },
  {
    operation: 'background',
    keywords: ['background to <word>', 'background with <word>', '<word> background', 'remove the background'],
    description:
      'Keeps the subject (pixels that differ from the border colour, flood-filled from the edges) and replaces the rest with a colour (white, black, red, green, blue, yellow, orange, purple, pink, gray, brown, beige, transparent) or a scene gradient (beach, sunset, forest, ocean, sky, night, snow, desert, studio). "Remove the background" means white.',
  },
  { operation: 'pixelate', keywords: ['pixelate', 'pixelated', 'mosaic', '8-bit'], description: 'Mosaic of blocks ≈ 1/48 of the shorter side.' },
  { operation: 'vignette', keywords: ['vignette'], description: 'Corners darkened with a smooth radial falloff.' },
];

const word = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+');
const backdrops = [...BACKDROP_NAMES].sort((a, b) => b.length - a.length).map(word).join('|');

interface Rule {
  operation: EditOperation;
  pattern: RegExp;
}

const RULES: Rule[] = [
  { operation: 'grayscale', pattern: /\b(?:black[\s-]+(?:and|&)[\s-]+white|b&w|gr[ae]y[\s-]?scale|monochrome)\b/gi },
  { operation: 'sepia', pattern: /\b(?:sepia|vintage|retro)\b/gi },
  { operation: 'invert', pattern: /\b(?:invert(?:ed|s)?|negative)\b/gi },
  { operation: 'blur', pattern: /\b(?:blur(?:red|ry|s)?|soften|soft[\s-]+focus)\b/gi },
  { operation: 'sharpen', pattern: /\b(?:sharpen(?:ed)?|sharper|crisp(?:er)?)\b/gi },
  { operation: 'brighten', pattern: /\b(?:brighter|brighten|lighter|lighten)\b/gi },
  { operation: 'darken', pattern: /\b(?:darker|darken)\b/gi },
  { operation: 'warm', pattern: /\b(?:warmer|warm[\s-]+(?:tones?|up)|golden[\s-]+hour)\b/gi },
  { operation: 'cool', pattern: /\b(?:cooler|colder|cool[\s-]+(?:tones?|down))\b/gi },
  { operation: 'saturate', pattern: /\b(?:vivid|vibrant|saturated|more[\s-]+saturation)\b/gi },
  { operation: 'contrast', pattern: /\b(?:(?:more|higher|high)[\s-]+contrast|punchy)\b/gi },
  { operation: 'mirror', pattern: /\b(?:mirror(?:ed)?|flip(?:ped)?\s+(?:(?:it|the\s+image|the\s+photo)\s+)?horizontal(?:ly)?)\b/gi },
  { operation: 'flip', pattern: /\b(?:upside[\s-]+down|flip(?:ped)?(?:\s+(?:(?:it|the\s+image|the\s+photo)\s+)?vertical(?:ly)?)?)\b/gi },
  {
    operation: 'rotate',
    pattern:
      /\brotated?\b(?:\s+(?:it|the\s+image|the\s+photo|by))*(?:\s*(-?\d{2,3}))?(?:\s*(?:°|degrees?\b|deg\b))?(?:\s*(counter[\s-]?clockwise|anti[\s-]?clockwise|clockwise|left|right)\b)?/gi,
  },
  { operation: 'pixelate', pattern: /\b(?:pixell?ated?|mosaic|8[\s-]?bit)\b/gi },
  { operation: 'vignette', pattern: /\bvignett(?:e|ed|ing)\b/gi },
  {
    operation: 'background',
    pattern: new RegExp(
      `\\b(?:background|backdrop|scene|setting)\\s+(?:to|with|into|for|as|by)\\s+(?:[\\w'-]+\\s+){0,4}?(${backdrops})\\b` +
        `|\\b(${backdrops})[\\s-]+(?:background|backdrop)\\b` +
        `|\\bremove\\s+(?:the\\s+)?(?:background|backdrop)\\b`,
      'gi',
    ),
  },
];

function rotation(amount: string | undefined, direction: string | undefined): Rotation {
  let degrees = amount ? ((Number(amount) % 360) + 360) % 360 : 90;
  if (direction && /counter|anti|left/i.test(direction)) degrees = (360 - degrees) % 360;
  return degrees === 180 || degrees === 270 ? degrees : 90;
}

/** The steps a prompt asks for, in prompt order (see `EDIT_VOCABULARY`). Overlapping matches keep the longest. */
export function parseEditPrompt(prompt: string): EditStep[] {
  const found: EditStep[] = [];
  for (const rule of RULES) {
    for (const m of prompt.matchAll(rule.pattern)) {
      const step: EditStep = { operation: rule.operation, match: m[0], index: m.index ?? 0 };
      if (rule.operation === 'rotate') step.degrees = rotation(m[1], m[2]);
      if (rule.operation === 'background') step.backdrop = (m[1] ?? m[2] ?? 'white').toLowerCase().replace(/[\s-]+/g, ' ');
      found.push(step);
    }
  }
  found.sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  const steps: EditStep[] = [];
  let end = 0;
  for (const step of found) {
    if (step.index < end) continue;
    steps.push(step);
    end = step.index + step.match.length;
  }
  return steps;
}
