/** Every visible string of `ResultViewer`; pass a partial object as `labels` to translate. */
export interface ResultViewerLabels {
  idle: string;
  uploading: string;
  submitting: string;
  processing: string;
  /** Elapsed time shown after "Processing…": `3.2 s`. */
  seconds(seconds: string): string;
  completed(seconds: string | null): string;
  /** Used when the error carries no message of its own. */
  failed: string;
  progress: string;
  /** The result's alt text; must start with "Edited image". */
  image(prompt: string | undefined): string;
  before: string;
  compare: string;
  download: string;
  downloading: string;
  downloadFailed: string;
  editAgain: string;
  retry: string;
  nsfw: string;
  /** Shown instead of the result when its image cannot be loaded any more. */
  unavailable: string;
}

export const defaultResultViewerLabels: ResultViewerLabels = {
  idle: '',
  uploading: 'Uploading references…',
  submitting: 'Submitting…',
  processing: 'Processing…',
  seconds: (s) => `${s} s`,
  completed: (s) => (s ? `Completed in ${s} s` : 'Completed'),
  failed: 'The edit failed.',
  progress: 'Edit progress',
  image: (prompt) => (prompt ? `Edited image: ${prompt}` : 'Edited image'),
  before: 'Original image',
  compare: 'Compare original and edited image',
  download: 'Download',
  downloading: 'Downloading…',
  downloadFailed: 'Download failed. Try again.',
  editAgain: 'Edit this result again',
  retry: 'Retry',
  nsfw: 'The API flagged this result as possibly not safe for work.',
  unavailable: 'This result is no longer available: outputs are kept for a limited time. Run the edit again to get a new one.',
};
