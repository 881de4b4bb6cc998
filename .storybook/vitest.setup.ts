// Runs before every story test (the `storybook` Vitest project). Storybook's preview annotations (preview.tsx,
// the a11y addon) are applied automatically by @storybook/addon-vitest; this file adds one rule of our own:
// a story that logs a console error fails, so "renders without console errors" is checked, not hoped for.
import { afterEach, beforeEach, expect, vi } from 'vitest';

let errors: string[] = [];

beforeEach(() => {
  errors = [];
  const original = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' '));
    original(...args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  expect(errors, 'console.error was called while the story ran').toEqual([]);
});
