import { describe, expect, it } from 'vitest';
import { EDIT_VOCABULARY, parseEditPrompt, parsePromptFlags } from '../../src/engine/index.js';

const ops = (prompt: string) =>
  parseEditPrompt(prompt).map((s) => (s.degrees ? `${s.operation} ${s.degrees}` : s.backdrop ? `${s.operation} ${s.backdrop}` : s.operation));

describe('parseEditPrompt', () => {
  it('finds every documented operation by its first keyword', () => {
    for (const entry of EDIT_VOCABULARY) {
      const keyword = entry.keywords[0]!.replace('<word>', 'white');
      expect(parseEditPrompt(`please ${keyword} now`).map((s) => s.operation), keyword).toEqual([entry.operation]);
    }
  });

  it('keeps prompt order and ignores case', () => {
    expect(ops('Make it BLACK AND WHITE, then Mirror it and make it Brighter')).toEqual(['grayscale', 'mirror', 'brighten']);
  });

  it('reads the rotation amount and direction', () => {
    expect(ops('rotate')).toEqual(['rotate 90']);
    expect(ops('rotate 180')).toEqual(['rotate 180']);
    expect(ops('rotate it by 270 degrees')).toEqual(['rotate 270']);
    expect(ops('rotate left')).toEqual(['rotate 270']);
    expect(ops('rotate 90° counterclockwise')).toEqual(['rotate 270']);
  });

  it('tells horizontal and vertical flips apart', () => {
    expect(ops('flip horizontally')).toEqual(['mirror']);
    expect(ops('flip it vertically')).toEqual(['flip']);
    expect(ops('flip')).toEqual(['flip']);
    expect(ops('upside down')).toEqual(['flip']);
  });

  it('reads the background target as a colour or scene word, in several phrasings', () => {
    expect(ops('Keep the person and pose. Change the background to a sunlit beach at golden hour.')).toEqual(['background beach', 'warm']);
    expect(ops('replace the backdrop with plain black')).toEqual(['background black']);
    expect(ops('put her on a white background')).toEqual(['background white']);
    expect(ops('remove the background')).toEqual(['background white']);
    expect(ops('set the scene to a snowy winter forest')).toEqual(['background winter']);
  });

  it('does not act on instructions to keep things, or on words it does not know', () => {
    expect(ops('Keep the person, pose, and background unchanged. Change the jacket to red leather.')).toEqual([]);
    expect(ops('a lightweight sharpie drawing')).toEqual([]);
  });
});

describe('parsePromptFlags', () => {
  it('reads [fail], [moderate] and [slow] case-insensitively', () => {
    expect(parsePromptFlags('sepia [FAIL] [slow]')).toEqual({ fail: true, moderate: false, slow: true });
    expect(parsePromptFlags('fail moderate slow')).toEqual({ fail: false, moderate: false, slow: false });
    expect(parsePromptFlags('[Moderate]').moderate).toBe(true);
  });
});
