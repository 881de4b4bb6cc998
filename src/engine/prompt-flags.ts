/** Demo switches in a prompt, in square brackets, case-insensitive. */
export interface PromptFlags {
  /** `[fail]`: the prediction ends `failed` with a realistic error. */
  fail: boolean;
  /** `[moderate]`: the prediction ends `failed` with task code 1200 and `has_nsfw_contents: [true]`. */
  moderate: boolean;
  /** `[slow]`: the prediction takes `slowLatency` longer (8 s by default), to show progress and sync timeouts. */
  slow: boolean;
}

/** Reads the `[fail]`, `[moderate]` and `[slow]` switches from a prompt. */
export function parsePromptFlags(prompt: string): PromptFlags {
  return { fail: /\[fail\]/i.test(prompt), moderate: /\[moderate\]/i.test(prompt), slow: /\[slow\]/i.test(prompt) };
}
